/**
 * Balise's UI beside the portal's form on ordinary screens (1024×700, 1366×768): the guide's
 * place is chosen on the panel's top line, and until it is, the guide docks right only in a wide
 * window; docked to a side, the guide pushes the page aside and covers no field nor button of
 * any fixture form, and each hint badge sits level with its own field, on no other control nor
 * badge; floating, a field the user tabs to is scrolled out from under it, « Remplir cette page »
 * lies wholly in view under three whole lines of the preview (a field's tip in the panel too), then
 * « Annuler le remplissage » after the fill, and
 * a field left out as under the guide comes with the offer to dock it, which brings it back; a tip
 * bubble covers no control nor the panel (or, without room, the panel shows the tip), Escape
 * closes it and the fill leaves none open; × says how to bring the guide back before hiding it;
 * axe-core finds nothing serious in the panel's states. Balise's UI is read as no page script
 * can (pages/overlay.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Box } from '../../lib/dom/layout';
import { renderMessage } from '../../lib/i18n/catalog';
import { bindFrenchSpaces } from '../../lib/i18n/typography';
import { guidanceFor } from '../../lib/overlay/guidance';
import { overlaps } from '../../lib/overlay/room';
import { findPage } from '../../lib/portals';
import { locateAll, shownLabel } from '../../lib/portals/match';
import type { GuideDock } from '../../lib/store/storage';
import { fixtureOf, fixtures, loadFixture, type Fixture } from '../fixtures/load';
import { fixtureEstablishment as establishment, fixtureMe as me } from '../fixtures/profile';
import { serveFixtures, type FixtureServer } from '../demo/serve';
import { forEachBrowser, launch, type ExtensionBrowser, type TestPage } from './harness';
import { seriousViolations } from './pages/axe';
import { overlay } from './pages/overlay';
import { seedProfile } from './seed';

const screens = [
  [1024, 700],
  [1366, 768],
] as const;

const SHOWN_BUBBLE = '.hint-bubble:not([hidden])';

/** Every control of the page a person could use, each scrolled into view in turn: its box then, and whether Balise's UI is what the pointer meets at its centre. */
const controlsInView = (page: TestPage) =>
  page.evaluate(() => {
    // A portal's own fixed layer (a dialog centred in the window) stays where the page put it: the
    // guide pushes the page's flow, not what is fixed to the window (left to the user: float or fold).
    const inFixedLayer = (element: Element) => {
      for (let e: Element | null = element; e; e = e.parentElement) if (getComputedStyle(e).position === 'fixed') return true;
      return false;
    };
    const controls = Array.from(document.querySelectorAll<HTMLElement>('input:not([type="hidden"]), select, textarea, button, a[href]')).filter((e) => e.getClientRects().length > 0 && !inFixedLayer(e));
    return controls.map((control) => {
      control.scrollIntoView({ block: 'center', inline: 'nearest' });
      const { left, top, right, bottom, width, height } = control.getBoundingClientRect();
      const hit = document.elementFromPoint(left + width / 2, top + height / 2);
      const name = control.getAttribute('name') ?? control.id ?? '';
      return { name: `${control.localName}[${name}] ${(control.textContent ?? '').trim().slice(0, 30)}`, box: { left, top, right, bottom, width, height }, underBalise: !!hit?.localName.startsWith('balise-') };
    });
  });

/** The boxes of the page's controls now in the viewport, without scrolling. */
const controlBoxes = (page: TestPage) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('input:not([type="hidden"]), select, textarea, button, a[href]'))
      .map((control) => {
        const { left, top, right, bottom, width, height } = control.getBoundingClientRect();
        return { name: control.getAttribute('name') ?? control.localName, box: { left, top, right, bottom, width, height } };
      })
      .filter(({ box }) => box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth),
  );

