import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readOverlayState } from './state';

describe('the overlay’s memory per portal', () => {
  it('reads local:overlayStates back as the storage item of earlier versions wrote it (a plain read now)', async () => {
    await fakeBrowser.storage.local.set({ overlayStates: { plage: { collapsed: false, dismissed: false, procedure: '000-distrilog' } } });
    expect(await readOverlayState('plage')).toEqual({ collapsed: false, dismissed: false, procedure: '000-distrilog' });
  });
});
