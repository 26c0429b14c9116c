import { explicitSources, type NameSource } from '../dom/accessible-name';
import type { CollectedField } from './collect';
import { repetitions, streetTypes } from '../profile/address';
import { isSecretKind, type FieldKind } from '../profile/kinds';
import { matchIdentifier, matchText, normalize, readAutocomplete, tokenizeIdentifier, type LexiconVerdict } from './lexicon';

/**
 * Classify: what each collected field means. In order: (a) portal rules, (b) secrets — with
 * priority, the filler refuses them —, (c) the lexicon over each descriptor, most explicit
 * first, (d) the input type, (e) format cues (maxlength of SIRET / RPPS / FINESS).
 */

/** A portal module's rule: the fields it knows by selector. */
export interface FieldRule {
  selector: string;
  kind: FieldKind;
}

export interface Classification {
  kind: FieldKind;
  /** 0–1: how much the evidence can be trusted (a portal rule is 1, a lone maxlength 0.4). */
  confidence: number;
  /** Diagnostic, not shown to users: which descriptor decided and what it said. */
  reason: string;
}

export interface ClassifiedField extends Classification {
  field: CollectedField;
}

/** Help text and section headings are context (whose field, which format), never the name. */
type DescriptorSource = Exclude<NameSource, 'help' | 'heading'> | 'placeholder' | 'name' | 'id';

interface Descriptor {
  source: DescriptorSource;
  raw: string;
  value: string;
  identifier: boolean;
  confidence: number;
}

/** Kinds a select, a radio group or an ARIA combobox can hold: a choice among values. */
const choiceKinds: ReadonlySet<FieldKind> = new Set([
  'civility',
  'establishmentIdentifierType',
  'region',
  'departement',
  'city',
  'streetType',
  'streetRepetition',
  'profession',
  'jobTitle',
  'service',
  'softwareVendor',
  'softwareProduct',
  'softwareVersion',
]);
const emailKinds: ReadonlySet<FieldKind> = new Set(['email', 'emailConfirmation', 'orgMailboxEmail']);
/** Inputs whose value is a choice or a date: nothing of the profile is typed there. */
const untypedInputs = new Set(['checkbox', 'range', 'color', 'date', 'datetime-local', 'month', 'week', 'time']);

const sourceConfidence: Record<DescriptorSource, number> = {
  labelledBy: 0.9,
  ariaLabel: 0.9,
  labelFor: 0.9,
  wrappingLabel: 0.9,
  placeholder: 0.8,
  title: 0.75,
  name: 0.7,
  id: 0.65,
  previousText: 0.65,
  nextText: 0.65,
  rowCell: 0.65,
  columnHeader: 0.6,
  legend: 0.5,
};

function textDescriptor(source: DescriptorSource, raw: string): Descriptor {
  return { source, raw, value: normalize(raw), identifier: false, confidence: sourceConfidence[source] };
}

function identifierDescriptor(source: 'name' | 'id', raw: string): Descriptor {
  return { source, raw, value: tokenizeIdentifier(raw), identifier: true, confidence: sourceConfidence[source] };
}

/** Descriptors in trust order; a radio is named by its group, its own label being one option. */
function descriptorsOf(field: CollectedField): { explicit: Descriptor[]; rest: Descriptor[] } {
  const name = identifierDescriptor('name', field.name);
  // One pass over the name parts (this runs for every field of the page), bucketed by trust.
  const explicit: Descriptor[] = [];
  const titles: Descriptor[] = [];
  const neighbours: Descriptor[] = [];
  const legends: Descriptor[] = [];
  for (const part of field.nameParts) {
    if (part.source === 'help' || part.source === 'heading') continue;
    if (part.source === 'legend') legends.push(textDescriptor(part.source, part.text));
    else if (field.type === 'radio') continue;
    else if (explicitSources.has(part.source)) explicit.push(textDescriptor(part.source, part.text));
    else if (part.source === 'title') titles.push(textDescriptor(part.source, part.text));
    else neighbours.push(textDescriptor(part.source, part.text));
  }
  if (field.type === 'radio') return { explicit: [], rest: [...legends, name] };
  return {
    explicit,
    rest: [textDescriptor('placeholder', field.placeholder), ...titles, name, identifierDescriptor('id', field.id), ...neighbours, ...legends],
  };
}

function match(descriptor: Descriptor, filter?: (verdict: LexiconVerdict) => boolean) {
  return descriptor.identifier ? matchIdentifier(descriptor.value, filter) : matchText(descriptor.value, filter);
}

function because(descriptor: Descriptor): string {
  return `${descriptor.source} "${descriptor.raw}"`;
}

const confirmationOf = (kind: FieldKind): FieldKind | null =>
  kind === 'password' ? 'passwordConfirmation' : kind === 'email' ? 'emailConfirmation' : null;

