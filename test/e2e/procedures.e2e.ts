/**
 * Procedures in real browsers: the form 413 sheet, progress kept across a browser restart,
 * a step ticked when its proof page is reached, reminder alarms turned into notifications.
 *
 * Written against contracts the lead wires (see lib/procedures/background.ts):
 * - entrypoints/background.ts calls `registerProcedureHandlers()`;
 * - the manifest has the `alarms` and `notifications` permissions;
 * - the portal content script sends `{ type: 'pageSeen', portalId, pageId }` (last test);
 * - the harness accepts `profileDir` (restart test): launch both browsers on that profile
 *   directory and keep it on close (Chromium: launchPersistentContext(profileDir);
 *   Firefox: puppeteer's `userDataDir`).
 * The profile, progress and reminders are seeded and read back as the extension stores them
 * (seed.ts). The guide's progress is read in its frame.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { findProcedure } from '../../lib/procedures';
import { bindFrenchSpaces } from '../../lib/i18n/typography';
import { shownValue } from '../../lib/profile/identifiers';
import { pageSeen } from '../../lib/procedures/messages';
import { sampleEstablishment } from '../../lib/profile/sample';
import { forEachBrowser, launch, withBrowser, type ExtensionBrowser, type LaunchOptions, type TestPage } from './harness';
import { overlay } from './pages/overlay';
import { unglossed } from './pages/glossed';
import { readDatabase, seedProfile, type ProfileSeed } from './seed';

/** The extension APIs the tests call inside extension pages (promise-based in both browsers under MV3). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  alarms: { create(name: string, info: { when: number }): Promise<void>; getAll(): Promise<{ name: string }[]> };
  notifications: { getAll(): Promise<Record<string, unknown>> };
};

const establishment = sampleEstablishment();
const withoutMailDomain = { ...sampleEstablishment(), id: '9d0f5d8e-3c1b-4a8e-9a57-2f4d1c6b9e02', label: 'Sans domaine', mailDomain: undefined };

/**
 * Opens the side panel page in a tab (the panel itself is not a page the drivers reach) with the
 * sample establishment current, and this progress or these reminders stored.
 */
async function sidePanelWithSample(b: ExtensionBrowser, stored: Pick<ProfileSeed, 'progress' | 'reminders'> = {}): Promise<TestPage> {
  await seedProfile(b, [establishment], { currentId: establishment.id, ...stored });
  const page = await b.newPage();
  await page.goto(b.extensionUrl('sidepanel.html'));
  await page.waitFor('[data-step]');
  return page;
}

const fixture = (file: string) => readFileSync(path.resolve(import.meta.dirname, '../fixtures', file), 'utf8');

