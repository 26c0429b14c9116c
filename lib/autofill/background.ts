/**
 * The autofill's background side: answers the content script with the profile to fill
 * from, and turns the keyboard shortcut and the context menu into a start request to the
 * tab. The profile only goes to Balise's own pages and to content scripts running on an
 * allowlisted portal page.
 */
import { browser, type Browser } from 'wxt/browser';
import { contentScriptMatches } from '../portals/index';
import { db, type BaliseDb } from '../profile/db';
import { readSettings } from '../profile/store';
import { t } from '../i18n/t';
import { isAllowedUrl } from './engine';
import { getFillContext, startFill, type FillContext, type FillTrigger } from './messages';
import { whichEstablishment } from './resolve';

/** The `commands` key declared in wxt.config.ts. */
export const fillCommand = 'fill-page';
const menuId = 'balise-fill-page';

export async function readFillContext(establishmentId: string | undefined, database: BaliseDb = db): Promise<FillContext> {
  const [all, settings] = await Promise.all([database.establishments.toArray(), readSettings(database)]);
  const establishments = all.map(({ id, label, legalName }) => ({ id, label, legalName })).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  const ids = establishments.map((e) => e.id);
  const id = establishmentId && ids.includes(establishmentId) ? establishmentId : whichEstablishment(ids, settings.currentEstablishmentId);
  const establishment = (id && all.find((e) => e.id === id)) || null;
  const meContactId = establishment ? settings.me[establishment.id] : undefined;
  return { establishments, establishment, ...(meContactId ? { meContactId } : {}) };
}

/** Balise's own pages, or its content script on an allowlisted portal page (any frame). */
export function isTrustedSender(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const url = sender.url ?? sender.tab?.url ?? '';
  return url.startsWith(browser.runtime.getURL('/')) || isAllowedUrl(url);
}

async function tell(tabId: number | undefined, trigger: FillTrigger): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  // A tab without Balise's content script (not a portal page) simply does not answer.
  if (id !== undefined) await startFill.sendToTab(id, { trigger }).catch(() => undefined);
}

export function registerAutofillHandlers(database: BaliseDb = db): void {
  getFillContext.handle((request, sender) => {
    if (!isTrustedSender(sender)) throw new Error('getFillContext: sender not allowed');
    return readFillContext(request?.establishmentId, database);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === fillCommand) void tell(tab?.id, 'command');
  });
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: menuId, title: t('fillContextMenu'), contexts: ['page', 'editable'], documentUrlPatterns: contentScriptMatches() }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === menuId) void tell(tab?.id, 'contextMenu');
  });
}
