import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';
import { renderMessage } from '../lib/i18n/catalog';

// The fake browser does not implement i18n: render from the catalog, in French as a French browser
// would, the manifest's name included (contentLanguage() reads it).
function installI18n() {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
    renderMessage(key, typeof subs === 'string' ? [subs] : (subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: renderMessage('extName'), version: '0.0.0' });
}

installI18n();
beforeEach(async () => {
  fakeBrowser.reset();
  installI18n();
  // A real browser always has a focused window (the popup asks for it).
  await fakeBrowser.windows.create({ focused: true });
});
