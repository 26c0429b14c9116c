/**
 * The procedures' background wiring, as functions the lead's entrypoints/background.ts calls:
 * - `pageSeen` messages (./messages.ts) from the content script tick the step a page proves, for the current
 *   establishment, and remember which portal page each tab shows (for the side panel), when
 *   the sender's URL can be that page (`pageSeenFrom`);
 * - the overlay asks for the current procedure's summary, the popup's, seen from its page;
 * - reminder alarms become notifications;
 * - at startup and once a day, reminders are re-planned.
 * The side panel is opened from a user gesture (popup button): `openSidePanel`.
 */
import { browser, type Browser } from 'wxt/browser';
import { tm } from '../i18n/t';
import { findPage, urlFitsPage } from '../portals';
import type { ProcedureId } from '../portals/schema';
import { db, type BaliseDb } from '../profile/db';
import { readWorkContext } from '../profile/store';
import { aboutPortal, portalTopFrame, SenderRefused } from '../senders';
import { getProcedureSummary, pageSeen, type Ticked } from './messages';
import { activeStates, itemProvedBy, progressOf, saveProgress, stateOf, withStep } from './progress';
import { alarmPrefix, reminderMessage, syncReminders } from './reminders';
import { stateForPage, summarize, withoutPersons, type PageId, type ProgressSummary } from './summary';

/** Re-plans reminders daily, so that a due date reached while the browser was closed is caught. */
export const dailySyncAlarm = 'balise-reminders-sync';

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
export async function pageSeenFrom(sender: Browser.runtime.MessageSender, { portalId, pageId }: PageId, database: BaliseDb = db): Promise<Ticked[]> {
  const { tabId, portal, url } = portalTopFrame(sender, 'pageSeen');
  const page = portal.id === portalId ? portal.pages.find((p) => p.id === pageId) : undefined;
  if (!page || !urlFitsPage(url, page)) throw new SenderRefused('pageSeen');
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

// ---------------------------------------------------------------- which page each tab shows

export const pageByTabKey = 'balise.pageByTab';
export interface TabPage {
  portalId: string;
  pageId: string;
  at: string;
}

async function pagesByTab(): Promise<Record<string, TabPage>> {
  const stored = await browser.storage.session.get(pageByTabKey);
  return (stored[pageByTabKey] as Record<string, TabPage> | undefined) ?? {};
}

export async function rememberTabPage(tabId: number, portalId: string, pageId: string, now = new Date()): Promise<void> {
  const pages = await pagesByTab();
  await browser.storage.session.set({ [pageByTabKey]: { ...pages, [tabId]: { portalId, pageId, at: now.toISOString() } } });
}

export async function forgetTab(tabId: number): Promise<void> {
  const pages = await pagesByTab();
  if (!(tabId in pages)) return;
  delete pages[tabId];
  await browser.storage.session.set({ [pageByTabKey]: pages });
}

/** The portal page a tab shows, as its content script reported it. */
export async function tabPage(tabId: number): Promise<TabPage | undefined> {
  return (await pagesByTab())[tabId];
}

// ---------------------------------------------------------------- reminders → notifications

/** Shows a due reminder once, and marks it notified. */
export async function notifyReminder(reminderId: string, database: BaliseDb = db, now = new Date()): Promise<boolean> {
  const reminder = await database.reminders.get(reminderId);
  if (!reminder || reminder.notifiedAt || reminder.dismissedAt) return false;
  const establishment = await database.establishments.get(reminder.establishmentId);
  const { title, body } = reminderMessage(reminder, establishment);
  await browser.notifications.create(`${alarmPrefix}${reminder.id}`, {
    type: 'basic',
    // Chrome requires an icon on every notification.
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: tm(title),
    message: tm(body),
  });
  await database.reminders.update(reminder.id, { notifiedAt: now.toISOString() });
  return true;
}

/** Reminders that came due while the browser was closed. */
export async function notifyDue(database: BaliseDb = db, now = new Date()): Promise<void> {
  const due = await database.reminders.where('dueAt').belowOrEqual(now.toISOString()).toArray();
  for (const reminder of due) await notifyReminder(reminder.id, database, now);
}

export async function onAlarm(name: string, database: BaliseDb = db, now = new Date()): Promise<void> {
  if (name === dailySyncAlarm) {
    await syncReminders(browser.alarms, database, now);
    await notifyDue(database, now);
  } else if (name.startsWith(alarmPrefix)) await notifyReminder(name.slice(alarmPrefix.length), database, now);
}

async function startUp(database: BaliseDb = db) {
  await browser.alarms.create(dailySyncAlarm, { periodInMinutes: 24 * 60 });
  await syncReminders(browser.alarms, database);
  await notifyDue(database);
}

/** Call once from the background's main(). */
export function registerProcedureHandlers(): void {
  pageSeen.handle(({ portalId, pageId }, sender) => pageSeenFrom(sender, { portalId, pageId }));
  getProcedureSummary.handle(async ({ portalId, pageId, procedureId }, sender) => {
    const asker = aboutPortal(sender, portalId, 'getProcedureSummary');
    const summary = await summaryFor({ portalId, pageId }, procedureId);
    return summary && asker === 'portalPage' ? withoutPersons(summary) : summary;
  });
  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm.name));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.runtime.onStartup.addListener(() => void startUp());
  browser.runtime.onInstalled.addListener(() => void startUp());
}

// ---------------------------------------------------------------- side panel

interface SidebarAction {
  open(): Promise<void>;
}
interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
}

/**
 * Opens the side panel (Chrome, in window `windowId`) or the sidebar (Firefox). Must be called
 * straight from a user gesture's handler in an extension page (the popup's button), before any
 * await: both browsers refuse otherwise. The popup reads its window id when it opens.
 */
export function openSidePanel(windowId: number): Promise<void> {
  const firefox = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
  if (firefox) return firefox.open();
  const chrome = (browser as unknown as { sidePanel?: ChromeSidePanel }).sidePanel;
  return chrome ? chrome.open({ windowId }) : Promise.resolve();
}
