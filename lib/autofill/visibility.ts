/**
 * Can a person see and use this field? The defence against hidden-field traps: a page
 * may carry invisible inputs that would receive profile data without the user knowing.
 * Uses layout, so it runs only on the few fields about to be filled. Layout goes through
 * the `Layout` interface so unit tests (jsdom has no geometry) can supply rectangles.
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

function geometryVerdict(element: Element, layout: Layout): Unfillable | null {
  const box = layout.rect(element);
  if (box.width < minSize || box.height < minSize) return 'zeroSize';
  const viewport = layout.viewport(element);
  // Pushed off the page (left: -9999px); a field below the fold is fine, it can be scrolled to.
  if (box.right + viewport.scrollX <= 0 || box.bottom + viewport.scrollY <= 0) return 'offscreen';

  let visible = box;
  for (let node = flatParent(element); node; node = flatParent(node)) {
    const style = layout.style(node);
    if (style.overflowX === 'visible' && style.overflowY === 'visible' && style.overflow !== 'hidden') continue;
    visible = intersect(visible, layout.rect(node));
    if (visible.width < minSize || visible.height < minSize) return 'clipped';
  }

  const x = (visible.left + visible.right) / 2;
  const y = (visible.top + visible.bottom) / 2;
  // Out of the viewport nothing can be hit-tested; the filler scrolls the field into view first.
  if (x < 0 || y < 0 || x >= viewport.width || y >= viewport.height) return null;
  const hit = deepHit(element, x, y, layout);
  if (!hit) return null;
  if (composedContains(element, hit)) return null;
  // A floating label drawn over its own field is no cover.
  const label = hit.closest('label');
  if (label && labelsOf(element).includes(label)) return null;
  return 'covered';
}

function stateVerdict(element: Element): Unfillable | null {
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
  if (!element.isConnected) return 'detached';
  const state = stateVerdict(element);
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
