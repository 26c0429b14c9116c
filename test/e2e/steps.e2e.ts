/**
 * One numbering and one name for a procedure's steps, wherever Balise shows them: on every
 * fixture page where a procedure has a step, the folded tab, the guide's panel (its procedure,
 * the steps of the page, « Votre avancement ») and the popup name the procedure and number the
 * steps as the user's own checklist does (lib/procedures/checklist.ts, computed here apart).
 * Each procedure is followed in turn, with answers given and its first step done; a page that
 * proves a step ticks it on the way (so each page starts again from that progress).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderMessage } from '../../lib/i18n/catalog';
import { procedureTitle, stepsOnPage } from '../../lib/procedures/catalog';
import { buildChecklist, happensOn, questionsToAsk, type ChecklistItem } from '../../lib/procedures/checklist';
import { procedures } from '../../lib/procedures/index';
import { itemProvedBy } from '../../lib/procedures/progress';
import type { Progress } from '../../lib/store/rows';
import type { Answers, Procedure } from '../../lib/procedures/schema';
import { fullName } from '../../lib/profile/names';
import { sampleEstablishment } from '../../lib/profile/sample';
import { serveFixtures, type FixtureServer } from '../demo/serve';
import { fixtures } from '../fixtures/load';
import { forEachBrowser, launch, type ExtensionBrowser, type TestPage } from './harness';
import { overlay } from './pages/overlay';
import { unglossed } from './pages/glossed';
import { seedProfile } from './seed';

const establishment = sampleEstablishment();
const meId = establishment.contacts[0]!.id;
const fr = (key: Parameters<typeof renderMessage>[0], ...subs: (string | number)[]) => renderMessage(key, subs.map(String), 'fr');

/** Every question asked answered with its first choice (or the profile's suggestion), until none is left. */
function answersFor(procedure: Procedure): Answers {
  const answers: Answers = {};
  for (;;) {
    const open = questionsToAsk(procedure, answers, establishment).filter((asked) => answers[asked.key] === undefined);
    if (open.length === 0) return answers;
    for (const asked of open) answers[asked.key] = asked.suggested ?? asked.question.choices[0]!.value;
  }
}

/** As every view shows it: Balise's advice after its tag (components/ui/SeedLine.tsx). */
const titleOf = (item: ChecklistItem) =>
  unglossed(`${item.step.title.ref.advice ? `${fr('adviceTag')} ` : ''}${item.contact ? fr('overlayStepFor', item.step.title.fr, fullName(item.contact)) : item.step.title.fr}`);

/**
 * The steps of the page as the panel lists them, the procedure it names and its « Prochaine
 * étape » line; the guide is folded again, as it was (each portal remembers it).
 */
async function readPanel(page: TestPage) {
  const ui = overlay(page);
  await ui.open();
  await ui.guide.waitFor('.my-progress__next');
  const shown = { procedure: await ui.procedureName(), steps: await ui.stepLines(), next: unglossed(await ui.guide.text('.my-progress__next')) };
  await ui.guide.clickByRole('button', fr('overlayCollapse'));
  await page.deep.waitFor('[data-balise-tab]');
  return shown;
}

forEachBrowser((name) => {
  let b: ExtensionBrowser;
  let portals: FixtureServer;

  beforeAll(async () => {
    b = await launch(name);
    portals = await serveFixtures(b);
    await seedProfile(b, [establishment], { currentId: establishment.id, me: { [establishment.id]: meId } });
  });
  afterAll(async () => {
    await b?.close();
  });

  describe.each(procedures.map((procedure) => [procedure.id, procedure] as const))('%s', (procedureId, procedure) => {
    const answers = answersFor(procedure);
    const checklist = buildChecklist(procedure, answers, establishment, meId);
    const [first, second] = checklist;
    const at = new Date().toISOString();
    const progress: Progress = {
      establishmentId: establishment.id,
      procedureId,
      answers,
      done: first ? { [first.key]: { at, by: 'user' } } : {},
      startedAt: at,
      updatedAt: at,
    };
    const pages = fixtures.filter((fixture) => stepsOnPage(procedureId, fixture.portal, fixture.page).length > 0);
    const title = procedureTitle(procedureId).fr;
    const nextHeading = (item: ChecklistItem) => fr('procNextNumbered', checklist.indexOf(item) + 1, checklist.length);

    // This procedure's progress, and only it.
    beforeEach(() => seedProfile(b, [], { replace: ['progress'], progress: [progress] }));

    it('the popup names the procedure and numbers its next step', async () => {
      expect(second, 'the answers give at least two steps').toBeDefined();
      const popup = await b.newPage();
      try {
        await popup.goto(b.extensionUrl('popup.html'));
        await popup.waitFor('.next-step__next');
        expect(await popup.text('.next-step__procedure')).toBe(title);
        expect(unglossed(await popup.text('.next-step__next'))).toBe(`${nextHeading(second!)} ${titleOf(second!)}`);
      } finally {
        await popup.close();
      }
    });

    it.each(pages.map((fixture) => [`${fixture.portal}/${fixture.page}`, fixture] as const))('%s: the tab and the panel say the same', async (_id, fixture) => {
      portals.show(fixture);
      const proved = itemProvedBy(checklist, progress, fixture.portal, fixture.page, meId);
      const done = (item: ChecklistItem) => item === first || item === proved;
      const next = checklist.find((item) => !done(item));
      const here = checklist.filter((item) => happensOn(item, fixture.portal, fixture.page));
      // Only the user's own steps, numbered; the done ones said so, to sight and to screen readers. None here: the tab names the procedure.
      const expectedSteps = here.map((item) => `${fr('overlayStep', checklist.indexOf(item) + 1, checklist.length)} · ${done(item) ? `${fr('overlayStepDone')} ✓ ` : ''}${titleOf(item)}`);
      const current = here.find((item) => !done(item)) ?? here[0];
      const tab = current ? fr('overlayTabNumbered', checklist.indexOf(current) + 1, checklist.length, current.step.title.fr) : fr('overlayTabStep', title);
      const page = await b.newPage();
      try {
        await page.goto(fixture.url);
        await page.deep.waitFor('[data-balise-tab]', { text: tab });
        const panel = await readPanel(page);
        expect(panel.procedure).toBe(title);
        expect(panel.steps).toEqual(expectedSteps);
        // The next step named once: in the list above when it happens here.
        expect(panel.next).toEqual(
          !next ? fr('overlayAllDone') : here.includes(next) ? `${nextHeading(next)} ${fr('overlayNextAbove')}` : expect.stringContaining(`${nextHeading(next)} ${titleOf(next)}`),
        );
      } finally {
        await page.close();
      }
    });
  });
});
