import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pendingSite, siteChoices } from '../store/storage';
import { completePendingSite, portalScriptFile, siteScriptId, syncSiteScripts } from './sites';

const origin = 'https://tom-nouveau.esante.gouv.fr';
let granted: string[];
let registered: { id: string; matches?: string[]; js?: string[]; runAt?: string }[];

beforeEach(() => {
  granted = ['https://plage.atih.sante.fr/*'];
  registered = [];
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation((async () => ({ origins: [...granted], permissions: [] })) as never);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o))) as never);
  const scripting = fakeBrowser.scripting;
  vi.spyOn(scripting, 'getRegisteredContentScripts').mockImplementation((async () => registered.map((s) => ({ ...s }))) as never);
  vi.spyOn(scripting, 'registerContentScripts').mockImplementation((async (scripts: typeof registered) => void registered.push(...scripts)) as never);
  vi.spyOn(scripting, 'updateContentScripts').mockImplementation((async (scripts: typeof registered) => void (registered = scripts)) as never);
  vi.spyOn(scripting, 'unregisterContentScripts').mockImplementation((async () => void (registered = [])) as never);
  vi.spyOn(fakeBrowser.tabs, 'reload').mockResolvedValue(undefined as never);
});
afterEach(() => vi.restoreAllMocks());

describe('the content script on the sites switched on', () => {
  it('is registered for exactly the granted sites, updated, and unregistered when none is left', async () => {
    await siteChoices().setValue({ [origin]: 'ans-tom', 'https://revoque.sante.gouv.fr': 'erpps' });
    expect(await syncSiteScripts()).toEqual({});
    expect(registered).toEqual([]);
    // Entries whose permission is gone (or never came) are dropped from the storage too.
    expect(await siteChoices().getValue()).toEqual({});

    await siteChoices().setValue({ [origin]: 'ans-tom', 'https://revoque.sante.gouv.fr': 'erpps' });
    granted.push(`${origin}/*`);
    await syncSiteScripts();
    expect(registered).toEqual([{ id: siteScriptId, js: [portalScriptFile], matches: [`${origin}/*`], runAt: 'document_end' }]);
    expect(await siteChoices().getValue()).toEqual({ [origin]: 'ans-tom' });
    await siteChoices().setValue({ [origin]: 'ans-tom', 'https://contrat.esante.gouv.fr': 'ans-contrat' });
    granted.push('https://contrat.esante.gouv.fr/*');
    await syncSiteScripts();
    expect(registered).toHaveLength(1);
    expect(registered[0]!.matches).toEqual([`${origin}/*`, 'https://contrat.esante.gouv.fr/*']);

    granted = [];
    await syncSiteScripts();
    expect(registered).toEqual([]);
    expect(await siteChoices().getValue()).toEqual({});
  });
});

describe('completePendingSite', () => {
  it('waits for the grant, then stores the choice, registers and reloads the tab', async () => {
    await pendingSite().setValue({ origin, portalId: 'ans-tom', tabId: 12 });
    expect(await completePendingSite()).toBe(false);
    expect(await siteChoices().getValue()).toEqual({});
    expect(await pendingSite().getValue()).not.toBeNull();

    granted.push(`${origin}/*`);
    expect(await completePendingSite()).toBe(true);
    expect(await siteChoices().getValue()).toEqual({ [origin]: 'ans-tom' });
    expect(registered[0]!.matches).toEqual([`${origin}/*`]);
    expect(fakeBrowser.tabs.reload).toHaveBeenCalledWith(12);
    expect(await pendingSite().getValue()).toBeNull();
    expect(await completePendingSite()).toBe(false);
  });

  it('drops a choice that is not an origin of the domains or not a portal', async () => {
    granted.push('https://example.org/*', `${origin}/*`);
    for (const bad of [{ origin: 'https://example.org', portalId: 'plage' }, { origin: `${origin}/x`, portalId: 'plage' }, { origin, portalId: 'no-such-portal' }]) {
      await pendingSite().setValue({ ...bad, tabId: 1 });
      expect(await completePendingSite()).toBe(false);
      expect(await pendingSite().getValue()).toBeNull();
    }
    expect(await siteChoices().getValue()).toEqual({});
  });
});
