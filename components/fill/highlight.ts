/**
 * Marks on the page what the fill did: the fields Balise filled (green, solid), those the page
 * refused (orange, dashed: the user types them) and the required lists it left on the portal's
 * default (orange, double: the user checks them), and takes the marks away on undo. Each mark
 * differs in line style as well as colour, and the panel names each field it marks. Only class
 * names and fixed style rules per tree go into the page: no profile data.
 */
export type Mark = 'filled' | 'refused' | 'portalDefault';

export const markClasses: Record<Mark, string> = {
  filled: 'balise-filled',
  refused: 'balise-refused',
  portalDefault: 'balise-portal-default',
};

const outlines: Record<Mark, string> = {
  filled: '2px solid #1a7f37',
  refused: '2px dashed #b34700',
  portalDefault: '4px double #b34700',
};

const rule = (Object.keys(markClasses) as Mark[]).map((mark) => `.${markClasses[mark]}{outline:${outlines[mark]} !important;outline-offset:2px !important}`).join('');

export function highlight(marks: Partial<Record<Mark, readonly Element[]>>): () => void {
  const marked = (Object.keys(marks) as Mark[]).flatMap((mark) => (marks[mark] ?? []).map((element) => [element, markClasses[mark]] as const));
  const styles: HTMLStyleElement[] = [];
  for (const root of new Set(marked.map(([element]) => element.getRootNode() as Document | ShadowRoot))) {
    const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : (root.ownerDocument as Document);
    const style = doc.createElement('style');
    style.textContent = rule;
    (root.nodeType === Node.DOCUMENT_NODE ? (doc.head ?? doc.documentElement) : root).append(style);
    styles.push(style);
  }
  for (const [element, name] of marked) element.classList.add(name);
  return () => {
    for (const [element, name] of marked) element.classList.remove(name);
    for (const style of styles) style.remove();
  };
}
