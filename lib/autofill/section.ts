/**
 * Section titles: what a person reads above a field to know whose block it is, when the field's
 * own label says only « Nom » (a fieldset's legend, the heading before it, a table's caption, the
 * name of a group, region or dialog around it). Read without layout (textContent): the plan asks
 * only for the fields it resolves, and the headings of a root are listed once per reader.
 */

const headingSelector = 'h1, h2, h3, h4, h5, h6, [role=heading]';
/** Containers whose name titles what is inside (ARIA group/region/dialog, and their HTML elements). */
const namedContainer = 'fieldset, table, section, dialog, [role=group], [role=region], [role=dialog], [role=alertdialog], [role=radiogroup], [role=form]';

const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

function headingLevel(heading: Element): number {
  const tag = /^h([1-6])$/.exec(heading.localName);
  if (tag) return Number(tag[1]);
  const level = Number.parseInt(heading.getAttribute('aria-level') ?? '', 10);
  return Number.isFinite(level) && level > 0 ? level : 2;
}

/** The name a container gives what it holds: aria-labelledby, aria-label, then legend or caption. */
function containerTitle(container: Element): string {
  const root = container.getRootNode() as Document | ShadowRoot;
  const labelledBy = clean(container.getAttribute('aria-labelledby'));
  if (labelledBy) {
    const text = clean(
      labelledBy
        .split(' ')
        .map((id) => root.getElementById?.(id)?.textContent)
        .join(' '),
    );
    if (text) return text;
  }
  const label = clean(container.getAttribute('aria-label'));
  if (label) return label;
  const own = Array.from(container.children).find((child) => child.localName === (container.localName === 'table' ? 'caption' : 'legend'));
  return clean(own?.textContent);
}

/** The parent across a shadow root's boundary (a field inside a component belongs to the page's sections). */
const parentOf = (node: Element): Element | null => node.parentElement ?? ((node.parentNode as ShadowRoot | null)?.host ?? null);

export interface SectionReader {
  /** The titles over a field, innermost first: its section's, then the enclosing ones, up to the page's heading. */
  titlesOf(element: Element): string[];
}

/**
 * Headings count as the outline a reader follows: the last heading before the field, then each
 * earlier heading of a higher rank (an h2 « Contact technique » after an h2 « Responsable légal »
 * ends the latter's section; the h1 above both stays). Containers count when they enclose the field.
 */
export function createSectionReader(): SectionReader {
  const headingsOf = new Map<Node, Element[]>();
  const headings = (root: Document | ShadowRoot): Element[] => {
    let found = headingsOf.get(root);
    if (!found) headingsOf.set(root, (found = Array.from(root.querySelectorAll(headingSelector))));
    return found;
  };

  /** Headings of the outline above `element`, innermost first (binary search in document order). */
  function outline(element: Element): Element[] {
    const list = headings(element.getRootNode() as Document | ShadowRoot);
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const before = (list[middle] as Element).compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING;
      if (before) low = middle + 1;
      else high = middle;
    }
    const above: Element[] = [];
    let rank = 7;
    for (let i = low - 1; i >= 0 && rank > 1; i--) {
      const heading = list[i] as Element;
      // A heading inside another block (an earlier fieldset or section) titles that block only.
      const block = heading.closest(namedContainer);
      if (block && !block.contains(element)) continue;
      const level = headingLevel(heading);
      if (level < rank && clean(heading.textContent)) {
        above.push(heading);
        rank = level;
      }
    }
    return above;
  }

  return {
    titlesOf(element) {
      const pending = outline(element);
      const titles: string[] = [];
      for (let node = parentOf(element); node; node = parentOf(node)) {
        if (!node.matches(namedContainer)) continue;
        const container = node;
        // A heading inside this container titles a part of it: inner, so read first.
        while (pending.length > 0 && container.contains(pending[0] as Element)) titles.push(clean((pending.shift() as Element).textContent));
        const title = containerTitle(container);
        if (title) titles.push(title);
      }
      titles.push(...pending.map((heading) => clean(heading.textContent)));
      return titles;
    },
  };
}
