/**
 * What the overlay says on a known page for one procedure: the steps, the seed's
 * instructions, the element to click next, the field hints and the pages that follow.
 * Pure: the React panel only renders it.
 */
import { findPage, type PageMatch } from '../portals';
import type { FieldRule, Locator, Page, ProcedureId, SeedText, Step, Text } from '../portals/schema';

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
  procedure: ProcedureId;
  /** Every procedure the page serves, the chosen one included, in the page's order. */
  procedures: ProcedureId[];
  steps: Step[];
  instructions: SeedText[];
  clickNext: ClickTarget[];
  fields: FieldRule[];
  next: NextLink[];
}

/** The seed a procedure comes from: '000-distrilog' → '000'. */
export function seedOf(procedure: ProcedureId): string {
  return procedure.slice(0, 3);
}

const forProcedure = (procedure: ProcedureId) => (item: { procedures?: ProcedureId[] }) => !item.procedures || item.procedures.includes(procedure);

/** The chosen procedure if the page serves it, else the page's first. */
export function pickProcedure(page: Page, wanted?: ProcedureId): ProcedureId {
  return wanted && page.procedures.includes(wanted) ? wanted : page.procedures[0]!;
}

export function guidanceFor({ portal, page }: PageMatch, wanted?: ProcedureId): Guidance {
  const procedure = pickProcedure(page, wanted);
  const ownInstructions = page.instructions.filter((text) => text.ref.seed === seedOf(procedure));
  return {
    procedure,
    procedures: page.procedures,
    steps: page.steps.filter((step) => step.procedure === procedure).sort((a, b) => a.index - b.index),
    // A page whose instructions all come from another seed still shows them rather than nothing.
    instructions: ownInstructions.length > 0 ? ownInstructions : page.instructions,
    clickNext: page.clickNext.filter(forProcedure(procedure)).map(({ match, where }) => (where ? { match, where } : { match })),
    fields: page.fields.filter(forProcedure(procedure)),
    next: page.next.map((ref) => ({ label: ref.label, href: findPage(ref.portal ?? portal.id, ref.page)?.page.samples[0] ?? null })),
  };
}
