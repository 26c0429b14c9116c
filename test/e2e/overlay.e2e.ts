/**
 * The guidance overlay in real browsers: on every fixture page, served at its real URL, the
 * panel shows the page's procedure, step and instructions, a hint badge per field rule and a
 * ring on the element to click next; another site shows nothing; an SPA route change updates
 * the panel without reload; axe-core finds nothing serious in the panel; collapse is
 * remembered per portal, and Alt+Shift+B brings back a guide hidden with ×; and the extension sends no request and logs no error. Balise's UI is
 * read as no page script can: the panel in the guide frame (page.frame), the badges, rings and
 * tab in closed shadow roots (page.deep).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderMessage, type Language } from '../../lib/i18n/catalog';
import { bindFrenchSpaces } from '../../lib/i18n/typography';
import { guidanceFor } from '../../lib/overlay/guidance';
import { findPage } from '../../lib/portals';
import { shownLabel } from '../../lib/portals/match';
import { elsewhere, fixtureHtml, fixtureOf, fixtures, type Fixture } from '../fixtures/load';
import { serveFixtures, type FixtureServer } from '../demo/serve';
import { forEachBrowser, launch, type ExtensionBrowser, type TestPage } from './harness';
import { seriousViolations } from './pages/axe';
import { unglossed } from './pages/glossed';
import { overlay } from './pages/overlay';

/** What Balise shows on the page, read as no page script can (pages/overlay.ts). */
interface Shown {
  pageName: string;
  steps: string[];
  text: string;
  hints: string[];
  badges: string[];
  highlights: number;
  collapsedTab: string | null;
}

async function readOverlay(page: TestPage): Promise<Shown | null> {
  const ui = overlay(page);
  // The folded guide is drawn apart, by the always-loaded content script.
  const collapsedTab = await ui.tabText();
  const open = await ui.isOpen();
  if (!open && collapsedTab === null) return null;
  return {
    pageName: open ? await ui.pageName() : '',
    steps: open ? await ui.stepIds() : [],
    text: await ui.panelText(),
    hints: open ? await ui.hints() : [],
    badges: await ui.badges(),
    highlights: await ui.highlights(),
    collapsedTab,
  };
}

