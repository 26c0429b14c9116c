import type { Language } from './catalog';
import { contentLanguage } from './t';

/**
 * A day as French papers write it, « 30/11/2026 », and in the same order in English (en-GB), so
 * that a date never swaps day and month between two screens. `iso` is a stored day
 * (`yyyy-mm-dd`, shown as that calendar day wherever the computer is) or a stored moment (an ISO
 * timestamp, shown as the day it was here). Unreadable input gives « Invalid Date ».
 */
export function showDate(iso: string, language: Language = contentLanguage()): string {
  const day = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso);
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(iso);
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB').format(date);
}
