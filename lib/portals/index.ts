/**
 * Every portal module (`*.portal.ts` beside this file, found by the bundler: adding a portal
 * is adding its module) and the lookups the background, the overlay and the procedures use
 * (the always-loaded content script reads ./outline.ts instead).
 * Sorted by id so that the order does not depend on the file system.
 */
import { parseUrl, portalAt } from './lookup';
import { displayed, readSightings, recognise, type IsShown } from './recognise';
import type { Page, Portal } from './schema';
import { noSites, type Sites } from './sites';

export const portals: readonly Portal[] = Object.values(import.meta.glob<Portal>('./*.portal.ts', { eager: true, import: 'default' })).sort((a, b) =>
  a.id.localeCompare(b.id),
);

export interface PageMatch {
  portal: Portal;
  page: Page;
}

/** The portal whose module names this URL's host: HTTPS, default port, exact host (no subdomain, no lookalike). */
export function builtInPortal(url: URL | string): Portal | null {
  return portalAt(portals, url);
}

/**
 * The portal serving this URL: a built-in host, else the portal the user chose for this exact
 * origin when switching Balise on there (`sites`, ./sites.ts: pass only the sites still
 * granted). A built-in host keeps its own portal whatever the table says.
 */
export function findPortal(url: URL | string, sites: Sites = noSites): Portal | null {
  return portalAt(portals, url, sites);
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
  const page = recognise(portal.pages, parsed, readSightings(doc, isShown));
  return page ? { portal, page } : null;
}

export function findPage(portalId: string, pageId: string): PageMatch | null {
  const portal = portals.find((p) => p.id === portalId);
  const page = portal?.pages.find((p) => p.id === pageId);
  return portal && page ? { portal, page } : null;
}
