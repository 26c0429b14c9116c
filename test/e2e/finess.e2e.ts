/**
 * The annuaire FINESS record → profile (issue 16), in real browsers. On an establishment's record
 * (test/fixtures/annuaire-finess/records/et-750100125.html, served at its real address) the guide
 * says « Lire cette fiche » whatever the profile holds. With no establishment in the profile, the
 * click previews each value with the row it was read from; the user chooses the status and the
 * category (nothing pre-selected); « Enregistrer » is judged as « Remplir » is: with a click-through
 * cover of the page over the guide, nothing is saved; without, a valid establishment is saved,
 * marked with the day, with no person in it. The user then changes their profile (phone, legal
 * name); on the same record, the same label; the click lists both differences and who corrects
 * the record, and takes the phone from the directory while the name stays the user's. Once read,
 * the guide frame has the same outer size whether it creates or compares. Nothing of the page is
 * read before the click; no request leaves the browser.
 *
 * BALISE_README_SCREENSHOTS=1 also writes the README's picture of the comparison (Chromium).
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderMessage, renderPlural, type MessageKey } from '../../lib/i18n/catalog';
import { showDate } from '../../lib/i18n/date';
import { finessRecordUrl } from '../../lib/portals/finess-links';
import { today } from '../../lib/portals/finess-record';
import type { Establishment } from '../../lib/profile/schema';
import { forEachBrowser, launch, type ExtensionBrowser, type FrameScope } from './harness';
import { overlay } from './pages/overlay';
import { readDatabase, seedProfile } from './seed';

const url = finessRecordUrl('750100125');
const html = readFileSync(path.resolve(import.meta.dirname, '../fixtures/annuaire-finess/records/et-750100125.html'), 'utf8');
const say = (key: MessageKey, ...subs: (string | number)[]) => renderMessage(key, subs.map(String), 'fr');
const screenshot = path.resolve(import.meta.dirname, '../demo/screenshots/annuaire-finess-compare.png');

/** Until the guide's FINESS section says this (its outcome line). */
const saidInGuide = (guide: FrameScope, text: string) =>
  guide.waitFor(new Function(`return (document.querySelector('.finess-said')?.textContent ?? '').includes(${JSON.stringify(text)})`) as () => boolean, { timeout: 30_000 });

/** The record's page with the guide open, showing its one label before any click. */
async function openRecord(b: ExtensionBrowser) {
  const page = await b.newPage();
  await page.goto(url);
  const ui = overlay(page);
  await ui.open();
  await ui.guide.waitFor(new Function(`return document.querySelector('.finess-read')?.textContent === ${JSON.stringify(say('finessRead'))}`) as () => boolean, { timeout: 30_000 });
  return { page, ui };
}

/** The guide frame's own size, as the page around it lays it out. */
const frameSize = (guide: FrameScope) => guide.evaluate(() => `${window.innerWidth}x${window.innerHeight}`);
/** What a save is judged on: the preview shown long enough (lib/autofill/click-guard.ts, minShownMs). */
const readingTime = () => new Promise((resolve) => setTimeout(resolve, 700));

