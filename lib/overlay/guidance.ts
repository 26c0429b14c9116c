/**
 * What the overlay says on a known page for one procedure: the procedure's steps that happen
 * here (numbered as in the user's checklist when it is known), the seed's instructions, the
 * element to click next, the field hints and the pages that follow. Pure: the panel and the
 * folded tab only render it.
 */
import { findPage, type PageMatch } from '../portals';
import type { FieldRule, Locator, ProcedureId, SeedText, Text } from '../portals/schema';
import { proceduresOnPage, stepsOnPage, type OutlineStep } from '../procedures/catalog';
import type { ProgressSummary } from '../procedures/summary';

export interface NextLink {
  label: Text;
  /** The next page's first sample URL; null when its address is not known. */
  href: string | null;
}

export interface ClickTarget {
  match: Locator;
  where?: Text;
}

export interface Guidance {
  /** The procedure shown; null on a page where no procedure has a step. */
  procedure: ProcedureId | null;
  /** Every procedure with a step on the page, the chosen one included, in the catalogue's order. */
  procedures: ProcedureId[];
  /** The chosen procedure's steps that happen here, as its module writes them. */
  steps: OutlineStep[];
  instructions: SeedText[];
  clickNext: ClickTarget[];
  fields: FieldRule[];
  next: NextLink[];
}

/** The seed a procedure comes from: '000-distrilog' → '000'. */
export function seedOf(procedure: ProcedureId): string {
  return procedure.slice(0, 3);
}

const forProcedure = (procedure: ProcedureId | null) => (item: { procedures?: ProcedureId[] }) =>
  !item.procedures || (procedure !== null && item.procedures.includes(procedure));

/** The first wanted procedure that has a step here (the one chosen on the page, then the one in progress), else the page's first. */
export function pickProcedure(served: ProcedureId[], ...wanted: (ProcedureId | undefined)[]): ProcedureId | null {
  return wanted.find((procedure) => procedure !== undefined && served.includes(procedure)) ?? served[0] ?? null;
}

export function guidanceFor({ portal, page }: PageMatch, ...wanted: (ProcedureId | undefined)[]): Guidance {
  const procedures = proceduresOnPage(portal.id, page.id);
  const procedure = pickProcedure(procedures, ...wanted);
  const ownInstructions = procedure ? page.instructions.filter((text) => text.ref.seed === seedOf(procedure)) : [];
  return {
    procedure,
    procedures,
    steps: procedure ? stepsOnPage(procedure, portal.id, page.id) : [],
    // A page whose instructions all come from another seed still shows them rather than nothing.
    instructions: ownInstructions.length > 0 ? ownInstructions : page.instructions,
    clickNext: page.clickNext.filter(forProcedure(procedure)).map(({ match, where }) => (where ? { match, where } : { match })),
    fields: page.fields.filter(forProcedure(procedure)),
    next: page.next.map((ref) => ({ label: ref.label, href: findPage(ref.portal ?? portal.id, ref.page)?.page.samples[0] ?? null })),
  };
}

/** A step of this page as the panel and the tab show it. */
export interface PageStep {
  key: string;
  title: Text;
  /** Its place in the user's checklist (the side panel's and the popup's numbering), when known. */
  number?: { index: number; total: number };
  /** The person a per-contact step is about (only where names may go: the guide frame). */
  person?: string;
  /** ISO date-time, once done. */
  doneAt?: string;
}

/**
 * The steps of this page: the user's own, numbered, done or not, when the summary is of the
 * procedure shown (none, when the user's answers leave no step here); else, without the user's
 * progress in this procedure, its steps here, unnumbered.
 */
export function pageSteps(guidance: Guidance, summary: ProgressSummary | null): PageStep[] {
  if (summary && summary.procedureId === guidance.procedure) return summary.onThisPage.map(({ index, ...item }) => ({ ...item, number: { index, total: summary.total } }));
  return guidance.steps.map(({ id, title }) => ({ key: id, title }));
}

/** The step the tab names and a screen reader announces: the first one not done yet, else the first. */
export function currentPageStep(steps: PageStep[]): PageStep | undefined {
  return steps.find((step) => !step.doneAt) ?? steps[0];
}
