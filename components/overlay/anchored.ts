/**
 * Keeps a floating element of the overlay beside a page element with @floating-ui/dom,
 * following scroll, resize and layout changes (autoUpdate), and hides it when the page
 * element is scrolled out of sight.
 */
import { autoUpdate, computePosition, flip, hide, offset, shift, type Placement } from '@floating-ui/dom';
import { useEffect } from 'react';

export interface AnchorOptions {
  placement: Placement;
  gap: number;
  fallbacks?: Placement[];
}

export function useAnchored(reference: Element | null, floating: HTMLElement | null, { placement, gap, fallbacks }: AnchorOptions) {
  const fallbackKey = fallbacks?.join() ?? '';
  useEffect(() => {
    if (!reference || !floating) return;
    let alive = true;
    const stop = autoUpdate(reference, floating, () => {
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement,
        middleware: [offset(gap), flip(fallbacks ? { fallbackPlacements: fallbacks } : {}), shift({ padding: 4 }), hide()],
      }).then(({ x, y, middlewareData }) => {
        if (!alive) return;
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
        floating.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : 'visible';
      });
    });
    return () => {
      alive = false;
      stop();
    };
    // fallbacks is compared by value, through fallbackKey.
  }, [reference, floating, placement, gap, fallbackKey]);
}

/** Covers a page element with a ring (box plus `pad` on every side), following it like useAnchored. */
export function useRing(reference: Element | null, ring: HTMLElement | null, pad: number) {
  useEffect(() => {
    if (!reference || !ring) return;
    return autoUpdate(reference, ring, () => {
      const box = reference.getBoundingClientRect();
      ring.style.left = `${box.left - pad}px`;
      ring.style.top = `${box.top - pad}px`;
      ring.style.width = `${box.width + 2 * pad}px`;
      ring.style.height = `${box.height + 2 * pad}px`;
    });
  }, [reference, ring, pad]);
}
