/**
 * Sharing profiles in real browsers: a file exported in one browser profile and imported
 * in a fresh one gives back the same records; establishments pushed by an administrator's
 * policy (Chromium: /etc/chromium/policies/managed, Firefox: /etc/firefox/policies) reach
 * storage.managed and the options page shows them as managed. Policy files are removed
 * after each test. Writing them needs root, as on CI.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { renderMessage, renderPlural, type MessageKey } from '../../lib/i18n/catalog';
import { sampleEstablishment } from '../../lib/profile/sample';
import { clinic } from '../../lib/profile/transfer.fixtures';
import { buildProfileFile } from '../../lib/profile/transfer';
import { GECKO_ID } from '../../wxt.config';
import { extensionDirs, forEachBrowser, withBrowser, type TestPage } from './harness';
import { chooseImportFile, exportThroughOptions, importThroughOptions, openOptions } from './pages/options';
import { readDatabase, seedProfile } from './seed';

const establishments = [{ ...sampleEstablishment(), label: 'CH Démo' }, clinic()];
/** As stored: plain data. */
const records = JSON.parse(JSON.stringify(establishments)) as unknown[];

// The harness starts both browsers in French; the button names are the ones the issue fixes.
const say = (key: MessageKey, ...subs: (string | number)[]) => renderMessage(key, subs.map(String), 'fr');

const byLabel = (rows: unknown[]) => [...rows].sort((a, b) => String((a as { label: string }).label).localeCompare((b as { label: string }).label));

forEachBrowser((name) => {
  it('exports in one browser profile and imports in a fresh one: identical records', async () => {
    const exported = await withBrowser(name, async (b) => {
      await seedProfile(b, establishments);
      const page = await b.newPage();
      await openOptions(page, b.extensionUrl('options.html'));
      const text = await exportThroughOptions(page);
      expect(b.strayRequests()).toEqual([]);
      return text;
    });
    expect(JSON.parse(exported)).toMatchObject({ format: 'balise.profile', version: 1 });

    await withBrowser(name, async (b) => {
      const page = await b.newPage();
      await openOptions(page, b.extensionUrl('options.html'));
      expect((await readDatabase(b)).establishments).toEqual([]);
      await importThroughOptions(page, exported, 'balise-2-etablissements.balise.json', 2);
      // The same data; each row also gets this workstation's revision stamp, as any save does.
      const imported = (await readDatabase(b)).establishments as { updatedAt?: string }[];
      expect(imported.every((row) => typeof row.updatedAt === 'string')).toBe(true);
      expect(byLabel(imported.map(({ updatedAt: _stamp, ...row }) => row))).toEqual(byLabel(records));
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    });
  });
  it('a group’s 500-establishment preview is summed up at the top, and « Importer » stays in view while its cards scroll (issue 18, N3)', async () => {
    await withBrowser(name, async (b) => {
      const group = Array.from({ length: 500 }, (_, index) => ({ ...clinic(), id: crypto.randomUUID(), label: `Clinique ${index + 1}`, finessEt: undefined, siret: undefined }));
      const page = await b.newPage();
      await page.resize(1024, 700);
      await openOptions(page, b.extensionUrl('options.html'));
      await chooseImportFile(page, JSON.stringify(buildProfileFile(group)), 'groupe.balise.json');
      const comparison = say('importComparison', renderPlural('importCountNew', 500), renderPlural('importCountChanged', 0), renderPlural('importCountUnchanged', 0));
      await page.waitFor(new Function(`return document.querySelector('.transfer-bar')?.textContent.includes(${JSON.stringify(comparison)})`) as () => boolean, { timeout: 30_000 });
      // Every card drawn, then the dialog scrolled to its last one.
      await page.waitFor(() => document.querySelectorAll('.transfer-item').length === 500, { timeout: 30_000 });
      /** The button is in the dialog's view, and what a click at its centre reaches is the button. */
      const confirmReachable = () =>
        page.evaluate((label) => {
          const dialog = document.querySelector('.transfer-dialog')!;
          const button = Array.from(dialog.querySelectorAll('button')).find((b) => b.getAttribute('aria-label') === label)!;
          const [box, view] = [button.getBoundingClientRect(), dialog.getBoundingClientRect()];
          const inView = box.top >= view.top && box.bottom <= view.bottom;
          // No card shows through above the bar, at the dialog's top edge.
          const top = document.elementFromPoint(view.left + view.width / 2, view.top + 2);
          return inView && document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === button && !top?.closest('.transfer-item');
        }, say('importConfirmLabel'));
      expect(await confirmReachable()).toBe(true);
      await page.evaluate(() => document.querySelector('.transfer-item:last-of-type')!.scrollIntoView({ block: 'end' }));
      await page.waitFor(() => document.querySelector('.transfer-dialog')!.scrollTop > 10_000);
      expect(await confirmReachable()).toBe(true);
      await page.clickByRole('button', say('importConfirmLabel'));
      const done = say('importDone', say('importOutcome', renderPlural('importAdded', 500), renderPlural('importReplaced', 0), renderPlural('importKept', 0)));
      await page.waitFor(new Function(`return document.body.textContent.includes(${JSON.stringify(done)})`) as () => boolean, { timeout: 30_000 });
      expect((await readDatabase(b)).establishments).toHaveLength(500);
      expect(page.consoleErrors()).toEqual([]);
    });
  });
});

