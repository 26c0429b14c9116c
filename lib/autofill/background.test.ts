import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MessageType } from '../messaging';
import { BaliseDb } from '../store/db';
import { sampleEstablishment } from '../profile/sample';
import type { Establishment } from '../profile/schema';
import { deleteEstablishment, saveEstablishment, setMe, writeSetting } from '../store/profile';
import { fillCommand, registerAutofillHandlers } from './background';
import { chooseFillEstablishment, fillEstablishments, getFillContext, openOptions, startFill, teachField } from './messages';
import { patience } from '../../test/patience';
import { bindFrenchSpaces } from '../i18n/typography';

type Sender = Browser.runtime.MessageSender;

let database: BaliseDb;
beforeEach(() => {
  database = new BaliseDb(`fill-${crypto.randomUUID()}`);
  // Not implemented by the fake browser; the shortcut's test captures their listeners.
  for (const event of [fakeBrowser.commands.onCommand, fakeBrowser.contextMenus.onClicked, fakeBrowser.runtime.onInstalled])
    vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
});
afterEach(async () => {
  await database.delete();
  vi.restoreAllMocks();
});

const portalUrl = 'https://plage.atih.sante.fr/compte/creation';
const tab = (id: number, url = portalUrl) => ({ id, url }) as Browser.tabs.Tab;
/** Balise's content script in the top frame of portal tab `tabId`, as the browser describes it. */
const portalScript = (tabId: number, change: Partial<Sender> = {}): Sender => ({ id: fakeBrowser.runtime.id, tab: tab(tabId), frameId: 0, url: portalUrl, ...change });
/** The guide frame: a Balise page in an iframe of portal tab `tabId`. */
const guideFrame = (tabId: number, change: Partial<Sender> = {}): Sender => ({
  id: fakeBrowser.runtime.id,
  tab: tab(tabId),
  frameId: 4,
  url: fakeBrowser.runtime.getURL('/guide.html'),
  ...change,
});

/** Registers the handlers and answers as the browser would deliver each message, with its sender. */
function registered() {
  const handlers = new Map<string, (request: unknown, sender: Sender) => unknown>();
  for (const message of [getFillContext, fillEstablishments, chooseFillEstablishment, teachField, openOptions] as MessageType<never, unknown>[])
    vi.spyOn(message, 'handle').mockImplementation((handler) => void handlers.set(message.name, handler as never));
  registerAutofillHandlers(database);
  return async <Request, Response>(message: MessageType<Request, Response>, request: Request, sender: Sender) =>
    (await handlers.get(message.name)!(request, sender)) as Response;
}

const another = (label: string): Establishment => ({ ...sampleEstablishment(), id: crypto.randomUUID(), label });

describe('getFillContext', () => {
  it('gives the portal tab the only establishment, cut down to what the plan reads, and who "me" is there', async () => {
    const sample = sampleEstablishment();
    await database.establishments.put({ ...sample, managed: true, updatedAt: '2025-03-01T10:00:00.000Z' });
    await setMe(sample.id, sample.contacts[1]!.id, database);
    const context = await registered()(getFillContext, {}, portalScript(7));
    expect(context).toMatchObject({ count: 1, meContactId: sample.contacts[1]!.id, establishment: { id: sample.id, finessEt: sample.finessEt } });
    expect(Object.keys(context.establishment!).sort()).toEqual(
      ['address', 'contacts', 'finessEj', 'finessEt', 'id', 'legalName', 'mailDomain', 'orgMailbox', 'phone', 'siren', 'siret', 'software', 'status'],
    );
    expect(context.establishment!.contacts.map((contact) => 'card' in contact)).toEqual(sample.contacts.map(() => false));
  });

  it('refuses anything but Balise’s content script in the top frame of a tab on that portal', async () => {
    await saveEstablishment(sampleEstablishment(), database);
    const ask = registered();
    const refused = (sender: Sender) => expect(ask(getFillContext, {}, sender)).rejects.toThrow(/sender not allowed/);
    await refused(portalScript(7, { id: 'another-extension' }));
    await refused(portalScript(7, { tab: undefined }));
    await refused(portalScript(7, { frameId: 2 }));
    await refused(portalScript(7, { url: 'https://evil.test/compte/creation', tab: tab(7, 'https://evil.test/') }));
    await refused(portalScript(7, { url: 'https://plage.atih.sante.fr.evil.test/', tab: tab(7, 'https://plage.atih.sante.fr.evil.test/') }));
    await refused(portalScript(7, { url: 'http://plage.atih.sante.fr/compte/creation', tab: tab(7, 'http://plage.atih.sante.fr/compte/creation') }));
    // A document still reporting the portal while its tab shows another origin.
    await refused(portalScript(7, { tab: tab(7, 'https://evil.test/') }));
    await refused(portalScript(7, { tab: tab(7, 'https://medimail.mipih.fr/') }));
    await refused(guideFrame(7));
    // Same origin, another path (the tab's URL may lag an SPA route): accepted.
    await expect(ask(getFillContext, {}, portalScript(7, { tab: tab(7, 'https://plage.atih.sante.fr/') }))).resolves.toMatchObject({ count: 1 });
  });

  it('never gives the content script another establishment than its tab’s, whatever it asks', async () => {
    const a = await saveEstablishment(another('Site A'), database);
    const b = await saveEstablishment(another('Site B'), database);
    const ask = registered();
    // The former request field: ignored.
    const asking = { establishmentId: b.id } as never;
    expect(await ask(getFillContext, asking, portalScript(7))).toEqual({ establishment: null, count: 2, lessons: [] });
    await writeSetting('currentEstablishmentId', a.id, database);
    expect((await ask(getFillContext, asking, portalScript(7))).establishment?.id).toBe(a.id);
  });

  it('follows the choice made in the tab’s guide frame, in that tab only, until the tab closes', async () => {
    const a = await saveEstablishment(another('Site A'), database);
    const b = await saveEstablishment(another('Site B'), database);
    await writeSetting('currentEstablishmentId', a.id, database);
    const ask = registered();
    const fillsFrom = async (tabId: number) => (await ask(getFillContext, {}, portalScript(tabId))).establishment?.id;

    expect(await ask(chooseFillEstablishment, { establishmentId: b.id }, guideFrame(7))).toMatchObject({ chosenId: b.id });
    expect([await fillsFrom(7), await fillsFrom(8)]).toEqual([b.id, a.id]);
    expect((await ask(fillEstablishments, {}, guideFrame(8))).chosenId).toBe(a.id);

    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await fillsFrom(7)).toBe(a.id), patience);

    // A chosen establishment deleted since: back to the current one.
    await ask(chooseFillEstablishment, { establishmentId: b.id }, guideFrame(9));
    await deleteEstablishment(b.id, database);
    expect(await fillsFrom(9)).toBe(a.id);
  });
});

