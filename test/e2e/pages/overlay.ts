/**
 * Balise's UI on a portal page, read and driven as a user sees it, through the browser's
 * protocol: the folded tab and the hint badges and click rings sit in closed shadow roots
 * (`page.deep`), the open guide is an extension page in a frame (`page.frame('guide.html')`).
 * Texts come back as plain strings, so that tests compare what the panel, the tab and the popup say.
 */
import { renderMessage } from '../../../lib/i18n/catalog';
import type { FrameScope, TestPage } from '../harness';
import { unglossed } from './glossed';

const TAB = '[data-balise-tab]';
const FILL_BUTTON = '.balise-fill-go';
/** « Remplir cette page » as a user sees it offered: not greyed, neither disabled nor held while a changed preview is read. */
export const fillOffered = `${FILL_BUTTON}:not([disabled]):not([aria-disabled="true"])`;
const FILL_OUTCOME = '.balise-fill-outcome';
const FILL_NOTICE = '.balise-fill > [role="status"], .balise-fill > [role="alert"]';
const previewChanged = renderMessage('fillPreviewChanged', [], 'fr');
const DESCRIBE = '.describe-page';
const FOLD = '.panel-fold';
const REPORT_TEXT = '.page-report-text';
const REPORT_STATUS = '.page-report-status';

