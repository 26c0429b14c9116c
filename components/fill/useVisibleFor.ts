/**
 * In the guide frame: was the panel seen? Feeds the click-time judgement of
 * lib/autofill/click-guard.ts. (The page cannot focus or click into the frame: a frame in a shadow
 * tree is not one of the page's `window.frames`, and it is of another origin.)
 */
import { useEffect, useRef, useState } from 'react';

/**
 * IntersectionObserver v2 (`trackVisibility`, Chromium): the browser itself says whether an
 * element of the frame is drawn unobstructed, unfaded and untransformed — across the page that frames it,
 * covers with `pointer-events: none` included. `visibleFor()` answers how long (ms) it has been
 * so since it was last seen hidden (Infinity when it never was since the first report), 0 while
 * it is hidden, null where the browser cannot tell (Firefox). `ref` goes on the element.
 */
export function useVisibleFor(): { ref(element: Element | null): void; visibleFor(): number | null } {
  const seen = useRef<{ visible: boolean; since: number } | null>(null);
  const [element, ref] = useState<Element | null>(null);
  useEffect(() => {
    if (!element) return;
    seen.current = null;
    let observer: IntersectionObserver;
    try {
      observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!('isVisible' in entry)) return;
            const visible = (entry as IntersectionObserverEntry & { isVisible: boolean }).isVisible;
            const previous = seen.current;
            // The first report starts the watch: only a later change is a moment to time from.
            if (!previous) seen.current = { visible, since: visible ? -Infinity : entry.time };
            else if (previous.visible !== visible) seen.current = { visible, since: entry.time };
          }
        },
        { threshold: [0], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      );
    } catch {
      return; // No v2 options: the browser cannot tell.
    }
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return {
    ref,
    visibleFor: () => {
      const current = seen.current;
      if (!current) return null;
      return current.visible ? performance.now() - current.since : 0;
    },
  };
}
