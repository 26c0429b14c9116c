/**
 * The element to click next, ringed on the page: a ring drawn in the overlay's shadow root
 * around the element, clicks passing through it. No label beside it, which would cover the
 * portal's text: the panel says what to click and where.
 */
import { useState } from 'react';
import { useRing } from './anchored';

export function ClickHighlight({ element, flash }: { element: Element; flash: number }) {
  const [ring, setRing] = useState<HTMLDivElement | null>(null);
  useRing(element, ring, 4);
  // The key restarts the pulse each time « Montrer » is pressed.
  return <div ref={setRing} key={flash} aria-hidden="true" className={flash ? 'click-ring pulse' : 'click-ring'} data-balise-highlight="" />;
}
