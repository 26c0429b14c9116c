/**
 * Every portal module (`*.portal.ts` beside this file, found by the bundler: adding a portal
 * is adding its module) and the pure lookups the content script and the procedures use.
 * Sorted by id so that the order does not depend on the file system.
 */
import { markerMatches, pathMatches, queryMatches } from './match';
import type { Page, Portal } from './schema';

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

/** The portal serving this URL: HTTPS, default port, exact host (no subdomain, no lookalike). */
export function findPortal(url: URL | string): Portal | null {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.port !== '') return null;
  return portals.find((portal) => portal.hosts.includes(parsed.hostname)) ?? null;
}

/** The URL's path and query fit the page's patterns (its host is findPortal's business). */
export function urlFitsPage(url: URL, page: Page): boolean {
  return page.path !== undefined && pathMatches(page.path, url.pathname) && queryMatches(page.query, url.searchParams);
}

/**
 * The page at this URL. Several pages may share a URL pattern (a dialog over a form, an
 * SPA route): with a document, a page whose marker matches wins, else the one page without
 * a marker; without a document, only an unambiguous URL answers.
 */
export function matchPage(url: URL | string, doc?: Document): PageMatch | null {
  const parsed = parseUrl(url);
  const portal = parsed && findPortal(parsed);
  if (!parsed || !portal) return null;
  const candidates = portal.pages.filter((page) => urlFitsPage(parsed, page));
  const marked = doc ? candidates.filter((page) => page.marker && markerMatches(page.marker, doc)) : [];
  const unmarked = candidates.filter((page) => !page.marker);
  const chosen = marked.length > 0 ? marked : doc ? unmarked : candidates;
  return chosen.length === 1 && chosen[0] ? { portal, page: chosen[0] } : null;
}

export function findPage(portalId: string, pageId: string): PageMatch | null {
  const portal = portals.find((p) => p.id === portalId);
  const page = portal?.pages.find((p) => p.id === pageId);
  return portal && page ? { portal, page } : null;
}
