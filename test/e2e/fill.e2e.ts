/**
 * Filling in real browsers, through « Remplir cette page » in the guide frame, clicked as a user does: every
 * fixture form gets its expected values (the Plage entity through its asynchronous
 * autocomplete); traps stay empty (hidden, off-screen, zero-size, transparent, covered,
 * readonly, disabled, password, one-time code, cross-origin frame, lookalike host, http);
 * a framework-controlled input keeps its value after blur and on submit; shadow DOM and a
 * same-origin frame are filled; an SPA route change is planned anew; undo restores the
 * previous values; and no password or code typed by the user ends up in the extension's storage.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureHtml, fixtureOf, filledValues, fixtures, type Fixture } from '../fixtures/load';
import { fixtureEstablishment as establishment, fixtureMe as me } from '../fixtures/profile';
import { renderMessage } from '../../lib/i18n/catalog';
import { forEachBrowser, launch, type ExtensionBrowser, type TestPage } from './harness';
import { overlay } from './pages/overlay';
import { seedProfile } from './seed';

const secret = 'S3cret-Balise!';
const code = '482913';
const formFixtures = fixtures.filter((f) => f.fields.some((field) => field.fill));

/** Everything the extension keeps: storage.local / sync / session and every IndexedDB store, as text. */
async function extensionStorage(b: ExtensionBrowser): Promise<string> {
  const page = await b.newPage();
  await page.goto(b.extensionUrl('options.html'));
  await page.waitFor('.page__tools button', { timeout: 30_000 });
  const dump = await page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: Record<string, { get(keys: null): Promise<unknown> } | undefined> } }).chrome.storage;
    const areas: unknown[] = [];
    for (const area of ['local', 'sync', 'session']) areas.push(await api[area]?.get(null).catch(() => null));
    const databases = (await indexedDB.databases()).map((d) => d.name!).filter(Boolean);
    for (const name of databases) {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of Array.from(database.objectStoreNames)) {
        areas.push(
          await new Promise((resolve, reject) => {
            const request = database.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
        );
      }
      database.close();
    }
    return JSON.stringify(areas);
  });
  await page.close();
  return dump;
}

/** Opens the guide and fills the page through it, as a user does; answers with the outcome. */
async function fillWithOverlay(page: TestPage): Promise<string> {
  const ui = overlay(page);
  await ui.open();
  return ui.fill();
}

function values(page: TestPage, selectors: string[]): Promise<Record<string, string>> {
  return page.evaluate(
    (list) =>
      Object.fromEntries(
        list.map((s) => {
          const input = document.querySelector(s) as HTMLInputElement | null;
          if (!input) return [s, '<missing>'];
          // A box's state is whether it is checked, not its value attribute.
          return [s, input.type === 'checkbox' || input.type === 'radio' ? (input.checked ? '<checked>' : '<unchecked>') : input.value];
        }),
      ),
    selectors,
  );
}

