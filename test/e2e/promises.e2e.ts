/**
 * What the preview promises, the portal can take (issue 18, P3–P4), in real browsers: on every
 * fixture form with a list, each choice the preview offers is one of that list's options, as
 * the list shows it. The establishment is the sample one, in Paris: Medimail's lists (Corse…
 * Occitanie, and Occitanie's départements) lack its region and département, so its region
 * line says why, and the region step says it before anything is filled. After the BAL ORG
 * fill, the required « Région » the portal left on « Occitanie » is flagged in the panel and
 * marked on the page (the panel's line takes the keyboard to it), and each field left by hand
 * reads as its label, then its reason below it, never cut at the panel's edge.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderMessage } from '../../lib/i18n/catalog';
import { sampleEstablishment } from '../../lib/profile/sample';
import { fixtureHtml, fixtureOf, fixtures, type Fixture } from '../fixtures/load';
import { forEachBrowser, launch, type ExtensionBrowser, type TestPage } from './harness';
import { overlay } from './pages/overlay';
import { seedProfile } from './seed';

const paris = sampleEstablishment();
const me = paris.contacts.find((contact) => contact.lastName === 'Bernard')!;
const region = paris.address.region!;

/** The fixture forms Balise fills that hold a list. */
const withLists = fixtures.filter((f) => f.fields.some((field) => field.fill) && /<select\b/i.test(fixtureHtml(f)));

/** The choices the preview offers (ticked or not, never the skipped ones), by what it shows. */
const offeredChoices = (page: TestPage) =>
  overlay(page).guide.evaluate(() =>
    Array.from(document.querySelectorAll('.balise-fill-lines li[data-action="choose"]:not(.balise-fill-skipped)'), (li) =>
      (li.querySelector('.balise-fill-value')?.textContent ?? '').trim(),
    ),
  );

/** Every option of every list of the page, as the list shows it. */
const pageOptions = (page: TestPage) =>
  page.evaluate(() => Array.from(document.querySelectorAll('select option'), (option) => (option as HTMLOptionElement).text.trim()));

forEachBrowser((name) => {
  let b: ExtensionBrowser;

  beforeAll(async () => {
    b = await launch(name);
    await seedProfile(b, [paris], { currentId: paris.id, me: { [paris.id]: me.id } });
  }, 90_000);
  afterAll(async () => {
    await b?.close();
  });

  const opened = async (fixture: Fixture) => {
    await b.servePortals({ [fixture.url]: fixtureHtml(fixture) });
    const page = await b.newPage();
    await page.goto(fixture.url);
    const ui = overlay(page);
    await ui.open();
    await ui.guide.waitFor('.balise-fill-lines li', { timeout: 20_000 });
    return { page, ui };
  };

  it('every choice the preview offers, on every fixture form with a list, is an option of the page', { timeout: 60_000 * Math.max(1, withLists.length) }, async () => {
    expect(withLists.map((f) => `${f.portal}/${f.page}`)).toContain('medimail/balOrgForm');
    for (const fixture of withLists) {
      const { page } = await opened(fixture);
      try {
        const options = await pageOptions(page);
        for (const offered of await offeredChoices(page)) expect(options, `${fixture.portal}/${fixture.page}: ${offered}`).toContain(offered);
      } finally {
        await page.close();
      }
    }
  });

  it('Medimail’s region step: the region not offered is said there, with the seed’s reason, and nothing is ticked', { timeout: 120_000 }, async () => {
    const { page, ui } = await opened(fixtureOf('medimail', 'region'));
    try {
      const notInList = renderMessage('fillSkipNoOption', [region], 'fr');
      expect(await ui.previewLines()).toEqual([`Région d’exercice ${notInList}`]);
      expect(await ui.guide.count('.balise-fill-lines input:checked')).toBe(0);
      const warning = await ui.guide.text('p.balise-fill-warning');
      expect(warning).toContain(renderMessage('fillNotOffered', ['Région d’exercice', region], 'fr'));
      expect(warning).toContain('régions où Medimail a été choisi');
      expect(await page.value('#region')).toBe('');
    } finally {
      await page.close();
    }
  });

  it('after the BAL ORG fill: the portal’s « Occitanie » is flagged and marked on the page, and what is left by hand reads in two lines, whole', { timeout: 120_000 }, async () => {
    const { page, ui } = await opened(fixtureOf('medimail', 'balOrgForm'));
    try {
      await ui.fill();
      await ui.guide.waitFor('.balise-fill-left .balise-fill-warning');
      expect(await ui.guide.text('.balise-fill-left .balise-fill-warning')).toBe(renderMessage('fillPortalDefault', ['Région', 'Occitanie'], 'fr'));
      const left = await ui.guide.evaluate(() =>
        Array.from(document.querySelectorAll('.balise-fill-left li:has(.balise-fill-reason)'), (li) => {
          const label = li.querySelector('.balise-fill-field')!;
          const reason = li.querySelector('.balise-fill-reason')!;
          return {
            text: `${label.textContent} | ${reason.textContent}`,
            below: reason.getBoundingClientRect().top >= label.getBoundingClientRect().bottom - 1,
            // Nothing cut: no text past its box, no box past the panel's edge.
            whole: [label, reason].every((part) => part.scrollWidth <= part.clientWidth + 1 && part.getBoundingClientRect().right <= document.documentElement.clientWidth + 1),
          };
        }),
      );
      expect(left.map((line) => line.text)).toContain(`Région | ${renderMessage('fillSkipNoOption', [region], 'fr')}`);
      for (const line of left) expect([line.text, line.below, line.whole]).toEqual([line.text, true, true]);

      // Marked on the page, apart from the filled fields; the panel's line takes the keyboard there; undo takes the mark away.
      const marks = () => page.evaluate(() => ({ region: document.querySelector('select[name="region"]')!.className, filled: document.querySelectorAll('.balise-filled').length }));
      expect(await marks()).toEqual({ region: 'balise-portal-default', filled: expect.any(Number) });
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('select[name="region"]')!).outlineStyle)).toBe('double');
      // Pressed with the pointer, the button leaves the focus to the page (the frame is another process in Chromium).
      await ui.guide.click('.balise-fill-left li:has(.balise-fill-warning) button');
      await page.waitFor(() => document.activeElement?.getAttribute('name') === 'region', { timeout: 10_000 });
      await ui.guide.click('.balise-fill-undo');
      await page.waitFor(() => document.querySelectorAll('.balise-portal-default, .balise-filled').length === 0, { timeout: 10_000 });
    } finally {
      await page.close();
    }
  });
});
