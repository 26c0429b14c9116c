/**
 * What the procedure components show besides the procedures: role names, the links to the
 * options page and the 413 sheet.
 */
import { browser } from 'wxt/browser';
import { optionsUrl } from '../../lib/autofill/messages';
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