forEachBrowser((name) => {
  let b: ExtensionBrowser;
  const serve = (fixture: Fixture) => b.servePortals({ [fixture.url]: fixtureHtml(fixture) });

  beforeAll(async () => {
    b = await launch(name);
    await seedProfile(b, [establishment], { currentId: establishment.id, me: { [establishment.id]: me.id } });
  }, 90_000);
  afterAll(async () => {
    await b?.close();
  });

  it.each(formFixtures.map((f) => [`${f.portal}/${f.page}`, f] as const))('%s: every expected field gets its value, the others stay as they were', async (_id, fixture) => {
    await serve(fixture);
    const page = await b.newPage();
    try {
      await page.goto(fixture.url);
      const afterFill = fixture.afterFill ?? {};
      const keep = fixture.fields.filter((f) => !f.fill && !(f.selector in afterFill)).map((f) => f.selector);
      // The user types the secrets before asking for the fill: they stay theirs, and nowhere else.
      const password = fixture.fields.find((f) => f.kind === 'password');
      if (password) await page.fill(password.selector, secret);
      const before = await values(page, keep);
      await fillWithOverlay(page);
      const want = filledValues(fixture);
      expect(await values(page, Object.keys(want))).toEqual(want);
      expect(await values(page, keep)).toEqual(before);
      expect(await values(page, Object.keys(afterFill))).toEqual(afterFill);
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('undo restores every previous value, including the portal’s prefilled e-mail; a field the user typed into is kept', async () => {
    const fixture = fixtureOf('plage', 'requestProfile');
    await serve(fixture);
    const page = await b.newPage();
    try {
      await page.goto(fixture.url);
      await page.fill('#adresse', '10 rue Saisie');
      const prefilled = await page.value('#courriel');
      // The portal remembers the guide open: its preview may predate the typing. « Actualiser l’aperçu »
      // plans again, and the new preview says the address was typed by the user.
      const ui = overlay(page);
      await ui.open();
      const { guide } = ui;
      await guide.click('.balise-fill-secondary');
      await expect
        .poll(() => guide.evaluate(() => Array.from(document.querySelectorAll('.balise-fill-caution'), (caution) => caution.textContent)), { timeout: 20_000 })
        .toContain(renderMessage('fillCautionUserTyped', [], 'fr'));
      const outcome = await ui.fill();
      expect(outcome).toMatch(/\d/);
      expect(await page.value('#adresse')).toBe('10 rue Saisie');
      expect(await page.value('#courriel')).toBe(me.email);
      expect(await page.count('.balise-filled')).toBeGreaterThan(0);
      await guide.click('.balise-fill-undo');
      await page.waitFor(() => document.querySelectorAll('.balise-filled').length === 0);
      expect(await values(page, ['#courriel', '#courriel2', '#tel', '#adresse'])).toEqual({
        '#courriel': prefilled,
        '#courriel2': '',
        '#tel': '',
        '#adresse': '10 rue Saisie',
      });
    } finally {
      await page.close();
    }
  });

  it('traps stay empty; shadow DOM, a same-origin frame and a controlled input are filled and keep their values', async () => {
    const url = 'https://plage.atih.sante.fr/pieges';
    await b.servePortals({ [url]: fixtureHtml({ file: 'traps/fields.html' }), 'https://www.example.org/cadre': fixtureHtml({ file: 'traps/frame.html' }) });
    const page = await b.newPage();
    try {
      await page.goto(url);
      await page.fill('#mdp', secret);
      await page.fill('#code', code);
      await fillWithOverlay(page);
      const shown = await page.evaluate(() => {
        const $ = (s: string) => (document.querySelector(s) as HTMLInputElement).value;
        const framed = (document.getElementById('same-frame') as HTMLIFrameElement).contentDocument!.getElementById('cp') as HTMLInputElement;
        return {
          nom: $('#nom'),
          prenom: $('#prenom'),
          courriel: $('#courriel'),
          fonction: $('#fonction'),
          shadow: (document.getElementById('shadow-host')!.shadowRoot!.getElementById('s-ville') as HTMLInputElement).value,
          frame: framed.value,
          traps: ['#siret-hidden', '#t-none', '#t-off', '#t-zero', '#t-clear', '#t-covered', '#t-covered-far', '#ville-ro', '#cp-dis'].map($),
          secrets: [$('#mdp'), $('#code')],
        };
      });
      expect(shown).toEqual({
        nom: me.lastName,
        prenom: me.firstName,
        courriel: me.email,
        fonction: me.jobTitle,
        shadow: 'Toulouse',
        frame: '31300',
        traps: ['', '', '', '', '', '', '', '', ''],
        secrets: [secret, code],
      });
      // The controlled input re-renders from its state on blur and on submit: the value is the state's.
      await page.click('#nom');
      await page.evaluate(() => (document.getElementById('traps') as HTMLFormElement).requestSubmit());
      await page.waitFor(() => document.body.dataset.submitted !== undefined);
      expect(await page.evaluate(() => document.body.dataset.submitted)).toBe(me.jobTitle);
      expect(await page.value('#fonction')).toBe(me.jobTitle);
      // The cross-origin frame was loaded, and its field is still empty (it answers for itself).
      const framed = await page.evaluate(
        () =>
          new Promise<unknown>((resolve) => {
            window.addEventListener('message', (event) => resolve(event.data), { once: true });
            (document.getElementById('other-frame') as HTMLIFrameElement).contentWindow!.postMessage('valeur ?', '*');
          }),
      );
      expect(framed).toEqual({ cadre: '' });
    } finally {
      await page.close();
    }
  });

  it('an SPA route change is planned anew and filled', async () => {
    const url = 'https://plage.atih.sante.fr/parcours';
    await b.servePortals({ [url]: fixtureHtml({ file: 'traps/spa.html' }) });
    const page = await b.newPage();
    try {
      await page.goto(url);
      await page.click('#next');
      await page.waitFor('#n');
      await fillWithOverlay(page);
      expect(await values(page, ['#n', '#p'])).toEqual({ '#n': me.lastName, '#p': me.firstName });
      expect(await page.url()).toBe('https://plage.atih.sante.fr/parcours/identite');
    } finally {
      await page.close();
    }
  });

  it('a portal page with nothing to fill says so, and shows no greyed « Remplir cette page »', async () => {
    const fixture = fixtureOf('plage', 'home');
    await serve(fixture);
    const page = await b.newPage();
    try {
      await page.goto(fixture.url);
      const { guide, open } = overlay(page);
      await open();
      const notes = () => guide.evaluate(() => Array.from(document.querySelectorAll('.balise-fill-note'), (note) => note.textContent));
      await expect.poll(notes, { timeout: 30_000 }).toContain(renderMessage('fillNothing', [], 'fr'));
      expect(await guide.count('.balise-fill-go')).toBe(0);
      expect(await guide.count('.balise-fill-secondary')).toBe(1);
      expect(page.consoleErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('several establishments, none chosen: a page with nothing to fill says so without asking which; one whose fields are all left by rule says « Rien à remplir ici » with each reason; a form asks', async () => {
    const other = { ...establishment, id: crypto.randomUUID(), label: 'EHPAD Les Tilleuls' };
    await seedProfile(b, [establishment, other], { replace: ['establishments', 'settings'] });
    const pages: TestPage[] = [];
    const opened = async (fixture: Fixture) => {
      await serve(fixture);
      const page = await b.newPage();
      pages.push(page);
      await page.goto(fixture.url);
      const ui = overlay(page);
      await ui.open();
      return ui;
    };
    const notes = (ui: ReturnType<typeof overlay>) => ui.guide.evaluate(() => Array.from(document.querySelectorAll('.balise-fill-note'), (note) => note.textContent));
    try {
      const home = await opened(fixtureOf('plage', 'home'));
      await expect.poll(() => notes(home), { timeout: 30_000 }).toContain(renderMessage('fillNothing', [], 'fr'));
      expect([await home.guide.count('.balise-fill-picker'), await home.guide.count('.balise-fill-go')]).toEqual([0, 0]);

      const order = await opened(fixtureOf('igc-sante', 'productOrder'));
      await expect.poll(() => notes(order), { timeout: 30_000 }).toContain(renderMessage('fillNothingHere', [], 'fr'));
      const upn = await order.guide.evaluate(() => Array.from(document.querySelectorAll('.balise-fill-left li'), (li) => li.textContent));
      expect(upn).toEqual([`Nom principal d’utilisateur (UPN)${renderMessage('fillSkipLeaveEmpty', [], 'fr')}`]);
      expect([await order.guide.count('.balise-fill-picker'), await order.guide.count('.balise-fill-go'), await order.guide.count('input[type=checkbox]')]).toEqual([0, 0, 0]);

      // Where there is something to fill, the question stands.
      const form = await opened(fixtureOf('medimail', 'balOrgForm'));
      await form.guide.waitFor('.balise-fill-picker select', { timeout: 30_000 });
      expect(await form.guide.text('.balise-fill-picker')).toContain(renderMessage('fillChooseEstablishment', [], 'fr'));
      expect(await notes(form)).not.toContain(renderMessage('fillNothing', [], 'fr'));
    } finally {
      for (const page of pages) await page.close();
      await seedProfile(b, [establishment], { currentId: establishment.id, me: { [establishment.id]: me.id }, replace: ['establishments', 'settings'] });
    }
  });

  it('a lookalike host and http:// get no overlay and nothing filled', async () => {
    const form = fixtureHtml(fixtureOf('plage', 'accountForm'));
    await b.routePortal('https://plage.atih.sante.fr.evil.test/', () => ({ body: form }));
    await b.routePortal('http://plage.atih.sante.fr/', () => ({ body: form }));
    const lookalike = await b.newPage();
    const plain = await b.newPage();
    const known = await b.newPage();
    try {
      await lookalike.goto('https://plage.atih.sante.fr.evil.test/compte/creation');
      await plain.goto('http://plage.atih.sante.fr/compte/creation');
      // Loaded after the two others: once its fill button is up, theirs would be too.
      const fixture = fixtureOf('plage', 'accountCheck');
      await serve(fixture);
      await known.goto(fixture.url);
      const knownUi = overlay(known);
      await knownUi.open();
      await knownUi.guide.waitFor('.balise-fill-go', { timeout: 30_000 });
      for (const page of [lookalike, plain]) {
        expect(await overlay(page).isShown()).toBe(false);
        expect(await values(page, ['input[name="lastname"]', 'input[name="mail"]'])).toEqual({ 'input[name="lastname"]': '', 'input[name="mail"]': '' });
      }
    } finally {
      await Promise.all([lookalike.close(), plain.close(), known.close()]);
    }
  });

  it('no password nor code typed by the user is anywhere in the extension’s storage', async () => {
    const dump = await extensionStorage(b);
    expect(dump).toContain(establishment.finessEt);
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(code);
  });
});
