/**
 * The room Balise's UI leaves the page: where a badge or a bubble may sit without covering
 * what the user reads or operates, where the guide sits until the user chooses, how a docked
 * guide pushes the page aside, and how far to scroll a field out from under the floating guide.
 * All boxes are in viewport CSS pixels.
 */
import type { Box } from '../dom/layout';
import type { GuideDock } from '../store/storage';

/** The docked guide's width, in CSS pixels: the margin it takes from the page's side. */
export const dockedWidth = 360;

/**
 * The narrowest window, in CSS pixels, where the guide docks by default (until the user chooses
 * a place): beside the docked guide, the page keeps 1000 px and its scrollbar, room enough for
 * the portals' forms. Narrower, the guide floats in a corner, where the page keeps its layout.
 */
const roomyWindowWidth = dockedWidth + 1000 + 20;

/**
 * Where the guide sits in a window `windowWidth` wide while the user has not chosen: on the
 * right, the side where the floating guide sits, when the page keeps its room beside it.
 */
export function defaultDock(windowWidth: number): GuideDock {
  return windowWidth >= roomyWindowWidth ? 'right' : 'floating';
}

/** The space between the floating guide and a field scrolled out from under it, in CSS pixels. */
const clearance = 8;

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * The index of the first candidate box that lies wholly inside the viewport (`width` × `height`)
 * and overlaps none of `obstacles`; -1 when none does.
 */
export function firstClear(candidates: Box[], obstacles: Box[], viewport: { width: number; height: number }): number {
  return candidates.findIndex(
    (box) => box.left >= 0 && box.top >= 0 && box.right <= viewport.width && box.bottom <= viewport.height && !obstacles.some((obstacle) => overlaps(box, obstacle)),
  );
}

/**
 * How far to scroll the page down (CSS pixels, negative: up) so that `field` is no longer under
 * the floating guide's box `panel`; 0 when it is not under it. A guide in the lower half of the
 * viewport (`viewportHeight` tall) gets the field just above it, or at the top when the field is
 * too tall for that; a guide in the upper half, just below it.
 */
export function scrollClearOf(field: Box, panel: Box, viewportHeight: number): number {
  if (!overlaps(field, panel)) return 0;
  if (panel.top + panel.bottom < viewportHeight) return field.top - (panel.bottom + clearance);
  return Math.min(field.bottom - (panel.top - clearance), field.top - clearance);
}

/**
 * The floating guide's tallest, as a CSS length. Under half the window, a field is always clear
 * of one of the two corners the guide may sit in (Overlay.tsx clearOfPanel). While the fill
 * section is shown (on a page where Balise may fill, whatever it says), as tall as « Remplir cette
 * page », three of the preview's lines and a field's tip need on an ordinary screen (1024×700), or
 * the outcome and « Annuler le remplissage »: the guide then stays in the bottom corner, and the page has as
 * much room at its end (`roomBelow`, while the guide floats), so that any field still scrolls out from above it.
 */
export const floatingHeight = { reading: 'min(45vh, 560px)', filling: 'min(100vh - 32px, 36rem)' } as const;

/** The floating guide's distance from the window's edges, in CSS pixels (components/overlay/overlay.css .guide-frame). */
const floatingMargin = 16;

/**
 * Pushes the page aside for a guide docked on `side`: a margin on the root element (<html>), so
 * that nothing of the page lays out under the guide. Answers how to put the page's own inline
 * margin back.
 */
export function pushPage(root: HTMLElement, side: Exclude<GuideDock, 'floating'>): () => void {
  return setRootStyle(root, `margin-${side}`, `${dockedWidth}px`);
}

/**
 * Room at the page's end as tall as the filling floating guide and its margins: the page can
 * always scroll its last fields above the guide. A padding of the root element (<html>): Firefox
 * does not scroll into its bottom margin. Answers how to put the page's own inline padding back.
 */
export function roomBelow(root: HTMLElement): () => void {
  return setRootStyle(root, 'padding-bottom', `calc(${floatingHeight.filling} + ${floatingMargin + clearance}px)`);
}

function setRootStyle(root: HTMLElement, property: string, value: string): () => void {
  const before = { value: root.style.getPropertyValue(property), priority: root.style.getPropertyPriority(property) };
  // !important: a page's own rule on <html> must not undo the room the guide needs.
  root.style.setProperty(property, value, 'important');
  return () => root.style.setProperty(property, before.value, before.priority);
}

/**
 * What a badge or a bubble must never cover on `doc`: its controls' boxes, and the text of its
 * labels, legends and headings (their text only: a block label spans its whole row, most of it
 * empty). Only what meets the viewport.
 */
export function pageObstacles(doc: Document): Box[] {
  const { innerWidth: width, innerHeight: height } = doc.defaultView ?? { innerWidth: 0, innerHeight: 0 };
  const seen = (box: Box) => box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < width && box.top < height;
  const boxes: Box[] = [];
  for (const element of doc.querySelectorAll(controls)) {
    const box = element.getBoundingClientRect();
    if (seen(box)) boxes.push(box);
  }
  const range = doc.createRange();
  for (const element of doc.querySelectorAll(texts)) {
    range.selectNodeContents(element);
    for (const box of range.getClientRects()) if (seen(box)) boxes.push(box);
  }
  return boxes;
}

const controls = [
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'button',
  'a[href]',
  '[contenteditable]:not([contenteditable="false"])',
  ...['button', 'link', 'checkbox', 'radio', 'combobox', 'textbox', 'listbox', 'switch', 'tab'].map((role) => `[role="${role}"]`),
].join(', ');

const texts = 'label, legend, summary, h1, h2, h3, h4, h5, h6';
