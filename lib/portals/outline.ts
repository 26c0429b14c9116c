/**
 * The portals as the always-loaded content script needs them: names, hosts, and for each page its
 * name, URL hint and what a person sees there (signs, labels of its fields and click targets),
 * without instructions, hints nor links, which only the guide needs: the content script runs on
 * every portal page and must stay small. Derived from the `*.portal.ts` modules when bundled
 * (./outline-of.ts, through ./outline-plugin.ts).
 */
import outline, { phrasingWords } from 'virtual:portal-outline';
import { matchPatterns, parseUrl, portalAt, type PageOutline, type PortalOutline } from './lookup';
import { displayed, phrasingWordsRead, readSightings, recognise, type IsShown } from './recognise';
import { noSites, type Sites } from './sites';

export interface OutlineMatch {
  portal: PortalOutline;
  page: PageOutline;
}

export const portalOutlines: readonly PortalOutline[] = outline;
phrasingWordsRead(phrasingWords);

/** Match patterns for the content scripts: every known host, HTTPS only. */
export function contentScriptMatches(): string[] {
  return matchPatterns(portalOutlines);
}

/** `sites`: the sites the user switched Balise on for (./sites.ts). */
export function outlineAt(url: URL | string, sites: Sites = noSites): PortalOutline | null {
  return portalAt(portalOutlines, url, sites);
}

/** The known page this document is (as ./index.ts matchPage, on the outline). */
export function recogniseOutline(url: URL | string, doc: Document, isShown: IsShown = displayed, sites: Sites = noSites): OutlineMatch | null {
  const parsed = parseUrl(url);
  const portal = parsed && outlineAt(parsed, sites);
  if (!parsed || !portal) return null;
  const page = recognise(portal.pages, parsed, readSightings(doc, isShown));
  return page ? { portal, page } : null;
}
