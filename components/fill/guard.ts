/**
 * Clickjacking guard: the fill button acts only when a person can see it. A page may lay
 * something over Balise's panel, or make the panel transparent, to get a click it did not
 * ask for; at click time the button must be opaque up to the document and be what is
 * under its own centre, through every shadow root it sits in.
 * Limit: an element with pointer-events: none drawn over the button escapes hit-testing.
 */
import { browserLayout, type Layout } from '../../lib/autofill/visibility';

/** Below this opacity (multiplied up the tree) the panel is deemed made transparent. */
const minOpacity = 0.95;

function flatParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in root ? (root as ShadowRoot).host : null;
}

/** opacity(0.2) in a filter hides as well as the opacity property. */
function filterOpacity(filter: string): number {
  let value = 1;
  for (const [, amount, percent] of filter.matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/g)) value *= Number(amount) / (percent ? 100 : 1);
  return value;
}

function transparentOrHidden(button: Element, layout: Layout): boolean {
  let opacity = 1;
  for (let node: Element | null = button; node; node = flatParent(node)) {
    const style = layout.style(node);
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return true;
    const own = Number.parseFloat(style.opacity);
    opacity *= (Number.isFinite(own) ? own : 1) * filterOpacity(style.filter ?? '');
  }
  return opacity < minOpacity;
}

/** The trees from the document down to the button's own shadow root. */
function rootChain(button: Element): (Document | ShadowRoot)[] {
  const chain: (Document | ShadowRoot)[] = [];
  for (let root = button.getRootNode() as Document | ShadowRoot; ; root = (root as ShadowRoot).host.getRootNode() as Document | ShadowRoot) {
    chain.unshift(root);
    if (root.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) break;
  }
  return chain;
}

function coveredAtCentre(button: Element, layout: Layout): boolean {
  const box = layout.rect(button);
  if (box.width < 1 || box.height < 1) return true;
  const x = (box.left + box.right) / 2;
  const y = (box.top + box.bottom) / 2;
  const chain = rootChain(button);
  for (let i = 0; i < chain.length; i++) {
    const hit = layout.hitTest(chain[i] as Document | ShadowRoot, x, y);
    const next = chain[i + 1];
    if (!next) return !(hit && (hit === button || button.contains(hit)));
    if (hit !== (next as ShadowRoot).host) return true;
  }
  return true;
}

export function isObscured(button: Element, layout: Layout = browserLayout): boolean {
  return transparentOrHidden(button, layout) || coveredAtCentre(button, layout);
}
