/**
 * Messages between the portal pages and the background about procedures. Plain types only:
 * the always-loaded content script sends them.
 */
import { defineMessage } from '../messaging';
import type { ProcedureId } from '../portals/schema';
import type { PageId, ProgressSummary } from './summary';

export interface Ticked {
  procedureId: string;
  key: string;
}

/** Content → background: this tab shows this portal page. Answers the steps it ticked. */
export const pageSeen = defineMessage<PageId, Ticked[]>('pageSeen');

/**
 * The progress the guide shows on this page: of `procedureId` (chosen on the page) when it is
 * under way and has a step here, else of the latest procedure with a step here, else of the
 * current one; null when no procedure is under way.
 */
export const getProcedureSummary = defineMessage<PageId & { procedureId?: ProcedureId }, ProgressSummary | null>('getProcedureSummary');
