/** Seed 003 (§7) gives the PRO certificate for the DP 3 years of validity from issue; it says nothing of the other kinds. */
export const certificateValidityYears = 3;

/**
 * The expiry a certificate of `kind` obtained on `obtainedOn` (YYYY-MM-DD) is given by default:
 * only a PRO certificate's (the seed's), '' for another kind or for a date that is not one. A
 * 29 February gives the 28th, so the suggested date never overstates the validity.
 */
export function certificateExpiry(obtainedOn: string, kind: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(obtainedOn);
  if (!match || !kind.startsWith('PRO ')) return '';
  const [year, month, day] = [Number(match[1]) + certificateValidityYears, Number(match[2]), Number(match[3])];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}