const policyValue = JSON.stringify(buildProfileFile([clinic()]));

/** Polls storage.managed from an extension page until the policy shows up (Chromium reads policy files asynchronously). */
async function managedProfile(page: TestPage): Promise<unknown> {
  await page.waitFor(
    async () => {
      const area = (globalThis as unknown as { chrome: { storage: { managed: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage.managed;
      return (await area.get('profile').catch((): Record<string, unknown> => ({})))['profile'] !== undefined;
    },
    { timeout: 20_000 },
  );
  return page.evaluate(async () => {
    const area = (globalThis as unknown as { chrome: { storage: { managed: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage.managed;
    return (await area.get('profile'))['profile'];
  });
}

async function expectManagedInOptions(page: TestPage, url: string) {
  await openOptions(page, url);
  const badge = say('optManagedBadge');
  const shown = new Function(`return document.body.textContent.includes('Clinique Démo') && document.body.textContent.includes(${JSON.stringify(badge)})`);
  await page.waitFor(shown as () => boolean, { timeout: 20_000 });
}

it('chromium: establishments pushed by policy reach storage.managed and show as managed, beside the user’s own copy of the same id', async () => {
  const manifest = JSON.parse(readFileSync(path.join(extensionDirs.chromium, 'manifest.json'), 'utf8')) as { storage?: { managed_schema?: string } };
  expect(manifest.storage?.managed_schema, 'the manifest must declare storage.managed_schema (managed_schema.json)').toBe('managed_schema.json');
  const policyFile = '/etc/chromium/policies/managed/balise-test.json';
  await withBrowser('chromium', async (b) => {
    try {
      // The user's own copy, under the id the DSI's file also uses (ids travel in exported files).
      const own = { ...clinic(), label: 'Clinique Démo (ma copie)' };
      await seedProfile(b, [own]);
      mkdirSync(path.dirname(policyFile), { recursive: true });
      writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [b.extensionId]: { profile: policyValue } } } }));
      const page = await b.newPage();
      await page.goto(b.extensionUrl('options.html'));
      expect(await managedProfile(page)).toBe(policyValue);
      await expectManagedInOptions(page, b.extensionUrl('options.html'));
      const labels = () => readDatabase(b).then(({ establishments }) => establishments.map((row) => `${row.id === own.id ? 'own' : 'pushed'}:${row.label}`).sort());
      expect(await labels()).toEqual(['own:Clinique Démo (ma copie)', 'pushed:Clinique Démo']);
      // The DSI withdraws it: once the pushed one is gone, the user's copy is still there.
      rmSync(policyFile, { force: true });
      await vi.waitFor(async () => expect(await labels()).toEqual(['own:Clinique Démo (ma copie)']), { timeout: 30_000, interval: 100 });
    } finally {
      rmSync(policyFile, { force: true });
    }
  });
});

it('firefox: establishments pushed by policies.json reach storage.managed and show as managed', async () => {
  const policyFile = '/etc/firefox/policies/policies.json';
  // A machine's own policies are never overwritten.
  expect(existsSync(policyFile), `${policyFile} exists already: not overwritten`).toBe(false);
  mkdirSync(path.dirname(policyFile), { recursive: true });
  writeFileSync(policyFile, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: { profile: policyValue } } } } }));
  try {
    await withBrowser('firefox', async (b) => {
      const page = await b.newPage();
      await page.goto(b.extensionUrl('options.html'));
      expect(await managedProfile(page)).toBe(policyValue);
      await expectManagedInOptions(page, b.extensionUrl('options.html'));
    });
  } finally {
    rmSync(policyFile, { force: true });
  }
});
