/**
 * A field the user teaches travels with the establishment (issue 14), in real browsers: in one
 * browser profile the user says, from the guide's preview, that « Code entité » (a field Balise
 * cannot read: test/fixtures/cases/teach-01-unread-field.html) is the site's FINESS, then exports
 * the establishment; a colleague imports the file in a fresh browser profile, opens the same page
 * — whose generated ids have changed — and « Remplir cette page » fills the field.
 */
import { expect, it } from 'vitest';
import { renderMessage, type MessageKey } from '../../lib/i18n/catalog';
import { caseHtml, caseProfileData, formCases } from '../fixtures/cases';
import { forEachBrowser, withBrowser, type TestPage } from './harness';
import { overlay } from './pages/overlay';
import { OPTIONS_READY, readDatabase, seedProfile } from './seed';

const { chosen, me } = caseProfileData;
const teachCase = formCases.find((c) => c.name === 'teach-01-unread-field')!;
const field = '[data-champ=entite]';
const say = (key: MessageKey, ...subs: (string | number)[]) => renderMessage(key, subs.map(String), 'fr');
/** A condition run in the page: built from text, as the harness sends functions by their source. */
const inPage = (body: string) => new Function(body) as () => boolean;

async function openOptions(page: TestPage, url: string) {
  await page.goto(url);
  await page.waitFor(OPTIONS_READY);
  await page.waitFor(() => Array.from(document.querySelectorAll('button')).some((b) => b.textContent === 'Exporter'));
}

forEachBrowser((name) => {
  it('teach: a field taught in one browser profile is filled in a fresh one after export and import', async () => {
    const exported = await withBrowser(name, async (b) => {
      await seedProfile(b, [chosen], { currentId: chosen.id, me: { [chosen.id]: me.id } });
      await b.servePortals({ [teachCase.url]: caseHtml(teachCase) });
      const page = await b.newPage();
      await page.goto(teachCase.url);
      const ui = overlay(page);
      await ui.open();
      // « Code entité » is among the fields Balise found but leaves out; the user says what it is.
      const picker = `select[aria-label=${JSON.stringify(say('teachChooseFor', 'Code entité'))}]`;
      await ui.guide.waitFor(picker, { timeout: 30_000 });
      await ui.guide.select(picker, 'finessEt');
      const saved = say('teachSaved', 'Code entité', say('fieldFinessEt'));
      await ui.guide.waitFor(inPage(`return document.querySelector('.balise-fill')?.textContent.includes(${JSON.stringify(saved)})`));
      // Planned again at once: the field is now a line of the preview, with the site's FINESS.
      await ui.guide.waitFor(inPage(`return document.querySelector('.balise-fill-lines')?.textContent.includes(${JSON.stringify(chosen.finessEt)})`));
      const [stored] = (await readDatabase(b)).establishments as { lessons?: unknown[] }[];
      expect(stored?.lessons).toEqual([expect.objectContaining({ origin: new URL(teachCase.url).origin, label: 'Code entité', kind: 'finessEt' })]);

      const options = await b.newPage();
      await openOptions(options, b.extensionUrl('options.html'));
      // The download itself is the browser's; the test keeps the Blob handed to it.
      await options.evaluate(() => {
        const create = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob: Blob) => {
          (window as unknown as { exported: Promise<string> }).exported = blob.text();
          return create(blob);
        };
      });
      await options.clickByRole('button', 'Exporter');
      await options.clickByRole('button', say('exportDownload'));
      await options.waitFor(() => 'exported' in window);
      const text = await options.evaluate(() => (window as unknown as { exported: Promise<string> }).exported);
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
      return text;
    });
    expect(JSON.parse(exported).establishments[0].lessons).toHaveLength(1);

    await withBrowser(name, async (b) => {
      const options = await b.newPage();
      await openOptions(options, b.extensionUrl('options.html'));
      await options.evaluate((text) => {
        const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], 'balise-ch-du-lauragais.balise.json', { type: 'application/json' }));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, exported);
      await options.clickByRole('button', say('importConfirmLabel'));
      await options.waitFor(inPage(`return document.body.textContent.includes(${JSON.stringify(say('importDone', 1, 0, 0))})`));
      // The options page lists what the colleague received.
      await options.waitFor(inPage(`return document.querySelector('[aria-labelledby=lessons-title]')?.textContent.includes('Code entité')`));

      await b.servePortals({ [teachCase.url]: caseHtml(teachCase) });
      const page = await b.newPage();
      await page.goto(teachCase.url);
      const ui = overlay(page);
      await ui.open();
      await ui.fill();
      expect(await page.value(field)).toBe(chosen.finessEt);
      expect(await page.value('[data-champ=commune]')).toBe(chosen.address.city);
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    });
  });
});
