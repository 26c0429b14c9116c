/**
 * The procedures' background wiring, which entrypoints/background.ts calls once:
 * - `pageSeen` messages from the content script tick the step a page proves, for the current
 *   establishment, and remember which portal page each tab shows (tab-pages.ts), when the
 *   sender's URL can be that page (`pageSeenFrom`);
 * - the overlay asks for the current procedure's summary, the popup's, seen from its page;
 * - reminders become notifications (notifications.ts).
 */
import { z } from 'zod';
import { browser, type Browser } from 'wxt/browser';
import { getProcedureSummary } from '../overlay/messages';
import { findPage, urlFitsPage } from '../portals';
import { aboutPortal, portalTopFrame, SenderRefused } from '../senders';
import { db, type BaliseDb } from '../store/db';
import { readWorkContext } from '../store/profile';
import { onAlarm, startReminders } from './notifications';
import { currentState, itemProvedBy, progressOf, saveProgress, stateOf, withStep } from './progress';
import { syncReminders } from './reminders';
import { summarize, withoutPersons, type PageId, type ProgressSummary } from './summary';
import { forgetTab, rememberTabPage } from './tab-pages';

export const pageSeenMessage = z.strictObject({ type: z.literal('pageSeen'), portalId: z.string().min(1), pageId: z.string().min(1) });
export type PageSeenMessage = z.infer<typeof pageSeenMessage>;

export interface Ticked {
  procedureId: string;
  key: string;
}

/** Ticks, in every procedure started for the current establishment, the step this page proves. */
export async function onPageSeen(portalId: string, pageId: string, database: BaliseDb = db, now = new Date()): Promise<Ticked[]> {
  if (!findPage(portalId, pageId)) return [];
  const context = await readWorkContext(database);
  if (!context) return [];
  const { establishment, meId } = context;
  const ticked: Ticked[] = [];
  for (const progress of await progressOf(establishment.id, database)) {
    const state = stateOf(progress, establishment, meId);
    const item = state && itemProvedBy(state.checklist, progress, portalId, pageId, meId);
    if (!item) continue;
    await saveProgress(withStep(progress, item.key, true, 'page', now), database);
    ticked.push({ procedureId: progress.procedureId, key: item.key });
  }
  if (ticked.length > 0) await syncReminders(browser.alarms, database, now);
  return ticked;
}

/**
 * A `pageSeen` from the browser: accepted only from Balise's content script in the top frame
 * of a tab on that very portal, at a URL whose path and query fit the page; it then remembers
 * the tab's page and ticks what the page proves. Throws SenderRefused otherwise.
 *
 * Still trusted: the portal's own document. Which of the pages sharing a URL shows is read from
 * DOM markers the page draws, and a script on the portal can pushState to a proof page's path;
 * so such a script can still tick a step proved by a page of its own portal, never another
 * portal's. Acceptable at this severity: a tick shows in the side panel and the user can untick
 * it there, and nothing leaves Balise. Closing it needs telling a real navigation from a
 * pushState (webNavigation, a new permission) or asking the user to confirm.
 */
export async function pageSeenFrom(sender: Browser.runtime.MessageSender, { portalId, pageId }: Omit<PageSeenMessage, 'type'>, database: BaliseDb = db): Promise<Ticked[]> {
  const { tabId, portal, url } = portalTopFrame(sender, 'pageSeen');
  const page = portal.id === portalId ? portal.pages.find((p) => p.id === pageId) : undefined;
  if (!page || !urlFitsPage(url, page)) throw new SenderRefused('pageSeen');
  const [, ticked] = await Promise.all([rememberTabPage(tabId, portalId, pageId), onPageSeen(portalId, pageId, database)]);
  return ticked;
}

/** What the popup shows (the current procedure and its next step), seen from a portal page: for the overlay. */
export async function summaryFor(here: PageId, database: BaliseDb = db): Promise<ProgressSummary | null> {
  const context = await readWorkContext(database);
  if (!context) return null;
  const { establishment, meId } = context;
  const state = currentState(await progressOf(establishment.id, database), establishment, meId);
  return state ? summarize(state, here) : null;
}

/** Call once from the background's main(). */
export function registerProcedureHandlers(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const parsed = pageSeenMessage.safeParse(message);
    return parsed.success ? pageSeenFrom(sender, parsed.data) : undefined;
  });
  getProcedureSummary.handle(async ({ portalId, pageId }, sender) => {
    const asker = aboutPortal(sender, portalId, 'getProcedureSummary');
    const summary = await summaryFor({ portalId, pageId });
    return summary && asker === 'portalPage' ? withoutPersons(summary) : summary;
  });
  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm.name));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.runtime.onStartup.addListener(() => void startReminders());
  browser.runtime.onInstalled.addListener(() => void startReminders());
}
