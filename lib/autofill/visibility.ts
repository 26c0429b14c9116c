/**
 * Can a person see and use this field? The defence against hidden-field traps: a page
 * may carry invisible inputs that would receive profile data without the user knowing.
 * Uses layout, so it runs only on the few fields about to be filled, all of them in one
 * pass of reads (`whyNotFillableAll`). Layout goes through the `Layout` interface so unit
 * tests (jsdom has no geometry) can supply rectangles.
 */

export type Unfillable =
  | 'detached'
  | 'hiddenInput'
  | 'disabled'
  | 'readonly'
  | 'notDisplayed'
  | 'invisible'
  | 'transparent'
  | 'zeroSize'
  | 'offscreen'
  | 'clipped'
  | 'covered';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
  scrollX: number;
  scrollY: number;
}

export interface Layout {
  style(element: Element): CSSStyleDeclaration;
  rect(element: Element): Box;
  /** Topmost element at a viewport point of a document or shadow root. */
  hitTest(root: Document | ShadowRoot, x: number, y: number): Element | null;
  viewport(element: Element): Viewport;
  /**
   * What a person can scroll a scroll container over, in viewport coordinates (its whole
   * content, scrolled parts included). Without it, a container shows only its own box.
   */
  scrollArea?(element: Element): Box;
  /**
   * Scrolls so that `element` is in view and answers how to put every scroll position back.
   * Without it, a field out of view is not checked for a cover.
   */
  reveal?(element: Element): () => void;
}

/** The real thing: each element is measured in its own window (it may sit in an iframe). */
export const browserLayout: Layout = {
  style: (element) => (element.ownerDocument.defaultView as Window).getComputedStyle(element),
  rect: (element) => element.getBoundingClientRect(),
  hitTest: (root, x, y) => root.elementFromPoint(x, y),
  viewport: (element) => {
    const view = element.ownerDocument.defaultView as Window;
    return { width: view.innerWidth, height: view.innerHeight, scrollX: view.scrollX, scrollY: view.scrollY };
  },
  scrollArea: (element) => {
    const box = element.getBoundingClientRect();
    const left = box.left + element.clientLeft - element.scrollLeft;
    const top = box.top + element.clientTop - element.scrollTop;
    return { left, top, right: left + element.scrollWidth, bottom: top + element.scrollHeight, width: element.scrollWidth, height: element.scrollHeight };
  },
  reveal: (element) => {
    // Every scroll position scrollIntoView may change: the scrollable boxes up the flat tree, across frames.
    const saved: [Element, number, number][] = [];
    for (let node = outerParent(element); node; node = outerParent(node))
      if (node.scrollHeight > node.clientHeight || node.scrollWidth > node.clientWidth) saved.push([node, node.scrollLeft, node.scrollTop]);
    element.scrollIntoView({ block: 'center', inline: 'center' });
    return () => {
      for (const [node, left, top] of saved) node.scrollTo(left, top);
    };
  },
};

/** Below this opacity (multiplied up the parents) a field is a trap, not a field. */
const minOpacity = 0.1;
/** A field this small (px) cannot be seen, let alone typed into knowingly. */
const minSize = 2;

/** Parent in the rendered (flat) tree: the slot it is assigned to, the parent, or the shadow host. */
function flatParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in root ? (root as ShadowRoot).host : null;
}

/** The flat-tree parent, and from a frame's root element on to the frame in its parent document. */
const outerParent = (node: Element): Element | null => flatParent(node) ?? node.ownerDocument.defaultView?.frameElement ?? null;

