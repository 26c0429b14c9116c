/**
 * The establishments' labels in the list's order, read from the label index alone: the
 * options page and the popup draw with them before any record (contacts and all) is read.
 */
import { db } from '../../lib/profile/db';

const collator = new Intl.Collator('fr');
/** The list's order: French, so that « Établissement » sorts with the E's. */
export const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);

export interface LabelledId {
  id: string;
  label: string;
}

export async function readLabels(): Promise<LabelledId[]> {
  const labelled: LabelledId[] = [];
  await db.establishments.orderBy('label').eachKey((label, cursor) => {
    labelled.push({ label: String(label), id: String(cursor.primaryKey) });
  });
  return labelled.sort(byLabel);
}