/** Secrets, looked for before anything else in what the author wrote about the field itself. */
function secretOf(field: CollectedField, descriptors: Descriptor[]): Classification | null {
  const secretOrConfirmation = (verdict: LexiconVerdict): boolean =>
    verdict === 'confirmation' || (verdict !== 'ignore' && isSecretKind(verdict));
  for (const descriptor of descriptors) {
    const found = match(descriptor, secretOrConfirmation);
    if (!found) continue;
    if (found.verdict === 'confirmation') {
      if (field.type === 'password') return { kind: 'passwordConfirmation', confidence: 1, reason: `type=password, ${because(descriptor)}` };
      continue;
    }
    return { kind: found.verdict as FieldKind, confidence: 1, reason: because(descriptor) };
  }
  const autocomplete = readAutocomplete(field.autocomplete);
  if (autocomplete?.kind && isSecretKind(autocomplete.kind))
    return { kind: autocomplete.kind, confidence: 1, reason: `autocomplete "${field.autocomplete}"` };
  if (field.type === 'password') return { kind: 'password', confidence: 1, reason: 'type=password' };
  return null;
}

function allowedKinds(field: CollectedField): (kind: FieldKind) => boolean {
  if (field.control === 'select' || field.control === 'combobox' || field.type === 'radio') return (kind) => choiceKinds.has(kind);
  if (field.type === 'email') return (kind) => emailKinds.has(kind);
  return () => true;
}

/** "Confirmation" alone: of what? The other descriptors and the type tell. */
function resolveConfirmation(field: CollectedField, descriptors: Descriptor[]): FieldKind | null {
  if (field.type === 'email') return 'emailConfirmation';
  for (const descriptor of descriptors) {
    const found = match(descriptor, (verdict) => verdict === 'email' || verdict === 'password');
    if (found) return confirmationOf(found.verdict as FieldKind);
  }
  return null;
}

const streetTypeTexts = streetTypes.flatMap((type) => [normalize(type.word), normalize(type.abbreviation)]);
const repetitionTexts = repetitions.map((repetition) => repetition.word);

const civilityValues = /^(?:madame|monsieur|mme|m|mr|mrs|ms|mlle|mademoiselle)$/;

/** Value-level evidence: radio labels and select options that spell out a known list. */
function choiceEvidence(field: CollectedField): Classification | null {
  if (field.type === 'radio') {
    const own = field.nameParts.find((part) => explicitSources.has(part.source));
    if (own && civilityValues.test(normalize(own.text)))
      return { kind: 'civility', confidence: 0.7, reason: `radio value "${own.text}"` };
    return null;
  }
  const options = field.options.map(normalize);
  if (options.filter((option) => civilityValues.test(option)).length >= 2)
    return { kind: 'civility', confidence: 0.7, reason: 'options Madame/Monsieur' };
  // Options that list the norm's types of street (Rue, Avenue…) or repetition indexes (bis, ter…).
  const listed = (texts: readonly string[]) => options.filter((option) => texts.includes(option)).length >= 2;
  if (listed(streetTypeTexts)) return { kind: 'streetType', confidence: 0.7, reason: 'options Rue/Avenue' };
  if (listed(repetitionTexts)) return { kind: 'streetRepetition', confidence: 0.7, reason: 'options bis/ter' };
  if (options.some((option) => /\bfiness\b/.test(option)) && options.some((option) => /\bsire[nt]\b/.test(option)))
    return { kind: 'establishmentIdentifierType', confidence: 0.7, reason: 'options FINESS/SIRET' };
  return null;
}

/** Only digits accepted: inputmode, type=number, or a digits-only pattern. */
function digitsOnly(field: CollectedField): boolean {
  return (
    field.inputMode === 'numeric' ||
    field.type === 'number' ||
    /^\^?(?:\\d|\[0-9\])(?:\{\d+(?:,\d*)?\}|[+*])?\$?$/.test(field.pattern)
  );
}

/** Lengths of the identifiers: 14 SIRET, 11 RPPS, 9 FINESS or SIREN (the hint or legend says which). */
function formatEvidence(field: CollectedField): Classification | null {
  if (field.control !== 'input' || !digitsOnly(field)) return null;
  const reason = `maxlength ${field.maxLength ?? ''}, digits only`;
  if (field.maxLength === 14) return { kind: 'siret', confidence: 0.4, reason };
  if (field.maxLength === 11) return { kind: 'rpps', confidence: 0.4, reason };
  if (field.maxLength === 9) {
    const context = normalize(`${field.hint} ${field.nameParts.map((part) => part.text).join(' ')}`);
    if (/\bfiness\b/.test(context)) return { kind: 'finess', confidence: 0.4, reason: `${reason}, FINESS in context` };
    if (/\bsiren\b/.test(context)) return { kind: 'siren', confidence: 0.4, reason: `${reason}, SIREN in context` };
  }
  return null;
}

