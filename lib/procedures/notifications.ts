/**
 * Reminders become notifications: each reminder's alarm shows it once; at startup and once a
 * day, reminders are re-planned and those that came due while the browser was closed are shown.
 */
import { browser } from 'wxt/browser';
import { tm } from '../i18n/t';
import { db, type BaliseDb } from '../store/db';
import { alarmPrefix, reminderMessage, syncReminders } from './reminders';

/** Re-plans reminders daily, so that a due date reached while the browser was closed is caught. */
export const dailySyncAlarm = 'balise-reminders-sync';

/** Shows a due reminder once, and marks it notified. */
export async function notifyReminder(reminderId: string, database: BaliseDb = db, now = new Date()): Promise<boolean> {
  const reminder = await database.reminders.get(reminderId);
  if (!reminder || reminder.notifiedAt || reminder.dismissedAt) return false;
  const establishment = await database.establishments.get(reminder.establishmentId);
  const { title, body } = reminderMessage(reminder, establishment);
  await browser.notifications.create(`${alarmPrefix}${reminder.id}`, {
    type: 'basic',
    // Chrome requires an icon on every notification.
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: tm(title),
    message: tm(body),
  });
  await database.reminders.update(reminder.id, { notifiedAt: now.toISOString() });
  return true;
}

/** Reminders that came due while the browser was closed. */
export async function notifyDue(database: BaliseDb = db, now = new Date()): Promise<void> {
  const due = await database.reminders.where('dueAt').belowOrEqual(now.toISOString()).toArray();
  for (const reminder of due) await notifyReminder(reminder.id, database, now);
}

export async function onAlarm(name: string, database: BaliseDb = db, now = new Date()): Promise<void> {
  if (name === dailySyncAlarm) {
    await syncReminders(browser.alarms, database, now);
    await notifyDue(database, now);
  } else if (name.startsWith(alarmPrefix)) await notifyReminder(name.slice(alarmPrefix.length), database, now);
}

/** At the browser's start and the extension's install or update: the daily alarm, a re-plan, what is due. */
export async function startReminders(database: BaliseDb = db) {
  await browser.alarms.create(dailySyncAlarm, { periodInMinutes: 24 * 60 });
  await syncReminders(browser.alarms, database);
  await notifyDue(database);
}
