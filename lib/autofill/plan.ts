/**
 * Plan: what Balise would write where, before anything is written. Pure over its inputs
 * (the classified fields, the portal rules located on them, the establishment, the
 * settings): the overlay shows the plan, the user unticks lines, fill.ts executes it.
 */
import { explicitSources } from '../dom/accessible-name';
import type { FieldRule as PortalFieldRule, FillerRole, ProcedureId, SeedText } from '../portals/schema';
import { shownLabel } from '../portals/match';
import { fullName } from '../profile/names';
import type { Classification } from './classify';
import { replacedSelectOf, type CollectedField } from './collect';
import { isPersonKind, isSecretKind, type EstablishmentKind, type FieldKind, type PersonKind } from '../profile/kinds';
import { establishmentValue, hasChoices, holderOfField, matchOption, organisationKinds, personValue, whichPerson, type FillEstablishment, type OptionLike, type Resolved } from './resolve';
import { createSectionReader } from './section';
import type { Unfillable } from './visibility';

/** A collected field with what the classifier and the portal module say about it. */
export interface PlanField {
  field: CollectedField;
  classification: Classification | null;
  rule?: PortalFieldRule;
  /** The user said what this field is (lessons.ts): its kind is taken as said, never turned into another. */
  taught?: true;
}

/** Why a line is not filled: decided by the plan, by layout just before filling, or by the page's answer. */
export type SkipReason =
  | Unfillable
  | 'secret'
  | 'leaveEmpty'
  | 'portalLocked'
  | 'noValue'
  | 'choosePerson'
  | 'noPerson'
  /** A field of the user's own: they said in the popup they are none of the contacts. */
  | 'notListed'
  | 'noOption'
  | 'comboboxTimeout'
  | 'rejected'
  /** No form of the value the profile gives fits the field's maxlength: nothing cut is written. */
  | 'tooLong'
  /** At fill time, the page no longer gives this field the label, kind or value the preview showed. */
  | 'changed'
  /** The user typed into the field (after the preview, or before it and left its line unticked): what they typed stays. */
  | 'typedByUser'
  /** At fill time, a line the user left unticked: the field is left as it was, and the outcome says so. */
  | 'unticked';

/** Why a line starts unticked: the user may still tick it; or, for `shortened`, what a ticked line must say. */
export type Caution = 'userTyped' | 'lowConfidence' | 'suggestedChoice' | 'shortened';

/** Cautions that inform without unticking: a shortened description is still the one to send. */
const ticked: ReadonlySet<Caution> = new Set(['shortened']);

export type LineSource = { type: 'establishment' } | { type: 'person'; role: FillerRole; contactId?: string } | { type: 'procedure' };

/**
 * type: set a text; choose: a select's option, or an ARIA combobox's without a text input (opened,
 * its option pressed, its markup never written); check/uncheck: a box or radio; pick: type then
 * pick a suggestion.
 */
export type FillAction = 'type' | 'choose' | 'check' | 'uncheck' | 'pick';

export interface FillLine {
  id: number;
  element: HTMLElement;
  kind: FieldKind | null;
  label: string;
  value: string;
  /** Other spellings an option may use ("75", "Paris", "75 - Paris"). */
  alternatives: string[];
  action: FillAction;
  source: LineSource;
  selected: boolean;
  caution?: Caution;
  skipped?: SkipReason;
  /** Disabled now, after a line that may enable it (« confirmation » once the e-mail is typed): filled once enabled. */
  enabledLater?: boolean;
  /** Skipped as 'noOption': what the seeds say when the portal does not offer the value (the portal rule's `notOffered`). */
  notOffered?: SeedText;
}

export interface PersonQuestion {
  role: FillerRole;
  candidates: { id: string; name: string }[];
}

export interface FillPlan {
  lines: FillLine[];
  /** Roles for which several contacts fit: the overlay asks, then plans again with `persons`. */
  questions: PersonQuestion[];
}

export interface PlanSettings {
  /** The contact who uses this workstation, for account-creation fields; null: « Je ne figure pas dans la liste ». */
  meContactId?: string | null;
  /** Contacts the user picked, by role. */
  persons?: Partial<Record<FillerRole, string>>;
  /** Fields the user typed into before asking for the fill. */
  typed?: (element: Element) => boolean;
  /** The procedure the user follows on this page, when known. */
  procedure?: ProcedureId;
}

/** Below this the classifier's guess is offered unticked. */
const minConfidence = 0.6;

