/**
 * The portals as the always-loaded content script needs them: hosts, and for each page its URL
 * hint and what a person sees there (signs, labels of its fields and click targets), without
 * names, instructions, hints nor links, which only the guide needs (the folded tab's step comes
 * from the background): the content script runs on every portal page and must stay small.
 * Derived from the `*.portal.ts` modules when bundled (./outline-of.ts, through ./outline-plugin.ts).
 */
import outline, { phrasingWords } from 'virtual:portal-outline';
import { matchPatterns, parseUrl, portalAt, type PageSigns, type PortalSigns } from './lookup';
import { displayed, phrasingWordsRead, readSightings, recognise, type IsShown } from './recognise';
import { noSites, type Sites } from './sites';

export interface OutlineMatch {
  portal: PortalSigns;
  page: PageSigns;
}

export const portalOutlines: readonly PortalSigns[] = outline;
phrasingWordsRead(phrasingWords);

/** Match patterns for the content scripts: every known host, HTTPS only. */
export function contentScriptMatches(): string[] {
  return matchPatterns(portalOutlines);
}

/** `sites`: the sites the user switched Balise on for (./sites.ts). */
export function outlineAt(url: URL | string, sites: Sites = noSites): PortalSigns | null {
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
