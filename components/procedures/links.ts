/**
 * What the procedure components show besides the procedures: role names, the links to the
 * options page and the 413 sheet, dates.
 */
import { browser } from 'wxt/browser';
import { optionsUrl } from '../../lib/autofill/messages';
import { contentLanguage } from '../../lib/i18n/t';
import type { Role } from '../../lib/profile/schema';
import { roleOptions } from '../establishment/choices';

export const roleLabel = (role: Role) => roleOptions().find((o) => o.value === role)?.label ?? role;

/** The role's name without the duties its label explains in brackets: where it is repeated, as in a line per missing role. */
export const roleName = (role: Role) => roleLabel(role).replace(/\s*\(.*\)$/, '');

/**
 * Deep link into the options page on one establishment, and on one field when given
 * (`#establishment=<id>&field=<profile path>`, to be supported by the options page).
 */
export function optionsLink(establishmentId: string, field?: string): string {
  return optionsUrl({ establishmentId, ...(field ? { field } : {}) });
}

export const sheet413Link = (establishmentId: string) =>
  `${browser.runtime.getURL('/sheet413.html')}?${new URLSearchParams({ establishment: establishmentId }).toString()}`;

/** Dates are stored as ISO strings and shown in the content language, as the text around them. */
export const showDate = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString(contentLanguage());