describe('fillEstablishments and chooseFillEstablishment', () => {
  it('list the establishments by label in French order, with the one the tab fills from', async () => {
    const ask = registered();
    expect(await ask(fillEstablishments, {}, guideFrame(7))).toEqual({ establishments: [], chosenId: null });
    const zola = await saveEstablishment(another('Zola'), database);
    expect((await ask(fillEstablishments, {}, guideFrame(7))).chosenId).toBe(zola.id);
    const ecully = await saveEstablishment(another('Écully'), database);
    const abbaye = await saveEstablishment(another('abbaye'), database);
    expect(await ask(fillEstablishments, {}, guideFrame(7))).toEqual({
      establishments: [abbaye, ecully, zola].map(({ id, label }) => ({ id, label })),
      chosenId: null,
    });
    expect((await ask(chooseFillEstablishment, { establishmentId: ecully.id }, guideFrame(7))).chosenId).toBe(ecully.id);
  });

  it('answer Balise’s pages inside a tab only: not a portal content script, the popup, nor another extension', async () => {
    const a = await saveEstablishment(another('Site A'), database);
    const b = await saveEstablishment(another('Site B'), database);
    await writeSetting('currentEstablishmentId', a.id, database);
    const ask = registered();
    for (const sender of [portalScript(7), guideFrame(7, { tab: undefined }), guideFrame(7, { id: 'another-extension' })]) {
      await expect(ask(fillEstablishments, {}, sender)).rejects.toThrow(/sender not allowed/);
      await expect(ask(chooseFillEstablishment, { establishmentId: b.id }, sender)).rejects.toThrow(/sender not allowed/);
    }
    expect((await ask(getFillContext, {}, portalScript(7))).establishment?.id).toBe(a.id);
  });

  it('refuse to choose an establishment that does not exist', async () => {
    const ask = registered();
    await expect(ask(chooseFillEstablishment, { establishmentId: crypto.randomUUID() }, guideFrame(7))).rejects.toThrow(/no such establishment/);
    await expect(ask(chooseFillEstablishment, {} as never, guideFrame(7))).rejects.toThrow(/no such establishment/);
  });
});

