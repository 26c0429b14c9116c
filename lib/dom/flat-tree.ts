/**
 * The rendered (flat) tree: elements as the browser draws them, through shadow roots (closed
 * ones where the layout can open them) and slots, and out of same-origin frames into the page
 * that holds them. The visibility check and the click guard walk the page with these.
 */
import { isTransformed, nonNone, px, topLevelSplit } from './css';
import { boxOf, type Box, type Layout } from './layout';

/** Parent in the rendered (flat) tree: the slot it is assigned to, the parent, or the shadow host. */
export function flatParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in root ? (root as ShadowRoot).host : null;
}

/** The flat-tree parent, and from a frame's root element on to the frame in its parent document. */
export const outerParent = (node: Element): Element | null => flatParent(node) ?? frameOf(node.ownerDocument);

export const frameOf = (doc: Document): Element | null => doc.defaultView?.frameElement ?? null;

/** Whether `ancestor` contains `node`, looking through shadow roots and out of frames. */
export function composedContains(ancestor: Element, node: Element): boolean {
  for (let current: Element | null = node; current; current = outerParent(current)) if (current === ancestor) return true;
  return false;
}

/** Elements a page may attach a shadow root to (besides custom elements, whose names hold a dash). */
const shadowHostNames = new Set(['article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main', 'nav', 'p', 'section', 'span']);

/**
 * The element's shadow root, closed ones included where the layout can open them. Only elements
 * that may have one are asked: opening a closed root goes through an extension API (Chrome's
 * chrome.dom), far dearer than the name test, and most elements asked (fields, hit-test results) cannot.
 */
export const shadowOf = (element: Element, layout: Layout): ShadowRoot | null =>
  !element.localName.includes('-') && !shadowHostNames.has(element.localName) ? null : layout.shadowRoot ? layout.shadowRoot(element) : element.shadowRoot;

/**
 * Every element of a document or shadow root, shadow roots included (closed ones where the
 * layout can open them), but not `skip` nor its shadow tree; with the elements of its tree that
 * may have a ::before or ::after (see pseudoHosts).
 */
export function eachElement(root: Document | ShadowRoot, skip: Element | undefined, layout: Layout, visit: (element: Element, pseudoHosts: PseudoHosts | null) => void): void {
  const hosts = pseudoHosts(root);
  for (const element of root.querySelectorAll('*')) {
    if (element === skip) continue;
    visit(element, hosts);
    const shadow = shadowOf(element, layout);
    if (shadow) eachElement(shadow, skip, layout, visit);
  }
}

const pseudoPart = /::?(?:before|after)\b/i;

/** Per pseudo-element, the elements that may have one. */
export type PseudoHosts = Record<'::before' | '::after', Set<Element>>;

/**
 * The elements of a document or shadow tree that some style sheet of it may give a ::before or
 * ::after: the selectors of the rules that name one, without it, matched. Null (every element
 * must be asked) when a sheet cannot be read (cross-origin) or a selector cannot be turned into
 * one for its element (nested, scoped, :host, ::part…). Reading a pseudo-element's style costs
 * as much as an element's: this keeps the scan to the few that have one.
 */
