/**
 * Plage as a hash-routed single-page app (test/fixtures/traps/plage-spa.html), served where an
 * ATIH page says Plage lives (pasrel.atih.sante.fr/plage/): one document, views rendered in
 * place after each route change, the same tab title everywhere. Each view must still be
 * recognised as its page, with every hint of the page finding its field.
 */
import type { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadFixture } from '../../test/fixtures/load';
import { findPage, matchPage } from './index';
import { locateAll } from './match';
import { patience } from '../../test/patience';

const windows: { close(): void }[] = [];
afterEach(() => windows.splice(0).forEach((w) => w.close()));

const base = 'https://pasrel.atih.sante.fr/plage/';

function openSpa(url = base): JSDOM {
  const dom = loadFixture({ file: 'traps/plage-spa.html' }, url);
  windows.push(dom.window);
  return dom;
}

/** Resolves once the app has rendered `view` for the current route (it marks #app), whatever the back end's delay. */
async function rendered(dom: JSDOM, view: string): Promise<void> {
  const app = dom.window.document.getElementById('app')!;
  const route = /^#!?(\/[^?]*)/.exec(dom.window.location.hash)?.[1] ?? '/';
  await vi.waitFor(() => expect([app.getAttribute('aria-busy'), app.dataset.route, app.dataset.view]).toEqual(['false', route, view]), patience);
}

/** The page Balise recognises on the document as it is now, and each of its field rules finds exactly one field. */
function recognised(dom: JSDOM): string | undefined {
  const doc = dom.window.document;
  const match = matchPage(dom.window.location.href, doc);
  if (match) for (const rule of match.page.fields) expect(locateAll(doc, rule.match), JSON.stringify(rule.match)).toHaveLength(1);
  return match?.page.id;
}

function go(dom: JSDOM, route: string): void {
  dom.window.location.hash = route;
}

describe('Plage as a hash-routed SPA', () => {
  it('recognises each page the router renders in place, the tab title telling nothing', async () => {
    const dom = openSpa();
    const doc = dom.window.document;
    await rendered(dom, 'home');
    expect(recognised(dom)).toBe('home');

    go(dom, '#/compte/creation');
    await rendered(dom, 'accountCheck');
    expect(recognised(dom)).toBe('accountCheck');

    // The identity check answers in place: the request form replaces it, the route unchanged.
    for (const [label, value] of [['Nom', 'Bernard'], ['Prénom(s)', 'Luc']] as const) (locateAll(doc, { label })[0] as HTMLInputElement).value = value;
    (doc.querySelector('#verification button[type="submit"]') as HTMLButtonElement).click();
    await rendered(dom, 'accountForm');
    expect(dom.window.location.hash).toBe('#/compte/creation');
    expect(recognised(dom)).toBe('accountForm');

    go(dom, '#/mon-compte');
    await rendered(dom, 'myAccount');
    expect(recognised(dom)).toBe('myAccount');

    go(dom, '#/mon-compte/profils');
    await rendered(dom, 'myProfiles');
    expect(recognised(dom)).toBe('myProfiles');

    // The orange silhouette opens a modal dialog over the profiles: the page is the dialog.
    const [icon] = locateAll(doc, findPage('plage', 'myProfiles')!.page.clickNext[1]!.match);
    (icon as HTMLElement).click();
    await rendered(dom, 'extraHabilitation');
    expect(recognised(dom)).toBe('extraHabilitation');
    (doc.querySelector('.dialog .cancel') as HTMLButtonElement).click();
    await rendered(dom, 'myProfiles');
    expect(recognised(dom)).toBe('myProfiles');

    go(dom, '#/');
    await rendered(dom, 'home');
    expect(recognised(dom)).toBe('home');
    expect(doc.title).toBe('PLAGE');
  });

  it('renders the route it is opened at; a page it does not know is no known page', async () => {
    const dom = openSpa(`${base}#/mon-compte/profils`);
    await rendered(dom, 'myProfiles');
    expect(recognised(dom)).toBe('myProfiles');

    go(dom, '#/mon-compte/inconnue');
    await rendered(dom, 'notFound');
    expect(recognised(dom)).toBeUndefined();

    // Known limit: no seed gives the home page's heading, so the home is known by its two header
    // buttons (« Créer un compte », « S’identifier »); an unknown page that shows only them is taken
    // for the home, whose advice (create an account, or log in) still holds there.
    go(dom, '#/route/inconnue');
    await rendered(dom, 'notFound');
    expect(recognised(dom)).toBe('home');
  });

  it('serves the same pages on the seeds’ host, whatever the path', async () => {
    const dom = openSpa('https://plage.atih.sante.fr/autre/chemin/#/mon-compte');
    await rendered(dom, 'myAccount');
    expect(recognised(dom)).toBe('myAccount');
  });
});