describe('teachField', () => {
  const asked = { signature: 'text|code de la structure|||code struct||', label: 'Code de la structure', kind: 'finessEt' as const };

  it('records the lesson in the tab’s establishment for the tab’s origin, and gives it to that origin only', async () => {
    const sample = await saveEstablishment(sampleEstablishment(), database);
    const ask = registered();
    await ask(teachField, asked, guideFrame(7));
    await ask(teachField, { ...asked, kind: 'siret' }, guideFrame(7));
    const lessons = [{ origin: 'https://plage.atih.sante.fr', ...asked, kind: 'siret' }];
    expect((await database.establishments.get(sample.id))!.lessons).toEqual(lessons);
    expect((await ask(getFillContext, {}, portalScript(7))).lessons).toEqual(lessons);
    const medimail = 'https://medimail.mipih.fr/inscription';
    expect((await ask(getFillContext, {}, portalScript(8, { url: medimail, tab: tab(8, medimail) }))).lessons).toEqual([]);
  });

  it('refuses a secret kind, a content script and a guide frame on another site', async () => {
    const sample = await saveEstablishment(sampleEstablishment(), database);
    const ask = registered();
    await expect(ask(teachField, { ...asked, kind: 'password' as never }, guideFrame(7))).rejects.toThrow();
    await expect(ask(teachField, asked, portalScript(7))).rejects.toThrow(/sender not allowed/);
    await expect(ask(teachField, asked, guideFrame(7, { tab: tab(7, 'https://evil.test/') }))).rejects.toThrow(/sender not allowed/);
    expect((await database.establishments.get(sample.id))!.lessons).toBeUndefined();
  });
});

describe('openOptions', () => {
  it('opens a new establishment’s editor, or one establishment on a field, in a tab right after the portal’s', async () => {
    const portal = await fakeBrowser.tabs.create({ url: portalUrl });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const ask = registered();
    await ask(openOptions, { target: 'new' }, guideFrame(portal.id!, { tab: { ...portal, url: portalUrl } }));
    await ask(openOptions, { target: { establishmentId: 'e1', field: 'address.street' } }, guideFrame(portal.id!, { tab: { ...portal, url: portalUrl } }));
    const options = fakeBrowser.runtime.getURL('/options.html');
    expect(create.mock.calls.map(([properties]) => [properties.url, properties.openerTabId, properties.index])).toEqual([
      [`${options}#new`, portal.id, portal.index + 1],
      [`${options}#establishment=e1&field=address.street`, portal.id, portal.index + 1],
    ]);
  });

  it('refuses a content script, a guide frame on another site, and a target it does not know', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const ask = registered();
    await expect(ask(openOptions, { target: 'new' }, portalScript(7))).rejects.toThrow(/sender not allowed/);
    await expect(ask(openOptions, { target: 'new' }, guideFrame(7, { tab: tab(7, 'https://evil.test/') }))).rejects.toThrow(/sender not allowed/);
    await expect(ask(openOptions, { target: 'https://evil.test/' as never }, guideFrame(7))).rejects.toThrow(/bad target/);
    await expect(ask(openOptions, { target: { establishmentId: 3 } as never }, guideFrame(7))).rejects.toThrow(/bad target/);
    expect(create).not.toHaveBeenCalled();
  });
});

describe('registerAutofillHandlers', () => {
  it('the shortcut and the context menu tell the tab to start; nothing else does', async () => {
    const { browser } = await import('wxt/browser');
    let onCommand: ((command: string, tab?: { id?: number }) => void) | undefined;
    let onMenu: ((info: { menuItemId: string | number }, tab?: { id?: number }) => void) | undefined;
    let onInstalled: (() => void) | undefined;
    vi.spyOn(browser.commands.onCommand, 'addListener').mockImplementation(((listener: typeof onCommand) => (onCommand = listener)) as never);
    vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation(((listener: typeof onMenu) => (onMenu = listener)) as never);
    vi.spyOn(browser.runtime.onInstalled, 'addListener').mockImplementation(((listener: typeof onInstalled) => (onInstalled = listener)) as never);
    const created: unknown[] = [];
    vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
    vi.spyOn(browser.contextMenus, 'create').mockImplementation(((properties: unknown) => created.push(properties)) as never);
    const sent = vi.spyOn(startFill, 'sendToTab').mockResolvedValue(undefined);

    registered();
    onCommand!('another-command', { id: 3 });
    onCommand!(fillCommand, { id: 7 });
    onMenu!({ menuItemId: 'someone-else' }, { id: 8 });
    onMenu!({ menuItemId: 'balise-fill-page' }, { id: 9 });
    onMenu!({ menuItemId: 'balise-teach-field' }, { id: 10 });
    onInstalled!();
    await vi.waitFor(() => expect(created).toHaveLength(2), patience);
    expect(sent.mock.calls).toEqual([
      [7, { trigger: 'command' }],
      [9, { trigger: 'contextMenu' }],
      [10, { trigger: 'teachField' }],
    ]);
    expect(created[0]).toMatchObject({ id: 'balise-fill-page', title: 'Remplir cette page avec Balise', documentUrlPatterns: expect.arrayContaining(['https://plage.atih.sante.fr/*']) });
    // « Balise : ce champ est… » only on a field, and only on the same pages (the portals' origins).
    expect(created[1]).toMatchObject({ id: 'balise-teach-field', title: bindFrenchSpaces('Balise : ce champ est…'), contexts: ['editable'], documentUrlPatterns: (created[0] as { documentUrlPatterns: string[] }).documentUrlPatterns });
  });
});
