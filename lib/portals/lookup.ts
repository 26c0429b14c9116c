/**
 * Lookups over any list of portals: the full modules (./index.ts) or their outline, the slim copy
 * the always-loaded content script reads (./outline.ts). No data here, so that importing these
 * functions brings no portal module into a bundle.
 */
import { queryMatches, urlPathMatches } from './match';
import type { Locator, Page } from './schema';
import { noSites, siteOf, type Sites } from './sites';

/** What recognising a page needs of it: its URL hint and what a person sees there. */
export interface PageSigns extends Pick<Page, 'id' | 'path' | 'query' | 'shows'> {
  fields: readonly { match: Locator }[];
  clickNext: readonly { match: Locator }[];
}

export interface PortalSigns<P extends PageSigns = PageSigns> {
  id: string;
  hosts: readonly string[];
  pages: readonly P[];
}

/** The URL, or null when it is not one. */
export function parseUrl(url: URL | string): URL | null {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The portal serving this URL: HTTPS, default port, exact host (no subdomain, no lookalike);
 * else the portal the user chose for this exact origin when switching Balise on there (`sites`,
 * ./sites.ts: pass only the sites still granted). A built-in host keeps its own portal whatever
 * the table says.
 */
export function portalAt<T extends { id: string; hosts: readonly string[] }>(list: readonly T[], url: URL | string, sites: Sites = noSites): T | null {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.port !== '') return null;
  const builtIn = list.find((portal) => portal.hosts.includes(parsed.hostname));
  if (builtIn) return builtIn;
  const chosen = siteOf(parsed, sites);
  return chosen === undefined ? null : (list.find((portal) => portal.id === chosen) ?? null);
}

/** The URL's path (or hash route) and query fit the page's known ones: a hint, never a requirement. */
export function urlFitsPage(url: URL, page: Pick<Page, 'path' | 'query'>): boolean {
  return page.path !== undefined && urlPathMatches(page.path, url) && queryMatches(page.query, url.searchParams);
}

/** Match patterns for the content script: every known host, HTTPS only. */
export function matchPatterns(list: readonly { hosts: readonly string[] }[]): string[] {
  return list.flatMap((portal) => portal.hosts.map((host) => `https://${host}/*`));
}