/** The fields of the fixture's page that get a badge, by the badge's label: the answer key's selector of the element its rule names. */
function tippedFields(fixture: Fixture): Map<string, string> {
  const match = findPage(fixture.portal, fixture.page);
  if (!match) return new Map();
  const { window } = loadFixture(fixture, fixture.url);
  try {
    const keyed = fixture.fields.map((field) => ({ selector: field.selector, element: window.document.querySelector(field.selector) }));
    return new Map(
      guidanceFor(match).fields.map((rule) => {
        const element = locateAll(window.document, rule.match)[0];
        return [shownLabel(rule.match) ?? '', keyed.find((key) => key.element === element)?.selector ?? ''];
      }),
    );
  } finally {
    window.close();
  }
}

/**
 * What is wrong with the badges shown now: a badge not level with its own field (or a box's label text),
 * one on another control, two on each other. Empty when each sits beside its field, alone.
 */
async function misplacedBadges(page: TestPage, fields: Map<string, string>): Promise<string[]> {
  // One protocol query at a time: concurrent ones invalidate each other's node ids.
  const labels = await page.deep.attributes('.hint-badge', 'data-balise-hint');
  const styles = await page.deep.attributes('.hint-badge', 'style');
  const badges: { label: string; shown: boolean; box: Box }[] = [];
  for (const [n, label] of labels.entries())
    badges.push({ label: label ?? '', shown: !!styles[n]?.includes('visibility: visible'), box: await page.deep.box(`.hint-badge:nth-of-type(${n + 1})`) });
  const places = await page.evaluate((selectors) => {
    const boxOf = ({ left, top, right, bottom, width, height }: DOMRect) => ({ left, top, right, bottom, width, height });
    return selectors.map((selector) => {
      const element = document.querySelector(selector);
      if (!element) return null;
      const label = (element as HTMLInputElement).labels?.[0];
      const range = document.createRange();
      if (label) range.selectNodeContents(label);
      return { field: boxOf(element.getBoundingClientRect()), label: label ? boxOf(range.getBoundingClientRect()) : null };
    });
  }, [...fields.values()]);
  const placeOf = new Map([...fields.keys()].map((label, i) => [label, places[i]]));
  // How far two boxes share a row (negative: the gap between them).
  const shared = (a: Box, b: Box) => Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  const beside = (a: Box, b: Box) => a.left <= b.right + 40 && a.right >= b.left - 40;
  const controls = await controlBoxes(page);
  const shown = badges.filter((badge) => badge.shown);
  return shown.flatMap((badge, i) => {
    const place = placeOf.get(badge.label);
    if (!place) return [`${badge.label}: a badge for no tipped field`];
    const wrong: string[] = [];
    const ownField = (box: Box) => JSON.stringify(box) === JSON.stringify(place.field);
    // Level with its own field (or label text) more than with any other control beside it: a badge slid up onto the row above read as that field's.
    const own = Math.max(shared(badge.box, place.field), place.label ? shared(badge.box, place.label) : -Infinity);
    const rival = controls.find((control) => !ownField(control.box) && beside(badge.box, control.box) && shared(badge.box, control.box) > own);
    if (own < -8 || rival) wrong.push(`${badge.label}: not level with its field${rival ? `, but with ${rival.name}` : ''}`);
    for (const control of controls) if (!ownField(control.box) && overlaps(badge.box, control.box)) wrong.push(`${badge.label}: on ${control.name}`);
    for (const other of shown.slice(i + 1)) if (overlaps(badge.box, other.box)) wrong.push(`${badge.label}: on the badge of ${other.label}`);
    return wrong;
  });
}

/**
 * What of the fill block is in view in the guide frame: whether its button (`button`: « Remplir
 * cette page », or after the fill « Annuler le remplissage ») lies wholly inside the frame's
 * viewport and every box that clips it there, the frame wholly inside the window; and how many of
 * the preview's lines are wholly in its list's box.
 */
