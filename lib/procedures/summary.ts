/**
 * Where the user stands in the current procedure, as plain data: the popup and the overlay on
 * a portal page both show this, computed by the same function, so they always name the same
 * step. Plain data because the overlay receives it in a message (content scripts cannot read
 * the extension's IndexedDB).
 */
import type { ProcedureId, SeedText, Text } from '../portals/schema';
import { fullName } from '../profile/names';
import { happensOn, pageLink, type ChecklistItem } from './checklist';
import type { ProcedureState } from './progress';

export interface SummaryItem {
  key: string;
  /** Its place in the checklist, from 1: « Étape index sur total », the same in the side panel, the popup, the guide and its tab. */
  index: number;
  /** The step's title with its source: Balise's advice is tagged wherever it is shown. */
  title: SeedText;
  /** The person a per-contact step is about. */
  person?: string;
  /** ISO date-time; absent while the step is not done. */
  doneAt?: string;
}

export interface NextStepSummary extends SummaryItem {
  /** The next step happens on the page the user is on. */
  onThisPage: boolean;
  /** Where it starts, when that is another portal page. */
  page?: { name: Text; href?: string };
}

export interface ProgressSummary {
  procedureId: ProcedureId;
  title: Text;
  done: number;
  total: number;
  /** Every question that decides the steps answered: until then no count nor number is shown (it would change). */
  settled: boolean;
  next?: NextStepSummary;
  /** The checklist's steps that happen on this page, done or not. */
  onThisPage: SummaryItem[];
}

/**
 * The same summary with nobody's name: what a portal page's content script may hold (it uses
 * the procedure and the steps; the guide frame, a Balise page, asks for the names itself).
 */
export function withoutPersons(summary: ProgressSummary): ProgressSummary {
  const anonymous = <T extends SummaryItem>({ person: _person, ...item }: T): Omit<T, 'person'> => item;
  return { ...summary, ...(summary.next ? { next: anonymous(summary.next) } : {}), onThisPage: summary.onThisPage.map(anonymous) };
}

export interface PageId {
  portalId: string;
  pageId: string;
}

const isOn = (item: ChecklistItem, here: PageId | undefined) => here !== undefined && happensOn(item, here.portalId, here.pageId);

function itemSummary(item: ChecklistItem, state: ProcedureState): SummaryItem {
  const doneAt = state.progress.done[item.key]?.at;
  return {
    key: item.key,
    index: state.checklist.indexOf(item) + 1,
    title: item.step.title,
    ...(item.contact ? { person: fullName(item.contact) } : {}),
    ...(doneAt ? { doneAt } : {}),
  };
}

function nextSummary(item: ChecklistItem, state: ProcedureState, here: PageId | undefined): NextStepSummary {
  const onThisPage = isOn(item, here);
  const start = item.pages[0];
  const href = start && pageLink(start);
  return {
    ...itemSummary(item, state),
    onThisPage,
    ...(start && !onThisPage ? { page: { name: start.page.name, ...(href ? { href } : {}) } } : {}),
  };
}

/**
 * The procedure a portal page's guide speaks of, among those under way (most recent first):
 * the one chosen on the page, else the most recent with a step on this page, else the
 * current one (the popup's).
 */
export function stateForPage(active: readonly ProcedureState[], here: PageId, wanted?: ProcedureId): ProcedureState | undefined {
  const hasStepHere = (state: ProcedureState) =>
    state.procedure.steps.some((step) => step.pages.some((ref) => ref.portal === here.portalId && ref.page === here.pageId));
  return active.find((state) => state.procedure.id === wanted && hasStepHere(state)) ?? active.find(hasStepHere) ?? active[0];
}

/** The procedure's figures, its next step and, on a portal page, the steps that happen there. */
export function summarize(state: ProcedureState, here?: PageId): ProgressSummary {
  const { procedure, checklist, progress, next } = state;
  return {
    procedureId: procedure.id,
    title: procedure.title,
    done: checklist.filter((item) => progress.done[item.key]).length,
    total: checklist.length,
    settled: state.settled,
    ...(next ? { next: nextSummary(next, state, here) } : {}),
    onThisPage: checklist.filter((item) => isOn(item, here)).map((item) => itemSummary(item, state)),
  };
}
