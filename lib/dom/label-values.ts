/**
 * The label/value pairs a record page shows: old JSP pages lay a record out as table rows (a
 * label cell, then its value cell), newer ones as definition lists. Read by what the cells say,
 * never by their position in the page, so a row added or moved changes nothing. Plain text
 * (textContent): `&nbsp;` and line breaks become single spaces; a label's trailing colon goes.
 */

export interface LabelValue {
  label: string;
  value: string;
}

const clean = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const label = (text: string | null | undefined) => clean(text).replace(/\s*:$/, '');

/** Each row whose first cell is a label and whose next cell holds its value; each dt with its dd. Empty labels are left out. */
export function labelValuePairs(root: ParentNode): LabelValue[] {
  const pairs: LabelValue[] = [];
  for (const row of root.querySelectorAll('tr')) {
    const cells = Array.from(row.children).filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');
    // Rows of label/value couples side by side (« Téléphone | … | Télécopie | … ») give each couple.
    for (let i = 0; i + 1 < cells.length; i += 2) {
      const name = label(cells[i]!.textContent);
      if (name) pairs.push({ label: name, value: clean(cells[i + 1]!.textContent) });
    }
  }
  for (const term of root.querySelectorAll('dt')) {
    const definition = term.nextElementSibling;
    const name = label(term.textContent);
    if (name && definition?.tagName === 'DD') pairs.push({ label: name, value: clean(definition.textContent) });
  }
  return pairs;
}
