/**
 * What a list of establishments shows of their annuaire FINESS records: the record's address and
 * the date it was read. Apart from the portal's module, which the options list's first paint
 * does not load (its schema and texts).
 */

/** The record of a FINESS number (ET or EJ: the site serves both at this address). */
export const finessRecordUrl = (finess: string): string =>
  `https://finess.esante.gouv.fr/fininter/jsp/actionDetailEtablissement.do?noFiness=${encodeURIComponent(finess)}`;

/** « 30/11/2026 » in French, the same day order in English (en-GB): the mark « d’après l’annuaire FINESS du … ». */
export function shownDate(day: string, language: 'fr' | 'en'): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB').format(new Date(year, month - 1, date));
}