forEachBrowser((name) => {
  let b: ExtensionBrowser;

  beforeAll(async () => {
    b = await launch(name);
    await b.servePortals({ [url]: html });
  }, 90_000);
  afterAll(async () => {
    await b?.close();
  });

  it('reads the record behind one neutral label, creates it with the status and category the user chose once the click is judged safe, then compares it after a change and takes one value', async () => {
    const day = showDate(today(), 'fr');
    let createSize = '';
    const first = await openRecord(b);
    try {
      const { guide } = first.ui;
      // Nothing of the record is in the guide before the user's click.
      expect(await guide.count('.finess-values')).toBe(0);
      expect(await first.ui.panelText()).not.toContain('PITIE');

      await guide.click('.finess-read');
      await guide.waitFor('.finess-values');
      // Ordinary whitespace folded only: the no-break spaces of French typography are part of what the user reads.
      const lines = await guide.evaluate(() => Array.from(document.querySelectorAll('.finess-values li'), (li) => (li.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim()));
      expect(lines).toContain(`${say('fieldLegalName')} GROUPE HOSPITALIER PITIE-SALPETRIERE ${say('finessReadFrom', 'Raison sociale longue')}`);
      expect(lines).toContain(`${say('fieldEstablishmentPhone')} 0142160000 ${say('finessReadFrom', 'Téléphone')}`);
      expect(lines).toContain(`${say('fieldStreet')} 47 Boulevard DE L'HOPITAL ${say('finessReadFrom', 'Numéro de voie + Type de voie + Libellé de voie')}`);
      // The record's rows are said beside status and category; the user chooses them.
      expect(await guide.evaluate(() => Array.from(document.querySelectorAll<HTMLSelectElement>('.finess-choice select'), (s) => s.value))).toEqual(['', '']);
      await guide.select('select[aria-describedby="balise-finess-status"]', 'public');
      await guide.select('select[aria-describedby="balise-finess-category"]', 'hopital');
      createSize = await frameSize(guide);
      await readingTime();

      // A click-through cover of the page's over the guide: the click is not trusted to be meant, nothing is saved.
      await first.page.evaluate(() => {
        const cover = document.createElement('div');
        cover.id = 'cover';
        cover.style.cssText = 'position:fixed;inset:0;pointer-events:none;background:rgba(255,255,255,0.01)';
        document.body.append(cover);
      });
      await guide.click('.finess-save');
      await guide.waitFor(() => /rien n’a été enregistré|n’a rien enregistré/.test(document.querySelector('.finess-said')?.textContent ?? ''), { timeout: 30_000 });
      expect((await readDatabase(b)).establishments).toEqual([]);
      await first.page.evaluate(() => document.getElementById('cover')?.remove());

      await guide.click('.finess-save');
      await saidInGuide(guide, say('finessCreated', 'GH PITIE SALPETRIERE', day));
      await guide.waitFor('.finess-count');
      expect(await guide.text('.finess-count')).toBe(say('finessNoDifference'));

      const [created] = (await readDatabase(b)).establishments as Establishment[];
      expect(created).toMatchObject({
        label: 'GH PITIE SALPETRIERE',
        legalName: 'GROUPE HOSPITALIER PITIE-SALPETRIERE',
        status: 'public',
        category: 'hopital',
        finessEt: '750100125',
        finessEj: '750712184',
        siret: '26750045200524',
        siren: '267500452',
        phone: '0142160000',
        address: { street: "47 Boulevard DE L'HOPITAL", postalCode: '75013', city: 'PARIS', departement: '75' },
        contacts: [],
        certificates: [],
        finessReadOn: today(),
      });
      expect(first.page.consoleErrors()).toEqual([]);

      // The user changes their profile elsewhere (the options page): another phone, their own name for the entity.
      await seedProfile(b, [{ ...created!, phone: '0140275000', legalName: 'Assistance Publique – Hôpitaux de Paris', updatedAt: new Date().toISOString() }]);
    } finally {
      await first.page.close();
    }

    const second = await openRecord(b);
    try {
      const { guide } = second.ui;
      await guide.click('.finess-read');
      await guide.waitFor('.finess-lines');
      // Creating or comparing, the frame the page can measure has one size.
      expect(await frameSize(guide)).toBe(createSize);
      expect(await guide.text('.finess-count')).toBe(renderPlural('finessDifferences', 2));
      const differing = await guide.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.finess-differs'), (row) => row.dataset.baliseFiness));
      expect(differing).toEqual(['legalName', 'establishmentPhone']);
      // Who corrects the record when it is the one that is wrong: the seed's words, from the portal module.
      expect(await guide.text('.finess-who')).toContain('Conseil départemental');
      if (name === 'chromium' && process.env.BALISE_README_SCREENSHOTS === '1') {
        await guide.evaluate(() => document.querySelector('.finess-compare')?.scrollIntoView({ block: 'start' }));
        await second.page.screenshot(screenshot);
      }

      await guide.click('tr[data-balise-finess="establishmentPhone"] input[value="take"]');
      await readingTime();
      await guide.click('.finess-apply');
      await saidInGuide(guide, renderPlural('finessApplied', 1, ['GH PITIE SALPETRIERE', day]));
      await guide.waitFor(() => document.querySelectorAll('.finess-differs').length === 1);

      const [compared] = (await readDatabase(b)).establishments as Establishment[];
      expect(compared).toMatchObject({ phone: '0142160000', legalName: 'Assistance Publique – Hôpitaux de Paris', finessReadOn: today(), contacts: [] });
      expect(second.page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    } finally {
      await second.page.close();
    }
  });
});
