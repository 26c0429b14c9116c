/**
 * The procedures' background wiring, which entrypoints/background.ts calls once:
 * - `pageSeen` messages (./messages.ts) from the content script tick the step a page proves,
 *   for the current establishment, and remember which portal page each tab shows
 *   (tab-pages.ts), when the sender's URL can be that page (`pageSeenFrom`);
 * - the overlay asks for the current procedure's summary, the popup's, seen from its page;
 * - reminders become notifications (notifications.ts).
 */
import { browser, type Browser } from 'wxt/browser';
import { tabStep, type TabStep } from './page-steps';
import { findPage } from '../portals';
import type { ProcedureId } from '../portals/schema';
import { aboutPortal, portalTopFrame, SenderRefused, sitesFor } from '../senders';
import { db, type BaliseDb } from '../store/db';
import { readWorkContext } from '../store/profile';
import { getProcedureSummary, getTabStep, pageSeen, type TabQuestion, type Ticked } from './messages';
import { onAlarm, startReminders } from './notifications';
import { activeStates, itemProvedBy, progressOf, saveProgress, stateOf, withStep } from './progress';
import { syncReminders } from './reminders';
import { stateForPage, summarize, withoutPersons, type PageId, type ProgressSummary } from './summary';
import { forgetTab, rememberTabPage } from './tab-pages';

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
 * of a tab on that very portal, naming one of that portal's pages; it then remembers the tab's
 * page and ticks what the page proves. Throws SenderRefused otherwise.
 *
 * The page is recognised by what it shows, at whatever URL its host serves it
 * (lib/portals/recognise.ts): the URL cannot vouch for it. So the portal's own document is
 * trusted: a script on the portal can draw a proof page's content and tick a step proved by a
 * page of its own portal, never another portal's. Acceptable at this severity: a tick shows in
 * the side panel and the user can untick it there, and nothing leaves Balise. Closing it needs
 * telling a real navigation from a page's own drawing, or asking the user to confirm.
 */
export async function pageSeenFrom(sender: Browser.runtime.MessageSender, { portalId, pageId }: PageId, database: BaliseDb = db): Promise<Ticked[]> {
  const { tabId, portal } = portalTopFrame(sender, 'pageSeen', await sitesFor(sender));
  const page = portal.id === portalId ? portal.pages.find((p) => p.id === pageId) : undefined;
  if (!page) throw new SenderRefused('pageSeen');
  const [, ticked] = await Promise.all([rememberTabPage(tabId, portalId, pageId), onPageSeen(portalId, pageId, database)]);
  return ticked;
}

/** The progress the guide shows on a portal page (see `getProcedureSummary`). */
export async function summaryFor(here: PageId, wanted?: ProcedureId, database: BaliseDb = db): Promise<ProgressSummary | null> {
  const context = await readWorkContext(database);
  if (!context) return null;
  const { establishment, meId } = context;
  const state = stateForPage(activeStates(await progressOf(establishment.id, database), establishment, meId), here, wanted);
  return state ? summarize(state, here) : null;
}

/** What the folded tab names on a portal page (see `TabStep`). */
export async function tabStepFor({ portalId, pageId, procedureId }: TabQuestion, database: BaliseDb = db): Promise<TabStep> {
  return tabStep(portalId, pageId, await summaryFor({ portalId, pageId }, procedureId, database), procedureId);
}

/** Call once from the background's main(). */
export function registerProcedureHandlers(): void {
  // The tab's step after the tick: reaching a proof page moves the user on.
  pageSeen.handle(async (question, sender) => {
    await pageSeenFrom(sender, question);
    return tabStepFor(question);
  });
  getTabStep.handle(async (question, sender) => {
    aboutPortal(sender, question.portalId, 'getTabStep', await sitesFor(sender));
    return tabStepFor(question);
  });
  getProcedureSummary.handle(async ({ portalId, pageId, procedureId }, sender) => {
    const asker = aboutPortal(sender, portalId, 'getProcedureSummary', await sitesFor(sender));
    const summary = await summaryFor({ portalId, pageId }, procedureId);
    return summary && asker === 'portalPage' ? withoutPersons(summary) : summary;
  });
  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm.name));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.runtime.onStartup.addListener(() => void startReminders());
  browser.runtime.onInstalled.addListener(() => void startReminders());
}