async function fillBlockInView(page: TestPage, button = '.balise-fill-go') {
  const frame = await page.deep.box('.guide-frame');
  const window = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  const inFrame = await overlay(page).guide.evaluate((selector) => {
    type Edges = { left: number; top: number; right: number; bottom: number };
    const within = (box: Edges, outer: Edges) => box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5 && box.top >= outer.top - 0.5 && box.bottom <= outer.bottom + 0.5;
    const button = document.querySelector(selector);
    let shown = false;
    if (button) {
      const box = button.getBoundingClientRect();
      shown = box.height > 0 && within(box, { left: 0, top: 0, right: innerWidth, bottom: innerHeight });
      for (let e = button.parentElement; e && shown; e = e.parentElement) if (getComputedStyle(e).overflowY !== 'visible') shown = within(box, e.getBoundingClientRect());
    }
    const list = document.querySelector('.balise-fill-lines');
    const lines = list ? Array.from(list.children, (line) => within(line.getBoundingClientRect(), list.getBoundingClientRect())).filter(Boolean).length : 0;
    return { button: shown, lines };
  }, button);
  const frameShown = frame.left >= 0 && frame.top >= 0 && frame.right <= window.width && frame.bottom <= window.height;
  return { button: inFrame.button && frameShown, threeLines: inFrame.lines >= 3 };
}

/** Where the guide sits for the whole browser, written as the panel's buttons write it; null: the user never chose. */
async function placeGuide(b: ExtensionBrowser, dock: GuideDock | null) {
  const page = await b.newPage();
  try {
    await page.goto(b.extensionUrl('popup.html'));
    await page.evaluate(async (value) => {
      type Area = { set(items: object): Promise<void>; remove(key: string): Promise<void> };
      const storage = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome.storage.local;
      await (value === null ? storage.remove('balise.guideDock') : storage.set({ 'balise.guideDock': value }));
    }, dock);
  } finally {
    await page.close();
  }
}

/** Waits until the guide sits docked on `side` (or floats) and the page is laid out accordingly. */
async function guideAt(page: TestPage, dock: GuideDock) {
  await page.deep.waitFor(async (deep) => (await deep.count(`.guide-frame.${dock}`)) === 1);
  const margins = () =>
    page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      return { left: style.marginLeft, right: style.marginRight };
    });
  await expect.poll(margins, { timeout: 10_000 }).toEqual({ left: dock === 'left' ? '360px' : '0px', right: dock === 'right' ? '360px' : '0px' });
}

