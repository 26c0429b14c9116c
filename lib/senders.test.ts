import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { aboutPortal, extensionPageInTab, portalTopFrame, sitesFor } from './senders';
import { siteChoices } from './store/storage';

type Sender = Browser.runtime.MessageSender;

const granted = 'https://contrat-nouveau.esante.gouv.fr';
const sites = { [granted]: 'ans-tom' };
const tab = (id: number, url: string) => ({ id, url }) as Browser.tabs.Tab;
const script = (url: string, change: Partial<Sender> = {}): Sender => ({ id: fakeBrowser.runtime.id, tab: tab(3, url), frameId: 0, url, ...change });
const guideFrame = (tabUrl: string | undefined): Sender => ({
  id: fakeBrowser.runtime.id,
  tab: { id: 3, ...(tabUrl ? { url: tabUrl } : {}) } as Browser.tabs.Tab,
  frameId: 2,
  url: fakeBrowser.runtime.getURL('/guide.html'),
});

afterEach(() => vi.restoreAllMocks());

describe('a content script on a site switched on', () => {
  it('is a frame of the chosen portal, with the sites table', () => {
    expect(portalTopFrame(script(`${granted}/accueil`), 'test', sites).portal.id).toBe('ans-tom');
    expect(() => portalTopFrame(script(`${granted}/accueil`), 'test')).toThrow(/sender not allowed/);
  });

  it('may ask about its chosen portal only', () => {
    expect(aboutPortal(script(`${granted}/`), 'ans-tom', 'test', sites)).toBe('portalPage');
    for (const other of ['plage', 'medimail', 'ans-contrat']) expect(() => aboutPortal(script(`${granted}/`), other, 'test', sites)).toThrow(/sender not allowed/);
  });

  it('is refused on another port, in a subframe, or when its tab moved to another origin', () => {
    expect(() => portalTopFrame(script(`${granted}:8443/`, { tab: tab(3, `${granted}:8443/`) }), 'test', sites)).toThrow(/sender not allowed/);
    expect(() => portalTopFrame(script(`${granted}/`, { frameId: 5 }), 'test', sites)).toThrow(/sender not allowed/);
    expect(() => portalTopFrame(script(`${granted}/`, { tab: tab(3, 'https://autre.esante.gouv.fr/') }), 'test', sites)).toThrow(/sender not allowed/);
  });
});

describe('the guide frame', () => {
  it('asks about the portal of its own tab only; Balise’s pages, in no tab or their own, about any', () => {
    expect(aboutPortal(guideFrame('https://plage.atih.sante.fr/compte'), 'plage', 'test')).toBe('extensionPage');
    expect(aboutPortal(guideFrame(`${granted}/x`), 'ans-tom', 'test', sites)).toBe('extensionPage');
    // A page of the domains framing the guide cannot make it speak of another portal (a user's progress, names).
    for (const [tabUrl, portal] of [['https://autre.esante.gouv.fr/', 'plage'], ['https://plage.atih.sante.fr/', 'medimail'], [undefined, 'plage']] as const)
      expect(() => aboutPortal(guideFrame(tabUrl), portal, 'test', sites)).toThrow(/sender not allowed/);
    const options = fakeBrowser.runtime.getURL('/options.html');
    expect(aboutPortal({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') }, 'medimail', 'test')).toBe('extensionPage');
    expect(aboutPortal({ id: fakeBrowser.runtime.id, url: options, tab: tab(4, options) }, 'medimail', 'test')).toBe('extensionPage');
  });

  it('is answered in a tab on a built-in host or a site switched on, and nowhere else', () => {
    expect(extensionPageInTab(guideFrame('https://plage.atih.sante.fr/compte'), 'test')).toEqual({ tabId: 3 });
    expect(extensionPageInTab(guideFrame(`${granted}/x`), 'test', sites)).toEqual({ tabId: 3 });
    // Framed by a page of the domains that is not switched on (guide.html's matches cover them all).
    expect(() => extensionPageInTab(guideFrame('https://autre.esante.gouv.fr/'), 'test', sites)).toThrow(/sender not allowed/);
    expect(() => extensionPageInTab(guideFrame(`${granted}/x`), 'test')).toThrow(/sender not allowed/);
    // The browser gives no URL for a tab Balise has no permission on.
    expect(() => extensionPageInTab(guideFrame(undefined), 'test', sites)).toThrow(/sender not allowed/);
  });
});

describe('sitesFor', () => {
  it('reads nothing for built-in hosts and other sites; for a site of the domains, what is stored AND granted', async () => {
    const getAll = vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: [`${granted}/*`, 'https://plage.atih.sante.fr/*'], permissions: [] } as never);
    await siteChoices().setValue({ [granted]: 'ans-tom', 'https://revoque.esante.gouv.fr': 'erpps' });
    expect(await sitesFor(script('https://plage.atih.sante.fr/'))).toEqual({});
    expect(await sitesFor(script('https://example.org/'))).toEqual({});
    expect(getAll).not.toHaveBeenCalled();
    expect(await sitesFor(script(`${granted}/`))).toEqual({ [granted]: 'ans-tom' });
    expect(await sitesFor(script('https://revoque.esante.gouv.fr/'))).toEqual({ [granted]: 'ans-tom' });
  });
});
