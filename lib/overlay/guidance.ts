/**
 * What the overlay says on a known page for one procedure: the procedure's steps that happen
 * here (numbered as in the user's checklist when it is known), the seed's instructions, the
 * element to click next, the fields with a tip and the pages that follow. Pure: the panel and the
 * folded tab only render it.
 */
import { findPage, type PageMatch } from '../portals';
import type { FieldRule, Locator, ProcedureId, SeedText, Text } from '../portals/schema';
import { procedureHere, type ProcedureHere } from '../procedures/page-steps';

export interface NextLink {
  label: Text;
  /** The next page's first sample URL; null when its address is not known. */
  href: string | null;
}

export interface ClickTarget {
  match: Locator;
  where?: Text;
}

/** A field rule with a tip to show beside its field. */
export type TippedRule = FieldRule & { hint: SeedText };

export interface Guidance extends ProcedureHere {
  instructions: SeedText[];
  clickNext: ClickTarget[];
  /** The rules with a tip (the fill reads every rule of the page module, tip or not). */
  fields: TippedRule[];
  next: NextLink[];
}

/** The seed a procedure comes from: '000-distrilog' → '000'. */
export function seedOf(procedure: ProcedureId): string {
  return procedure.slice(0, 3);
}

const forProcedure = (procedure: ProcedureId | null) => (item: { procedures?: ProcedureId[] }) =>
  !item.procedures || (procedure !== null && item.procedures.includes(procedure));

export function guidanceFor({ portal, page }: PageMatch, ...wanted: (ProcedureId | undefined)[]): Guidance {
  const { procedure, procedures, steps } = procedureHere(portal.id, page.id, ...wanted);
  const ownInstructions = procedure ? page.instructions.filter((text) => text.ref.seed === seedOf(procedure)) : [];
  return {
    procedure,
    procedures,
    steps,
    // A page whose instructions all come from another seed still shows them rather than nothing.
    instructions: ownInstructions.length > 0 ? ownInstructions : page.instructions,
    clickNext: page.clickNext.filter(forProcedure(procedure)).map(({ match, where }) => (where ? { match, where } : { match })),
    fields: page.fields.filter(forProcedure(procedure)).filter((rule): rule is TippedRule => !!rule.hint),
    next: page.next.map((ref) => ({ label: ref.label, href: findPage(ref.portal ?? portal.id, ref.page)?.page.samples[0] ?? null })),
  };
}
