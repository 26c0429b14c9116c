/**
 * Plage as the hash-routed single-page app it likely is (test/fixtures/traps/plage-spa.html),
 * served where an ATIH page says Plage lives: one document, each view drawn in place after a
 * route change or an answer, the tab title the same everywhere. As a user walks it, the guide
 * names each page in turn, with its hints, and the page is never reloaded.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { guidanceFor } from '../../lib/overlay/guidance';
import { findPage } from '../../lib/portals';
import { shownLabel } from '../../lib/portals/match';
import { forEachBrowser, launch, type ExtensionBrowser, type TestPage } from './harness';
import { overlay } from './pages/overlay';

const base = 'https://pasrel.atih.sante.fr/plage/';
const spa = readFileSync(path.join(import.meta.dirname, '../fixtures/traps/plage-spa.html'), 'utf8');

/** Waits until the guide names this Plage page and draws a badge for each of its fields with a tip. */
async function guideShows(page: TestPage, pageId: string) {
  const match = findPage('plage', pageId)!;
  const ui = overlay(page);
  const wanted = `${match.portal.name.fr} · ${match.page.name.fr}`;
  const labels = guidanceFor(match).fields.map((rule) => shownLabel(rule.match));
  // Polled from Node: the frame's document is redrawn, never reloaded, between views.
  await page.deep.waitFor(async () => (await ui.pageName().catch(() => '')) === wanted, { timeout: 20_000 });
  await page.deep.waitFor(async (d) => (await d.count('[data-balise-hint]')) === labels.length, { timeout: 20_000 });
  expect(await ui.badges()).toEqual(labels);
}

forEachBrowser((name) => {
  let b: ExtensionBrowser;
  beforeAll(async () => {
    b = await launch(name);
    await b.servePortals({ [base]: spa });
  });
  afterAll(async () => {
    await b?.close();
  });

  it('names each view the router draws in place, without a reload', async () => {
    const page = await b.newPage();
    try {
      await page.goto(base);
      await overlay(page).open();
      await guideShows(page, 'home');
      await page.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });
      await page.clickByText('Créer un compte');
      await guideShows(page, 'accountCheck');
      // Signed in elsewhere, the user comes back by a bookmark of the account route.
      await page.evaluate(() => {
        location.hash = '#/mon-compte';
      });
      await guideShows(page, 'myAccount');
      await page.clickByText('Gérer mes profils');
      await guideShows(page, 'myProfiles');
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
