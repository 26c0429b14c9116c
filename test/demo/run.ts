/**
 * `npm run demo`: Balise at work without any account. Starts Chromium with the built
 * extension (.output/chrome-mv3), imports the sample establishment through the options
 * page's « Importer », serves every portal fixture at its real address (nothing leaves the
 * machine: the e2e harness answers or blocks every request) and opens the first page of a
 * procedure. Close the window or press Ctrl+C to stop.
 *
 *   npm run demo                                   headed (needs a display: xvfb-run -a otherwise)
 *   npm run demo -- --headless --screenshots DIR   one PNG per fixture page, overlay shown
 *   npm run demo -- --procedure 002-medimail-bal-org
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderMessage, type Language } from '../../lib/i18n/catalog';
import { guidanceFor } from '../../lib/overlay/guidance';
import { findPage } from '../../lib/portals';
import { shownLabel } from '../../lib/portals/match';
import { outlineOf, procedureTitle } from '../../lib/procedures/catalog';
import { procedureIds, type ProcedureId } from '../../lib/portals/schema';
import { buildProfileFile } from '../../lib/profile/transfer';
import { sampleEstablishment } from '../../lib/profile/sample';
import { fixtures } from '../fixtures/load';
import { launch, type ExtensionBrowser, type TestPage } from '../e2e/harness';
import { overlay } from '../e2e/pages/overlay';
import { readDatabase } from '../e2e/seed';
import { serveFixtures, type FixtureServer } from './serve';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshots: { type: 'string' },
    procedure: { type: 'string', default: '000-distrilog' },
  },
});
const procedure = values.procedure as ProcedureId;
if (!procedureIds.includes(procedure)) throw new Error(`--procedure : l’une de ${procedureIds.join(', ')}`);
if (!values.headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('Pas d’écran : lancez `xvfb-run -a npm run demo`, ou `npm run demo -- --headless --screenshots DOSSIER`.');
  process.exit(1);
}

const waitUntil = async (what: string, check: () => Promise<boolean>, timeout = 30_000) => {
  const deadline = Date.now() + timeout;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`démo : délai dépassé en attendant ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** The user's way in: a profile file given to the options page's import. */
async function importSample(b: ExtensionBrowser, page: TestPage): Promise<Language> {
  await page.goto(b.extensionUrl('options.html'));
  await page.waitFor('input[type=file]', { timeout: 30_000 });
  // The language of the messages the browser loaded, read as contentLanguage() reads it (lib/i18n/t.ts).
  const name = await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string } } } }).chrome.runtime.getManifest().name);
  const language: Language = name === renderMessage('extName', [], 'en') ? 'en' : 'fr';
  const file = JSON.stringify(buildProfileFile([sampleEstablishment()]), null, 2);
  await page.evaluate((text) => {
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'demo.balise.json', { type: 'application/json' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, file);
  await page.clickByRole('button', renderMessage('importConfirmLabel', [], language));
  await waitUntil('l’import', async () => (await readDatabase(b)).establishments.length > 0);
  return language;
}

/** Opens the guide; resolves once its steps are up, with one hint badge per field rule. */
async function openGuide(page: TestPage, badges: number) {
  const ui = overlay(page, 30_000);
  await ui.open();
  await ui.guide.waitFor('[data-balise-step]', { timeout: 30_000 });
  await page.deep.waitFor(async () => (await ui.badges()).length === badges, { timeout: 30_000 });
}

async function screenshots(b: ExtensionBrowser, server: FixtureServer, dir: string) {
  mkdirSync(dir, { recursive: true });
  for (const fixture of fixtures) {
    const match = findPage(fixture.portal, fixture.page)!;
    const guidance = guidanceFor(match);
    server.show(fixture);
    const page = await b.newPage();
    await page.goto(fixture.url);
    await openGuide(page, guidance.fields.length);
    // The first field's hint opens beside it, as when a person goes into the field (its badge may
    // sit under the open guide on a narrow form).
    const firstHinted = guidance.fields[0] && shownLabel(guidance.fields[0].match);
    const focused =
      !!firstHinted &&
      (await page.evaluate((label) => {
        const control = Array.from(document.querySelectorAll('label')).find((l) => l.textContent?.trim() === label)?.control;
        control?.focus();
        return !!control;
      }, firstHinted));
    if (focused) await page.deep.waitFor('.hint-bubble:not([hidden])');
    const file = path.join(dir, `${fixture.portal}-${fixture.page}.png`);
    await page.screenshot(file);
    console.log(`démo : ${file}`);
    await page.close();
  }
}

async function main() {
  const b = await launch('chromium', { headless: values.headless });
  try {
    const page = await b.newPage();
    const language = await importSample(b, page);
    const server = await serveFixtures(b);
    if (values.screenshots) await screenshots(b, server, path.resolve(values.screenshots));
    if (!values.headless) {
      const [portalId, pageId] = outlineOf(procedure)!.steps.find((step) => step.pages.length > 0)!.pages[0]!.split('/');
      const first = findPage(portalId!, pageId!)!;
      await page.goto(first.page.samples[0]!);
      console.log(`démo : ${procedureTitle(procedure)[language]} — ${first.page.samples[0]}`);
      console.log('démo : le guide est l’onglet « Balise » en bas à droite de la page (Alt+Maj+B l’ouvre).');
      console.log('démo : fermez la fenêtre du navigateur ou tapez Ctrl+C pour arrêter.');
      const stop = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      const closed = waitUntil('la fermeture de la fenêtre', async () => !(await page.evaluate(() => true).catch(() => false)), 24 * 3600_000);
      await Promise.race([stop, closed]);
    }
    if (b.strayRequests().length > 0) console.error('démo : requêtes inattendues', b.strayRequests());
  } finally {
    await b.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