/** `page`: a harness tab, or the benchmark's Chromium page through chromiumScopes. */
export function overlay(page: Pick<TestPage, 'deep' | 'frame'>, timeout = 20_000) {
  const { deep } = page;
  const guide: FrameScope = page.frame('guide.html');
  const isOpen = async () => (await deep.count('.guide-frame')) > 0;
  /** What the fill section says, and its button's state: a failed wait reports it. */
  const said = () =>
    guide.evaluate(
      ({ outcome, notice, button }) => {
        const go = document.querySelector<HTMLButtonElement>(button);
        return {
          outcome: document.querySelector(outcome)?.textContent ?? null,
          notice: document.querySelector(notice)?.textContent ?? null,
          button: go ? (go.disabled ? 'disabled' : go.getAttribute('aria-disabled') === 'true' ? 'held' : 'offered') : 'none',
        };
      },
      { outcome: FILL_OUTCOME, notice: FILL_NOTICE, button: FILL_BUTTON },
    );
  const saidOnFailure = async (error: unknown): Promise<never> => {
    throw new Error(`no fill; the guide says ${JSON.stringify(await said())}`, { cause: error });
  };
  /** Opens the guide's text where it is folded (floating, while a fill preview or outcome is shown), as a user does. */
  const showGuideText = async () => {
    if (await guide.evaluate((fold) => document.querySelector(fold)?.getClientRects().length === 1 && document.querySelector(fold)?.getAttribute('aria-expanded') === 'false', FOLD)) await guide.click(FOLD);
  };
  const clickFill = async () => {
    await guide.waitFor(fillOffered, { timeout: 30_000 }).catch(saidOnFailure);
    await guide.click(FILL_BUTTON).catch(saidOnFailure);
  };

  return {
    /** The guide frame, for what this object does not name. */
    guide,
    /** The folded tab or the guide is on the page. */
    isShown: async () => (await deep.count(`${TAB}, balise-overlay`)) > 0,
    isOpen,
    /**
     * Opens the guide as a user does: a click on the folded tab, unless the guide is already
     * open (the portal remembers it). Resolves once its panel is drawn.
     */
    open: async () => {
      await deep.waitFor((d) => d.count(`${TAB}, balise-overlay`), { timeout });
      if ((await deep.count(TAB)) > 0) await deep.click(TAB);
      await guide.waitFor('.panel', { timeout });
    },
    /** What the folded tab says; null when the guide is open or gone. */
    tabText: async (): Promise<string | null> => (await deep.texts(TAB))[0] ?? null,
    /** The portal and page the panel names. */
    pageName: () => guide.text('.page-name'),
    /** The procedure the panel follows, as named there (the checked one when it offers several). */
    procedureName: () =>
      guide.evaluate(() => ((document.querySelector('.procedure-choice input:checked')?.closest('label') ?? document.querySelector('.procedure'))?.textContent ?? '').trim()),
    /**
     * Each step line of the panel, its count and its title (as a screen reader reads it, « Fait »
     * included) joined by « · »: « Étape 2 sur 5 · L’APE crée son compte Pasrel « APE ». », or the title alone unnumbered.
     */
    stepLines: async () =>
      (
        await guide.evaluate(() =>
          Array.from(document.querySelectorAll('[data-balise-step]'), (step) =>
            ['.step-count', '.step-title']
              .map((part) => (step.querySelector(part)?.textContent ?? '').trim())
              .filter(Boolean)
              .join(' · '),
          ),
        )
      ).map(unglossed),
    /** The steps' keys: checklist keys when numbered, the procedure's step ids otherwise. */
    stepIds: () =>
      guide.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('[data-balise-step]'), (e) => e.dataset.baliseStep ?? '')),
    /** The panel's whole text ('' while folded), acronyms as the modules write them (./glossed.ts). */
    panelText: async () => ((await isOpen()) ? unglossed(await guide.evaluate(() => document.querySelector('.panel')?.textContent ?? '')) : ''),
    /** The panel's field hints, by field label. */
    hints: () =>
      guide.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('[data-balise-field-hint]'), (e) => e.dataset.baliseFieldHint ?? '')),
    /** The hint badges drawn beside the fields, by field label. */
    badges: async () => (await deep.attributes('[data-balise-hint]', 'data-balise-hint')).map((label) => label ?? ''),
    /** Rings drawn on what to click next. */
    highlights: () => deep.count('[data-balise-highlight]'),
    /** The « page non reconnue » line; null on a known page. */
    unknownPage: async (): Promise<string | null> => ((await guide.count('.unknown-page > p')) > 0 ? guide.text('.unknown-page > p') : null),
    /**
     * « Décrire cette page », clicked as a user does; answers with the description the panel then
     * shows (read-only, before anything is copied) once it is there and has the focus.
     */
    describePage: async (): Promise<string> => {
      await showGuideText();
      await guide.click(DESCRIBE);
      await guide.waitFor(() => document.activeElement?.id === 'balise-page-report');
      return guide.evaluate((selector) => document.querySelector<HTMLTextAreaElement>(selector)!.value, REPORT_TEXT);
    },
    /** « Copier » under the description; answers with what the guide then says (« Copié », or how to copy by hand). */
    copyReport: async (): Promise<string> => {
      await guide.click('.page-report-copy');
      await guide.waitFor(() => (document.querySelector('.page-report-status')?.textContent ?? '') !== '');
      return guide.text(REPORT_STATUS);
    },
    /** Each line of the fill preview as « label value » (not its « Pas le bon champ ? » nor the list that opens under it); [] while none is shown. */
    previewLines: () =>
      guide
        .evaluate(() =>
          Array.from(document.querySelectorAll('.balise-fill-lines li'), (li) =>
            ['.balise-fill-field', '.balise-fill-value'].map((part) => (li.querySelector(part)?.textContent ?? '').trim()).join(' '),
          ),
        )
        .catch(() => [] as string[]),
    /** « Remplir cette page », clicked once it can be. */
    clickFill,
    /**
     * A user's click where « Remplir cette page » is drawn, on a page that covers it: once the
     * button is offered if it comes to be, then whatever its state at that instant. Seeing the
     * page's fields covered, Balise may grey it meanwhile; a greyed button ignores the click.
     */
    clickFillWhereDrawn: async () => {
      await guide.waitFor(fillOffered, { timeout: 10_000 }).catch(() => {});
      await guide.click(FILL_BUTTON, { whateverItsState: true });
    },
    /** What the guide said after a fill: its outcome once shown. */
    outcome: async () => {
      await guide.waitFor(FILL_OUTCOME, { timeout: 30_000 });
      return guide.text(FILL_OUTCOME);
    },
    /**
     * Fills the page as a user does and answers with the outcome. A preview that replaced another
     * holds the button (greyed) while the user reads it; should it change just as the user
     * clicks, the guide says « L’aperçu vient de changer… » and the user clicks again once the
     * button is offered. Any other refusal fails with what the guide said.
     */
    fill: async (): Promise<string> => {
      await clickFill();
      await guide.waitFor(`${FILL_OUTCOME}, ${FILL_NOTICE}`, { timeout: 30_000 }).catch(saidOnFailure);
      if ((await said()).notice === previewChanged) await clickFill();
      await guide.waitFor(FILL_OUTCOME, { timeout: 30_000 }).catch(saidOnFailure);
      return guide.text(FILL_OUTCOME);
    },
  };
}