forEachBrowser((name) => {
  let b: ExtensionBrowser;
  let served: FixtureServer;

  beforeAll(async () => {
    b = await launch(name);
    served = await serveFixtures(b);
    // With a profile, the panel holds the fill preview too: its tallest state.
    await seedProfile(b, [establishment], { currentId: establishment.id, me: { [establishment.id]: me.id } });
  });
  afterAll(async () => {
    await b?.close();
  });

  async function openAt(fixture: Fixture, [width, height]: readonly [number, number]) {
    served.show(fixture);
    const page = await b.newPage();
    await page.resize(width, height);
    await page.goto(fixture.url);
    await overlay(page).open();
    return page;
  }

  it('the panel’s buttons dock the guide left or right, pushing the page aside, or let it float; the choice holds for the browser', async () => {
    await placeGuide(b, 'floating');
    const page = await openAt(fixtureOf('medimail', 'balOrgForm'), screens[0]);
    try {
      const { guide } = overlay(page);
      await guide.waitFor('.balise-fill-go');
      // On the panel's top line, in view as it opens: a newcomer finds the choice without scrolling.
      expect(
        await guide.evaluate(() => {
          const group = document.querySelector('.panel-header .dock[role="group"]');
          const buttons = Array.from(group?.querySelectorAll('.dock-choice') ?? [], (button) => button.getBoundingClientRect());
          return buttons.length === 3 && buttons.every((box) => box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth);
        }),
      ).toBe(true);
      expect(await seriousViolations(guide)).toEqual([]);
      // Each line's label and value wrap inside the panel: none is cut at its edge.
      const cut = () =>
        guide.evaluate(() => Array.from(document.querySelectorAll('.balise-fill-lines .balise-fill-field, .balise-fill-lines .balise-fill-value'), (e) => (e.scrollWidth > e.clientWidth ? e.textContent : null)).filter(Boolean));
      expect(await cut()).toEqual([]);
      // A line's « Pas le bon champ ? » opened: its « Ce champ est : … » takes the focus, and axe reads that state too.
      await guide.click('.balise-fill-wrong > button');
      await guide.waitFor(() => document.activeElement?.matches('.balise-fill-teach') && document.querySelector('.balise-fill-wrong > button')?.getAttribute('aria-expanded') === 'true');
      expect(await seriousViolations(guide)).toEqual([]);
      // « Remplir cette page » is in view in the frame, below the scrolled guide text.
      const inView = () =>
        guide.evaluate(() => {
          const button = document.querySelector('.balise-fill-go')!.getBoundingClientRect();
          return button.top >= 0 && button.bottom <= innerHeight;
        });
      expect(await inView()).toBe(true);

      await guide.click('.dock-choice:nth-of-type(3)');
      await guideAt(page, 'right');
      const frame = await page.deep.box('.guide-frame');
      expect(frame.height).toBeGreaterThanOrEqual(690);
      expect(await inView()).toBe(true);
      expect(await guide.evaluate(() => Array.from(document.querySelectorAll('.dock-choice'), (b) => b.getAttribute('aria-pressed')))).toEqual(['false', 'false', 'true']);
      expect(await seriousViolations(guide)).toEqual([]);

      await guide.click('.dock-choice:nth-of-type(1)');
      await guideAt(page, 'left');
      expect((await page.deep.box('.guide-frame')).left).toBe(0);

      // Another tab, another portal: the same place.
      const other = await openAt(fixtureOf('plage', 'accountForm'), screens[1]);
      try {
        await guideAt(other, 'left');
      } finally {
        await other.close();
      }
      await guide.click('.dock-choice:nth-of-type(2)');
      await guideAt(page, 'floating');
      expect(page.consoleErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('until the user chooses, the guide docks right in a window that leaves the page 1000 px beside it, and floats in an ordinary one; a choice holds whatever the width', async () => {
    await placeGuide(b, null);
    const page = await openAt(fixtureOf('medimail', 'balOrgForm'), [1440, 900]);
    try {
      const { guide } = overlay(page);
      await guideAt(page, 'right');
      // The panel says where it is.
      await guide.waitFor(() => document.querySelector('.dock-choice:nth-of-type(3)')?.getAttribute('aria-pressed') === 'true');
      // The harness's 1280×720: floating, as before.
      await page.resize(1280, 720);
      await guideAt(page, 'floating');
      await guide.waitFor(() => document.querySelector('.dock-choice:nth-of-type(2)')?.getAttribute('aria-pressed') === 'true');
      await guide.click('.dock-choice:nth-of-type(1)');
      await guideAt(page, 'left');
      await page.resize(1440, 900);
      await guideAt(page, 'left');
      expect(page.consoleErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('floating, a field the user tabs to under the guide is scrolled out from under it; the badges are not Tab stops', async () => {
    await placeGuide(b, 'floating');
    const page = await openAt(fixtureOf('medimail', 'balOrgForm'), screens[0]);
    try {
      await overlay(page).guide.waitFor('.balise-fill-go');
      await guideAt(page, 'floating');
      await page.click('input:not([type="hidden"])');
      const covered: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.press('Tab');
        const focused = await page.evaluate(() => {
          const element = document.activeElement!;
          return { tag: element.localName, name: element.getAttribute('name') ?? element.localName };
        });
        // Past the page's last control, the Tab goes into Balise's guide (its frame): no badge came first.
        if (focused.tag === 'balise-overlay') break;
        // Scrolled clear, or at the page's end the guide moved to the other corner.
        const clear = async () => {
          const field = await page.evaluate(() => {
            const { left, top, right, bottom, width, height } = document.activeElement!.getBoundingClientRect();
            return { left, top, right, bottom, width, height };
          });
          return !overlaps(field, await page.deep.box('.guide-frame'));
        };
        await expect.poll(clear, { timeout: 5_000 }).toBe(true).catch(() => covered.push(focused.name));
      }
      expect(covered).toEqual([]);
      expect(await page.evaluate(() => document.activeElement?.localName)).toBe('balise-overlay');
    } finally {
      await page.close();
    }
  });

  it.each(screens)('floating at %i×%i, with the preview shown: « Remplir cette page » lies wholly in view under three whole lines of the preview, with a field’s tip in the panel too; after the fill, « Annuler le remplissage »', async (width, height) => {
    await placeGuide(b, 'floating');
    const page = await openAt(fixtureOf('medimail', 'balOrgForm'), [width, height]);
    try {
      const { guide } = overlay(page);
      await guide.waitFor('.balise-fill-go');
      await guideAt(page, 'floating');
      await expect.poll(() => fillBlockInView(page), { timeout: 10_000 }).toEqual({ button: true, threeLines: true });
      // The guide's text gave its room: folded behind one line, which opens it.
      expect(await guide.evaluate(() => document.querySelector('.panel-fold')?.getAttribute('aria-expanded'))).toBe('false');
      expect(await guide.count('.panel-fold')).toBe(1);
      // The field the user goes to: its tip beside it, or, without room there (1024×700), in the panel.
      await page.click('#org-mail');
      await page.deep.waitFor(async (deep) => (await deep.count(SHOWN_BUBBLE)) > 0 || (await guide.count('.tip-in-panel')) > 0);
      if (width === 1024) expect(await guide.count('.tip-in-panel')).toBe(1);
      await expect.poll(() => fillBlockInView(page), { timeout: 10_000 }).toEqual({ button: true, threeLines: true });
      // The taller guide still leaves the field in use in view.
      const field = await page.evaluate(() => {
        const { left, top, right, bottom, width, height } = document.querySelector('#org-mail')!.getBoundingClientRect();
        return { left, top, right, bottom, width, height };
      });
      expect(overlaps(field, await page.deep.box('.guide-frame'))).toBe(false);
      // The outcome keeps the frame's room: the undo stays in view (the fourth walk saw it shrink out of view).
      await overlay(page).fill();
      await expect.poll(() => fillBlockInView(page, '.balise-fill-undo').then(({ button }) => button), { timeout: 10_000 }).toBe(true);
      expect(page.consoleErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('floating at 1024×700, a field left out as under the guide comes with one « Placer le guide à droite », which docks it and has the preview take the field', async () => {
    await placeGuide(b, 'floating');
    const fixture = fixtureOf('medimail', 'balOrgForm');
    const finessEt = fixture.fields.find((field) => field.kind === 'finessEt')!.filled;
    const page = await openAt(fixture, screens[0]);
    try {
      const { guide, previewLines } = overlay(page);
      const underGuide = renderMessage('fillSkipUnderBalise', [], 'fr');
      const finess = () => previewLines().then((lines) => lines.find((line) => line.startsWith('Identifiant établissement')));
      await expect.poll(finess, { timeout: 10_000 }).toBe(`Identifiant établissement ${underGuide}`);
      const offer = renderMessage('overlayDockRightOffer', [], 'fr');
      expect(await guide.evaluate((name) => Array.from(document.querySelectorAll('.balise-fill-lines button'), (button) => button.textContent).filter((text) => text === name).length, offer)).toBe(1);
      await guide.clickByRole('button', offer);
      await guideAt(page, 'right');
      await expect.poll(finess, { timeout: 10_000 }).toBe(`Identifiant établissement ${finessEt}`);
      expect((await previewLines()).filter((line) => line.endsWith(underGuide))).toEqual([]);
      // The keyboard is on the header's pressed « à droite »: it says where the guide went.
      expect(await guide.evaluate(() => document.activeElement?.matches('.dock-choice[aria-pressed="true"]'))).toBe(true);
      const frame = await page.deep.box('.guide-frame');
      const under = (await controlsInView(page)).filter((control) => control.underBalise || overlaps(control.box, frame));
      expect(under.map((control) => control.name)).toEqual([]);
      expect(page.consoleErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  const forms = fixtures.filter((fixture) => fixture.fields.length > 0);
  it.each(forms.map((f) => [`${f.portal}/${f.page}`, f] as const))('%s: docked, the guide covers no field nor button at 1024×700 nor at 1366×768; each badge sits level with its own field, on nothing else', async (_id, fixture) => {
    await placeGuide(b, 'right');
    const page = await openAt(fixture, screens[0]);
    const fields = tippedFields(fixture);
    try {
      for (const [width, height] of screens) {
        await page.resize(width, height);
        await guideAt(page, 'right');
        // One badge per tipped field (the fields below the window's edge too: hidden, not gone).
        await expect.poll(() => overlay(page).badges(), { timeout: 10_000 }).toEqual([...fields.keys()]);
        await expect.poll(() => misplacedBadges(page, fields), { timeout: 5_000 }).toEqual([]);
        // Each field barely in view at the window's bottom edge, where a badge once slid up beside the field above.
        for (const selector of fields.values()) {
          await page.evaluate((field) => {
            window.scrollBy({ top: document.querySelector(field)!.getBoundingClientRect().top + 4 - innerHeight, behavior: 'instant' });
          }, selector);
          await expect.poll(() => misplacedBadges(page, fields), { timeout: 5_000 }).toEqual([]);
        }
        const frame = await page.deep.box('.guide-frame');
        const under = (await controlsInView(page)).filter((control) => control.underBalise || overlaps(control.box, frame));
        expect(under.map((control) => control.name), `${width}×${height}`).toEqual([]);
      }
      expect(page.consoleErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a box’s badge sits right after its label’s text, level with it, even where the page draws the box full width (Medimail « Je souhaite dématérialiser… »), floating at 1024×700 and docked at 1366×768', async () => {
    const label = 'Je souhaite dématérialiser tous mes échanges et ne plus recevoir de papier.';
    for (const [dock, size] of [['floating', screens[0]], ['right', screens[1]]] as const) {
      await placeGuide(b, dock);
      const page = await openAt(fixtureOf('medimail', 'balOrgForm'), size);
      try {
        await guideAt(page, dock);
        const index = (await overlay(page).badges()).indexOf(label);
        expect(index).toBeGreaterThanOrEqual(0);
        await page.evaluate(() => document.querySelector('input[name="dematerialisation"]')!.scrollIntoView({ block: 'center' }));
        // Where the badge sits against the label's text (the box the fixture draws across the row is left out).
        const placed = async () => {
          const text = await page.evaluate(() => {
            const words = Array.from(document.querySelector('input[name="dematerialisation"]')!.closest('label')!.childNodes).find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())!;
            const range = document.createRange();
            range.selectNodeContents(words);
            const { top, right, bottom } = range.getBoundingClientRect();
            return { top, right, bottom };
          });
          const style = (await page.deep.attributes('.hint-badge', 'style'))[index] ?? '';
          const badge = await page.deep.box(`.hint-badge:nth-of-type(${index + 1})`);
          return { shown: style.includes('visibility: visible'), after: badge.left >= text.right && badge.left <= text.right + 12, level: badge.top < text.bottom && badge.bottom > text.top };
        };
        await expect.poll(placed, { timeout: 10_000 }).toEqual({ shown: true, after: true, level: true });
      } finally {
        await page.close();
      }
    }
  });

  it.each([
    ['medimail', 'balOrgForm'],
    ['medimail', 'personalAccountLogin'],
    ['plage', 'firstProfile'],
    ['plage', 'extraHabilitation'],
  ])('%s/%s at 1024×700: no tip bubble covers a control, a badge or the panel; Escape closes it and leaves the guide open', async (portal, pageId) => {
    await placeGuide(b, 'right');
    const page = await openAt(fixtureOf(portal, pageId), screens[0]);
    try {
      const { guide } = overlay(page);
      await guideAt(page, 'right');
      await guide.click('.field-hints summary');
      const count = await guide.count('[data-balise-field-hint] button');
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        await guide.click(`[data-balise-field-hint]:nth-child(${i + 1}) button`);
        const label = await guide.evaluate((n) => document.querySelectorAll<HTMLElement>('[data-balise-field-hint]')[n]!.dataset.baliseFieldHint ?? '', i);
        // The bubble beside the field, or, without room there, the tip in the panel.
        await page.deep.waitFor(async (deep) => (await deep.attributes(SHOWN_BUBBLE, 'style')).some((style) => style?.includes('visibility: visible')) || (await guide.count('.tip-in-panel')) > 0);
        if ((await guide.count('.tip-in-panel')) > 0) {
          // Naming the field, and saying why the tip is not beside it.
          expect(await guide.text('.tip-in-panel h3')).toBe(renderMessage('overlayTipFor', [label], 'fr'));
          expect(await guide.text('.tip-in-panel .tip-why')).toBe(renderMessage('overlayTipNoRoom', [], 'fr'));
        } else {
          const bubble = await page.deep.box(SHOWN_BUBBLE);
          const badges = await Promise.all(Array.from({ length: await page.deep.count('.hint-badge') }, (_, n) => page.deep.box(`.hint-badge:nth-of-type(${n + 1})`).catch(() => null)));
          const covered = [
            ...(await controlBoxes(page)).filter((control) => overlaps(control.box, bubble)).map((control) => control.name),
            ...(overlaps(bubble, await page.deep.box('.guide-frame')) ? ['the panel'] : []),
            ...badges.filter((badge): badge is Box => !!badge && overlaps(badge, bubble)).map(() => 'a badge'),
          ];
          expect(covered, label).toEqual([]);
        }
        await page.press('Escape');
        await page.deep.waitFor(async (deep) => (await deep.count(SHOWN_BUBBLE)) === 0 && (await guide.count('.tip-in-panel')) === 0);
      }
      // Those Escapes were the bubbles': the guide is still open.
      expect(await overlay(page).isOpen()).toBe(true);
      // With the focus in the panel itself, Escape closes the open tip first, and only then folds the guide.
      const tipShown = async () => (await page.deep.count(SHOWN_BUBBLE)) > 0 || (await guide.count('.tip-in-panel')) > 0;
      await guide.click('[data-balise-field-hint]:nth-child(1) button');
      await page.deep.waitFor(tipShown);
      await guide.evaluate(() => (document.querySelector('.dock-choice') as HTMLElement).focus());
      await page.press('Escape');
      await page.deep.waitFor(async () => !(await tipShown()));
      expect(await overlay(page).isOpen()).toBe(true);
      expect(page.consoleErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the fill leaves no bubble open; × says how to bring the guide back before it goes; axe finds nothing serious after the fill nor in the question', async () => {
    await placeGuide(b, 'right');
    const fixture = fixtureOf('plage', 'firstProfile');
    const page = await openAt(fixture, screens[1]);
    try {
      const ui = overlay(page);
      await ui.guide.click('.field-hints summary');
      await ui.guide.click('[data-balise-field-hint] button');
      await page.deep.waitFor(async (deep) => (await deep.count(SHOWN_BUBBLE)) === 1);
      await ui.fill();
      await page.deep.waitFor(async (deep) => (await deep.count(SHOWN_BUBBLE)) === 0);
      expect(await seriousViolations(ui.guide)).toEqual([]);

      await ui.guide.click('button[aria-label="Masquer le guide sur ce portail"]');
      expect(await ui.guide.text('.dismiss-confirm p')).toContain(bindFrenchSpaces('« Réafficher le guide sur Plage'));
      expect(await seriousViolations(ui.guide)).toEqual([]);
      await ui.guide.click('.dismiss-confirm .link-button');
      expect(await ui.guide.count('.dismiss-confirm')).toBe(0);
      expect(await ui.isOpen()).toBe(true);
      expect(page.consoleErrors()).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
