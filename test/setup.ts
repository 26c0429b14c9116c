import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach } from 'vitest';
import { renderMessage } from '../lib/i18n/catalog';
import { patience } from './patience';

// The fake browser does not implement i18n: render from the catalog, in French as a French browser
// would, the manifest's name included (contentLanguage() reads it).
function installI18n() {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
    renderMessage(key, typeof subs === 'string' ? [subs] : (subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: renderMessage('extName'), version: '0.0.0' });
}

// findBy*/waitFor give up after 1 s by default, which a loaded 2-core machine exceeds while a page renders.
configure({ asyncUtilTimeout: patience.timeout });

/** Every database made in the test file (Dexie calls each addon with each new instance). */
const databases = new Set<Dexie>();
Dexie.addons.push((database) => databases.add(database));
/** Those the last test left open: closed at its end, opened again for the next one. */
const closed = new Set<Dexie>();

installI18n();
beforeEach(async () => {
  for (const database of closed) await database.open();
  closed.clear();
  fakeBrowser.reset();
  installI18n();
  // A real browser always has a focused window (the popup asks for it).
  await fakeBrowser.windows.create({ focused: true });
});

// Work that outlives its test (an effect, a timer, a database call) must fail where it starts, not
// in whichever test runs next: the rendered pages are unmounted, then every database is closed, so
// that a late call rejects with DatabaseClosedError, which vitest reports as an unhandled error.
afterEach(() => {
  cleanup();
  for (const database of databases) {
    if (!database.isOpen()) continue;
    database.close();
    closed.add(database);
  }
});
