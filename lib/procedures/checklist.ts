/**
 * The pure functions that turn a procedure, the answers and the establishment's profile
 * into the questions still to ask and the user's own checklist.
 */
import { findPage, type PageMatch } from '../portals';
import { recordPage } from '../portals/annuaire-finess.portal';
import { finessRecordUrl } from '../portals/finess-links';
import type { ProcedureId } from '../portals/schema';
import type { Contact, Establishment, Role } from '../profile/schema';
import type { Answers, Condition, Doer, PageRef, Procedure, ProcedureStep, Question } from './schema';

/** Answers are stored per question, or per question and contact for per-contact questions. */
export const answerKey = (questionId: string, contactId?: string) => (contactId ? `${questionId}:${contactId}` : questionId);

/** `when` holds when one alternative has every listed question answered with an accepted value. */
export function holds(condition: Condition | undefined, answers: Answers, contactId?: string): boolean {
  if (!condition) return true;
  return condition.some((clause) =>
    Object.entries(clause).every(([questionId, values]) => {
      const own = contactId === undefined ? undefined : answers[answerKey(questionId, contactId)];
      const value = own ?? answers[questionId];
      return value !== undefined && values.includes(value);
    }),
  );
}

export const contactsWithRole = (establishment: Establishment, role: Role) => establishment.contacts.filter((c) => c.roles.includes(role));

export interface AskedQuestion {
  key: string;
  question: Question;
  /** The person a per-contact question is about. */
  contact?: Contact;
  /** The profile's guess, to preselect (the user confirms). */
  suggested?: string;
}

/** The questions to ask now, in order: those whose `askIf` holds with the answers given so far. */
export function questionsToAsk(procedure: Procedure, answers: Answers, establishment: Establishment): AskedQuestion[] {
  return procedure.questions.flatMap((question) => {
    const subjects: (Contact | undefined)[] = question.perContact ? contactsWithRole(establishment, question.perContact) : [undefined];
    return subjects
      .filter((contact) => holds(question.askIf, answers, contact?.id))
      .map((contact) => {
        const suggested = question.suggest?.(establishment, contact);
        return { key: answerKey(question.id, contact?.id), question, contact, ...(suggested ? { suggested } : {}) };
      });
  });
}

/** Every question asked has an answer: the checklist is final. */
export function answersComplete(procedure: Procedure, answers: Answers, establishment: Establishment): boolean {
  return questionsToAsk(procedure, answers, establishment).every((q) => answers[q.key] !== undefined);
}

/** Drops answers to questions no longer asked (after a change of mind earlier in the tree). */
export function pruneAnswers(procedure: Procedure, answers: Answers, establishment: Establishment): Answers {
  const asked = new Set(questionsToAsk(procedure, answers, establishment).map((q) => q.key));
  return Object.fromEntries(Object.entries(answers).filter(([key]) => asked.has(key)));
}

export interface ChecklistItem {
  /** Stable id of the item in the progress: the step id, or `stepId:contactId` for a per-contact step. */
  key: string;
  procedure: ProcedureId;
  step: ProcedureStep;
  /** The person a per-contact step is about. */
  contact?: Contact;
  doer: Doer;
  /** The contacts who must do it; empty when nobody in the profile holds the role yet. */
  assignees: Contact[];
  pages: PageMatch[];
  proof?: PageMatch;
}

function resolve(ref: PageRef): PageMatch {
  const match = findPage(ref.portal, ref.page);
  // The contract test guarantees every reference; a broken one is a programming error.
  if (!match) throw new Error(`Unknown portal page ${ref.portal}/${ref.page}`);
  return match;
}

function assigneesOf(doer: Doer, establishment: Establishment, subject: Contact | undefined, meId: string | undefined): Contact[] {
  if (doer === 'person') return subject ? [subject] : [];
  if (doer === 'eachProfessional') return [];
  if (doer === 'me') return establishment.contacts.filter((c) => c.id === meId);
  return contactsWithRole(establishment, doer);
}

/** Who does the step on the branch the answers take. */
function doerOf(step: ProcedureStep, answers: Answers, contact: Contact | undefined): Doer {
  return step.whoIf?.find((other) => holds(other.when, answers, contact?.id))?.who ?? step.who;
}

/** The user's own checklist: the steps the answers select, per person where the step is per contact. */
export function buildChecklist(procedure: Procedure, answers: Answers, establishment: Establishment, meId?: string): ChecklistItem[] {
  return procedure.steps.flatMap((step) => {
    const subjects: (Contact | undefined)[] = step.perContact ? contactsWithRole(establishment, step.perContact) : [undefined];
    return subjects
      .filter((contact) => holds(step.when, answers, contact?.id))
      .map((contact) => ({
        key: contact ? `${step.id}:${contact.id}` : step.id,
        procedure: procedure.id,
        step,
        ...(contact ? { contact } : {}),
        doer: doerOf(step, answers, contact),
        assignees: assigneesOf(doerOf(step, answers, contact), establishment, contact, meId),
        pages: step.pages.map(resolve),
        ...(step.proof ? { proof: resolve(step.proof) } : {}),
      }));
  });
}

/** The item happens on this portal page (one of its step's pages). */
export function happensOn(item: ChecklistItem, portalId: string, pageId: string): boolean {
  return item.pages.some((m) => m.portal.id === portalId && m.page.id === pageId);
}

/**
 * A per-contact step could apply to someone holding its role: some alternative of its `when`
 * holds, the per-contact questions counting as answerable (nobody may hold the role yet).
 */
function couldApplyToSomeone(procedure: Procedure, step: ProcedureStep, answers: Answers): boolean {
  if (!step.when) return true;
  const perContact = new Set(procedure.questions.filter((q) => q.perContact).map((q) => q.id));
  return step.when.some((clause) =>
    Object.entries(clause).every(([questionId, values]) => perContact.has(questionId) || (answers[questionId] !== undefined && values.includes(answers[questionId]))),
  );
}

/**
 * Roles the user's checklist (of the current answers) needs that nobody holds in the profile:
 * the side panel asks to add them. A role only some branches use (an optional one) is asked
 * for only on those branches; a per-contact step's role, when its step could apply.
 */
export function missingRoles(procedure: Procedure, answers: Answers, establishment: Establishment, checklist: readonly ChecklistItem[]): Role[] {
  const needed = new Set<Role>();
  for (const item of checklist) if (item.doer !== 'me' && item.doer !== 'person' && item.doer !== 'eachProfessional') needed.add(item.doer);
  for (const step of procedure.steps) if (step.perContact && couldApplyToSomeone(procedure, step, answers)) needed.add(step.perContact);
  return [...needed].filter((role) => contactsWithRole(establishment, role).length === 0);
}

/**
 * A link to the page: its first sample URL; none for pages whose host is not known (they only
 * guide). The annuaire FINESS record is the establishment's own (issue 16: « Vérifier la base
 * FINESS » in one click), its ET's, else its EJ's.
 */
export function pageLink(match: PageMatch, establishment?: Establishment): string | undefined {
  const finess = establishment?.finessEt ?? establishment?.finessEj;
  if (finess && match.portal.id === recordPage.portalId && match.page.id === recordPage.pageId) return finessRecordUrl(finess);
  return match.page.samples[0];
}
