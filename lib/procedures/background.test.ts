import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sampleEstablishment } from '../profile/sample';
import { db } from '../store/db';
import { readWorkContext, writeSetting } from '../store/profile';
import { pagesByTab } from '../store/storage';
import { onPageSeen, pageSeenFrom, registerProcedureHandlers, summaryFor } from './background';
import { onAlarm } from './notifications';
import { loadProgress, newProgress, saveProgress } from './progress';
import { alarmName } from './reminders';
import { tabPage } from './tab-pages';
import { patience } from '../../test/patience';
import { bindFrenchSpaces } from '../i18n/typography';

const establishment = sampleEstablishment();
const confirmationUrl = 'https://plage.atih.sante.fr/compte/premier-profil/confirmation';
/** Balise's content script in the top frame of tab `tabId`, showing `url`. */
const portalScript = (tabId: number, url = confirmationUrl, change: Partial<Browser.runtime.MessageSender> = {}): Browser.runtime.MessageSender => ({
  id: fakeBrowser.runtime.id,
  tab: { id: tabId, url } as Browser.tabs.Tab,
  frameId: 0,
  url,
  ...change,
});
const apePath = { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no', managerIsApe: 'no', severalEstablishments: 'no' };

beforeEach(async () => {
  await Promise.all([db.establishments.clear(), db.settings.clear(), db.progress.clear(), db.reminders.clear()]);
  await db.establishments.put(establishment);
});

describe('proof pages', () => {
  it('tick the step proved by the page for the only establishment, by the page, with the date', async () => {
    await saveProgress({ ...newProgress(establishment.id, '000-distrilog'), answers: apePath });
    const now = new Date('2025-03-01T10:00:00.000Z');
    expect(await onPageSeen('plage', 'requestConfirmation', db, now)).toEqual([{ procedureId: '000-distrilog', key: 'apeAccount' }]);
    expect((await loadProgress(establishment.id, '000-distrilog'))?.done).toEqual({ apeAccount: { at: now.toISOString(), by: 'page' } });
    expect(await onPageSeen('plage', 'requestConfirmation', db, now)).toEqual([{ procedureId: '000-distrilog', key: 'managerAccount' }]);
    expect(await onPageSeen('plage', 'home', db, now)).toEqual([]);
    expect(await onPageSeen('plage', 'noSuchPage', db, now)).toEqual([]);
  });

  it('use the current establishment when there are several, nothing when none is chosen', async () => {
    const other = { ...establishment, id: '9d0f5d8e-3c1b-4a8e-9a57-2f4d1c6b9e01', label: 'Autre' };
    await db.establishments.put(other);
    await saveProgress({ ...newProgress(other.id, '002-medimail-bal-org'), answers: { hasPersonalAccount: 'yes', regionOffersMedimail: 'yes' } });
    expect(await readWorkContext()).toBeUndefined();
    expect(await onPageSeen('medimail', 'balOrgSubmitted')).toEqual([]);
    await writeSetting('currentEstablishmentId', other.id);
    expect((await readWorkContext())?.establishment.id).toBe(other.id);
    expect(await onPageSeen('medimail', 'balOrgSubmitted')).toEqual([{ procedureId: '002-medimail-bal-org', key: 'fillForm' }]);
    // Submitting the BAL ORG form does not start the 72 h of the directory: they run from its validation (seed 002 l.131-133).
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('reach the background as pageSeen messages, which also remember the tab’s page', async () => {
    await saveProgress({ ...newProgress(establishment.id, '000-distrilog'), answers: apePath });
    registerProcedureHandlers();
    const seen = { balise: 'pageSeen', data: { portalId: 'plage', pageId: 'requestConfirmation' } };
    await expect(fakeBrowser.runtime.onMessage.trigger(seen, portalScript(6, 'https://medimail.mipih.fr/'), () => {})).rejects.toThrow(/sender not allowed/);
    expect(await tabPage(6)).toBeUndefined();
    // One round trip: ticked, then what the tab names, the step after the one ticked.
    const [tab] = await Promise.all(await fakeBrowser.runtime.onMessage.trigger(seen, portalScript(7), () => {}));
    expect(tab).toEqual({ step: expect.objectContaining({ fr: expect.stringContaining('responsable de commande') }), number: { index: 3, total: 5 } });
    expect((await loadProgress(establishment.id, '000-distrilog'))?.done.apeAccount?.by).toBe('page');
    expect(await tabPage(7)).toMatchObject({ portalId: 'plage', pageId: 'requestConfirmation' });
    await fakeBrowser.runtime.onMessage.trigger({ balise: 'somethingElse' }, {}, () => {});
    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await pagesByTab().getValue()).toEqual({}), patience);
    // The overlay asks for the summary the same way, for its own portal only.
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { balise: 'getProcedureSummary', data: { portalId: 'plage', pageId: 'requestConfirmation' } },
      portalScript(7),
      () => {},
    );
    expect(await Promise.all(answers)).toContainEqual(
      expect.objectContaining({
        procedureId: '000-distrilog',
        done: 1,
        onThisPage: [expect.objectContaining({ key: 'apeAccount', doneAt: expect.any(String) }), expect.objectContaining({ key: 'managerAccount' })],
      }),
    );
    // Not for another portal's page.
    const elsewhere = fakeBrowser.runtime.onMessage.trigger(
      { balise: 'getProcedureSummary', data: { portalId: 'plage', pageId: 'requestConfirmation' } },
      portalScript(7, 'https://medimail.mipih.fr/'),
      () => {},
    );
    await expect(elsewhere.then((answers) => Promise.all(answers))).rejects.toThrow(/sender not allowed/);
  });
});

