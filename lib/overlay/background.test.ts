import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { overlayScriptFile, registerOverlayHandlers } from './background';
import { readOverlayState, writeOverlayState } from './state';

describe('overlay state', () => {
  it('is remembered per portal, defaults first', async () => {
    expect(await readOverlayState('plage')).toEqual({ collapsed: true, dismissed: false });
    await writeOverlayState('plage', { collapsed: false });
    await writeOverlayState('medimail', { procedure: '002-medimail-bal-org' });
    expect(await readOverlayState('plage')).toEqual({ collapsed: false, dismissed: false });
    expect(await readOverlayState('medimail')).toEqual({ collapsed: true, dismissed: false, procedure: '002-medimail-bal-org' });
    await writeOverlayState('plage', { dismissed: true });
    expect(await readOverlayState('plage')).toEqual({ collapsed: false, dismissed: true });
  });
});

describe('registerOverlayHandlers', () => {
  /** The one runtime listener lib/messaging installs, called as the browser would. */
  async function deliver(name: string, data: unknown, sender: object) {
    const listener = vi.mocked(fakeBrowser.runtime.onMessage.addListener).mock.calls.at(-1)![0] as (m: unknown, s: object) => unknown;
    return listener({ balise: name, data }, sender);
  }

  it('injects the overlay only into a portal frame, and not where it was dismissed', async () => {
    const addListener = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const executeScript = vi.fn(async () => []);
    (fakeBrowser as unknown as { scripting: object }).scripting = { executeScript };
    registerOverlayHandlers();
    expect(addListener).toHaveBeenCalled();

    await expect(deliver('injectOverlay', undefined, { tab: { id: 7 }, frameId: 2, url: 'https://plage.atih.sante.fr/compte/creation' })).resolves.toBe(true);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [2] }, files: [overlayScriptFile] });

    await expect(deliver('injectOverlay', undefined, { tab: { id: 7 }, frameId: 0, url: 'https://evil.test/' })).resolves.toBe(false);
    await expect(deliver('injectOverlay', undefined, { tab: { id: 7 }, frameId: 0, url: 'http://plage.atih.sante.fr/' })).resolves.toBe(false);

    const plageScript = { id: fakeBrowser.runtime.id, tab: { id: 7 }, frameId: 0, url: 'https://plage.atih.sante.fr/' };
    await expect(deliver('setOverlayState', { portalId: 'plage', change: { dismissed: true } }, plageScript)).resolves.toEqual({ collapsed: true, dismissed: true });
    await expect(deliver('getOverlayState', { portalId: 'plage' }, plageScript)).resolves.toEqual({ collapsed: true, dismissed: true });
    await expect(deliver('injectOverlay', undefined, { tab: { id: 7 }, frameId: 0, url: 'https://plage.atih.sante.fr/' })).resolves.toBe(false);
    expect(executeScript).toHaveBeenCalledTimes(1);
    await expect(deliver('getOverlayState', { portalId: 'nowhere' }, plageScript)).rejects.toThrow('unknown portal');

    // A portal page's script reads and changes its own portal's guide only; Balise's pages, any.
    const medimailScript = { id: fakeBrowser.runtime.id, tab: { id: 3 }, frameId: 0, url: 'https://medimail.mipih.fr/' };
    await expect(deliver('setOverlayState', { portalId: 'plage', change: { dismissed: true } }, medimailScript)).rejects.toThrow(/sender not allowed/);
    await expect(deliver('getOverlayState', { portalId: 'plage' }, { ...medimailScript, frameId: 4, url: 'https://plage.atih.sante.fr/' })).rejects.toThrow(/sender not allowed/);
    await expect(deliver('getOverlayState', { portalId: 'plage' }, { id: 'autre-extension', url: fakeBrowser.runtime.getURL('/popup.html') })).rejects.toThrow(/sender not allowed/);
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    await expect(deliver('setOverlayState', { portalId: 'plage', change: { dismissed: false } }, popup)).resolves.toMatchObject({ dismissed: false });
    expect((await readOverlayState('plage')).dismissed).toBe(false);
  });
});
