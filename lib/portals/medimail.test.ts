/**
 * Medimail's pages all live on `/` (the webmail is routed by a `m` query parameter): they are
 * told apart by what they show alone. The login screen in particular must not be taken for the
 * BAL ORG form (issue 13), nor for any other screen of the portal.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureOf, fixtures, loadFixture } from '../../test/fixtures/load';
import { findPage, matchPage } from './index';
import { locateAll } from './match';
import { evidenceFor, readSightings } from './recognise';
import { patience } from '../../test/patience';

const windows: { close(): void }[] = [];
afterEach(() => windows.splice(0).forEach((w) => w.close()));

function open(page: string, url = 'https://medimail.mipih.fr/') {
  const dom = loadFixture(fixtureOf('medimail', page), url);
  windows.push(dom.window);
  return dom.window;
}

const pageOf = (id: string) => findPage('medimail', id)!.page;
/** The share of a page's signs seen on a document: under half, the page is not a candidate. */
const share = (id: string, doc: Document) => {
  const { seen, total } = evidenceFor(pageOf(id), readSightings(doc));
  return seen / total;
};
const recognised = (doc: Document) => matchPage('https://medimail.mipih.fr/', doc)?.page.id;

describe('the login screen', () => {
  it('is recognised on its fixture, and its signs are half seen on no other Medimail screen', () => {
    expect(recognised(open('login').document)).toBe('login');
    const others = fixtures.filter((f) => f.portal === 'medimail' && !['login', 'loginFailed'].includes(f.page));
    expect(others.map((f) => f.page)).toContain('balOrgForm');
    for (const other of others) expect(share('login', open(other.page).document), other.page).toBeLessThan(0.5);
  });

  it('is not the BAL ORG form, even when the form drifts and the site names itself in every tab and header', () => {
    const doc = open('balOrgForm').document;
    expect(recognised(doc)).toBe('balOrgForm');
    expect(share('login', doc)).toBeLessThan(0.5);
    expect(share('balOrgForm', open('login').document)).toBeLessThan(0.5);

    // The site's name in the tab and in the page header, as a webmail may show on every screen.
    doc.title = 'Medimail - La Messagerie Sécurisée de Santé publique';
    doc.querySelector('header')!.textContent = 'Medimail · La Messagerie Sécurisée de Santé publique';
    expect(recognised(doc)).toBe('balOrgForm');
    expect(share('login', doc)).toBeLessThan(0.5);

    // Headings reworded: the form is still itself by its field labels.
    for (const heading of doc.querySelectorAll('h1, h2')) heading.textContent = 'Nouveau compte';
    expect(recognised(doc)).toBe('balOrgForm');
    expect(share('login', doc)).toBeLessThan(0.5);

    // Labels reworded too: nothing is recognised, and above all not the login.
    for (const label of doc.querySelectorAll('label, .lbl, table.resp td:first-child')) label.prepend('Votre ');
    expect(recognised(doc)).toBeUndefined();
    expect(share('login', doc)).toBeLessThan(0.5);
  });

  it('shows each real error string as the refused login, with the same fields', () => {
    const doc = open('loginFailed').document;
    expect(recognised(doc)).toBe('loginFailed');
    const error = doc.querySelector('[role="alert"]')!;
    for (const message of ['Echec de l’authentification.', 'Session invalide', 'Le login doit être une adresse mail valide.']) {
      error.textContent = message;
      expect(recognised(doc), message).toBe('loginFailed');
    }
    error.remove();
    expect(recognised(doc)).toBe('login');
    for (const rule of pageOf('loginFailed').fields) expect(locateAll(doc, rule.match)).toHaveLength(1);
    // The real form: a POST to `/` with the fields `login` and `password` (report §1.4).
    const form = doc.querySelector('input[name="login"]')!.closest('form')!;
    expect([form.method, new URL(form.action).pathname, !!form.querySelector('input[name="password"]')]).toEqual(['post', '/', true]);
  });
});

describe('the Medimail pages', () => {
  it.each(['region', 'balOrgForm'])('%s: the region list holds every region that chose Medimail (2023), options told by their text', (page) => {
    const doc = open(page).document;
    const [select] = locateAll(doc, pageOf(page).fields.find((rule) => rule.kind === 'region')!.match) as HTMLSelectElement[];
    const names = Array.from(select!.options, (option) => option.text);
    for (const region of ['Corse', 'Grand Est', 'Guyane', 'Hauts-de-France', 'Occitanie', 'Provence-Alpes-Côte d’Azur']) expect(names).toContain(region);
    for (const option of select!.options) expect(option.value).not.toBe(option.text);
  });

  it('account type changes its view in place: the Oui/Non question, at the same address', async () => {
    const window = open('accountType');
    const doc = window.document;
    expect(recognised(doc)).toBe('accountType');
    const [choice] = locateAll(doc, { label: 'Nous créons un compte partagé organisationnel' });
    const entries = window.history.length;
    (choice as HTMLElement).click();
    expect([window.location.href, window.history.length]).toEqual(['https://medimail.mipih.fr/', entries + 1]);
    await vi.waitFor(() => expect(recognised(doc)).toBe('personalAccountQuestion'), patience);
    for (const target of pageOf('personalAccountQuestion').clickNext) expect(locateAll(doc, target.match)).toHaveLength(1);
  });
});