/** What the preview calls a field: the portal's name for it, else its label, placeholder, name or id. */
export function lineLabel(planField: PlanField): string {
  const { field, rule } = planField;
  const named = rule && shownLabel(rule.match);
  if (named) return named;
  const explicit = field.nameParts.find((part) => explicitSources.has(part.source))?.text;
  return (explicit ?? field.nameParts[0]?.text ?? field.placeholder) || field.name || field.id || field.type;
}

function isCombobox(element: Element): boolean {
  const autocomplete = element.getAttribute('aria-autocomplete');
  return element.getAttribute('role') === 'combobox' || autocomplete === 'list' || autocomplete === 'both';
}

function actionOf(field: CollectedField): FillAction {
  if (field.control === 'select' || field.control === 'combobox') return 'choose';
  if (field.type === 'radio' || field.type === 'checkbox') return 'check';
  if (field.control === 'input' && isCombobox(field.element)) return 'pick';
  return 'type';
}

/** A search box takes a query, not a profile value, whatever its label names ("N° FINESS ou commune"). */
function isSearchField(field: CollectedField): boolean {
  const element = field.element;
  const form = element.closest('form');
  return field.type === 'search' || element.closest('[role=search]') !== null || /\b(?:search|recherche)/i.test(form?.getAttribute('action') ?? '');
}

const radioKey = (field: CollectedField): string => `${field.name}\u0000${field.type}`;

function ownLabel(field: CollectedField): string {
  return field.nameParts.find((part) => explicitSources.has(part.source))?.text ?? (field.element as HTMLInputElement).value;
}

/** The combobox's own list (aria-controls / aria-owns), when the page already drew it. */
function comboboxOptions(element: Element): OptionLike[] {
  const root = element.getRootNode() as Document | ShadowRoot;
  const ids = `${element.getAttribute('aria-controls') ?? ''} ${element.getAttribute('aria-owns') ?? ''}`.split(/\s+/).filter(Boolean);
  const texts = ids.flatMap((id) => Array.from(root.getElementById(id)?.querySelectorAll('[role=option]') ?? [], (option) => option.textContent?.trim() ?? ''));
  // An ARIA option has no value of its own: its text stands for it, as fill.ts reads it (an empty value would read as a placeholder).
  return texts.map((text) => ({ text, value: text }));
}

/**
 * What a choice offers now: a select's options, a radio group's labels (`radios`: the radio of
 * each), a combobox's drawn list. Null when that cannot be read yet — a list still loading
 * (options come after a parent choice) or a combobox drawn only when opened: fill.ts waits for those.
 */
function offerOf(target: PlanField, fields: readonly PlanField[]): { options: OptionLike[]; radios?: PlanField[] } | null {
  const { field } = target;
  if (field.type === 'radio') {
    const radios = fields.filter((f) => f.field.type === 'radio' && radioKey(f.field) === radioKey(field) && f.field.element.getRootNode() === field.element.getRootNode());
    return { options: radios.map((f) => ({ text: ownLabel(f.field), value: (f.field.element as HTMLInputElement).value })), radios };
  }
  const options =
    field.element.localName === 'select'
      ? Array.from((field.element as HTMLSelectElement).options, (option) => ({ text: option.text.trim(), value: option.value }))
      : field.control === 'combobox'
        ? comboboxOptions(field.element)
        : null;
  return options && hasChoices(options) ? { options } : null;
}

/**
 * The option of the choice `target` that names one of `wanted` (fill.ts matches the same way):
 * its text and the element written to (the radio of a group); 'missing' when the portal does not
 * offer it, so that nothing is promised the page cannot take; null when the offer cannot be read yet.
 */
function offered(target: PlanField, fields: readonly PlanField[], wanted: readonly string[]): { text: string; target: PlanField } | 'missing' | null {
  const offer = offerOf(target, fields);
  if (!offer) return null;
  const index = matchOption(offer.options, wanted);
  const option = offer.options[index];
  return option ? { text: option.text, target: offer.radios?.[index] ?? target } : 'missing';
}

/**
 * `establishment` null: none chosen yet. The lines then say what the page asks for and what its
 * rules leave (fillsNothing below), each line the profile would fill being 'noValue'.
 */
