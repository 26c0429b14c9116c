/**
 * Marks the fields Balise filled with an outline (green), those the page refused with another
 * (orange), and takes them away on undo. Only class names and fixed style rules per tree go
 * into the page: no profile data.
 */
const className = 'balise-filled';
const refusedClass = 'balise-refused';
const rule = `.${className}{outline:2px solid #1a7f37 !important;outline-offset:2px !important}.${refusedClass}{outline:2px dashed #b34700 !important;outline-offset:2px !important}`;

export function highlight(elements: readonly Element[], refused: readonly Element[] = []): () => void {
  const styles: HTMLStyleElement[] = [];
  for (const root of new Set([...elements, ...refused].map((element) => element.getRootNode() as Document | ShadowRoot))) {
    const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : (root.ownerDocument as Document);
    const style = doc.createElement('style');
    style.textContent = rule;
    (root.nodeType === Node.DOCUMENT_NODE ? (doc.head ?? doc.documentElement) : root).append(style);
    styles.push(style);
  }
  for (const element of elements) element.classList.add(className);
  for (const element of refused) element.classList.add(refusedClass);
  return () => {
    for (const element of elements) element.classList.remove(className);
    for (const element of refused) element.classList.remove(refusedClass);
    for (const style of styles) style.remove();
  };
}

export const highlightClass = className;
