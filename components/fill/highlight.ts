/**
 * Marks the fields Balise filled with an outline, and takes it away on undo. Only a class
 * name and one fixed style rule per tree go into the page: no profile data.
 */
const className = 'balise-filled';
const rule = `.${className}{outline:2px solid #1a7f37 !important;outline-offset:2px !important}`;

export function highlight(elements: readonly Element[]): () => void {
  const styles: HTMLStyleElement[] = [];
  for (const root of new Set(elements.map((element) => element.getRootNode() as Document | ShadowRoot))) {
    const doc = root.nodeType === Node.DOCUMENT_NODE ? (root as Document) : (root.ownerDocument as Document);
    const style = doc.createElement('style');
    style.textContent = rule;
    (root.nodeType === Node.DOCUMENT_NODE ? (doc.head ?? doc.documentElement) : root).append(style);
    styles.push(style);
  }
  for (const element of elements) element.classList.add(className);
  return () => {
    for (const element of elements) element.classList.remove(className);
    for (const style of styles) style.remove();
  };
}

export const highlightClass = className;
