/**
 * Forms nobody here wrote (test/fixtures/cases.ts), each served at the portal address it imitates
 * and filled through « Remplir cette page » as a user does, with the cases' profile (CH du
 * Lauragais, Camille Durand at this workstation): what each page expects is there, in its fields
 * and in what its own scripts hold, and nothing else is written. Then the same page done by hand,
 * key by key and click by click, reaches the same values: the page itself works.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { caseHtml, caseKeys, caseMismatches, caseProfileData, formCases, readCase, type FormCase } from '../fixtures/cases';
import { forEachBrowser, launch, type ExtensionBrowser, type TestPage } from './harness';
import { overlay } from './pages/overlay';
import { seedProfile } from './seed';

const { establishments, chosen, me } = caseProfileData;

/** What a person does on the page (expectations.json's `human`). */
async function byHand(page: TestPage, formCase: FormCase): Promise<void> {
  for (const [action, selector, value] of formCase.human ?? []) {
    // A person waits for a field to open and a list to fill before using them.
    if (action !== 'click') await page.waitFor(`${selector}:enabled`);
    if (action === 'type') await page.fill(selector, value ?? '');
    else if (action === 'select') {
      await page.waitFor(`${selector} option[value="${value ?? ''}"]`);
      await page.select(selector, value ?? '');
    }
    else {
      // « li:text-is('X') »: the item whose whole text is X, once the list shows it.
      const [, list, text] = /^(.*?) li:text-is\('(.*)'\)$/.exec(selector) ?? [];
      if (list && text !== undefined) {
        const at = ({ list, text }: { list: string; text: string }) =>
          Array.from(document.querySelectorAll(`${list} li`)).findIndex((item) => item.textContent?.trim() === text);
        await page.waitFor(`${list} li`);
        await page.click(`${list} li:nth-child(${(await page.evaluate(at, { list, text })) + 1})`);
      } else await page.click(selector);
    }
  }
}

forEachBrowser((name) => {
  let b: ExtensionBrowser;

  beforeAll(async () => {
    b = await launch(name);
    await seedProfile(b, establishments, { currentId: chosen.id, me: { [chosen.id]: me.id } });
  }, 90_000);
  afterAll(async () => {
    await b?.close();
  });

  it.each(formCases.map((c) => [c.name, c] as const))('%s: Balise fills what the page expects, and nothing else', async (_name, formCase) => {
    await b.servePortals({ [formCase.url]: caseHtml(formCase) });
    const page = await b.newPage();
    try {
      await page.goto(formCase.url);
      const ui = overlay(page);
      await ui.open();
      await ui.fill();
      // The page's own scripts may still react (a list loaded, a field enabled): wait for the expectations, then judge.
      const judge = async () => caseMismatches(formCase, await page.evaluate(readCase, caseKeys(formCase)));
      await expect.poll(judge, { timeout: 10_000 }).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each(formCases.filter((c) => c.human).map((c) => [c.name, c] as const))('%s: done by hand, the page reaches the expected values', async (_name, formCase) => {
    await b.servePortals({ [formCase.url]: caseHtml(formCase) });
    const page = await b.newPage();
    try {
      await page.goto(formCase.url);
      await byHand(page, formCase);
      const fill = Object.keys(formCase.fill);
      const found = await page.evaluate(readCase, fill);
      expect(caseMismatches({ ...formCase, empty: [] }, found)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
