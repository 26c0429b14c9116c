import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BaliseDb } from '../store/db';
import { sampleEstablishment } from '../profile/sample';
import type { Establishment } from '../profile/schema';
import { newProgress, withStep } from './progress';
import {
  alarmName,
  dismissReminder,
  dueReminders,
  mergeReminders,
  plannedReminders,
  reminderMessage,
  syncReminders,
  upcomingExpiries,
} from './reminders';
import { tm } from '../i18n/t';
import { certificateExpiry } from '../profile/certificates';
import { bindFrenchSpaces } from '../i18n/typography';

const certificateId = '3c3c3c3c-1d2c-4e3b-8a9f-5c6d7e8f9a01';
const withCertificate = (obtainedOn: string): Establishment => ({
  ...sampleEstablishment(),
  certificates: [{ id: certificateId, kind: 'PRO AUTH', holderContactId: sampleEstablishment().contacts[1]!.id, obtainedOn, expiresOn: certificateExpiry(obtainedOn, 'PRO AUTH') }],
});

describe('certificate expiry', () => {
  it('is 3 years after issue (seed 003, §7), leap days included', () => {
    expect(certificateExpiry('2024-05-10', 'PRO AUTH')).toBe('2027-05-10');
    expect(certificateExpiry('2024-02-29', 'PRO AUTH')).toBe('2027-02-28');
  });

  it('plans reminders 90 days, 30 days and on the day, keeping only the latest one already due', () => {
    const establishment = withCertificate('2024-05-10');
    const early = plannedReminders([establishment], [], new Date('2025-01-01T00:00:00Z'));
    expect(early.map((r) => [r.id, r.dueAt])).toEqual([
      [`certificateExpiry:${certificateId}:90`, '2027-02-09T08:00:00.000Z'],
      [`certificateExpiry:${certificateId}:30`, '2027-04-10T08:00:00.000Z'],
      [`certificateExpiry:${certificateId}:0`, '2027-05-10T08:00:00.000Z'],
    ]);
    const late = plannedReminders([establishment], [], new Date('2027-04-20T00:00:00Z'));
    expect(late.map((r) => r.id)).toEqual([`certificateExpiry:${certificateId}:30`, `certificateExpiry:${certificateId}:0`]);
  });

  it('lists the expiries of an establishment, soonest first, with the days left', () => {
    const establishment = withCertificate('2024-05-10');
    const second = { ...establishment.certificates[0]!, id: '3c3c3c3c-1d2c-4e3b-8a9f-5c6d7e8f9a02', obtainedOn: '2022-01-01', expiresOn: '2025-01-01' };
    const expiries = upcomingExpiries({ ...establishment, certificates: [...establishment.certificates, second] }, new Date('2025-01-11T15:00:00Z'));
    expect(expiries.map((e) => [e.certificate.expiresOn, e.daysLeft])).toEqual([
      ['2025-01-01', -10],
      ['2027-05-10', 849],
    ]);
  });
});

describe('BAL ORG directory reminder', () => {
  const submitted = new Date('2025-03-03T09:30:00.000Z');
  const validated = new Date('2025-03-05T09:30:00.000Z');
  const sent = withStep(newProgress(sampleEstablishment().id, '002-medimail-bal-org'), 'fillForm', true, 'page', submitted);
  const progress = withStep(sent, 'validationMail', true, 'user', validated);

  it('comes 72 h after the validation mail, not after the submission, and goes once the listing is checked', () => {
    // Seed 002 l.131-133: the 72 h run once the account is validated and set up.
    expect(plannedReminders([sampleEstablishment()], [sent])).toEqual([]);
    expect(plannedReminders([sampleEstablishment()], [progress])).toEqual([
      {
        id: `balOrgDirectory:${sampleEstablishment().id}:002-medimail-bal-org:validationMail`,
        establishmentId: sampleEstablishment().id,
        kind: 'balOrgDirectory',
        dueAt: '2025-03-08T09:30:00.000Z',
      },
    ]);
    expect(plannedReminders([sampleEstablishment()], [withStep(progress, 'directoryListing', true)])).toEqual([]);
    expect(plannedReminders([], [progress])).toEqual([]);
  });

  it('reads as a notification in French', () => {
    const [reminder] = plannedReminders([sampleEstablishment()], [progress]);
    const { title, body } = reminderMessage(reminder!, sampleEstablishment());
    expect(tm(title)).toBe(bindFrenchSpaces('BAL ORG : vérifiez l’annuaire santé'));
    expect(tm(body)).toContain('Pitié-Salpêtrière (démo)');
  });
});

describe('reminder storage and alarms', () => {
  it('keeps notified and dismissed marks across re-plans, drops what is no longer planned', () => {
    const a = { id: 'a', establishmentId: 'e', kind: 'certificateExpiry' as const, dueAt: '2025-01-01T08:00:00.000Z' };
    const b = { ...a, id: 'b' };
    const { put, remove } = mergeReminders([{ ...a, notifiedAt: 'x', dismissedAt: 'y' }, { ...b, notifiedAt: 'x' }], [a, { ...b, dueAt: '2026-01-01T08:00:00.000Z' }]);
    expect(put).toEqual([{ ...a, notifiedAt: 'x', dismissedAt: 'y' }, { ...b, dueAt: '2026-01-01T08:00:00.000Z' }]);
    expect(mergeReminders([a], []).remove).toEqual(['a']);
    expect(remove).toEqual([]);
    expect(dueReminders([a, { ...b, dismissedAt: 'y' }], new Date('2025-06-01T00:00:00Z'))).toEqual([a]);
  });

  it('stores the plan and schedules one alarm per future reminder', async () => {
    const database = new BaliseDb('reminders-test');
    await database.establishments.put(withCertificate('2024-05-10'));
    const now = new Date('2027-04-20T00:00:00Z');
    await syncReminders(fakeBrowser.alarms, database, now);
    const stored = await database.reminders.toArray();
    expect(stored.map((r) => r.id).sort()).toEqual([`certificateExpiry:${certificateId}:0`, `certificateExpiry:${certificateId}:30`]);
    expect((await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime])).toEqual([
      [alarmName(`certificateExpiry:${certificateId}:0`), Date.parse('2027-05-10T08:00:00.000Z')],
    ]);
    expect(dueReminders(stored, now).map((r) => r.id)).toEqual([`certificateExpiry:${certificateId}:30`]);

    await dismissReminder(`certificateExpiry:${certificateId}:30`, database, now);
    await database.establishments.put(sampleEstablishment());
    await syncReminders(fakeBrowser.alarms, database, now);
    expect(await database.reminders.toArray()).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    database.close();
    await database.delete();
  });
});