function pseudoHosts(root: Document | ShadowRoot): PseudoHosts | null {
  const selectors: Record<keyof PseudoHosts, string[]> = { '::before': [], '::after': [] };
  type AnyRule = CSSRule & { selectorText?: string; cssRules?: CSSRuleList; styleSheet?: CSSStyleSheet | null; start?: unknown };
  const nestedOrScoped = (rule: AnyRule) => {
    for (let up = rule.parentRule as AnyRule | null; up; up = up.parentRule as AnyRule | null) if (up.selectorText !== undefined || up.start !== undefined) return true;
    return false;
  };
  const visitRules = (rules: CSSRuleList): boolean => {
    for (const rule of Array.from(rules) as AnyRule[]) {
      if (rule.styleSheet !== undefined) {
        if (rule.styleSheet && !visitSheet(rule.styleSheet)) return false;
        continue;
      }
      if (typeof rule.selectorText === 'string' && pseudoPart.test(rule.selectorText)) {
        if (nestedOrScoped(rule)) return false;
        for (const part of topLevelSplit(rule.selectorText)) {
          if (!pseudoPart.test(part)) continue;
          if (/:host|::slotted|::part|:scope|&/i.test(part)) return false;
          // ".a ::after" is ".a *::after": a bare pseudo-element stands for any element.
          const found = pseudoPart.exec(part);
          const host = part.slice(0, found?.index ?? part.length);
          selectors[/after/i.test(found?.[0] ?? '') ? '::after' : '::before'].push(/(?:^|[\s>+~])$/.test(host) ? `${host}*` : host);
        }
      }
      if (rule.cssRules && rule.cssRules.length > 0 && !visitRules(rule.cssRules)) return false;
    }
    return true;
  };
  const visitSheet = (sheet: CSSStyleSheet): boolean => {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      return false;
    }
    return visitRules(rules);
  };
  // An engine without style sheets on shadow roots (jsdom): unknown.
  if (!root.styleSheets) return null;
  const sheets = [...Array.from(root.styleSheets), ...Array.from(root.adoptedStyleSheets ?? [])];
  for (const sheet of sheets) if (!visitSheet(sheet)) return null;
  const match = (list: string[]): Set<Element> | null => {
    const hosts = new Set<Element>();
    if (list.length === 0) return hosts;
    try {
      for (const element of root.querySelectorAll(list.join(','))) hosts.add(element);
    } catch {
      // One selector this engine does not take (a vendor prefix): each on its own, any left unread means every element.
      for (const selector of list) {
        try {
          for (const element of root.querySelectorAll(selector)) hosts.add(element);
        } catch {
          return null;
        }
      }
    }
    return hosts;
  };
  const before = match(selectors['::before']);
  const after = match(selectors['::after']);
  return before && after ? { '::before': before, '::after': after } : null;
}

/**
 * The border box of a pseudo-element, from its resolved offsets and size: against its
 * containing block (the nearest positioned or transformed ancestor-or-self of its element,
 * the viewport when fixed). In flow, or when its offsets are not resolved, its element's box.
 */
export function pseudoBox(host: Element, style: CSSStyleDeclaration, layout: Layout): Box {
  const hostRect = layout.rect(host);
  const fixed = style.position === 'fixed';
  if (!fixed && style.position !== 'absolute') return hostRect;
  let block: Element | null = null;
  for (let node: Element | null = host; node && !block; node = flatParent(node)) {
    const s = layout.style(node);
    const holds = isTransformed(s) || nonNone(s, 'filter') || nonNone(s, 'perspective') || /paint|layout|strict|content/.test(s.getPropertyValue('contain'));
    if (holds || (!fixed && s.position !== 'static')) block = node;
  }
  let origin: [number, number];
  let area: Box;
  if (block) {
    const rect = layout.rect(block);
    const s = layout.style(block);
    origin = [rect.left + px(s, 'border-left-width'), rect.top + px(s, 'border-top-width')];
    area = rect;
  } else {
    const view = layout.viewport(host);
    origin = fixed ? [0, 0] : [-view.scrollX, -view.scrollY];
    area = boxOf(origin[0], origin[1], origin[0] + view.width, origin[1] + view.height);
  }
  const resolved = (property: string) => (/^-?[\d.]+(?:e-?\d+)?px$/.test(style.getPropertyValue(property).trim()) ? px(style, property) : null);
  const [left, top, width, height] = ['left', 'top', 'width', 'height'].map(resolved);
  if (left == null || top == null || width == null || height == null) return area;
  const extra = (a: string, b: string) => px(style, `padding-${a}`) + px(style, `padding-${b}`) + px(style, `border-${a}-width`) + px(style, `border-${b}-width`);
  const contentBox = style.boxSizing !== 'border-box';
  const x = origin[0] + left + px(style, 'margin-left');
  const y = origin[1] + top + px(style, 'margin-top');
  const box = boxOf(x, y, x + width + (contentBox ? extra('left', 'right') : 0), y + height + (contentBox ? extra('top', 'bottom') : 0));
  // A transform moves it somewhere this does not work out: anywhere over its containing block, or where it was.
  return isTransformed(style) ? boxOf(Math.min(box.left, area.left), Math.min(box.top, area.top), Math.max(box.right, area.right), Math.max(box.bottom, area.bottom)) : box;
}