function isClippedAway(style: CSSStyleDeclaration): boolean {
  const clip = style.clip.replace(/\s/g, '');
  if (/^rect\((?:0|1)px,?(?:0|1)px,?(?:0|1)px,?(?:0|1)px\)$/.test(clip)) return true;
  return /^inset\(50%\)|^circle\(0(?:px)?\b/.test(style.clipPath);
}

/** Style checks up the flat tree: display, visibility, opacity, clip. */
function styleVerdict(element: Element, layout: Layout): Unfillable | null {
  const own = layout.style(element);
  if (own.visibility === 'hidden' || own.visibility === 'collapse') return 'invisible';
  if (isClippedAway(own)) return 'clipped';
  let opacity = 1;
  for (let node: Element | null = element; node; node = flatParent(node)) {
    const style = node === element ? own : layout.style(node);
    if (style.display === 'none' || style.contentVisibility === 'hidden') return 'notDisplayed';
    const value = Number.parseFloat(style.opacity);
    if (Number.isFinite(value)) opacity *= value;
  }
  return opacity < minOpacity ? 'transparent' : null;
}

function intersect(a: Box, b: Box): Box {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.right, b.right);
  const bottom = Math.min(a.bottom, b.bottom);
  return { left, top, right, bottom, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** Whether `ancestor` contains `node`, looking through shadow roots. */
function composedContains(ancestor: Element, node: Element): boolean {
  for (let current: Element | null = node; current; current = flatParent(current)) if (current === ancestor) return true;
  return false;
}

function labelsOf(element: Element): Element[] {
  return Array.from((element as HTMLInputElement).labels ?? []);
}

/** Topmost element at a point, following open shadow roots down to the innermost element. */
function deepHit(element: Element, x: number, y: number, layout: Layout): Element | null {
  let hit = layout.hitTest(element.ownerDocument, x, y);
  while (hit?.shadowRoot) {
    const inner = layout.hitTest(hit.shadowRoot, x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

const boxOf = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom, width: right - left, height: bottom - top });

const isScrollable = (overflow: string) => overflow === 'auto' || overflow === 'scroll';

/** Overflow along x and y; the shorthand counts too (some engines leave the longhands at visible). */
function overflowsOf(style: CSSStyleDeclaration): [string, string] {
  const [x = '', y = x] = style.overflow.split(/\s+/);
  return [style.overflowX !== 'visible' ? style.overflowX : x || 'visible', style.overflowY !== 'visible' ? style.overflowY : y || 'visible'];
}

/**
 * What a container with overflow lets its content show: per axis, nothing beyond its box
 * (hidden, clip), its scrollable content when `scrolled` (auto, scroll), or no limit (visible).
 */
function clipOf([overflowX, overflowY]: [string, string], rect: Box, area: Box, scrolled: boolean): Box {
  const axis = (overflow: string, near: 'left' | 'top', far: 'right' | 'bottom'): [number, number] => {
    if (overflow === 'visible') return [-Infinity, Infinity];
    const bounds = scrolled && isScrollable(overflow) ? area : rect;
    return [bounds[near], bounds[far]];
  };
  const [left, right] = axis(overflowX, 'left', 'right');
  const [top, bottom] = axis(overflowY, 'top', 'bottom');
  return boxOf(left, top, right, bottom);
}

function geometryVerdict(element: Element, layout: Layout): Unfillable | null {
  const box = layout.rect(element);
  if (box.width < minSize || box.height < minSize) return 'zeroSize';
  const viewport = layout.viewport(element);
  // Pushed off the page (left: -9999px); a field below the fold is fine, it can be scrolled to.
  if (box.right + viewport.scrollX <= 0 || box.bottom + viewport.scrollY <= 0) return 'offscreen';

  // `reachable`: what scrolling can bring into view; `shown`: what is in view right now.
  // The fill does not scroll (that would force a layout per field), so both are needed.
  let reachable = box;
  let shown = box;
  for (let node = flatParent(element); node; node = flatParent(node)) {
    const overflows = overflowsOf(layout.style(node));
    if (overflows[0] === 'visible' && overflows[1] === 'visible') continue;
    const rect = layout.rect(node);
    const area = layout.scrollArea && overflows.some(isScrollable) ? layout.scrollArea(node) : rect;
    reachable = intersect(reachable, clipOf(overflows, rect, area, true));
    if (reachable.width < minSize || reachable.height < minSize) return 'clipped';
    shown = intersect(shown, clipOf(overflows, rect, area, false));
  }

  shown = intersect(shown, boxOf(0, 0, viewport.width, viewport.height));
  // Nothing of it in view: nothing can be hit-tested, and nothing in view covers it.
  if (shown.width < minSize || shown.height < minSize) return null;
  const x = (shown.left + shown.right) / 2;
  const y = (shown.top + shown.bottom) / 2;
  const hit = deepHit(element, x, y, layout);
  if (!hit) return null;
  if (composedContains(element, hit)) return null;
  // A floating label drawn over its own field is no cover.
  const label = hit.closest('label');
  if (label && labelsOf(element).includes(label)) return null;
  return 'covered';
}

/** The checks that need no layout: cheap enough to repeat right before each write. */
export function whyNotWritable(element: Element): Unfillable | null {
  if (!element.isConnected) return 'detached';
  if (element.localName === 'input' && (element as HTMLInputElement).type === 'hidden') return 'hiddenInput';
  const native = element.matches('input, select, textarea, button');
  if ((native && element.matches(':disabled')) || element.getAttribute('aria-disabled') === 'true') return 'disabled';
  if ((element.matches('input, textarea') && (element as HTMLInputElement).readOnly) || element.getAttribute('aria-readonly') === 'true')
    return 'readonly';
  return null;
}

function renderedVerdict(element: Element, layout: Layout): Unfillable | null {
  return styleVerdict(element, layout) ?? geometryVerdict(element, layout);
}

/** Why a field must not be filled, or null when a person can see and use it. */
export function whyNotFillable(element: Element, layout: Layout = browserLayout): Unfillable | null {
  const state = whyNotWritable(element);
  if (state) return state;
  const rendered = renderedVerdict(element, layout);
  if (!rendered) return null;
  // Styled radios and checkboxes hide the native input and show their label instead.
  if (element.matches('input[type=radio], input[type=checkbox]') && rendered !== 'notDisplayed') {
    if (labelsOf(element).some((label) => renderedVerdict(label, layout) === null)) return null;
  }
  return rendered;
}

export function isFillable(element: Element, layout: Layout = browserLayout): boolean {
  return whyNotFillable(element, layout) === null;
}

/**
 * Layout read once per element for one pass: ancestors are shared between fields, and
 * nothing is written during the pass, so the styles and boxes cannot change under it.
 */
function measuredOnce(layout: Layout): Layout {
  const styles = new Map<Element, CSSStyleDeclaration>();
  const rects = new Map<Element, Box>();
  const remember = <T>(cache: Map<Element, T>, read: (element: Element) => T) => (element: Element) => {
    let value = cache.get(element);
    if (value === undefined) cache.set(element, (value = read(element)));
    return value;
  };
  const { scrollArea } = layout;
  return {
    style: remember(styles, (element) => layout.style(element)),
    rect: remember(rects, (element) => layout.rect(element)),
    hitTest: (root, x, y) => layout.hitTest(root, x, y),
    viewport: (element) => layout.viewport(element),
    ...(scrollArea ? { scrollArea: (element: Element) => scrollArea.call(layout, element) } : {}),
  };
}

/**
 * `whyNotFillable` for many fields in one pass of reads: the browser lays the page out
 * once for all of them instead of once per field. Write nothing between this and the fill.
 */
export function whyNotFillableAll(elements: readonly Element[], layout: Layout = browserLayout): (Unfillable | null)[] {
  const once = measuredOnce(layout);
  const verdicts = elements.map((element) => whyNotFillable(element, once));
  if (!layout.reveal) return verdicts;
  // A field out of view could hide under a cover too: scroll to each one still unchecked, check every
  // field then in view in one more pass, and put the scroll back. All of it runs in one task: nothing is
  // painted in between, so the user sees no movement.
  const unchecked = new Set(elements.filter((element, i) => verdicts[i] === null && outOfView(element, once)));
  for (const element of elements) {
    if (!unchecked.has(element)) continue;
    const restore = layout.reveal(element);
    const fresh = measuredOnce(layout);
    for (const other of unchecked) {
      if (outOfView(other, fresh)) continue;
      unchecked.delete(other);
      verdicts[elements.indexOf(other)] = whyNotFillable(other, fresh);
    }
    unchecked.delete(element);
    restore();
  }
  return verdicts;
}

function outOfView(element: Element, layout: Layout): boolean {
  const box = layout.rect(element);
  const viewport = layout.viewport(element);
  return box.bottom <= 0 || box.right <= 0 || box.top >= viewport.height || box.left >= viewport.width;
}
