/**
 * Progress of a procedure for one establishment: the answers, the steps done (ticked by the
 * user, or by Balise when the page that proves a step is reached) and when (the row: Progress,
 * lib/store/rows.ts). Pure updates first, then the few reads and writes of the `progress` table.
 */
import type { ProcedureId } from '../portals/schema';
import type { Establishment } from '../profile/schema';
import { db, type BaliseDb } from '../store/db';
import type { Progress, StepDone } from '../store/rows';
import { answersComplete, buildChecklist, pruneAnswers, type ChecklistItem } from './checklist';
import { findProcedure } from './index';
import type { Answers, Procedure } from './schema';

const iso = (now: Date) => now.toISOString();

export function newProgress(establishmentId: string, procedureId: ProcedureId, now = new Date()): Progress {
  return { establishmentId, procedureId, answers: {}, done: {}, startedAt: iso(now), updatedAt: iso(now) };
}

/** Records an answer; answers to questions that are no longer asked are dropped. */
export function withAnswer(progress: Progress, procedure: Procedure, establishment: Establishment, key: string, value: string, now = new Date()): Progress {
  const answers = pruneAnswers(procedure, { ...progress.answers, [key]: value }, establishment);
  return { ...progress, answers, updatedAt: iso(now) };
}

export function withStep(progress: Progress, key: string, done: boolean, by: StepDone['by'] = 'user', now = new Date()): Progress {
  const next = { ...progress.done };
  if (done) next[key] = { at: iso(now), by };
  else delete next[key];
  return { ...progress, done: next, updatedAt: iso(now) };
}

export const isDone = (progress: Progress | undefined, item: ChecklistItem) => progress?.done[item.key] !== undefined;

/** The first step not done yet, in checklist order. */
export function nextItem(checklist: readonly ChecklistItem[], progress: Progress | undefined): ChecklistItem | undefined {
  return checklist.find((item) => !isDone(progress, item));
}

/**
 * The step a proof page ticks: the first undone step proved by this page. Several steps may
 * share a proof (Plage's confirmation screen ends both the APE's and the manager's account
 * requests): the one assigned to the person at this workstation goes first, else the
 * earliest, so that one screen never ticks two people's steps.
 */
export function itemProvedBy(
  checklist: readonly ChecklistItem[],
  progress: Progress | undefined,
  portalId: string,
  pageId: string,
  meId?: string,
): ChecklistItem | undefined {
  const candidates = checklist.filter((item) => item.proof?.portal.id === portalId && item.proof.page.id === pageId && !isDone(progress, item));
  return candidates.find((item) => meId !== undefined && item.assignees.some((c) => c.id === meId)) ?? candidates[0];
}

export interface ProcedureState {
  procedure: Procedure;
  progress: Progress;
  checklist: ChecklistItem[];
  next?: ChecklistItem;
  /** Every question that decides the steps answered: until then a count or a step's number may change. */
  settled: boolean;
  /** Every question answered and every step done. */
  finished: boolean;
}

export function stateOf(progress: Progress, establishment: Establishment, meId?: string): ProcedureState | undefined {
  const procedure = findProcedure(progress.procedureId);
  if (!procedure) return undefined;
  const checklist = buildChecklist(procedure, progress.answers, establishment, meId);
  const next = nextItem(checklist, progress);
  const settled = answersComplete(procedure, progress.answers, establishment);
  return { procedure, progress, checklist, ...(next ? { next } : {}), settled, finished: !next && settled };
}

/** The procedures under way (not finished), the most recently touched first. */
export function activeStates(progresses: readonly Progress[], establishment: Establishment, meId?: string): ProcedureState[] {
  return [...progresses]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .flatMap((p) => stateOf(p, establishment, meId) ?? [])
    .filter((state) => !state.finished);
}

/** The procedure the popup shows: the one worked on last among those not finished. */
export function currentState(progresses: readonly Progress[], establishment: Establishment, meId?: string): ProcedureState | undefined {
  return activeStates(progresses, establishment, meId)[0];
}

// ---------------------------------------------------------------- storage

export async function loadProgress(establishmentId: string, procedureId: ProcedureId, database: BaliseDb = db): Promise<Progress | undefined> {
  return database.progress.get([establishmentId, procedureId]);
}

export async function progressOf(establishmentId: string, database: BaliseDb = db): Promise<Progress[]> {
  return database.progress.where('establishmentId').equals(establishmentId).toArray();
}

export async function saveProgress(progress: Progress, database: BaliseDb = db): Promise<void> {
  await database.progress.put(progress);
}

/** Reads, updates and writes one progress in a transaction, starting it when there is none yet. */
export async function updateProgress(
  establishmentId: string,
  procedureId: ProcedureId,
  update: (progress: Progress) => Progress,
  database: BaliseDb = db,
  now = new Date(),
): Promise<Progress> {
  return database.transaction('rw', database.progress, async () => {
    const current = (await loadProgress(establishmentId, procedureId, database)) ?? newProgress(establishmentId, procedureId, now);
    const updated = update(current);
    await saveProgress(updated, database);
    return updated;
  });
}

