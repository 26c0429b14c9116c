/**
 * Every shadow root of a page, closed ones included. A page can hide a cover or a top-layer
 * element in a closed root of its own; content scripts may open them: Firefox gives them
 * `element.openOrClosedShadowRoot`, Chrome `chrome.dom.openOrClosedShadowRoot(element)`.
 * Elsewhere (unit tests), only open roots.
 */
type Opener = (element: Element) => ShadowRoot | null;

const chromeDom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: Opener } } }).chrome?.dom;

export function shadowRootOf(element: Element): ShadowRoot | null {
  const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  try {
    if (chromeDom?.openOrClosedShadowRoot) return chromeDom.openOrClosedShadowRoot(element) ?? null;
  } catch {
    // A browser (or a test double) without it: the open roots are what there is.
  }
  return element.shadowRoot;
}

/**
 * The document and every shadow root under it, at any depth, with the elements of each (one
 * pass); `enter` says which hosts' roots to go into (not Balise's own).
 */
export function treesOf(doc: Document, enter: (host: Element) => boolean = () => true): { root: Document | ShadowRoot; elements: Element[] }[] {
  const trees: { root: Document | ShadowRoot; elements: Element[] }[] = [];
  const visit = (root: Document | ShadowRoot) => {
    const elements = Array.from(root.querySelectorAll('*'));
    trees.push({ root, elements });
    for (const element of elements) {
      const shadow = enter(element) ? shadowRootOf(element) : null;
      if (shadow) visit(shadow);
    }
  };
  visit(doc);
  return trees;
}
