/**
 * Issue 11's guarantees in real browsers, each with a page that tries what a hostile portal
 * script would (the pages of ../shared/attacks are played by attacks.e2e.ts): the page cannot
 * see Balise's UI or drive it, a click fills exactly the preview the user saw, and a click the
 * page arranged fills nothing. Balise's UI is read and clicked through the browser's protocol.
 */
import { expect, it } from 'vitest';
import { sampleEstablishment } from '../../lib/profile/sample';
import type { Establishment } from '../../lib/profile/schema';
import { forEachBrowser, withBrowser, type ExtensionBrowser, type FrameScope, type TestPage } from './harness';
import { fillOffered, overlay } from './pages/overlay';
import { seedProfile } from './seed';

const url = 'https://plage.atih.sante.fr/plage-ws/compte/creation';
const sample = sampleEstablishment();
const establishment: Establishment = { ...sample, contacts: sample.contacts.map((contact) => (contact.rpps ? { ...contact, phone: '0140275003' } : contact)) };
const me = establishment.contacts.find((contact) => contact.rpps)!;

/** An ordinary account form, at the left, and the page's own script. */
const form = (script = '', extra = '') => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Plage — Créer un compte</title>
<style>body{font:15px system-ui;margin:2em;max-width:30em} label{display:block;margin:.6em 0 .2em} input{width:22em;padding:.3em}</style></head>
<body><h1>Créer un compte</h1><form onsubmit="return false">
<label for="nom">Nom</label><input id="nom" autocomplete="family-name">
<label for="prenom">Prénom</label><input id="prenom" autocomplete="given-name">
<label for="mail">Adresse électronique</label><input id="mail" type="email" autocomplete="email">
<label for="tel">Téléphone</label><input id="tel" type="tel" autocomplete="tel">
<label for="rpps">Numéro RPPS</label><input id="rpps">
</form>${extra}<script>${script}</script></body></html>`;

async function open(b: ExtensionBrowser, html: string): Promise<{ page: TestPage; guide: FrameScope }> {
  await seedProfile(b, [establishment], { currentId: establishment.id, me: { [establishment.id]: me.id } });
  await b.servePortals({ [url]: html });
  const page = await b.newPage();
  await page.goto(url);
  const { guide, open } = overlay(page);
  await open();
  await guide.waitFor(fillOffered, { timeout: 20_000 });
  return { page, guide };
}

/**
 * The user goes back to the page before clicking in the guide, so that the click takes the focus
 * from the page (its window's blur is what the hostile scripts below act on). The guide takes
 * the focus as it opens: under load that can come after a click on the page, which then had
 * nothing to lose at the click (CI, Chromium). So: the guide's focus first, then the page's.
 */
async function backToPage(page: TestPage, guide: FrameScope): Promise<void> {
  await guide.waitFor(() => document.hasFocus());
  await page.click('h1');
  await page.waitFor(() => document.hasFocus());
}

const values = (page: TestPage) =>
  page.evaluate(() => Object.fromEntries(['nom', 'prenom', 'mail', 'tel', 'rpps'].map((id) => [id, (document.getElementById(id) as HTMLInputElement).value])));
const empty = { nom: '', prenom: '', mail: '', tel: '', rpps: '' };

forEachBrowser((name) => {
  it('the page sees no shadow root, no frame and no value of Balise’s', { timeout: 120_000 }, async () => {
    await withBrowser(name, async (b) => {
      const { page, guide } = await open(b, form());
      expect(await guide.text('.balise-fill-lines')).toContain(me.lastName);
      const seen = await page.evaluate(() => ({
        roots: ['balise-tab', 'balise-overlay'].map((tag) => document.querySelector(tag)?.shadowRoot ?? null),
        // Neither by the DOM nor by window.frames: a frame in a shadow tree is not one of the page's frames, so it cannot be focused or navigated.
        frames: document.querySelectorAll('iframe').length + window.length,
        text: document.documentElement.innerText + document.documentElement.outerHTML,
      }));
      expect(seen.roots).toEqual([null, null]);
      expect(seen.frames).toBe(0);
      expect(seen.text).not.toContain(me.lastName);
      expect(seen.text).not.toContain(me.rpps!);
      // Balise's own reading of it, through the browser's protocol, does see the panel.
      expect(await page.deep.count('balise-overlay')).toBe(1);
      // Chrome serves the guide only under a per-session id: its fixed address, which a page could know, answers nothing.
      if (name === 'chromium') {
        const probe = await page.evaluate((address) => fetch(address).then(() => 'served', () => 'refused'), b.extensionUrl('guide.html'));
        expect(probe).toBe('refused');
      }
    });
  });

  it('what the user types after the preview is kept (« Sophie-Anne » stays)', { timeout: 120_000 }, async () => {
    await withBrowser(name, async (b) => {
      const { page, guide } = await open(b, form());
      expect(await guide.text('.balise-fill-lines')).toContain(me.firstName);
      await page.fill('#prenom', 'Sophie-Anne');
      await guide.click('.balise-fill-go');
      await guide.waitFor('.balise-fill-outcome');
      expect(await values(page)).toMatchObject({ prenom: 'Sophie-Anne', nom: me.lastName, rpps: me.rpps });
      expect(await guide.text('.balise-fill-outcome')).toContain('votre saisie est gardée');
    });
  });

  it('a field relabelled or added at the click is not filled by it', { timeout: 120_000 }, async () => {
    // When the focus leaves the page for Balise's frame (the page cannot see the click inside it), the page swaps its form.
    const swap = `window.armSwap = () => addEventListener('blur', () => {
      document.querySelector('label[for="prenom"]').textContent = 'SIRET';
      const label = Object.assign(document.createElement('label'), { htmlFor: 'extra', textContent: 'Numéro FINESS' });
      const input = Object.assign(document.createElement('input'), { id: 'extra' });
      document.querySelector('form').append(label, input);
      dispatchEvent(new PopStateEvent('popstate'));
    }, { once: true });`;
    await withBrowser(name, async (b) => {
      const { page, guide } = await open(b, form(swap));
      await backToPage(page, guide);
      await page.evaluate(() => (window as unknown as { armSwap(): void }).armSwap());
      await guide.click('.balise-fill-go');
      // The blur reaches the page's process after the click (the guide is another process in Chromium): wait for the swap.
      await page.waitFor(() => document.querySelector('label[for="prenom"]')?.textContent === 'SIRET');
      // Either the click is refused (a notice) or the changed line is skipped (the outcome): never the new values. Both
      // are the fill view's status or alert; the guide's own live region, always there, is not an answer.
      await guide.waitFor('.balise-fill [role="status"], .balise-fill [role="alert"]');
      const after = await page.evaluate(() => ({
        label: document.querySelector('label[for="prenom"]')?.textContent,
        prenom: (document.getElementById('prenom') as HTMLInputElement).value,
        extra: (document.getElementById('extra') as HTMLInputElement | null)?.value ?? '',
      }));
      expect(after.label, 'the page swapped its form at the click').toBe('SIRET');
      expect(after.prenom).not.toBe(establishment.siret);
      expect(after.extra).toBe('');
      expect([me.firstName, '']).toContain(after.prenom);
    });
  });

  it('keeps the lines the user unticked when the page fakes a navigation', { timeout: 120_000 }, async () => {
    // The page fakes a route change once after the unticking, and again at the click (the focus
    // leaves the page for Balise's frame). The first is certain; the second races the fill, since
    // in Chromium the page's blur comes from another process and may arrive after it (CI, under load).
    const fake = `window.faked = 0; window.fakeRoute = () => { faked++; dispatchEvent(new PopStateEvent('popstate')); dispatchEvent(new Event('wxt:locationchange')); }; window.armFake = () => addEventListener('blur', fakeRoute, { once: true });`;
    type Faking = { faked: number; fakeRoute(): void; armFake(): void };
    await withBrowser(name, async (b) => {
      const { page, guide } = await open(b, form(fake));
      const index = await guide.evaluate(() => Array.from(document.querySelectorAll('.balise-fill-lines li')).findIndex((li) => li.querySelector('.balise-fill-field')?.textContent?.includes('RPPS')));
      // The line's own box, not its « Pas le bon champ ? » nor the list that opens under it.
      await guide.click(`.balise-fill-lines li:nth-child(${index + 1}) input[type="checkbox"]`);
      await backToPage(page, guide);
      await page.evaluate(() => (window as unknown as Faking).fakeRoute());
      await page.evaluate(() => (window as unknown as Faking).armFake());
      await guide.click('.balise-fill-go');
      await guide.waitFor('.balise-fill-outcome');
      await page.waitFor(() => (window as unknown as Faking).faked === 2);
      expect(await values(page)).toMatchObject({ nom: me.lastName, rpps: '' });
    });
  });

  it('a click where the page moved Balise’s panel lands on the page, not on Balise', { timeout: 120_000 }, async () => {
    // The page moves <body> as the pointer nears its own button: Balise's panel, in the top layer, does not move.
    const script = `document.getElementById('valider').addEventListener('pointerenter', () => { document.body.style.transform = 'translate(-400px, -200px)'; });`;
    const extra = `<button id="valider" style="position:fixed;left:40px;bottom:60px">Valider</button>`;
    await withBrowser(name, async (b) => {
      const { page, guide } = await open(b, form(script, extra));
      await page.deep.click('#valider');
      expect(await page.evaluate(() => document.body.style.transform)).not.toBe('');
      expect(await guide.count('.balise-fill-outcome')).toBe(0);
      expect(await values(page)).toEqual(empty);
    });
  });

  it('a fake preview the page lays over Balise’s list makes the click fill nothing', { timeout: 120_000 }, async () => {
    const extra = `<div id="fake" popover="manual" style="position:fixed;inset:0 16px auto auto;width:380px;margin:0;border:0;background:#fff">Nom → Petit, Prénom → Sophie</div>`;
    await withBrowser(name, async (b) => {
      const { page, guide } = await open(b, form('', extra));
      // Over the panel down to just above the button, which stays in sight (16 px: the frame's margin).
      const clear = await guide.evaluate(() => innerHeight - (document.querySelector('.balise-fill-go') as HTMLElement).getBoundingClientRect().top + 16 + 4);
      await page.evaluate((bottom) => {
        const fake = document.getElementById('fake') as HTMLElement & { showPopover(): void };
        fake.style.bottom = `${bottom}px`;
        fake.showPopover();
      }, clear);
      await guide.click('.balise-fill-go');
      await guide.waitFor(() => !!document.querySelector('[role="alert"]'));
      expect(await values(page)).toEqual(empty);
    });
  });
});
