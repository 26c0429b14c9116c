/**
 * What an import would change: each imported establishment matched with a local one, their
 * differences field by field, and the choices offered. Pure: lib/store/profile.ts applies them.
 */
import { fullName } from '../names';
import type { StoredEstablishment } from '../pushed';
import type { CheckedEstablishment, Establishment } from '../schema';

export type MatchBy = 'finessEt' | 'siret' | 'id';

export interface FieldDifference {
  path: PropertyKey[];
  mine?: string;
  theirs?: string;
}

export interface PreviewItem {
  /** As the file's check returned it: the import writes it without checking it again. */
  imported: CheckedEstablishment;
  match?: { local: StoredEstablishment; by: MatchBy };
  differences: FieldDifference[];
}

/** add: a new establishment (fresh ids if its id is taken); replace: overwrite the matched one; keep: leave it. */
export type ImportChoice = 'add' | 'replace' | 'keep';

/**
 * Matches each imported establishment with a local one: same FINESS géographique, else same
 * SIRET, else same internal id (a file that went back and forth). A local one is matched once.
 */
export function previewImport(file: { establishments: readonly CheckedEstablishment[] }, locals: readonly StoredEstablishment[]): PreviewItem[] {
  const claimed = new Set<string>();
  return file.establishments.map((imported) => {
    const match = findMatch(imported, locals.filter((local) => !claimed.has(local.id)));
    if (!match) return { imported, differences: [] };
    claimed.add(match.local.id);
    return { imported, match, differences: differences(match.local, imported) };
  });
}

function findMatch(imported: Establishment, locals: readonly StoredEstablishment[]): PreviewItem['match'] {
  for (const by of ['finessEt', 'siret', 'id'] as const) {
    const value = imported[by];
    const local = value === undefined ? undefined : locals.find((candidate) => candidate[by] === value);
    if (local) return { local, by };
  }
  return undefined;
}

export function choicesFor(item: PreviewItem): ImportChoice[] {
  if (!item.match) return ['add', 'keep'];
  if (item.match.local.managed) return ['keep', 'add'];
  return ['replace', 'keep', 'add'];
}

/** Nothing of the user's is overwritten unless they choose it. */
export function defaultChoice(item: PreviewItem): ImportChoice {
  return item.match ? 'keep' : 'add';
}

/**
 * Field-by-field differences; ids and update dates are bookkeeping and left out. A contact
 * or certificate on one side only is one difference, named, not one per field.
 */
export function differences(mine: Establishment, theirs: Establishment): FieldDifference[] {
  const left = flatten(mine);
  const right = flatten(theirs);
  const onBothSides = (path: PropertyKey[]) => {
    const item = JSON.stringify(path.slice(0, 2));
    return path.length < 3 || (left.has(item) && right.has(item));
  };
  const out: FieldDifference[] = [];
  for (const [key, { path }] of new Map([...left, ...right])) {
    const a = left.get(key)?.value;
    const b = right.get(key)?.value;
    if (a !== b && onBothSides(path)) out.push({ path, mine: a, theirs: b });
  }
  return out;
}

type Flat = Map<string, { path: PropertyKey[]; value: string }>;

function flatten(establishment: Establishment): Flat {
  const out: Flat = new Map();
  const put = (path: PropertyKey[], value: unknown) => {
    if (value === undefined) return;
    out.set(JSON.stringify(path), { path, value: Array.isArray(value) ? value.join(', ') : String(value) });
  };
  const { id: _id, updatedAt: _updatedAt, contacts, certificates, lessons, ...fields } = establishment;
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null && typeof value === 'object') for (const [sub, v] of Object.entries(value)) put([key, sub], v);
    else put([key], value);
  }
  const contactNames = new Map<string, string>();
  for (const [name, { id: contactId, ...contact }] of named(contacts, fullName)) {
    contactNames.set(contactId, name);
    put(['contacts', name], name);
    for (const [key, value] of Object.entries(contact)) put(['contacts', name, key], value);
  }
  for (const [name, { id: _certificateId, holderContactId, ...certificate }] of named(
    certificates,
    (c) => `${c.kind} ${c.obtainedOn}`,
  )) {
    put(['certificates', name], name);
    for (const [key, value] of Object.entries(certificate)) put(['certificates', name, key], value);
    put(['certificates', name, 'holderContactId'], holderContactId && contactNames.get(holderContactId));
  }
  // A lesson is one difference, named by its site and field: what it teaches is its value.
  for (const lesson of lessons ?? []) put(['lessons', `${new URL(lesson.origin).host} · ${lesson.label}`], lesson.kind);
  return out;
}

/** Items keyed by a readable name, numbered when two share it. */
function named<T>(items: readonly T[], nameOf: (item: T) => string): [string, T][] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = nameOf(item);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return [count === 1 ? base : `${base} (${count})`, item];
  });
}

