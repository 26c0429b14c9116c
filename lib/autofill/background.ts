/**
 * The autofill's background side. A portal tab's content script gets only the establishment
 * that tab fills from, cut down to what the plan reads; only Balise's own pages inside the tab
 * (the guide frame) see the list of establishments and record the tab's choice. The keyboard
 * shortcut and the context menu become a start request to the tab.
 */
import { browser } from 'wxt/browser';
import { contentScriptMatches } from '../portals/outline';
import { originPattern } from '../portals/sites';
import { grantedSites } from '../store/sites';
import { db, type BaliseDb } from '../store/db';
import { readEstablishment, readSummaries, readSettings, teachLesson, whichEstablishment, type Settings } from '../store/profile';
import { fillChoiceOf } from '../store/storage';
import { t } from '../i18n/t';
import { extensionPageInTab, portalTopFrame, sitesFor } from '../senders';
import { parseUrl } from '../portals/lookup';
import {
  chooseFillEstablishment,
  fillEstablishments,
  getFillContext,
  openOptions,
  optionsUrl,
  startFill,
  teachField,
  type FillChoice,
  type FillContext,
  type FillTrigger,
  type OptionsTarget,
} from './messages';
import { forFill } from './resolve';

/** The `commands` key declared in wxt.config.ts. */
export const fillCommand = 'fill-page';
const menuId = 'balise-fill-page';
/** « Balise : ce champ est… », on a field of the same pages. */
const teachMenuId = 'balise-teach-field';

/** Where the fill menu shows: the built-in hosts and the sites the user switched Balise on for. */
async function fillMenuPatterns(): Promise<string[]> {
  const sites = await grantedSites().catch(() => ({}));
  return [...contentScriptMatches(), ...Object.keys(sites).map(originPattern)];
}

/** The sites switched on changed (lib/overlay/sites.ts): the fill menu follows. */
export async function updateFillMenu(): Promise<void> {
  const documentUrlPatterns = await fillMenuPatterns();
  try {
    await Promise.all([menuId, teachMenuId].map((id) => browser.contextMenus.update(id, { documentUrlPatterns })));
  } catch {
    // No menu yet (created on install, with the sites already granted).
  }
}

async function tabChoice(tabId: number): Promise<string | undefined> {
  return (await fillChoiceOf(tabId).getValue()) ?? undefined;
}

/** The tab's own choice while that establishment exists, else the one Balise works for (whichEstablishment). */
function chosen(ids: readonly string[], choice: string | undefined, settings: Settings): string | null {
  return choice && ids.includes(choice) ? choice : whichEstablishment(ids, settings.currentEstablishmentId);
}

async function chosenFor(tabId: number, database: BaliseDb): Promise<{ id: string | null; count: number; settings: Settings }> {
  const [ids, settings, choice] = await Promise.all([database.establishments.toCollection().primaryKeys(), readSettings(database), tabChoice(tabId)]);
  return { id: chosen(ids, choice, settings), count: ids.length, settings };
}

/** `origin`: the sender's page; only the lessons of that exact origin leave for it. */
async function readFillContext(tabId: number, origin: string, database: BaliseDb): Promise<FillContext> {
  const { id, count, settings } = await chosenFor(tabId, database);
  const establishment = id ? await readEstablishment(id, database) : undefined;
  const meContactId = establishment ? settings.me[establishment.id] : undefined;
  const lessons = (establishment?.lessons ?? []).filter((lesson) => lesson.origin === origin);
  return { establishment: establishment ? forFill(establishment) : null, ...(meContactId !== undefined ? { meContactId } : {}), count, lessons };
}

/** The lesson goes to the establishment this tab fills from, for the tab's own origin. */
async function teach(tabId: number, tabUrl: string | undefined, request: unknown, database: BaliseDb): Promise<void> {
  const { id } = await chosenFor(tabId, database);
  const origin = tabUrl ? parseUrl(tabUrl)?.origin : undefined;
  if (!id || !origin) throw new Error(`${teachField.name}: no establishment or no page`);
  // teachLesson validates the lesson (schema.ts): a secret kind or a malformed signature is refused there.
  await teachLesson(id, { ...(request as object), origin }, database);
}

