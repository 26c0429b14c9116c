/**
 * Sites the user switched Balise on for (« Activer Balise sur ce site »): an exact HTTPS origin
 * on one of the national e-health domains, granted by the browser's own permission prompt, and
 * the portal the user said it is. Portals move and some have no known host: such an origin is
 * then treated as a host of that portal (./index.ts, findPortal). Pure: the table is always a
 * parameter; what is stored and granted is read by lib/store/sites.ts.
 *
 * Plain data and string checks only: the always-loaded content script and wxt.config.ts (loaded
 * by jiti, which cannot collect the portal modules) import this file.
 */

/**
 * The domains where the user may switch Balise on: the national e-health operators' (ATIH, ANS,
 * the ministry, MiPih for Medimail). Declared as optional host permissions (wxt.config.ts):
 * nothing is granted at install.
 */
export const siteDomains = ['atih.sante.fr', 'esante.gouv.fr', 'sante.gouv.fr', 'mipih.fr'] as const;

/** The manifest's `optional_host_permissions`: the domains and every subdomain, HTTPS only. */
export const optionalHostPatterns: readonly string[] = siteDomains.map((domain) => `https://*.${domain}/*`);

/** Origin (`https://host`, no port, no path) → the id of the portal the user chose for it. */
export type Sites = Readonly<Record<string, string>>;

export const noSites: Sites = Object.freeze({});

/** A lower-case DNS name (no trailing dot, no IP literal), as the URL parser gives it. */
const dnsName = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** The host is one of the domains or under one of them (a lookalike `esante.gouv.fr.evil.test` is not). */
export function onSiteDomains(hostname: string): boolean {
  return dnsName.test(hostname) && siteDomains.some((domain) => hostname === domain || hostname.endsWith(`.${domain}`));
}

/**
 * The origin Balise may be switched on for at this page's URL: HTTPS, default port, no
 * credentials, a host on the domains. Null anywhere else.
 */
export function grantableOrigin(url: string | URL): string | null {
  let parsed: URL;
  try {
    parsed = url instanceof URL ? url : new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null;
  return onSiteDomains(parsed.hostname) ? parsed.origin : null;
}

/** A stored key is exactly an origin Balise may be switched on for: `https://host`, nothing more. */
export function isSiteOrigin(origin: string): boolean {
  return grantableOrigin(origin) === origin;
}

/** The permission pattern that grants exactly this origin (permissions.request, registerContentScripts). */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/**
 * The sites still switched on: those stored whose exact origin the browser still grants. The
 * browser's granted permissions are the truth: a permission revoked in the browser's own UI
 * turns its site off, whatever the storage says. Malformed entries are dropped.
 */
export function activeSites(stored: Readonly<Record<string, unknown>>, grantedOrigins: readonly string[]): Sites {
  const granted = new Set(grantedOrigins);
  const active: Record<string, string> = {};
  for (const [origin, portalId] of Object.entries(stored))
    if (typeof portalId === 'string' && isSiteOrigin(origin) && granted.has(originPattern(origin))) active[origin] = portalId;
  return active;
}

/** The portal id the table gives this URL's exact origin, if any (HTTPS, default port, on the domains). */
export function siteOf(url: URL, sites: Sites): string | undefined {
  const origin = grantableOrigin(url);
  return origin !== null && Object.hasOwn(sites, origin) ? sites[origin] : undefined;
}
