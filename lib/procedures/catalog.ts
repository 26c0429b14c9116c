/**
 * The procedures as the portal pages need them: names, and the title and pages of each step
 * that happens on a portal, in order. Derived from the `*.procedure.ts` modules (the one place a step is written) into
 * ./catalog.json by ./catalog.test.ts, because the always-loaded content script must not load
 * the modules themselves (zod, every question and detail). The test fails when the file lags
 * behind the modules; `npx vitest run lib/procedures/catalog.test.ts --update` writes it again.
 */
import catalog from './catalog.json';
import type { ProcedureId, SeedText, Text } from '../portals/schema';

export interface OutlineStep {
  id: string;
  /** With its source (`ref`): the guide frame tags Balise's advice. */
  title: SeedText;
  /** The portal pages it happens on, as `portal/page`. */
  pages: string[];
}

export interface ProcedureOutline {
  id: ProcedureId;
  title: Text;
  steps: OutlineStep[];
}

export const outlines = catalog as readonly ProcedureOutline[];

const pageKey = (portalId: string, pageId: string) => `${portalId}/${pageId}`;

export function outlineOf(id: ProcedureId): ProcedureOutline | undefined {
  return outlines.find((outline) => outline.id === id);
}

/** The procedure's name, as every view writes it (its module's title). */
export function procedureTitle(id: ProcedureId): Text {
  return outlineOf(id)?.title ?? { fr: id, en: id };
}

/** The procedure's steps that happen on this page, in the procedure's order. */
export function stepsOnPage(procedure: ProcedureId, portalId: string, pageId: string): OutlineStep[] {
  const key = pageKey(portalId, pageId);
  return outlineOf(procedure)?.steps.filter((step) => step.pages.includes(key)) ?? [];
}

/** The procedures with a step on this page, in the catalogue's order (by seed). */
export function proceduresOnPage(portalId: string, pageId: string): ProcedureId[] {
  return outlines.filter((outline) => stepsOnPage(outline.id, portalId, pageId).length > 0).map((outline) => outline.id);
}