describe('pageSeen’s sender', () => {
  const refused = /sender not allowed/;

  it('must be the content script in the top frame of a tab on the portal the page belongs to', async () => {
    await saveProgress({ ...newProgress(establishment.id, '000-distrilog'), answers: apePath });
    const claim = { portalId: 'plage', pageId: 'requestConfirmation' };
    // Another portal's page naming this one, and this portal's page naming another portal's.
    await expect(pageSeenFrom(portalScript(7, 'https://medimail.mipih.fr/'), claim)).rejects.toThrow(refused);
    await expect(pageSeenFrom(portalScript(7), { portalId: 'medimail', pageId: 'balOrgSubmitted' })).rejects.toThrow(refused);
    // Page ids are per portal: Plage's home is not Distrilog's.
    await expect(pageSeenFrom(portalScript(7, 'https://plage.atih.sante.fr/'), { portalId: 'distrilog', pageId: 'home' })).rejects.toThrow(refused);
    // Balise's own pages and other frames do not see portal pages.
    const sidePanel = fakeBrowser.runtime.getURL('/sidepanel.html');
    await expect(pageSeenFrom(portalScript(7, confirmationUrl, { url: sidePanel }), claim)).rejects.toThrow(refused);
    await expect(pageSeenFrom(portalScript(7, confirmationUrl, { frameId: 3 }), claim)).rejects.toThrow(refused);
    await expect(pageSeenFrom(portalScript(7, confirmationUrl, { tab: undefined }), claim)).rejects.toThrow(refused);
    expect(await loadProgress(establishment.id, '000-distrilog')).toMatchObject({ done: {} });
    expect(await tabPage(7)).toBeUndefined();
  });

  it('names a page of its own portal, at whatever URL the portal serves it', async () => {
    await saveProgress({ ...newProgress(establishment.id, '000-distrilog'), answers: apePath });
    const claim = { portalId: 'plage', pageId: 'requestConfirmation' };
    await expect(pageSeenFrom(portalScript(7), { portalId: 'plage', pageId: 'noSuchPage' })).rejects.toThrow(refused);
    expect(await loadProgress(establishment.id, '000-distrilog')).toMatchObject({ done: {} });
    expect(await pageSeenFrom(portalScript(7, 'https://plage.atih.sante.fr/app/#/demande/confirmee'), claim)).toEqual([{ procedureId: '000-distrilog', key: 'apeAccount' }]);
  });
});

describe('the overlay’s summary', () => {
  it('is the current procedure’s, the one the popup shows, seen from the page', async () => {
    expect(await summaryFor({ portalId: 'plage', pageId: 'home' })).toBeNull();
    await saveProgress({ ...newProgress(establishment.id, '002-medimail-bal-org'), answers: { regionOffersMedimail: 'yes' }, updatedAt: '2025-03-01T10:00:00.000Z' });
    await saveProgress({ ...newProgress(establishment.id, '000-distrilog'), answers: apePath, updatedAt: '2025-03-02T10:00:00.000Z' });
    // Worked on last: Distrilog, whose second step starts on Plage's home page.
    expect(await summaryFor({ portalId: 'plage', pageId: 'home' })).toMatchObject({
      procedureId: '000-distrilog',
      done: 0,
      next: { key: 'designateApe', onThisPage: false },
      onThisPage: [{ key: 'apeAccount' }, { key: 'managerAccount' }],
    });
    await db.establishments.put({ ...establishment, id: '9d0f5d8e-3c1b-4a8e-9a57-2f4d1c6b9e01', label: 'Autre' });
    // Two establishments and none chosen: no summary rather than another establishment's.
    expect(await summaryFor({ portalId: 'plage', pageId: 'home' })).toBeNull();
  });
});

describe('reminder alarms', () => {
  it('become one notification, and the reminder is marked notified', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Balise', version: '0.1.0' });
    await db.reminders.put({ id: 'r1', establishmentId: establishment.id, kind: 'balOrgDirectory', dueAt: '2025-03-04T10:00:00.000Z' });
    const now = new Date('2025-03-04T10:00:01.000Z');
    await onAlarm(alarmName('r1'), db, now);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({
      [alarmName('r1')]: expect.objectContaining({ type: 'basic', title: bindFrenchSpaces('BAL ORG : vérifiez l’annuaire santé'), iconUrl: expect.stringMatching(/\/icon\/128.png$/) }),
    });
    expect((await db.reminders.get('r1'))?.notifiedAt).toBe(now.toISOString());
    await fakeBrowser.notifications.clear(alarmName('r1'));
    await onAlarm(alarmName('r1'), db, now);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
  });
});
