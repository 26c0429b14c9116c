/**
 * Derives the outline the always-loaded content script reads (./outline.ts) from the portal
 * modules: hosts, and what a person sees on each page. Run at build time by
 * ./outline-plugin.ts, never bundled.
 */
import { portals } from './index';
import type { PortalSigns } from './lookup';
import { phrasingsOf } from './match';
import type { Portal } from './schema';
import { wordsOf } from './words';

export function portalsOutline(list: readonly Portal[] = portals): PortalSigns[] {
  return list.map((portal) => ({
    id: portal.id,
    hosts: portal.hosts,
    pages: portal.pages.map((page) => ({
      id: page.id,
      ...(page.path === undefined ? {} : { path: page.path }),
      ...(page.query === undefined ? {} : { query: page.query }),
      shows: page.shows,
      // Only a label is something a person sees: selectors stay in the modules.
      fields: page.fields.flatMap(({ match }) => (match.label ? [{ match: { label: match.label } }] : [])),
      clickNext: page.clickNext.flatMap(({ match }) => (match.label ? [{ match: { label: match.label } }] : [])),
    })),
  }));
}

/** Every phrasing recognition compares (signs, labels of fields and click targets) → its words, read here once rather than on every page load. */
export function phrasingWords(outline: readonly PortalSigns[]): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const page of outline.flatMap((portal) => portal.pages)) {
    const phrasings = [
      ...page.shows.map((sign) => ('title' in sign ? sign.title : 'text' in sign ? sign.text : sign.button)),
      ...[...page.fields, ...page.clickNext].flatMap(({ match }) => (match.label ? [match.label] : [])),
    ];
    for (const phrasing of phrasings.flatMap(phrasingsOf)) table[phrasing] = wordsOf(phrasing);
  }
  return table;
}
