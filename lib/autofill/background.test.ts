import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BaliseDb } from '../profile/db';
import { sampleEstablishment } from '../profile/sample';
import { saveEstablishment, setMe, writeSetting } from '../profile/store';
import { isTrustedSender, readFillContext } from './background';

let database: BaliseDb;
beforeEach(() => {
  database = new BaliseDb(`fill-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await database.delete();
  vi.restoreAllMocks();
});

describe('readFillContext', () => {
  it('the only establishment, with who "me" is there', async () => {
    const sample = await saveEstablishment(sampleEstablishment(), database);
    await setMe(sample.id, sample.contacts[1]!.id, database);
    const context = await readFillContext(undefined, database);
    expect(context.establishments).toEqual([{ id: sample.id, label: sample.label, legalName: sample.legalName }]);
    expect(context.establishment?.id).toBe(sample.id);
    expect(context.meContactId).toBe(sample.contacts[1]!.id);
  });

  it('several and none current: summaries only; the current one, or the one asked for, in full', async () => {
    const a = await saveEstablishment(sampleEstablishment(), database);
    const b = await saveEstablishment({ ...sampleEstablishment(), id: crypto.randomUUID(), label: 'Autre site' }, database);
    const none = await readFillContext(undefined, database);
    expect([none.establishments.length, none.establishment]).toEqual([2, null]);
    await writeSetting('currentEstablishmentId', b.id, database);
    expect((await readFillContext(undefined, database)).establishment?.id).toBe(b.id);
    expect((await readFillContext(a.id, database)).establishment?.id).toBe(a.id);
  });
});

describe('isTrustedSender', () => {
  const id = () => fakeBrowser.runtime.id;
  it('Balise pages and content scripts on allowlisted HTTPS pages only', () => {
    expect(isTrustedSender({ id: id(), url: 'https://plage.atih.sante.fr/compte/creation' })).toBe(true);
    expect(isTrustedSender({ id: id(), url: fakeBrowser.runtime.getURL('/options.html') })).toBe(true);
    expect(isTrustedSender({ id: id(), url: 'https://plage.atih.sante.fr.evil.test/' })).toBe(false);
    expect(isTrustedSender({ id: id(), url: 'http://plage.atih.sante.fr/' })).toBe(false);
    expect(isTrustedSender({ id: 'another-extension', url: 'https://plage.atih.sante.fr/' })).toBe(false);
  });
});

describe('registerAutofillHandlers', () => {
  it('the shortcut and the context menu tell the tab to start; nothing else does', async () => {
    const { browser } = await import('wxt/browser');
    const { registerAutofillHandlers, fillCommand } = await import('./background');
    const { startFill } = await import('./messages');
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
    vi.spyOn((await import('./messages')).getFillContext, 'handle').mockImplementation(() => undefined);

    registerAutofillHandlers(database);
    onCommand!('another-command', { id: 3 });
    onCommand!(fillCommand, { id: 7 });
    onMenu!({ menuItemId: 'someone-else' }, { id: 8 });
    onMenu!({ menuItemId: 'balise-fill-page' }, { id: 9 });
    onInstalled!();
    await vi.waitFor(() => expect(created).toHaveLength(1));
    expect(sent.mock.calls).toEqual([
      [7, { trigger: 'command' }],
      [9, { trigger: 'contextMenu' }],
    ]);
    expect(created[0]).toMatchObject({ id: 'balise-fill-page', title: 'Remplir cette page avec Balise', documentUrlPatterns: expect.arrayContaining(['https://plage.atih.sante.fr/*']) });
  });
});
