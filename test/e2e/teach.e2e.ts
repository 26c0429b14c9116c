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
import { forEachBrowser, withBrowser } from './harness';
import { overlay } from './pages/overlay';
import { exportThroughOptions, importThroughOptions, openOptions } from './pages/options';
import { readDatabase, seedProfile } from './seed';

const { chosen, me } = caseProfileData;
const teachCase = formCases.find((c) => c.name === 'teach-01-unread-field')!;
const field = '[data-champ=entite]';
const say = (key: MessageKey, ...subs: (string | number)[]) => renderMessage(key, subs.map(String), 'fr');
/** A condition run in the page: built from text, as the harness sends functions by their source. */
const inPage = (body: string) => new Function(body) as () => boolean;

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
      const text = await exportThroughOptions(options);
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
      return text;
    });
    expect(JSON.parse(exported).establishments[0].lessons).toHaveLength(1);

    await withBrowser(name, async (b) => {
      const options = await b.newPage();
      await openOptions(options, b.extensionUrl('options.html'));
      await importThroughOptions(options, exported, 'balise-ch-du-lauragais.balise.json', 1);
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
