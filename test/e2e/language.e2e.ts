/**
 * One language at a time: in a browser in English, nothing Balise shows is French — the folded
 * tab and the guide on a portal page, the popup, the options page, the side panel — and in a
 * browser in French nothing is English. Every text node (and aria-label, title, placeholder) is compared with both
 * languages of the catalog (lib/i18n/messages) and of the portal and procedure contents
 * (`{ fr, en }`); a text the same in both (names, numbers, FINESS) says nothing. Balise's UI is
 * read as no page script can: the tab in its closed shadow root (page.deep), the guide in its
 * frame (page.frame), the popup and options page as extension pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allEntries, languages, type Language } from '../../lib/i18n/catalog';
import { portals } from '../../lib/portals';
import { outlines, stepsOnPage } from '../../lib/procedures/catalog';
import { procedures } from '../../lib/procedures/index';
import { sampleEstablishment } from '../../lib/profile/sample';
import type { Progress } from '../../lib/store/rows';
import { serveFixtures } from '../demo/serve';
import { fixtures } from '../fixtures/load';
import { forEachBrowser, launch, type ExtensionBrowser, type PageScope } from './harness';
import { overlay } from './pages/overlay';
import { OPTIONS_READY, seedProfile } from './seed';

type Texts = Record<Language, string>;

/** Every `{ fr, en }` of a portal or procedure module, at any depth. */
function contents(value: unknown, found: Texts[] = []): Texts[] {
  if (Array.isArray(value)) for (const item of value) contents(item, found);
  else if (value && typeof value === 'object') {
    const { fr, en } = value as Partial<Texts>;
    if (typeof fr === 'string' && typeof en === 'string') found.push({ fr, en });
    else for (const item of Object.values(value)) contents(item, found);
  }
  return found;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message as a pattern: `{n}` stands for any substitution. */
const pattern = (message: string) => new RegExp(`^${message.split(/\{[1-9]\}/).map((part) => escape(part.trim())).join('[\\s\\S]+?')}$`);

/** What only one language says: for each, the patterns of its messages and contents that differ in the other. */
const sayings = (() => {
  const pairs: Texts[] = [...allEntries().map(([, entry]) => entry), ...contents(portals), ...contents(procedures), ...contents(outlines)];
  // A message that is nothing but substitutions (« {1} ({2}) ») would match anything.
  const telling = pairs.filter((pair) => pair.fr !== pair.en && languages.every((language) => /\p{L}{2}/u.test(pair[language].replace(/\{[1-9]\}/g, ''))));
  return Object.fromEntries(languages.map((language) => [language, telling.map((pair) => pattern(pair[language]))])) as Record<Language, RegExp[]>;
})();

/** A shown text with its parts (« Plage · Création de compte »): what is said in `language` only. */
function saidOnlyIn(text: string, language: Language): boolean {
  const other = languages.find((l) => l !== language)!;
  return [text, ...text.split(/\s*·\s*|\n/)]
    .map((part) => part.trim())
    .some((part) => part && sayings[language].some((p) => p.test(part)) && !sayings[other].some((p) => p.test(part)));
}

/** Runs in the page or frame (sent as its source): every text node and every text attribute of the document. */
function shownTexts(): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('script, style, template')) continue;
    const text = (node.textContent ?? '').trim();
    if (text) texts.push(text);
  }
  for (const element of Array.from(document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')))
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const text = element.getAttribute(name)?.trim();
      if (text) texts.push(text);
    }
  return texts;
}

/** The texts of a surface said in each language only; fails when the surface says nothing in `language`. */
function checkLanguage(texts: string[], language: Language) {
  const other = languages.find((l) => l !== language)!;
  expect(texts.filter((text) => saidOnlyIn(text, other))).toEqual([]);
  expect(texts.filter((text) => saidOnlyIn(text, language)).length, `some text in ${language}: ${JSON.stringify(texts)}`).toBeGreaterThan(2);
}

const establishment = sampleEstablishment();
// A procedure under way, its questions not answered yet: the tab and the guide number its steps (« Étape 2 sur 8 »), the popup asks for the answers first.
const procedure = procedures.find((p) => fixtures.some((f) => stepsOnPage(p.id, f.portal, f.page).length > 0))!;
const fixture = fixtures.find((f) => stepsOnPage(procedure.id, f.portal, f.page).length > 0)!;
const at = new Date().toISOString();
const progress: Progress = { establishmentId: establishment.id, procedureId: procedure.id, answers: {}, done: {}, startedAt: at, updatedAt: at };

forEachBrowser((name) => {
  describe.each(languages)('in a browser in %s', (language) => {
    let b: ExtensionBrowser;
    const inPage = async (path: string, ready: string, read: (page: PageScope) => Promise<string[]> = (page) => page.evaluate(shownTexts)) => {
      const page = await b.newPage();
      try {
        await page.goto(b.extensionUrl(path));
        await page.waitFor(ready, { timeout: 30_000 });
        return await read(page);
      } finally {
        await page.close();
      }
    };

    beforeAll(async () => {
      b = await launch(name, { locale: language });
      const portalsServed = await serveFixtures(b);
      portalsServed.show(fixture);
      await seedProfile(b, [establishment], { currentId: establishment.id, me: { [establishment.id]: establishment.contacts[0]!.id }, progress: [progress] });
    });
    afterAll(async () => {
      await b?.close();
    });

    it(`the folded tab and the guide on ${fixture.portal}/${fixture.page}`, async () => {
      const page = await b.newPage();
      try {
        await page.goto(fixture.url);
        const ui = overlay(page);
        await page.deep.waitFor('[data-balise-tab]');
        const tab = await ui.tabText();
        await ui.open();
        await ui.guide.waitFor('[data-balise-step]');
        checkLanguage([tab ?? '', ...(await ui.guide.evaluate(shownTexts))], language);
        expect(page.consoleErrors()).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('the popup', async () => {
      checkLanguage(await inPage('popup.html', '.next-step__pending'), language);
    });

    it('the options page', async () => {
      checkLanguage(await inPage('options.html', OPTIONS_READY), language);
    });

    it('the side panel', async () => {
      checkLanguage(await inPage('sidepanel.html', '.checklist__pending'), language);
    });
  });
});
