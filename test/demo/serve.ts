/**
 * Serves every portal fixture at its real URL in a harness browser. Several pages share a
 * URL (a form and the dialog it opens, a request and its confirmation screen): a GET gives
 * the page chosen with `show` (by default the first in its portal module's order), a POST the
 * next one, so that submitting a fixture form moves on as the portal would.
 */
import { findPage } from '../../lib/portals';
import { fixtureHtml, fixtures, type Fixture } from '../fixtures/load';
import type { ExtensionBrowser } from '../e2e/harness';

const key = (url: string) => {
  const u = new URL(url);
  return `${u.origin}${u.pathname.replace(/\/$/, '') || '/'}`;
};

/** Where the page comes in its portal module, whose pages follow the portal's own path. */
const pageOrder = (fixture: Fixture) => findPage(fixture.portal, fixture.page)!.portal.pages.findIndex((page) => page.id === fixture.page);

export interface FixtureServer {
  /** Serves this fixture at its URL (or `url`, another sample of its page) from now on. */
  show(fixture: Fixture, url?: string): void;
}

export async function serveFixtures(browser: ExtensionBrowser): Promise<FixtureServer> {
  const byUrl = new Map<string, Fixture[]>();
  for (const fixture of [...fixtures].sort((a, b) => pageOrder(a) - pageOrder(b))) byUrl.set(key(fixture.url), [...(byUrl.get(key(fixture.url)) ?? []), fixture]);
  const current = new Map<string, Fixture>();
  const origins = new Set(fixtures.map((fixture) => new URL(fixture.url).origin));
  for (const origin of origins)
    await browser.routePortal(`${origin}/`, ({ url, method }) => {
      const sharing = byUrl.get(key(url)) ?? [];
      const shown = current.get(key(url)) ?? sharing[0];
      const fixture = method === 'POST' && shown ? (sharing[sharing.indexOf(shown) + 1] ?? shown) : shown;
      if (!fixture) return { status: 404, body: 'Not a fixture' };
      current.set(key(url), fixture);
      return { body: fixtureHtml(fixture) };
    });
  return {
    show(fixture, url = fixture.url) {
      current.set(key(url), fixture);
    },
  };
}