function matchesRule(element: Element, rule: FieldRule): boolean {
  try {
    return element.matches(rule.selector);
  } catch {
    // One malformed selector in a portal module must not stop the whole page.
    return false;
  }
}

export function classifyField(field: CollectedField, rules: readonly FieldRule[] = []): Classification | null {
  const rule = rules.find((candidate) => matchesRule(field.element, candidate));
  if (rule) return { kind: rule.kind, confidence: 1, reason: `rule ${rule.selector}` };
  if (field.control === 'input' && untypedInputs.has(field.type)) return null;

  const { explicit, rest } = descriptorsOf(field);
  // Secrets are looked for in what describes the field itself, not in its neighbourhood.
  const own = [...explicit, ...rest.filter((d) => d.source === 'placeholder' || d.source === 'title' || d.identifier)];
  const secret = secretOf(field, own);
  if (secret) return secret;

  const allowed = allowedKinds(field);
  const filter = (verdict: LexiconVerdict): boolean =>
    verdict === 'ignore' || verdict === 'confirmation' || (!isSecretKind(verdict) && allowed(verdict));
  const all = [...explicit, ...rest];

  const fromLexicon = (descriptor: Descriptor): Classification | null | undefined => {
    const found = match(descriptor, filter);
    if (!found) return undefined;
    if (found.verdict === 'ignore') return null;
    const kind = found.verdict === 'confirmation' ? resolveConfirmation(field, all) : found.verdict;
    if (!kind) return undefined;
    return { kind, confidence: descriptor.confidence * (found.entry.weak ? 0.7 : 1), reason: because(descriptor) };
  };

  // The explicit label first; then the author's autocomplete token; then the weaker hints.
  for (const descriptor of explicit) {
    const verdict = fromLexicon(descriptor);
    if (verdict !== undefined) return verdict;
  }
  const autocomplete = readAutocomplete(field.autocomplete);
  if (autocomplete) {
    if (!autocomplete.kind) return null;
    if (allowed(autocomplete.kind)) return { kind: autocomplete.kind, confidence: 0.95, reason: `autocomplete "${field.autocomplete}"` };
  }
  for (const descriptor of rest) {
    const verdict = fromLexicon(descriptor);
    if (verdict !== undefined) return verdict;
  }

  if (field.type === 'email') return { kind: 'email', confidence: 0.6, reason: 'type=email' };
  return choiceEvidence(field) ?? (field.type === 'tel' ? { kind: 'phone', confidence: 0.5, reason: 'type=tel' } : formatEvidence(field));
}

function sameForm(a: CollectedField, b: CollectedField): boolean {
  return a.element.closest('form') === b.element.closest('form') && a.element.getRootNode() === b.element.getRootNode();
}

/** What names the field itself: its labels, else its neighbouring text and table headers (not legends nor headings, shared by a group). */
function ownName(field: CollectedField): string {
  const explicit = field.nameParts.filter((part) => explicitSources.has(part.source));
  const own = explicit.length > 0 ? explicit : field.nameParts.filter((part) => neighbourSources.has(part.source));
  return normalize(own.map((part) => part.text).join(' '));
}
const neighbourSources: ReadonlySet<NameSource> = new Set(['previousText', 'nextText', 'rowCell', 'columnHeader']);

/**
 * Classifies a page's fields, then reads pairs: an e-mail (or password) right after an
 * e-mail (password) with the same name, or none, is its confirmation — "E-mail du DPO"
 * after "E-mail du directeur" stays an e-mail, "Nouveau mot de passe" after "Mot de passe actuel" too,
 * and so does the « Courriel » of the « Représentant légal » column after the one of « Vous-même ».
 */
export function classifyFields(fields: readonly CollectedField[], rules: readonly FieldRule[] = []): ClassifiedField[] {
  const results = fields.map((field) => classifyField(field, rules));
  const classified: ClassifiedField[] = [];
  fields.forEach((field, index) => {
    const result = results[index];
    if (!result) return;
    const previousField = fields[index - 1];
    const previous = results[index - 1];
    const confirmation = confirmationOf(result.kind);
    if (
      confirmation &&
      previousField &&
      previous?.kind === result.kind &&
      !result.reason.startsWith('rule ') &&
      sameForm(previousField, field) &&
      (ownName(field) === '' || ownName(field) === ownName(previousField))
    ) {
      const promoted = { kind: confirmation, confidence: result.confidence * 0.9, reason: `${result.reason}, after a ${result.kind} field` };
      results[index] = promoted;
      classified.push({ field, ...promoted });
      return;
    }
    classified.push({ field, ...result });
  });
  return classified;
}
