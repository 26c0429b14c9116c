import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draftKey, editingKey, fillChoiceOf, pagesByTab } from './storage';

/** What earlier versions of Balise wrote, key by key: an update must read it back. */
const written = [
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