export function planFill(fields: readonly PlanField[], establishment: FillEstablishment | null, settings: PlanSettings = {}): FillPlan {
  const lines: FillLine[] = [];
  const questions = new Map<FillerRole, PersonQuestion>();
  const formKinds = new Set(fields.flatMap((f) => f.rule?.kind ?? f.classification?.kind ?? []));
  const radioGroupsDone = new Set<string>();
  const sections = createSectionReader();
  // A select a plugin's focus input stands for gets its line through that input, never a second one of its own.
  const standIns = new Set(
    fields.flatMap((f) => {
      const select = f.field.control === 'input' && (f.rule || f.classification) ? replacedSelectOf(f.field.element) : null;
      return select ? [select] : [];
    }),
  );

  /** `target`: the element written to (a radio of the group), when not the field itself. */
  const add = (planField: PlanField, line: Omit<FillLine, 'id' | 'element' | 'label' | 'selected'>, target: PlanField = planField) => {
    const typed = settings.typed?.(target.field.element) ?? false;
    const caution = typed ? 'userTyped' : line.caution;
    lines.push({ ...line, id: lines.length, element: target.field.element, label: lineLabel(planField), caution, selected: !line.skipped && (!caution || ticked.has(caution)) });
  };

  for (const planField of fields) {
    const { field, rule, classification } = planField;
    if (standIns.has(field.element as HTMLSelectElement)) continue;
    const classified = rule ? rule.kind : classification?.kind;
    const none = { value: '', alternatives: [] };
    // A plugin's focus input carries the label; the choice is written in the select it stands for.
    const standsFor = field.control === 'input' ? replacedSelectOf(field.element) : null;
    const selectField = standsFor ? fields.find((f) => f.field.element === standsFor) : undefined;

    if (rule?.leaveEmpty) {
      add(planField, { kind: classified ?? null, action: actionOf(field), ...none, source: { type: 'procedure' }, skipped: 'leaveEmpty' });
      continue;
    }
    if (rule && !rule.kind) {
      // Fields the module only explains: a choice a procedure asks for (DISTRILOG for seed 000, MED-ACCES for 001)
      // is applied when the user follows that procedure; otherwise (procedure unknown, or a choice that depends on
      // the user's situation, like Medimail's "Oui" when a personal account exists) it is offered unticked.
      const expected = rule.expected;
      if (!expected) continue;
      const applies = settings.procedure !== undefined && (rule.procedures?.includes(settings.procedure) ?? false);
      const caution = applies ? {} : { caution: 'suggestedChoice' as const };
      if ('checked' in expected) {
        const element = field.element as HTMLInputElement;
        if (field.control !== 'input' || element.checked === expected.checked || (field.type === 'radio' && !expected.checked)) continue;
        add(planField, { kind: null, ...none, value: ownLabel(field), action: expected.checked ? 'check' : 'uncheck', source: { type: 'procedure' }, ...caution });
      } else if (field.control === 'select' || selectField) {
        const missing = offered(selectField ?? planField, fields, [expected.option]) === 'missing';
        add(planField, { kind: null, value: expected.option, alternatives: [], action: 'choose', source: { type: 'procedure' }, ...(missing ? { skipped: 'noOption' as const } : caution) }, selectField);
      }
      continue;
    }
    if (!classified || (!rule && isSearchField(field))) continue;
    const action = selectField ? 'choose' : actionOf(field);
    if (isSecretKind(classified)) {
      add(planField, { kind: classified, action, ...none, source: { type: 'establishment' }, skipped: 'secret' });
      continue;
    }
    // Whose field: the portal rule says, else the field's label and the titles of its sections.
    const holder = rule?.role ?? (isPersonKind(classified) ? holderOfField(field, sections.titlesOf(field.element)) : 'me');
    // A shared account's own address and phone are the organisation's (a rule's kind stands as written).
    const kind = (holder === 'organisation' && !rule && !planField.taught && organisationKinds[classified as PersonKind]) || classified;
    const base = { kind, action, ...none };
    const person = isPersonKind(kind);
    const role: FillerRole = holder === 'organisation' ? 'responsableBalOrg' : holder;
    const sourceOf = (contactId?: string): LineSource => (person ? { type: 'person', role, ...(contactId ? { contactId } : {}) } : { type: 'establishment' });
    if (rule?.readOnly) {
      add(planField, { ...base, source: sourceOf(), skipped: 'portalLocked' });
      continue;
    }
    if (field.type === 'checkbox') continue;
    if (field.type === 'radio') {
      // One line per group: the radio whose label is the value.
      const key = radioKey(field);
      if (radioGroupsDone.has(key)) continue;
      radioGroupsDone.add(key);
    }

    let resolved: Resolved | undefined;
    let contactId: string | undefined;
    if (person && establishment) {
      const choice = whichPerson(establishment, role, settings.meContactId, settings.persons?.[role]);
      if ('ask' in choice) {
        questions.set(role, { role, candidates: choice.ask.map((c) => ({ id: c.id, name: fullName(c) })) });
        add(planField, { ...base, source: sourceOf(), skipped: 'choosePerson' });
        continue;
      }
      if ('missing' in choice || 'notListed' in choice) {
        add(planField, { ...base, source: sourceOf(), skipped: 'missing' in choice ? 'noPerson' : 'notListed' });
        continue;
      }
      contactId = choice.contact.id;
      resolved = personValue(choice.contact, kind as PersonKind, field);
    } else if (!person && establishment) {
      resolved = establishmentValue(establishment, kind as EstablishmentKind, field, rule?.finess, formKinds);
    }
    if (!resolved) {
      add(planField, { ...base, source: sourceOf(contactId), skipped: 'noValue' });
      continue;
    }

    const { fit, ...value } = resolved;
    if (fit === 'tooLong') {
      add(planField, { ...base, ...value, source: sourceOf(contactId), skipped: 'tooLong' });
      continue;
    }
    let target = selectField ?? planField;
    // A choice shows the portal's own option, and is promised only when the portal offers it.
    const option = action === 'choose' || field.type === 'radio' ? offered(target, fields, [value.value, ...value.alternatives]) : null;
    if (option === 'missing') {
      add(planField, { ...base, ...value, source: sourceOf(contactId), skipped: 'noOption', ...(rule?.notOffered ? { notOffered: rule.notOffered } : {}) });
      continue;
    }
    if (option) {
      target = option.target;
      value.alternatives = [value.value, ...value.alternatives];
      value.value = option.text;
    }
    const lowConfidence = !rule && (classification?.confidence ?? 0) < minConfidence;
    const caution = lowConfidence ? 'lowConfidence' : fit;
    add(planField, { ...base, ...value, source: sourceOf(contactId), ...(caution ? { caution } : {}) }, target);
  }
  return { lines, questions: Array.from(questions.values()) };
}

