/**
 * The foundation, in real browsers: an establishment created in the options page is still
 * there after a reload and in a new tab; an invalid SIRET is explained next to its field, in
 * the catalog's words, and nothing is saved. Two options pages never overwrite each other's
 * saves, and a page does not re-create an establishment deleted in another.
 */
import { expect, it, vi } from 'vitest';
import { renderMessage, type MessageKey } from '../../lib/i18n/catalog';
import { bindFrenchSpaces } from '../../lib/i18n/typography';
import { shownValue } from '../../lib/profile/identifiers';
import { forEachBrowser, withBrowser, type TestPage } from './harness';
import { sampleEstablishment } from '../../lib/profile/sample';
import { readDatabase, seedProfile } from './seed';

// The harness starts both browsers in French, as Balise's users have them.
const say = (key: MessageKey, ...subs: (string | number)[]) => renderMessage(key, subs.map(String), 'fr');

const statusText = (page: TestPage) => page.text('[role="status"][aria-live="polite"]');

forEachBrowser((name) => {
  it('creates an establishment that survives a reload; a 13-digit SIRET is refused with its message', async () => {
    await withBrowser(name, async (b) => {
      const page = await b.newPage();
      await page.goto(b.extensionUrl('options.html'));
      await page.waitFor('.empty-state button');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      await page.click('.empty-state button');

      await page.waitFor('input[name="siret"]');
      expect(await page.text('label[for="siret"]')).toBe('SIRET');
      await page.fill('input[name="label"]', 'CH Nord');
      await page.fill('input[name="legalName"]', 'Centre hospitalier du Nord');
      await page.select('select[name="status"]', 'public');
      await page.select('select[name="category"]', 'hopital');
      await page.fill('input[name="siret"]', '267 500 452 00524');
      await page.click('button[type="submit"]');
      const saved = say('optSaved', 'CH Nord');
      await vi.waitFor(async () => expect(await statusText(page)).toBe(saved), { timeout: 10_000, interval: 100 });
      expect((await readDatabase(b)).establishments).toEqual([expect.objectContaining({ label: 'CH Nord', siret: '26750045200524' })]);

      // A reload reopens the same establishment, from the database.
      await page.reload();
      await page.waitFor('input[name="siret"]');
      expect(await page.value('input[name="label"]')).toBe('CH Nord');
      expect(await page.value('input[name="siret"]')).toBe(shownValue('siret', '26750045200524'));

      // A new tab (no session) lists it.
      const other = await b.newPage();
      await other.goto(b.extensionUrl('options.html'));
      await other.waitFor('table.establishments tbody th');
      expect(await other.text('table.establishments tbody th')).toContain('CH Nord');

      // 13 digits: the identifiers' message beside the field and in the summary; nothing saved.
      await page.fill('input[name="siret"]', '2675004520001');
      await page.click('button[type="submit"]');
      await page.waitFor('#siret-error');
      const tooShort = say('siretLength', 13);
      expect(tooShort).toBe(bindFrenchSpaces('Le SIRET doit compter 14 chiffres ; vous en avez saisi 13.'));
      expect(await page.text('#siret-error')).toBe(tooShort);
      expect(await page.evaluate(() => document.getElementById('siret')?.getAttribute('aria-invalid'))).toBe('true');
      expect(await page.text('.error-summary li')).toBe(say('optSummaryItem', say('fieldSiret'), tooShort));
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
      expect((await readDatabase(b)).establishments).toEqual([expect.objectContaining({ siret: '26750045200524' })]);

      expect(page.consoleErrors()).toEqual([]);
      expect(other.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    });
  });

  it('« Dupliquer » opens an unsaved copy without the FINESS géographique and the SIRET, stored on « Enregistrer » (issue 18, N7)', async () => {
    await withBrowser(name, async (b) => {
      const sample = sampleEstablishment();
      await seedProfile(b, [sample]);
      const page = await b.newPage();
      await page.goto(b.extensionUrl('options.html'));
      await page.clickByRole('button', say('optDuplicate'));
      const heading = say('optEditTitleCopy', sample.label);
      await page.waitFor(new Function(`return document.getElementById('editor-title')?.textContent === ${JSON.stringify(heading)}`) as () => boolean);
      expect([await page.value('input[name="finessEt"]'), await page.value('input[name="siret"]'), await page.value('input[name="finessEj"]')]).toEqual(['', '', sample.finessEj]);
      expect((await readDatabase(b)).establishments).toHaveLength(1);
      // (Kept across a reload too: OptionsApp.test.tsx. Here a reload would stop on the browser's « leave the page? ».)

      expect(await page.value('input[name="label"]')).toBe(say('optCopyLabel', sample.label));
      await page.click('button[type="submit"]');
      await vi.waitFor(async () => expect(await statusText(page)).toBe(say('optSaved', say('optCopyLabel', sample.label))), { timeout: 10_000, interval: 100 });
      const stored = (await readDatabase(b)).establishments as { label: string; finessEt?: string; siret?: string }[];
      expect(stored.map(({ label, finessEt, siret }) => ({ label, finessEt, siret }))).toContainEqual({ label: say('optCopyLabel', sample.label), finessEt: undefined, siret: undefined });
      expect(stored).toHaveLength(2);
      expect(page.consoleErrors()).toEqual([]);
    });
  });

  it('after a save with a warning, at 1024×700, the footer holds one line and links to the list in the form (issue 18, N12)', async () => {
    await withBrowser(name, async (b) => {
      const page = await b.newPage();
      await page.resize(1024, 700);
      await page.goto(b.extensionUrl('options.html#new'));
      await page.waitFor('input[name="siret"]');
      await page.fill('input[name="label"]', 'CH Nord');
      await page.fill('input[name="legalName"]', 'Centre hospitalier du Nord');
      await page.select('select[name="status"]', 'public');
      await page.select('select[name="category"]', 'hopital');
      // 75013 in the Hauts-de-Seine: a warning the save keeps.
      await page.fill('input[name="address.postalCode"]', '75013');
      await page.select('select[name="address.departement"]', '92');
      await page.click('button[type="submit"]');
      await page.waitFor('.editor__saved a');
      const footer = await page.evaluate(() => document.querySelector('.editor__actions')!.getBoundingClientRect().height);
      // The buttons' row: never again a quarter of the screen.
      expect(footer).toBeLessThan(700 / 8);
      await page.click('.editor__saved a');
      await page.waitFor(() => document.activeElement?.classList.contains('warning-summary') ?? false);
      expect(await page.count('.warning-summary li a')).toBe(1);
      expect(page.consoleErrors()).toEqual([]);
    });
  });

  it('refuses a save over another page\'s newer save, and never re-creates what another page deleted', async () => {
    await withBrowser(name, async (b) => {
      const waitForStatus = (page: TestPage, text: string) =>
        vi.waitFor(async () => expect(await statusText(page)).toBe(text), { timeout: 15_000, interval: 100 });
      const pageA = await b.newPage();
      await pageA.goto(b.extensionUrl('options.html'));
      await pageA.waitFor('.empty-state button');
      await pageA.click('.empty-state button');
      await pageA.waitFor('input[name="label"]');
      await pageA.fill('input[name="label"]', 'CH Partagé');
      await pageA.fill('input[name="legalName"]', 'Centre hospitalier partagé');
      await pageA.select('select[name="status"]', 'public');
      await pageA.select('select[name="category"]', 'hopital');
      await pageA.fill('input[name="phone"]', '0140275000');
      await pageA.click('button[type="submit"]');
      await waitForStatus(pageA, say('optSaved', 'CH Partagé'));

      const pageB = await b.newPage();
      await pageB.goto(b.extensionUrl('options.html'));
      await pageB.waitFor('.establishments__actions .button--small');
      await pageB.click('.establishments__actions .button--small');
      await pageB.waitFor('input[name="phone"]');

      // A edits the label without saving; B changes the phone and saves.
      await pageA.fill('input[name="label"]', 'CH Partagé (A)');
      await pageB.fill('input[name="phone"]', '0140279999');
      await pageB.click('button[type="submit"]');
      await waitForStatus(pageB, say('optSaved', 'CH Partagé'));
      // A is told before saving, and its save is refused: B's phone survives.
      await pageA.waitFor('.notice--conflict');
      expect(await pageA.text('.notice--conflict p')).toBe(say('optConflictChanged', 'CH Partagé'));
      await pageA.click('button[type="submit"]');
      await waitForStatus(pageA, say('optSaveRefusedChanged', 'CH Partagé'));
      expect((await readDatabase(b)).establishments).toEqual([expect.objectContaining({ label: 'CH Partagé', phone: '0140279999' })]);
      expect(await pageA.value('input[name="label"]')).toBe('CH Partagé (A)');

      // B deletes it from the list while A still edits: A's save does not bring it back.
      await pageB.click('.editor__head button');
      await pageB.waitFor('.establishments__actions');
      await pageB.clickByRole('button', say('optDelete'));
      await pageB.waitFor('.dialog .button--danger');
      await pageB.click('.dialog .button--danger');
      await waitForStatus(pageB, say('optDeleted', 'CH Partagé'));
      await vi.waitFor(async () => expect(await pageA.text('.notice--conflict p')).toBe(say('optConflictDeleted', 'CH Partagé (A)')), {
        timeout: 15_000,
        interval: 100,
      });
      await pageA.click('button[type="submit"]');
      await waitForStatus(pageA, say('optSaveRefusedDeleted', 'CH Partagé (A)'));
      expect((await readDatabase(b)).establishments).toEqual([]);

      expect(pageA.consoleErrors()).toEqual([]);
      expect(pageB.consoleErrors()).toEqual([]);
    });
  });
});
