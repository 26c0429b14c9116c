/**
 * Messages between the portal pages and the background about procedures. Plain types only:
 * the always-loaded content script sends them.
 */
import { defineMessage } from '../messaging';
import type { TabStep } from './page-steps';
import type { ProcedureId } from '../portals/schema';
import type { PageId, ProgressSummary } from './summary';

export interface Ticked {
  procedureId: string;
  key: string;
}

/** The page a portal tab shows, and the procedure chosen on it (as getProcedureSummary). */
export type TabQuestion = PageId & { procedureId?: ProcedureId };

/**
 * Content → background: this tab shows this portal page. Ticks the steps it proves, then answers
 * what the folded tab names there: one round trip per page load.
 */
export const pageSeen = defineMessage<TabQuestion, TabStep>('pageSeen');

/** What the folded tab names on this page, asked again when the procedure chosen or the user's progress changes (nothing ticked). */
export const getTabStep = defineMessage<TabQuestion, TabStep>('getTabStep');

/**
 * The progress the guide shows on this page: of `procedureId` (chosen on the page) when it is
 * under way and has a step here, else of the latest procedure with a step here, else of the
 * current one; null when no procedure is under way.
 */
export const getProcedureSummary = defineMessage<PageId & { procedureId?: ProcedureId }, ProgressSummary | null>('getProcedureSummary');