/** Why a line is left whatever the profile and the layout: the portal's rules, and secrets Balise never writes. */
const byRule: ReadonlySet<SkipReason> = new Set(['leaveEmpty', 'portalLocked', 'secret']);

/**
 * Nothing on the page Balise could fill, whatever the establishment: no line, or each left by
 * rule (IGC-Santé's UPN « à laisser vide »). No establishment to choose there, no button to press
 * (third walk NEW-6, NEW-8).
 */
export const fillsNothing = (plan: FillPlan): boolean => plan.lines.every((line) => line.skipped !== undefined && byRule.has(line.skipped));

/** Lines that fill when the user confirms: ticked, not skipped. */
export const toFill = (plan: FillPlan): FillLine[] => plan.lines.filter((line) => line.selected && !line.skipped);

/** A required field: the attribute, aria-required, or the « * » the portals put in its label. */
function isRequired(field: CollectedField): boolean {
  const element = field.element;
  return (element as HTMLInputElement).required === true || element.getAttribute('aria-required') === 'true' || field.nameParts.some((part) => /\*\s*$/.test(part.text));
}

/** A select's chosen option, a radio group's checked radio: its text, or null on the « Sélectionner… » placeholder or nothing. */
function choiceShown(field: CollectedField): string | null {
  if (field.element.localName === 'select') {
    const option = (field.element as HTMLSelectElement).selectedOptions[0];
    return option && option.value !== '' ? option.text.trim() : null;
  }
  return field.type === 'radio' && (field.element as HTMLInputElement).checked ? ownLabel(field) : null;
}

/**
 * The required choices (selects, radio groups) that keep a value nobody chose after a fill: not
 * written by Balise (`written`: the elements it wrote, a group by any of its radios), not touched by
 * the user (`typed`), yet not on the placeholder — the portal's default option, which a user
 * skimming the page would send (newcomer report P3: Medimail's « Région » left on « Occitanie »).
 * `label`: the field's name without its « * ».
 */
export function portalDefaults(fields: readonly PlanField[], written: ReadonlySet<Element>, typed: (element: Element) => boolean): { element: HTMLElement; label: string; value: string }[] {
  const touched = (planField: PlanField) => {
    const group = planField.field.type === 'radio' ? (offerOf(planField, fields)?.radios ?? [planField]) : [planField];
    return group.some(({ field }) => written.has(field.element) || typed(field.element));
  };
  return fields.flatMap((planField) => {
    const { field } = planField;
    const value = field.disabled ? null : choiceShown(field);
    if (value === null || !isRequired(field) || touched(planField)) return [];
    return [{ element: field.element, label: lineLabel(planField).replace(/\s*\*\s*$/, ''), value }];
  });
}