async function readFillChoice(tabId: number, database: BaliseDb): Promise<FillChoice> {
  const [establishments, settings, choice] = await Promise.all([readSummaries(database), readSettings(database), tabChoice(tabId)]);
  // The guide frame, in a portal's page, gets what it shows: the labels.
  return { establishments: establishments.map(({ id, label }) => ({ id, label })), chosenId: chosen(establishments.map((e) => e.id), choice, settings) };
}

async function choose(tabId: number, establishmentId: unknown, database: BaliseDb): Promise<FillChoice> {
  if (typeof establishmentId !== 'string' || !(await readEstablishment(establishmentId, database)))
    throw new Error(`${chooseFillEstablishment.name}: no such establishment`);
  await fillChoiceOf(tabId).setValue(establishmentId);
  return readFillChoice(tabId, database);
}

/** A target as a guide frame may ask: `new`, or an establishment id with an optional field path; anything else is refused. */
function checkedOptionsUrl(target: unknown): string {
  const valid =
    target === 'new' ||
    (typeof target === 'object' &&
      target !== null &&
      typeof (target as { establishmentId?: unknown }).establishmentId === 'string' &&
      ['string', 'undefined'].includes(typeof (target as { field?: unknown }).field));
  if (!valid) throw new Error(`${openOptions.name}: bad target`);
  return optionsUrl(target as OptionsTarget);
}

/** The options open in a new tab right after the portal's, so that closing them comes back to it. */
async function openOptionsBeside(tabId: number, target: unknown): Promise<void> {
  const url = checkedOptionsUrl(target);
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  await browser.tabs.create({ url, openerTabId: tabId, ...(tab ? { index: tab.index + 1, windowId: tab.windowId } : {}) });
}

async function tell(tabId: number | undefined, trigger: FillTrigger): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  // A tab without Balise's content script (not a portal page) simply does not answer.
  if (id !== undefined) await startFill.sendToTab(id, { trigger }).catch(() => undefined);
}

/**
 * Call once from the background's main(). Each message checks its sender (lib/senders.ts) and
 * rejects with SenderRefused: getFillContext only from the top frame of a portal tab,
 * fillEstablishments and chooseFillEstablishment only from a Balise page inside a tab.
 */
export function registerAutofillHandlers(database: BaliseDb = db): void {
  getFillContext.handle(async (_, sender) => {
    const { tabId, url } = portalTopFrame(sender, getFillContext.name, await sitesFor(sender));
    return readFillContext(tabId, url.origin, database);
  });
  teachField.handle(async (request, sender) => teach(extensionPageInTab(sender, teachField.name, await sitesFor(sender)).tabId, sender.tab?.url, request, database));
  fillEstablishments.handle(async (_, sender) => readFillChoice(extensionPageInTab(sender, fillEstablishments.name, await sitesFor(sender)).tabId, database));
  chooseFillEstablishment.handle(async (request, sender) =>
    choose(extensionPageInTab(sender, chooseFillEstablishment.name, await sitesFor(sender)).tabId, request?.establishmentId, database),
  );
  openOptions.handle(async (request, sender) => openOptionsBeside(extensionPageInTab(sender, openOptions.name, await sitesFor(sender)).tabId, request?.target));
  browser.tabs.onRemoved.addListener((tabId) => void fillChoiceOf(tabId).removeValue());
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === fillCommand) void tell(tab?.id, 'command');
  });
  browser.runtime.onInstalled.addListener(() => {
    void Promise.all([fillMenuPatterns(), browser.contextMenus.removeAll()]).then(([documentUrlPatterns]) =>
      [
        browser.contextMenus.create({ id: menuId, title: t('fillContextMenu'), contexts: ['page', 'editable'], documentUrlPatterns }),
        browser.contextMenus.create({ id: teachMenuId, title: t('teachContextMenu'), contexts: ['editable'], documentUrlPatterns }),
      ],
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === menuId) void tell(tab?.id, 'contextMenu');
    if (info.menuItemId === teachMenuId) void tell(tab?.id, 'teachField');
  });
}
