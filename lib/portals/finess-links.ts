/**
 * What a list of establishments shows of their annuaire FINESS records: the record's address.
 * Apart from the portal's module, which the options list's first paint
 * does not load (its schema and texts).
 */

/** The record of a FINESS number (ET or EJ: the site serves both at this address). */
export const finessRecordUrl = (finess: string): string =>
  `https://finess.esante.gouv.fr/fininter/jsp/actionDetailEtablissement.do?noFiness=${encodeURIComponent(finess)}`;