forEachBrowser((name) => {
  it('the 413 sheet shows exactly the profile’s values and flags a missing mail domain', async () => {
    await withBrowser(name, async (b) => {
      await seedProfile(b, [establishment, withoutMailDomain]);
      const page = await b.newPage();
      await page.goto(b.extensionUrl(`sheet413.html?establishment=${establishment.id}`));
      await page.waitFor('[data-field="siret"]');
      const values: Record<string, string> = {};
      for (const id of ['denomination', 'siret', 'finessEt', 'postalCode', 'commune', 'usage', 'software', 'offer', 'mailDomain'])
        values[id] = await page.text(`[data-field="${id}"] .sheet__value`);
      expect(values).toEqual({
        denomination: 'Assistance Publique – Hôpitaux de Paris',
        siret: shownValue('siret', establishment.siret!),
        finessEt: '750100125',
        postalCode: '75013',
        commune: 'Paris',
        usage: 'accès au DP en authentification avec un certificat de personne physique',
        software: 'Éditeur Démo — DUI Démo — 4.2',
        offer: 'Offre certificat logiciel PRO (personne physique) usage AUTH, SIGN, CONF',
        mailDomain: 'hopital-demo.fr',
      });
      expect(await page.count('.sheet__field--missing')).toBe(0);

      await page.goto(b.extensionUrl(`sheet413.html?establishment=${withoutMailDomain.id}`));
      await page.waitFor('[data-field="mailDomain"].sheet__field--missing');
      expect(await page.count('.sheet__field--missing')).toBe(1);
      expect(await page.text('[data-field="mailDomain"] .sheet__missing')).not.toBe('');
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    });
  });

  it('side panel at 320 px: every procedure’s name shown whole, and the profile’s guesses preselected (issue 18, P14)', async () => {
    await withBrowser(name, async (b) => {
      const page = await sidePanelWithSample(b);
      await page.resize(320, 700);
      // Each name wraps within the panel rather than being cut.
      const cut = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLLabelElement>('.procedures__choice'))
          .filter((label) => label.scrollWidth > label.clientWidth || label.getBoundingClientRect().right > document.documentElement.clientWidth)
          .map((label) => label.textContent),
      );
      expect(cut).toEqual([]);
      await page.click('.procedures__choice input[value="003-certificats-dp"]');
      // The sample is a public establishment: « Établissement public (GHT, EHPAD) » is checked, marked as the profile's.
      await page.waitFor(() => (document.querySelector<HTMLInputElement>('.wizard__question input[value="publicGht"]')?.checked ?? false) === true);
      expect(await page.text('.wizard__question input[value="publicGht"] ~ .wizard__suggested')).toBe('(d’après le profil)');
      expect(page.consoleErrors()).toEqual([]);
    });
  });

  it('progress survives a browser restart', async () => {
    const profileDir = await mkdtemp(path.join(tmpdir(), `balise-restart-${name}-`));
    const options: LaunchOptions & { profileDir: string } = { profileDir };
    try {
      const first = await launch(name, options);
      try {
        const page = await sidePanelWithSample(first);
        // The first question (does the PPE order manager have a Plage account?): no.
        await page.click('fieldset input[type="radio"][value="no"]');
        await page.waitFor('[data-step="openDistrilog"]');
        await page.click('[data-step="openDistrilog"] input[type="checkbox"]');
        await page.waitFor('[data-step="openDistrilog"].checklist__item--done');
      } finally {
        await first.close();
      }
      const second = await launch(name, options);
      try {
        const page = await second.newPage();
        await page.goto(second.extensionUrl('sidepanel.html'));
        await page.waitFor('[data-step="openDistrilog"].checklist__item--done');
        const progress = (await readDatabase(second)).progress.find((p) => p.establishmentId === establishment.id && p.procedureId === '000-distrilog');
        expect(progress?.answers.managerHasPlageAccount).toBe('no');
        expect(progress?.done.openDistrilog?.by).toBe('user');
      } finally {
        await second.close();
      }
    } finally {
      await rm(profileDir, { recursive: true, force: true });
    }
  });

  it('the page a step proves, seen in a portal tab, ticks that step; Balise’s own pages cannot claim it', async () => {
    await withBrowser(name, async (b) => {
      const page = await sidePanelWithSample(b, {
        progress: [
          {
            establishmentId: establishment.id,
            procedureId: '002-medimail-bal-org',
            answers: { hasPersonalAccount: 'yes', regionOffersMedimail: 'yes', otherUsers: 'no' },
            done: {},
            startedAt: '2025-03-01T09:00:00.000Z',
            updatedAt: '2099-01-01T00:00:00.000Z',
          },
        ],
      });
      // Only a portal tab's top frame, at a URL of that page, may say it was seen (issue 11, L2).
      // In lib/messaging.ts's envelope, as Balise's own parts send it.
      const seen = { balise: pageSeen.name, data: { portalId: 'medimail', pageId: 'balOrgSubmitted' } };
      await expect(page.evaluate((message) => chrome.runtime.sendMessage(message), seen)).rejects.toThrow(/sender not allowed/);
      // Medimail serves every screen on `/` (routed by `?m=`): the confirmation's known address.
      const url = 'https://medimail.mipih.fr/';
      await b.servePortals({ [url]: fixture('medimail/balOrgSubmitted.html') });
      const portal = await b.newPage();
      await portal.goto(url);
      const fillForm = async () =>
        (await readDatabase(b)).progress.find((p) => p.procedureId === '002-medimail-bal-org')?.done['fillForm']?.by;
      await expect.poll(fillForm, { timeout: 20_000 }).toBe('page');
      // Submitting the BAL ORG form does not start the 72 h of the directory: they run from its validation (seed 002 l.131-133).
      const alarms = await page.evaluate(() => chrome.alarms.getAll().then((all) => all.map((a) => a.name)));
      expect(alarms.filter((name) => name.includes('balOrgDirectory'))).toEqual([]);
    });
  });

  it('reaching Plage’s confirmation screen ticks the account step (content script)', async () => {
    await withBrowser(name, async (b) => {
      const page = await sidePanelWithSample(b, {
        progress: [
          {
            establishmentId: establishment.id,
            procedureId: '000-distrilog',
            answers: { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'yes', severalEstablishments: 'no' },
            done: {},
            startedAt: '2025-03-01T09:00:00.000Z',
            updatedAt: '2025-03-01T09:00:00.000Z',
          },
        ],
      });
      const url = 'https://plage.atih.sante.fr/compte/premier-profil/confirmation';
      await b.servePortals({ [url]: fixture('plage/requestConfirmation.html') });
      const portal = await b.newPage();
      await portal.goto(url);
      await page.reload();
      await page.waitFor('[data-step="managerAccount"].checklist__item--done', { timeout: 15_000 });
      expect(b.strayRequests()).toEqual([]);
    });
  });

  it('the overlay on a portal page shows the popup’s next step, and follows the progress', async () => {
    await withBrowser(name, async (b) => {
      const panel = await sidePanelWithSample(b, {
        progress: [
          {
            establishmentId: establishment.id,
            procedureId: '000-distrilog',
            answers: { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no', managerIsApe: 'no', severalEstablishments: 'no' },
            done: { designateApe: { at: '2025-03-01T09:00:00.000Z', by: 'user' } },
            startedAt: '2025-03-01T09:00:00.000Z',
            updatedAt: '2025-03-01T09:00:00.000Z',
          },
        ],
      });
      const titleOf = (step: string) => unglossed(findProcedure('000-distrilog')!.steps.find((s) => s.id === step)!.title.fr);
      const url = 'https://plage.atih.sante.fr/compte/premier-profil/confirmation';
      await b.servePortals({ [url]: fixture('plage/requestConfirmation.html') });
      const portal = await b.newPage();
      await portal.goto(url);
      const { guide, open } = overlay(portal);
      await open();
      // The confirmation screen ticks the APE's account; the manager's account, next, ends here too.
      await guide.waitFor('[data-balise-next="managerAccount"]', { timeout: 15_000 });
      const shown = await guide.text('.my-progress');
      expect(shown).toContain('2 sur 5 faites');
      // Listed just above, in the page's steps: named there, pointed at here.
      expect(shown).toContain(bindFrenchSpaces('Prochaine étape (3 sur 5) : sur cette page, ci-dessus.'));
      expect(unglossed(await guide.text('[data-balise-step="managerAccount"]'))).toContain(titleOf('managerAccount'));
      const ticked = (await readDatabase(b)).progress.find((p) => p.procedureId === '000-distrilog')?.done['apeAccount'];
      expect(ticked?.by).toBe('page');

      // The popup names the same next step.
      const popup = await b.newPage();
      await popup.goto(b.extensionUrl('popup.html'));
      await popup.waitFor('.next-step__next');
      expect(unglossed(await popup.text('.next-step__next'))).toContain(titleOf('managerAccount'));
      expect(await popup.text('.next-step__count')).toBe('2 sur 5 faites');

      // Ticked in the side panel, the overlay moves on without a reload, and says where the next step starts.
      await panel.reload();
      await panel.click('[data-step="managerAccount"] input[type="checkbox"]');
      await guide.waitFor('[data-balise-next="adminValidates"]', { timeout: 15_000 });
      expect(await guide.text('.my-progress__next')).toContain('Aller à');
      expect(await guide.text('.my-progress__count')).toBe('3 sur 5 faites');
      expect(portal.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    });
  });

  it('a reminder alarm fires in the browser and becomes a notification', async () => {
    await withBrowser(name, async (b) => {
      const id = 'e2e-reminder';
      const page = await sidePanelWithSample(b, {
        reminders: [{ id, establishmentId: establishment.id, kind: 'balOrgDirectory', dueAt: new Date(Date.now() + 1000).toISOString() }],
      });
      // A shortened delay: the alarm the background would schedule 72 h after the form, due in 1 s.
      await page.evaluate((name) => chrome.alarms.create(name, { when: Date.now() + 1000 }), `balise-reminder:${id}`);
      const notifiedAt = async () => (await readDatabase(b)).reminders.find((reminder) => reminder.id === id)?.notifiedAt;
      await expect.poll(notifiedAt, { timeout: 20_000 }).toBeDefined();
      // notifiedAt is written once notifications.create() resolved. Headless Firefox has no alert
      // service: its notifications close at once and getAll() is empty, so only Chromium lists it.
      if (name === 'chromium') {
        const notifications = await page.evaluate(() => chrome.notifications.getAll());
        expect(Object.keys(notifications)).toContain(`balise-reminder:${id}`);
      }
      // The side panel's reminder list shows it as due.
      await page.reload();
      await page.waitFor('.reminders__due li');
      expect(await page.count('.reminders__due li')).toBe(1);
    });
  });
});
