/**
 * Reminders: IGC-Santé certificates expire 3 years after issue (seed 003, §7), and a BAL ORG
 * shows in the annuaire santé within 72 h of its validation (seed 002, §4). What is due is
 * computed from the profiles and the progress (pure), then stored in the `reminders` table
 * (the row: Reminder, lib/store/rows.ts) and scheduled as browser alarms; the background turns a fired alarm into a notification.
 */
import type { WxtBrowser } from 'wxt/browser';
import type { Message } from '../i18n/t';
import type { Certificate, Establishment } from '../profile/schema';
import { db, type BaliseDb } from '../store/db';
import type { Progress, Reminder } from '../store/rows';
import { findProcedure } from './index';

/** Days before expiry when Balise reminds (0: the day it expires). */
export const expiryLeadDays = [90, 30, 0] as const;
export const alarmPrefix = 'balise-reminder:';
export const alarmName = (reminderId: string) => `${alarmPrefix}${reminderId}`;

const dayMs = 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;

/** Reminders fire at 08:00 UTC on their day: during working hours in metropolitan France and the DOM. */
const reminderDay = (isoDate: string, daysBefore: number) => new Date(Date.parse(`${isoDate}T08:00:00Z`) - daysBefore * dayMs);

function certificateReminders(establishment: Establishment, certificate: Certificate, now: Date): Reminder[] {
  const all = expiryLeadDays.map((lead) => ({
    id: `certificateExpiry:${certificate.id}:${lead}`,
    establishmentId: establishment.id,
    kind: 'certificateExpiry' as const,
    dueAt: reminderDay(certificate.expiresOn, lead).toISOString(),
    certificateId: certificate.id,
    expiresOn: certificate.expiresOn,
  }));
  // Only the latest reminder already due is kept: a certificate recorded late warns once, not three times.
  const past = all.filter((r) => Date.parse(r.dueAt) <= now.getTime());
  const future = all.filter((r) => Date.parse(r.dueAt) > now.getTime());
  return [...past.slice(-1), ...future];
}

function stepReminders(progress: Progress): Reminder[] {
  const procedure = findProcedure(progress.procedureId);
  return (procedure?.steps ?? []).flatMap((step) => {
    const done = progress.done[step.id];
    if (!step.remindAfter || !done || progress.done[step.remindAfter.until]) return [];
    return [
      {
        id: `${step.remindAfter.kind}:${progress.establishmentId}:${progress.procedureId}:${step.id}`,
        establishmentId: progress.establishmentId,
        kind: step.remindAfter.kind,
        dueAt: new Date(Date.parse(done.at) + step.remindAfter.hours * hourMs).toISOString(),
      },
    ];
  });
}

/** Every reminder the profiles and the progress call for. */
export function plannedReminders(establishments: readonly Establishment[], progresses: readonly Progress[], now = new Date()): Reminder[] {
  const known = new Set(establishments.map((e) => e.id));
  return [
    ...establishments.flatMap((e) => e.certificates.flatMap((c) => certificateReminders(e, c, now))),
    ...progresses.filter((p) => known.has(p.establishmentId)).flatMap(stepReminders),
  ];
}

/** New plan against what is stored: same id and date keep their notified / dismissed marks. */
export function mergeReminders(stored: readonly Reminder[], planned: readonly Reminder[]): { put: Reminder[]; remove: string[] } {
  const byId = new Map(stored.map((r) => [r.id, r]));
  const put = planned.map((r) => {
    const old = byId.get(r.id);
    return old && old.dueAt === r.dueAt ? { ...r, ...pick(old) } : r;
  });
  const kept = new Set(planned.map((r) => r.id));
  return { put, remove: stored.filter((r) => !kept.has(r.id)).map((r) => r.id) };
}

const pick = (r: Reminder) => ({
  ...(r.notifiedAt ? { notifiedAt: r.notifiedAt } : {}),
  ...(r.dismissedAt ? { dismissedAt: r.dismissedAt } : {}),
});

export const isDue = (reminder: Reminder, now = new Date()) => Date.parse(reminder.dueAt) <= now.getTime() && !reminder.dismissedAt;

/** What the popup lists: due and not dismissed, oldest first. */
export function dueReminders(reminders: readonly Reminder[], now = new Date()): Reminder[] {
  return reminders.filter((r) => isDue(r, now)).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

export interface Expiry {
  certificate: Certificate;
  /** Whole days from today to the expiry; negative once expired. */
  daysLeft: number;
}

/** Certificates of an establishment by expiry date, soonest first. */
export function upcomingExpiries(establishment: Establishment, now = new Date()): Expiry[] {
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  return establishment.certificates
    .map((certificate) => ({ certificate, daysLeft: Math.round((Date.parse(`${certificate.expiresOn}T00:00:00Z`) - today) / dayMs) }))
    .sort((a, b) => a.certificate.expiresOn.localeCompare(b.certificate.expiresOn));
}

/** The notification's text, as catalog messages. */
export function reminderMessage(reminder: Reminder, establishment: Establishment | undefined): { title: Message; body: Message } {
  const label = establishment?.label ?? '';
  if (reminder.kind === 'balOrgDirectory') return { title: { key: 'procReminderBalOrgTitle' }, body: { key: 'procReminderBalOrgBody', subs: [label] } };
  const certificate = establishment?.certificates.find((c) => c.id === reminder.certificateId);
  const expiresOn = reminder.expiresOn ?? '';
  return {
    title: { key: 'procReminderCertificateTitle' },
    body: { key: 'procReminderCertificateBody', subs: [certificate?.kind ?? '', label, expiresOn] },
  };
}

type AlarmsApi = Pick<WxtBrowser['alarms'], 'create' | 'clear'>;

/**
 * Re-plans the reminders, stores them, and schedules one alarm per future reminder (alarms
 * survive restarts of the background; a restart of the browser needs this call again, which
 * the background makes at startup).
 */
export async function syncReminders(alarms: AlarmsApi, database: BaliseDb = db, now = new Date()): Promise<Reminder[]> {
  const [establishments, progresses, stored] = await Promise.all([database.establishments.toArray(), database.progress.toArray(), database.reminders.toArray()]);
  const { put, remove } = mergeReminders(stored, plannedReminders(establishments, progresses, now));
  await database.transaction('rw', database.reminders, async () => {
    await database.reminders.bulkDelete(remove);
    await database.reminders.bulkPut(put);
  });
  await Promise.all(remove.map((id) => alarms.clear(alarmName(id))));
  for (const reminder of put)
    if (Date.parse(reminder.dueAt) > now.getTime() && !reminder.dismissedAt) await alarms.create(alarmName(reminder.id), { when: Date.parse(reminder.dueAt) });
  return put;
}

/** Every reminder stored, notified or not, dismissed or not. */
export const readReminders = (database: BaliseDb = db): Promise<Reminder[]> => database.reminders.toArray();

export async function dismissReminder(id: string, database: BaliseDb = db, now = new Date()): Promise<void> {
  await database.reminders.update(id, { dismissedAt: now.toISOString() });
}
