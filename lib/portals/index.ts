/**
 * Every portal module (`*.portal.ts` beside this file, found by the bundler: adding a portal
 * is adding its module) and the pure lookups the content script and the procedures use.
 * Sorted by id so that the order does not depend on the file system.
 */
import { queryMatches, urlPathMatches } from './match';
import { displayed, readSightings, recognise, type IsShown } from './recognise';
import type { Page, Portal } from './schema';
import { noSites, siteOf, type Sites } from './sites';

export const portals: readonly Portal[] = Object.values(import.meta.glob<Portal>('./*.portal.ts', { eager: true, import: 'default' })).sort((a, b) =>
  a.id.localeCompare(b.id),
);

export interface PageMatch {
  portal: Portal;
  page: Page;
}

/** Match patterns for the content script: every known host, HTTPS only. */
export function contentScriptMatches(): string[] {
  return portals.flatMap((portal) => portal.hosts.map((host) => `https://${host}/*`));
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

/** The portal whose module names this URL's host: HTTPS, default port, exact host (no subdomain, no lookalike). */
export function builtInPortal(url: URL | string): Portal | null {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.port !== '') return null;
  return portals.find((portal) => portal.hosts.includes(parsed.hostname)) ?? null;
}

/**
 * The portal serving this URL: a built-in host (builtInPortal), else the portal the user chose
 * for this exact origin when switching Balise on there (`sites`, ./sites.ts: pass only the
 * sites still granted). A built-in host keeps its own portal whatever the table says.
 */
export function findPortal(url: URL | string, sites: Sites = noSites): Portal | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  const builtIn = builtInPortal(parsed);
  if (builtIn) return builtIn;
  const chosen = siteOf(parsed, sites);
  return chosen === undefined ? null : (portals.find((portal) => portal.id === chosen) ?? null);
}

/** The URL's path (or hash route) and query fit the page's known ones: a hint, never a requirement. */
export function urlFitsPage(url: URL, page: Page): boolean {
  return page.path !== undefined && urlPathMatches(page.path, url) && queryMatches(page.query, url.searchParams);
}

/**
 * The known page this document is, on the portal serving its URL: recognised by what a person
 * sees (./recognise.ts), the URL breaking ties. Null off the portals' hosts and the `sites`
 * switched on (./sites.ts), and on a portal page that matches no known page.
 */
export function matchPage(url: URL | string, doc: Document, isShown: IsShown = displayed, sites: Sites = noSites): PageMatch | null {
  const parsed = parseUrl(url);
  const portal = parsed && findPortal(parsed, sites);
  if (!parsed || !portal) return null;
  const page = recognise(portal, parsed, readSightings(doc, isShown));
  return page ? { portal, page } : null;
}

export function findPage(portalId: string, pageId: string): PageMatch | null {
  const portal = portals.find((p) => p.id === portalId);
  const page = portal?.pages.find((p) => p.id === pageId);
  return portal && page ? { portal, page } : null;
}
