/**
 * What a portal page has to show, read from its URL and document. Shared by the always-loaded
 * content script (should the overlay be injected?) and the overlay (what to render): each
 * bundle runs its own copy, so both read the page the same way. Keep it free of React and zod.
 */
import type { PortalSigns } from '../portals/lookup';
import { outlineAt, recogniseOutline, type OutlineMatch } from '../portals/outline';
import { displayed, type IsShown } from '../portals/recognise';
import { noSites, type Sites } from '../portals/sites';

export interface PageReading {
  portal: PortalSigns;
  /** The known page (its outline: ../portals/index.ts findPage has the rest), or null on a page of the portal that the knowledge base does not describe. */
  match: OutlineMatch | null;
  /** Some form field a person can see: the autofill may help even on an unknown page. Looked for when first asked (a known page is worth showing without it). */
  hasVisibleField(): boolean;
}

/** Tag of the overlay's shadow host: the one trace of Balise in the page's DOM. */
export const overlayHostTag = 'balise-overlay';

const fieldSelector = 'input:not([type="hidden"]):not([type="submit"]):not([type="button"]):not([type="reset"]):not([type="image"]), select, textarea';

// Shown as recognition sees it (styles, not boxes): asking for boxes forced a layout of the page as it loads.
export function hasVisibleField(root: ParentNode, isShown: IsShown = displayed): boolean {
  // The first field answers on most pages: a long form's fields are all listed only when it is hidden or disabled.
  const first = root.querySelector(fieldSelector);
  if (first && !(first as HTMLInputElement).disabled && isShown(first)) return true;
  for (const element of Array.from(root.querySelectorAll(fieldSelector))) {
    if ((element as HTMLInputElement).disabled) continue;
    if (isShown(element)) return true;
  }
  // A web component keeps its field in its open shadow root, which no selector reaches: its
  // hosts are looked into only when the light DOM has no field.
  for (const element of Array.from(root.querySelectorAll('*'))) if (element.shadowRoot && hasVisibleField(element.shadowRoot, isShown)) return true;
  return false;
}

/** `sites`: the sites the user switched Balise on for, each treated as a host of its chosen portal. */
export function readPage(url: string, doc: Document, isShown: IsShown = displayed, sites: Sites = noSites): PageReading | null {
  const portal = outlineAt(url, sites);
  if (!portal) return null;
  const match = recogniseOutline(url, doc, undefined, sites);
  let visibleField: boolean | undefined;
  return { portal, match, hasVisibleField: () => (visibleField ??= hasVisibleField(doc, isShown)) };
}

/** The overlay has something to show: a known page, or fields to fill. */
export function worthShowing(reading: PageReading | null): reading is PageReading {
  return !!reading && (reading.match !== null || reading.hasVisibleField());
}
