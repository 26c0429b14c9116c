/**
 * Clickjacking guard: « Remplir cette page » acts only on a click a person meant. The button
 * lives in the guide frame (another origin: the page cannot click it, read it or draw into
 * it), and the frame's host sits in the top layer (lib/overlay/top-layer.ts), above anything
 * the page stacks with z-index and out of reach of its ancestors' transforms and filters. What
 * the page can still do is cover the frame with something that lets clicks through
 * (`pointer-events: none`), put a later top-layer element over it, or move the frame under
 * the pointer just before a click. So, at click time:
 * - the frame must have stood still for `minStableMs` (a moved target is not aimed at);
 * - where the browser reports real visibility (IntersectionObserver v2, Chromium), the panel
 *   must have been seen unobstructed for `minStableMs`;
 * - a page that lays a click-through cover over the panel's place, puts something of its own in
 *   the top layer or runs a view transition is up to something, even where Balise stays drawn
 *   above it: a doubt, settled in the browser's own UI (the fill shortcut confirms), which no
 *   page can draw over.
 */
import { pseudoBox } from '../dom/flat-tree';
import type { Box, Layout } from '../dom/layout';
import { browserLayout, eachElementNow } from './visibility';

/** How long the frame must stand still, and the button be seen, before a click counts (ms). */
export const minStableMs = 500;
/** How long a preview that replaced another must have been on screen before a click fills it (ms). */
export const minShownMs = 500;

/** The frame is anchored bottom right and grows upwards with its content: only its anchor and width say it moved. */
const samePlace = (a: Box, b: Box) => a.right === b.right && a.bottom === b.bottom && a.width === b.width;

/**
 * Watches where `element` is drawn, ten times a second while it exists (a zoom, a transform or a
 * resize fires no event here): `stableFor()` answers how long (ms) it has not moved, Infinity
 * when it never moved from where Balise put it.
 */
export function trackStability(element: Element, layout: Layout = browserLayout): { stableFor(): number; stop(): void } {
  let last = layout.rect(element);
  let since = -Infinity;
  const timer = setInterval(() => {
    const now = layout.rect(element);
    if (!samePlace(now, last)) {
      last = now;
      since = performance.now();
    }
  }, 100);
  return {
    stableFor: () => (samePlace(layout.rect(element), last) ? performance.now() - since : 0),
    stop: () => clearInterval(timer),
  };
}

/** A view transition shows the user a picture of the page while the live page, Balise included, sits under it. */
function viewTransitionRunning(doc: Document): boolean {
  if ((doc as Document & { activeViewTransition?: unknown }).activeViewTransition) return true;
  return (doc.getAnimations?.() ?? []).some((animation) => ((animation.effect as KeyframeEffect | null)?.pseudoElement ?? '').startsWith('::view-transition'));
}

function overlapArea(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
}

/** A cover is big enough to hide a button or a list: a quarter of the panel (icons inside fields are far smaller). */
const coverShare = 0.25;

const lettingClicksThrough = (style: CSSStyleDeclaration) =>
  style.pointerEvents === 'none' && style.position !== 'static' && style.position !== 'relative' && style.visibility === 'visible' && style.display !== 'none';

/**
 * Something of the page that is drawn above everything or over the panel's place while the
 * user thinks they click elsewhere: another top-layer element (a popover, a modal dialog, full
 * screen — also in the page's own closed shadow roots), a running view transition, or a
 * positioned element or ::before/::after letting clicks through (`pointer-events: none`, also
 * inherited) over a quarter of the frame's place. One pass over the page at click time, which the
 * fill's first check shares when `layout` is a moment (visibility.ts, `pageAsNow`).
 */
function pageUpToSomething(frame: Element, ownUi: Element, layout: Layout): boolean {
  const doc = frame.ownerDocument;
  if (viewTransitionRunning(doc) || (doc.fullscreenElement && doc.fullscreenElement !== ownUi)) return true;
  const place = layout.rect(frame);
  const enough = place.width * place.height * coverShare;
  let found = false;
  eachElementNow(doc, ownUi, layout, (element, pseudoHosts) => {
    if (found) return;
    if (element.matches(':popover-open, :modal')) return (found = true);
    const style = layout.style(element);
    if (lettingClicksThrough(style) && overlapArea(layout.rect(element), place) >= enough) return (found = true);
    for (const pseudo of ['::before', '::after'] as const) {
      if (pseudoHosts && !pseudoHosts[pseudo].has(element)) continue;
      const drawn = layout.pseudoStyle?.(element, pseudo);
      if (!drawn || drawn.content === 'none' || drawn.content === 'normal' || !lettingClicksThrough(drawn)) continue;
      if (overlapArea(pseudoBox(element, drawn, layout), place) >= enough) return (found = true);
    }
  });
  return found;
}

export type ClickVerdict = 'ok' | 'covered' | 'doubt';

/**
 * `visibleFor`: the frame's IntersectionObserver v2 answer (ms seen unobstructed), null where
 * the browser has none. `stableFor`: from trackStability.
 */
export function judgeClick(frame: Element | null, ownUi: Element | null, visibleFor: number | null, stableFor: number, layout: Layout = browserLayout): ClickVerdict {
  if (!frame?.isConnected || !ownUi) return 'covered';
  // Balise's host taken out of the top layer (hidePopover by the page): it may be under anything.
  if (!ownUi.matches(':popover-open')) return 'covered';
  if (stableFor < minStableMs) return 'covered';
  if (visibleFor !== null && visibleFor < minStableMs) return 'covered';
  return pageUpToSomething(frame, ownUi, layout) ? 'doubt' : 'ok';
}
