/**
 * Which procedure a portal page speaks of, and its steps there as the tab and the panel show
 * them. Apart from lib/overlay/guidance.ts because the background answers the folded tab from it
 * (./background.ts): it reads the procedures' catalogue, never the portal modules.
 */
import type { ProcedureId, SeedText, Text } from '../portals/schema';
import { procedureTitle, proceduresOnPage, stepsOnPage, type OutlineStep } from './catalog';
import type { ProgressSummary } from './summary';

export interface ProcedureHere {
  /** The procedure shown; null on a page where no procedure has a step. */
  procedure: ProcedureId | null;
  /** Every procedure with a step on the page, the chosen one included, in the catalogue's order. */
  procedures: ProcedureId[];
  /** The chosen procedure's steps that happen here, as its module writes them. */
  steps: OutlineStep[];
}

/** The first wanted procedure that has a step here (the one chosen on the page, then the one in progress), else the page's first. */
export function pickProcedure(served: ProcedureId[], ...wanted: (ProcedureId | undefined)[]): ProcedureId | null {
  return wanted.find((procedure) => procedure !== undefined && served.includes(procedure)) ?? served[0] ?? null;
}

/** The procedure this page speaks of (the first wanted one with a step here) and its steps here. */
export function procedureHere(portalId: string, pageId: string, ...wanted: (ProcedureId | undefined)[]): ProcedureHere {
  const procedures = proceduresOnPage(portalId, pageId);
  const procedure = pickProcedure(procedures, ...wanted);
  return { procedure, procedures, steps: procedure ? stepsOnPage(procedure, portalId, pageId) : [] };
}

/** A step of this page as the panel and the tab show it. */
export interface PageStep {
  key: string;
  /** With its source (`ref`), so that the guide frame tags Balise's advice. */
  title: SeedText;
  /** Its place in the user's checklist (the side panel's and the popup's numbering), when known. */
  number?: { index: number; total: number };
  /** The person a per-contact step is about (only where names may go: the guide frame). */
  person?: string;
  /** ISO date-time, once done. */
  doneAt?: string;
}

/**
 * The steps of this page: the user's own, done or not, numbered once the answers settle them, when the summary is of the
 * procedure shown (none, when the user's answers leave no step here); else, without the user's
 * progress in this procedure, its steps here, unnumbered.
 */
export function pageSteps(here: Pick<ProcedureHere, 'procedure' | 'steps'>, summary: ProgressSummary | null): PageStep[] {
  if (summary && summary.procedureId === here.procedure)
    return summary.onThisPage.map(({ index, ...item }) => (summary.settled ? { ...item, number: { index, total: summary.total } } : item));
  return here.steps.map(({ id, title }) => ({ key: id, title }));
}

/** The step the tab names and a screen reader announces: the first one not done yet, else the first. */
export function currentPageStep(steps: PageStep[]): PageStep | undefined {
  return steps.find((step) => !step.doneAt) ?? steps[0];
}

/**
 * What the folded tab names on a page: the current step (numbered as in the user's checklist
 * when the summary numbers it), else the name of the procedure shown; null on a page that no
 * procedure speaks of. Computed by the background for the always-loaded script, which holds no
 * catalogue, and by the panel when it folds into the tab.
 */
export type TabStep = { step: Text; number?: { index: number; total: number } } | { procedure: Text } | null;

export function tabStep(portalId: string, pageId: string, summary: ProgressSummary | null, procedure?: ProcedureId): TabStep {
  const known = procedureHere(portalId, pageId, procedure, summary?.procedureId);
  const step = currentPageStep(pageSteps(known, summary));
  if (step) return { step: { fr: step.title.fr, en: step.title.en }, ...(step.number ? { number: step.number } : {}) };
  return known.procedure ? { procedure: procedureTitle(known.procedure) } : null;
}
