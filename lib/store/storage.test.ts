import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dataChanged, draftKey, editingKey, fillChoiceOf, overlayStates, pagesByTab } from './storage';

/** What earlier versions of Balise wrote, key by key: an update must read it back. */
const written = [
  { item: overlayStates(), area: 'local', key: 'overlayStates', value: { plage: { collapsed: false, dismissed: false, procedure: '000-distrilog' } } },
  { item: dataChanged(), area: 'local', key: 'balise.dataChanged', value: '6f1c2a9e-0b1d-4c5e-9f8a-7b6c5d4e3f2a' },
  { item: pagesByTab(), area: 'session', key: 'balise.pageByTab', value: { 7: { portalId: 'plage', pageId: 'home', at: '2025-03-01T09:00:00.000Z' } } },
  { item: fillChoiceOf(7), area: 'session', key: 'balise.fillChoice.7', value: '3f7c2a10-5b4e-4d21-8c3a-9e0f1a2b3c4d' },
] as const;

describe('the stored keys', () => {
  it.each(written)('$area:$key is read back as it was written before the storage items', async ({ item, area, key, value }) => {
    await fakeBrowser.storage[area].set({ [key]: value });
    expect(await item.getValue()).toEqual(value);
  });

  it('name the options page’s sessionStorage entries as before', () => {
    expect([draftKey('abc'), editingKey]).toEqual(['balise.draft.abc', 'balise.editing']);
  });
});