/** Polls the overlay from Node until `ready` holds; fails with what was last shown. */
async function waitForOverlay(page: TestPage, ready: (shown: Shown) => boolean = () => true, timeout = 20_000): Promise<Shown> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = await readOverlay(page).catch(() => null);
    if (shown && ready(shown)) return shown;
    if (Date.now() > deadline) throw new Error(`overlay not as expected after ${timeout} ms; last shown: ${JSON.stringify(shown)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The keyboard went into the guide: the page's focus is in Balise's host (the frame), the frame's on the panel's heading. */
async function focusInPanel(page: TestPage) {
  await page.waitFor(() => document.activeElement?.localName === 'balise-overlay');
  await page.frame('guide.html').waitFor(() => !!document.activeElement?.classList.contains('page-name'));
}

forEachBrowser((name) => {
  let b: ExtensionBrowser;
  // The harness starts both browsers in French.
  const language: Language = 'fr';
  let portalsServed: FixtureServer;
  const serve = (fixture: Fixture, url?: string) => portalsServed.show(fixture, url);

  beforeAll(async () => {
    b = await launch(name);
    portalsServed = await serveFixtures(b);
  });
  afterAll(async () => {
    await b?.close();
  });

  it.each(fixtures.map((f) => [`${f.portal}/${f.page}`, f] as const))('%s: the right procedure, step, instructions, hints and click target', async (_id, fixture) => {
    const match = findPage(fixture.portal, fixture.page)!;
    const guidance = guidanceFor(match);
    serve(fixture);
    const page = await b.newPage();
    try {
      await page.goto(fixture.url);
      const ui = overlay(page);
      await ui.open();
      const shown = await waitForOverlay(page, (s) => s.steps.length > 0 && s.badges.length === guidance.fields.length);
      expect(shown.pageName).toBe(`${match.portal.name[language]} · ${match.page.name[language]}`);
      // No profile here: the procedure's steps on this page, unnumbered (numbering: steps.e2e.ts).
      expect(shown.steps).toEqual(guidance.steps.map((step) => step.id));
      // Balise's advice is tagged as such (components/ui/SeedLine.tsx).
      expect(await ui.stepLines()).toEqual(guidance.steps.map((step) => unglossed(`${step.title.ref.advice ? `${renderMessage('adviceTag', [], language)} ` : ''}${step.title[language]}`)));
      const procedure = await ui.procedureName();
      expect(procedure).not.toBe('');
      expect(shown.text).toContain(procedure);
      for (const instruction of guidance.instructions) expect(shown.text).toContain(unglossed(instruction[language]));
      const labels = guidance.fields.map((rule) => shownLabel(rule.match));
      expect(shown.badges).toEqual(labels);
      expect(shown.hints).toEqual(labels);
      for (const rule of guidance.fields) expect(shown.text).toContain(unglossed(rule.hint[language]));
      expect(shown.highlights).toBe(guidance.clickNext.length);
      for (const next of guidance.next) expect(shown.text).toContain(unglossed(next.label[language]));

      // The panel is the guide frame's whole document.
      expect(await seriousViolations(ui.guide)).toEqual([]);
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // Real portals serve their pages at paths, queries and hash routes nobody here chose: the page is
  // recognised by what it shows. One other URL per page here (all three in lib/portals/recognise.test.ts).
  it.each(fixtures.map((f, i) => [`${f.portal}/${f.page}`, elsewhere(f)[i % 3]!, f] as const))('%s at %s: the same page, steps and hints', async (_id, url, fixture) => {
    const match = findPage(fixture.portal, fixture.page)!;
    const guidance = guidanceFor(match);
    serve(fixture, url);
    const page = await b.newPage();
    try {
      await page.goto(url);
      await overlay(page).open();
      const shown = await waitForOverlay(page, (s) => s.steps.length > 0 && s.badges.length === guidance.fields.length);
      expect(shown.pageName).toBe(`${match.portal.name[language]} · ${match.page.name[language]}`);
      expect(shown.steps).toEqual(guidance.steps.map((step) => step.id));
      expect(shown.badges).toEqual(guidance.fields.map((rule) => shownLabel(rule.match)));
      expect(page.consoleErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // An SPA draws each page in place: no navigation, no URL change. The guide follows the content.
  it.each([...new Set(fixtures.map((f) => f.portal))].filter((portal) => fixtures.filter((f) => f.portal === portal).length > 1))(
    '%s: pages drawn in place one after another are each recognised, without a URL change',
    async (portal) => {
      const [first, ...rest] = fixtures.filter((f) => f.portal === portal);
      serve(first!);
      const page = await b.newPage();
      try {
        await page.goto(first!.url);
        await overlay(page).open();
        for (const fixture of rest) {
          const html = fixtureHtml(fixture);
          await page.evaluate((markup: string) => {
            const next = new DOMParser().parseFromString(markup, 'text/html');
            document.title = next.title;
            // The guide's own host stays: it is Balise's, not the page's.
            for (const child of Array.from(document.body.children)) if (child.localName !== 'balise-overlay') child.remove();
            document.body.prepend(...Array.from(next.body.children).map((child) => document.importNode(child, true)));
          }, html);
          const match = findPage(fixture.portal, fixture.page)!;
          const guidance = guidanceFor(match);
          const shown = await waitForOverlay(page, (s) => s.pageName === `${match.portal.name[language]} · ${match.page.name[language]}` && s.badges.length === guidance.fields.length);
          expect(shown.steps, fixture.page).toEqual(guidance.steps.map((step) => step.id));
        }
        expect(await page.url()).toBe(first!.url);
      } finally {
        await page.close();
      }
    },
  );

  it('shows the hint of the focused field beside it, outside the field', async () => {
    const fixture = fixtureOf('plage', 'accountForm');
    serve(fixture);
    const page = await b.newPage();
    try {
      await page.goto(fixture.url);
      await overlay(page).open();
      await waitForOverlay(page, (s) => s.badges.length > 0);
      await page.click('input[name="mail"]');
      const shownBubble = '.hint-bubble:not([hidden])';
      await page.deep.waitFor(async (deep) => (await deep.box(shownBubble)).width > 0);
      const field = await page.evaluate(() => {
        const { left, top, right, bottom } = document.querySelector('input[name="mail"]')!.getBoundingClientRect();
        return { left, top, right, bottom };
      });
      const bubble = await page.deep.box(shownBubble);
      expect(await page.deep.text(shownBubble)).toContain('Courriel');
      expect(bubble.left < field.right && bubble.right > field.left && bubble.top < field.bottom && bubble.bottom > field.top).toBe(false);
      expect(page.consoleErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('follows an SPA route change (pushState, then back) without reload, and picks up the new fields', async () => {
    const fixture = fixtureOf('medimail', 'accountType');
    serve(fixture);
    const page = await b.newPage();
    try {
      await page.goto(fixture.url);
      await overlay(page).open();
      await waitForOverlay(page, (s) => s.pageName.includes(findPage('medimail', 'accountType')!.page.name[language]));
      await page.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });
      await page.clickByText('Nous créons un compte partagé organisationnel');
      const question = findPage('medimail', 'personalAccountQuestion')!;
      const after = await waitForOverlay(page, (s) => s.pageName.includes(question.page.name[language]) && s.badges.length === question.page.fields.length);
      expect(after.steps).toEqual(guidanceFor(question).steps.map((step) => step.id));
      expect(after.badges).toEqual(question.page.fields.map((rule) => shownLabel(rule.match)));
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      // Back: this portal reloads on popstate; the overlay comes back on the first route.
      await page.evaluate(() => history.back());
      const back = await waitForOverlay(page, (s) => s.pageName.includes(findPage('medimail', 'accountType')!.page.name[language]));
      expect(back.badges).toEqual([]);
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows nothing off the portal hosts, nor on a portal page with nothing to show', async () => {
    const form = fixtureHtml(fixtureOf('plage', 'accountForm'));
    await b.routePortal('https://www.example.org/', () => ({ body: form }));
    await b.routePortal('https://plage.atih.sante.fr/aide', () => ({
      body: '<!doctype html><html lang="fr"><head><title>Aide</title></head><body><h1>Aide</h1><p>Rien à remplir.</p></body></html>',
    }));
    const elsewhere = await b.newPage();
    const plainPortalPage = await b.newPage();
    const known = await b.newPage();
    try {
      await elsewhere.goto('https://www.example.org/compte/creation');
      await plainPortalPage.goto('https://plage.atih.sante.fr/aide');
      // Loaded after the two others: once its overlay is up, theirs would be too.
      const fixture = fixtureOf('plage', 'home');
      serve(fixture);
      await known.goto(fixture.url);
      await overlay(known).open();
      await waitForOverlay(known, (s) => s.steps.length > 0);
      for (const page of [elsewhere, plainPortalPage]) expect(await overlay(page).isShown()).toBe(false);
      expect(elsewhere.consoleErrors()).toEqual([]);
    } finally {
      await Promise.all([elsewhere.close(), plainPortalPage.close(), known.close()]);
    }
  });

  it('starts folded: a tab with the step and no panel code; keyboard opens and folds it, the focus following', async () => {
    // A browser of its own: the shared one has opened the guide on every portal already.
    const fresh = await launch(name);
    try {
      const fixture = fixtureOf('plage', 'home');
      (await serveFixtures(fresh)).show(fixture);
      const page = await fresh.newPage();
      await page.goto(fixture.url);
      const step = guidanceFor(findPage('plage', 'home')!).steps[0]!;
      const folded = await waitForOverlay(page, (s) => s.collapsedTab !== null);
      expect(folded.collapsedTab).toBe(renderMessage('overlayTabStep', [step.title[language]], language));
      // The panel's code is not even injected until the guide is opened.
      expect(await page.count('balise-overlay')).toBe(0);
      await page.press('Alt+Shift+B');
      await waitForOverlay(page, (s) => s.collapsedTab === null && s.steps.length > 0);
      await focusInPanel(page);
      await page.press('Escape');
      await waitForOverlay(page, (s) => s.collapsedTab !== null && s.text === '');
      expect(await page.evaluate(() => document.activeElement?.localName)).toBe('balise-tab');
      // Enter on the focused tab opens the guide again.
      await page.press('Enter');
      await waitForOverlay(page, (s) => s.collapsedTab === null && s.steps.length > 0);
      await focusInPanel(page);
      expect(page.consoleErrors()).toEqual([]);
      expect(fresh.strayRequests()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('stays within reach over the page’s modal dialog: its tab opens the guide there, which follows the dialog as it closes', async () => {
    // A browser of its own, where the guide starts folded.
    const fresh = await launch(name);
    try {
      // A form: behind a dialog that names no page, its fields keep the guide worth showing.
      const fixture = fixtureOf('medimail', 'balOrgForm');
      (await serveFixtures(fresh)).show(fixture);
      const page = await fresh.newPage();
      await page.goto(fixture.url);
      await waitForOverlay(page, (s) => s.collapsedTab !== null);
      // A session warning as portals show one: everything outside a modal dialog is inert, the top layer above it included.
      await page.evaluate(() => {
        const dialog = document.createElement('dialog');
        dialog.id = 'session';
        dialog.append('Votre session va expirer.', Object.assign(document.createElement('button'), { textContent: 'Prolonger' }));
        document.body.append(dialog);
        dialog.showModal();
      });
      const ui = overlay(page);
      // Clicked where it is drawn, as a user does: the guide opens.
      await ui.open();
      // The open guide takes clicks too: docked left, then, the dialog closed, floating again.
      await ui.guide.click('.dock-choice:nth-of-type(1)');
      await page.deep.waitFor(async (deep) => (await deep.count('.guide-frame.left')) === 1);
      await page.evaluate(() => (document.getElementById('session') as HTMLDialogElement).close());
      await ui.guide.click('.dock-choice:nth-of-type(2)');
      await page.deep.waitFor(async (deep) => (await deep.count('.guide-frame.floating')) === 1);
      expect(page.consoleErrors()).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('takes the keyboard to a field named in the panel’s field hints, the one it names', async () => {
    const fixture = fixtureOf('medimail', 'balOrgForm');
    serve(fixture);
    const page = await b.newPage();
    try {
      await page.goto(fixture.url);
      const ui = overlay(page);
      await ui.open();
      await ui.guide.click('.field-hints > summary');
      const labels = await ui.guide.evaluate(() => Array.from(document.querySelectorAll('[data-balise-field-hint]'), (line) => line.getAttribute('data-balise-field-hint') ?? ''));
      expect(labels.length).toBeGreaterThan(1);
      // The last line: a wrong index would land on another field.
      const label = labels.at(-1)!;
      await ui.guide.click(`[data-balise-field-hint="${label}"] .link-button`);
      const focusedLabel = () =>
        page.evaluate(() => {
          const field = document.activeElement;
          return field instanceof HTMLInputElement || field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement ? (field.labels?.[0]?.textContent ?? '').replace(/\s+/g, ' ') : null;
        });
      await expect.poll(focusedLabel, { timeout: 10_000 }).toContain(label);
      expect(page.consoleErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('collapses to a tab with the keyboard, remembered per portal', async () => {
    const plage = fixtureOf('plage', 'home');
    const medimail = fixtureOf('medimail', 'login');
    serve(plage);
    serve(medimail);
    const page = await b.newPage();
    try {
      await page.goto(medimail.url);
      await overlay(page).open();
      await page.goto(plage.url);
      await overlay(page).open();
      await waitForOverlay(page, (s) => s.steps.length > 0);
      await page.press('Alt+Shift+B');
      await waitForOverlay(page, (s) => s.collapsedTab !== null && s.text === '');
      await page.reload();
      expect((await waitForOverlay(page, (s) => s.collapsedTab !== null)).collapsedTab).toContain('Balise');
      await page.goto(medimail.url);
      expect((await waitForOverlay(page, (s) => s.steps.length > 0)).collapsedTab).toBeNull();
      await page.goto(plage.url);
      await waitForOverlay(page, (s) => s.collapsedTab !== null);
      await page.press('Alt+Shift+B');
      const expanded = await waitForOverlay(page, (s) => s.collapsedTab === null && s.steps.length > 0);
      expect(expanded.text).not.toBe('');
      // Focus moved into the panel: Escape collapses it again.
      await page.press('Escape');
      await waitForOverlay(page, (s) => s.collapsedTab !== null);
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('dismissed, stays away after a reload; restored as the popup does, or with Alt+Shift+B as × says, comes back without a reload', async () => {
    const fixture = fixtureOf('distrilog', 'home');
    serve(fixture);
    const page = await b.newPage();
    const later = await b.newPage();
    const extensionPage = await b.newPage();
    try {
      await page.goto(fixture.url);
      const { guide, open } = overlay(page);
      await open();
      await waitForOverlay(page, (s) => s.steps.length > 0);
      await guide.click('button[aria-label="Masquer le guide sur ce portail"]');
      // The panel first says how to bring the guide back (components/guide/Panel.tsx).
      expect(await guide.text('.dismiss-confirm p')).toContain(bindFrenchSpaces('« Réafficher le guide sur Distrilog'));
      await guide.click('.dismiss-go');
      await page.deep.waitFor(async (deep) => (await deep.count('.guide-frame, [data-balise-tab]')) === 0);
      await page.reload();
      await page.evaluate(() => ((window as unknown as { notReloaded?: boolean }).notReloaded = true));
      // Another portal loaded after the reload: once its guide is up, this page's would be too.
      const plage = fixtureOf('plage', 'home');
      serve(plage);
      await later.goto(plage.url);
      await expect.poll(() => overlay(later).isShown(), { timeout: 20_000 }).toBe(true);
      expect(await overlay(page).isShown()).toBe(false);

      // The popup's « Réafficher le guide » writes the portal's state; the open page follows.
      await extensionPage.goto(b.extensionUrl('popup.html'));
      await extensionPage.evaluate(async () => {
        type Area = { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
        const storage = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome.storage.local;
        const { overlayStates } = (await storage.get('overlayStates')) as { overlayStates: Record<string, object> };
        await storage.set({ overlayStates: { ...overlayStates, distrilog: { ...overlayStates['distrilog'], dismissed: false, collapsed: false } } });
      });
      await waitForOverlay(page, (s) => s.steps.length > 0);
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

      // Hidden again, it comes back open with the shortcut the × explanation gives, the keyboard in it.
      await guide.click('button[aria-label="Masquer le guide sur ce portail"]');
      expect(await guide.text('.dismiss-confirm p')).toContain('Alt+Maj+B sur une page de Distrilog');
      await guide.click('.dismiss-go');
      await page.deep.waitFor(async (deep) => (await deep.count('.guide-frame, [data-balise-tab]')) === 0);
      await page.press('Alt+Shift+B');
      await waitForOverlay(page, (s) => s.collapsedTab === null && s.steps.length > 0);
      await focusInPanel(page);
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    } finally {
      await Promise.all([page.close(), later.close(), extensionPage.close()]);
    }
  });
});
