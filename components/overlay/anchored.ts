/**
 * Keeps a floating element of the overlay beside a page element with @floating-ui/dom,
 * following scroll, resize and layout changes (autoUpdate), and hides it when the page
 * element is scrolled out of sight. Of the placements asked, the first whose box is in the
 * viewport and clear of what `avoid` answers wins (lib/overlay/room.ts firstClear); when none
 * is, the last one is used if `lastResort`, else the element is hidden.
 */
import { autoUpdate, computePosition, hide, offset, shift, type Placement, type ReferenceElement } from '@floating-ui/dom';
import { useEffect, useRef } from 'react';
import type { Box } from '../../lib/dom/layout';
import { firstClear } from '../../lib/overlay/room';

/** One place to try: a side of the reference, `gap` px away from it (negative: inside it). */
export interface Spot {
  placement: Placement;
  gap: number;
}

export interface AnchorOptions {
  spots: Spot[];
  /** What the element must not cover, asked at each move; without it, the first spot wins. */
  avoid?: () => Box[];
  /** Without a clear spot: true uses the last spot anyway, false hides the element. */
  lastResort: boolean;
  /**
   * true: the element slides along the reference's side to stay in the viewport (a bubble).
   * false: it stays level with the reference, partly out of view with it (a badge, which slid
   * up from a field at the window's bottom edge landed beside the field above).
   */
  keepInView: boolean;
  /** Told, when it changes, whether the element found a place. */
  onPlaced?(placed: boolean): void;
}

export function useAnchored(reference: ReferenceElement | null, floating: HTMLElement | null, { spots, avoid, lastResort, keepInView, onPlaced }: AnchorOptions) {
  const latest = useRef({ spots, avoid, lastResort, keepInView, onPlaced });
  latest.current = { spots, avoid, lastResort, keepInView, onPlaced };
  const spotsKey = spots.map((spot) => `${spot.placement}:${spot.gap}`).join();
  useEffect(() => {
    if (!reference || !floating) return;
    let alive = true;
    let placedBefore: boolean | undefined;
    const update = async () => {
      const { spots, avoid, lastResort, keepInView, onPlaced } = latest.current;
      // Measured at the viewport's corner, where nothing narrows it.
      floating.style.left = '0px';
      floating.style.top = '0px';
      const { width, height } = floating.getBoundingClientRect();
      const tried = await Promise.all(
        spots.map((spot) => computePosition(reference, floating, { strategy: 'fixed', placement: spot.placement, middleware: [offset(spot.gap), ...(keepInView ? [shift({ padding: 4 })] : []), hide()] })),
      );
      if (!alive) return;
      const boxes = tried.map(({ x, y }): Box => ({ left: x, top: y, right: x + width, bottom: y + height, width, height }));
      const clear = avoid ? firstClear(boxes, avoid(), { width: innerWidth, height: innerHeight }) : 0;
      const chosen = clear >= 0 ? clear : lastResort ? spots.length - 1 : -1;
      const shown = tried[chosen];
      if (shown) {
        floating.style.left = `${shown.x}px`;
        floating.style.top = `${shown.y}px`;
      }
      floating.style.visibility = shown && !shown.middlewareData.hide?.referenceHidden ? 'visible' : 'hidden';
      if (placedBefore !== !!shown) onPlaced?.((placedBefore = !!shown));
    };
    const stop = autoUpdate(reference, floating, () => void update());
    return () => {
      alive = false;
      stop();
    };
    // The spots are compared by value (spotsKey); avoid and onPlaced are read fresh at each move.
  }, [reference, floating, spotsKey]);
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
