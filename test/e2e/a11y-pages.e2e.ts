/**
 * axe-core on the extension's own pages, in each state a newcomer meets them (issue 18): the
 * options list, an import's preview, an unsaved copy, the editor empty, refused with its errors, and saved with a warning kept; the
 * popup, the side panel and the 413 sheet. No serious or critical violation. A browser launch
 * for each group of pages: each page is a few seconds.
 */
import { expect, it } from 'vitest';
import { sampleEstablishment } from '../../lib/profile/sample';
import { buildProfileFile } from '../../lib/profile/transfer';
import { clinic } from '../../lib/profile/transfer.fixtures';
import { forEachBrowser, withBrowser } from './harness';
import { seriousViolations } from './pages/axe';
import { chooseImportFile } from './pages/options';
import { seedProfile } from './seed';

const establishment = sampleEstablishment();

forEachBrowser((name) => {
  it('the options page has no serious or critical axe violation: list, import preview, unsaved copy, editor empty, refused, saved with a warning', async () => {
    await withBrowser(name, async (b) => {
      await seedProfile(b, [establishment], { currentId: establishment.id });
      const page = await b.newPage();
      const found: Record<string, string[]> = {};

      await page.goto(b.extensionUrl('options.html'));
      await page.waitFor('.establishments__actions');
      found['list'] = await seriousViolations(page);

      // The preview of a file holding one new and one known establishment, and the unsaved copy « Dupliquer » opens.
      await chooseImportFile(page, JSON.stringify(buildProfileFile([establishment, clinic()])), 'profil.balise.json');
      await page.waitFor('.transfer-bar .dialog__actions');
      found['import preview'] = await seriousViolations(page);
      await page.press('Escape');
      await page.clickByRole('button', 'Dupliquer');
      await page.waitFor('.editor .notice');
      found['editor, unsaved copy'] = await seriousViolations(page);

      // A page of its own: the popup's « Créer mon établissement » opens this address in a new tab.
      const editor = await b.newPage();
      await editor.goto(b.extensionUrl('options.html#new'));
      await editor.waitFor('input[name="siret"]');
      found['editor, empty'] = await seriousViolations(editor);

      await editor.click('button[type="submit"]');
      await editor.waitFor('.error-summary');
      found['editor, refused'] = await seriousViolations(editor);

      await editor.fill('input[name="label"]', 'CH Nord');
      await editor.fill('input[name="legalName"]', 'Centre hospitalier du Nord');
      await editor.select('select[name="status"]', 'public');
      await editor.select('select[name="category"]', 'hopital');
      // 75013 in the Hauts-de-Seine: a warning the save keeps, counted beside the button, listed in the form.
      await editor.fill('input[name="address.postalCode"]', '75013');
      await editor.select('select[name="address.departement"]', '92');
      await editor.click('button[type="submit"]');
      await editor.waitFor('.editor__saved a');
      await editor.waitFor('.warning-summary a');
      found['editor, saved with a warning'] = await seriousViolations(editor);

      expect(found).toEqual({ list: [], 'import preview': [], 'editor, unsaved copy': [], 'editor, empty': [], 'editor, refused': [], 'editor, saved with a warning': [] });
      expect(page.consoleErrors()).toEqual([]);
      expect(editor.consoleErrors()).toEqual([]);
    });
  });

  it('the popup, the side panel and the 413 sheet have no serious or critical axe violation', async () => {
    await withBrowser(name, async (b) => {
      await seedProfile(b, [establishment], { currentId: establishment.id });
      const page = await b.newPage();
      const found: Record<string, string[]> = {};

      await page.goto(b.extensionUrl('popup.html'));
      await page.waitFor('select[name="me"]');
      found.popup = await seriousViolations(page);

      await page.goto(b.extensionUrl('sidepanel.html'));
      await page.waitFor('[data-step]');
      found['side panel'] = await seriousViolations(page);

      await page.goto(b.extensionUrl(`sheet413.html?establishment=${establishment.id}`));
      await page.waitFor('[data-field="siret"]');
      found['413 sheet'] = await seriousViolations(page);

      expect(found).toEqual({ popup: [], 'side panel': [], '413 sheet': [] });
      expect(page.consoleErrors()).toEqual([]);
    });
  });
});
