/**
 * The sites the user switched Balise on for, as kept in storage.local (siteChoices, ./storage.ts)
 * and as the browser grants them: the browser's granted host permissions are the truth
 * (lib/portals/sites.ts, activeSites). The background keeps the content script's registration
 * in step (lib/overlay/sites.ts).
 */
import { browser } from 'wxt/browser';
import { outlineAt } from '../portals/outline';
import { activeSites, grantableOrigin, isSiteOrigin, noSites, originPattern, type Sites } from '../portals/sites';
import { siteChoices } from './storage';

/** What the storage says, granted or not: the always-loaded content script's plain read (it runs only where the browser grants). */
export async function storedSites(): Promise<Record<string, string>> {
  return { ...(await siteChoices().getValue()) };
}

/** The origins the browser grants Balise now, as permission patterns (`https://host/*`). */
export async function grantedOrigins(): Promise<string[]> {
  return (await browser.permissions.getAll()).origins ?? [];
}

/** The sites switched on: stored AND still granted by the browser. */
export async function grantedSites(): Promise<Sites> {
  const [stored, granted] = await Promise.all([storedSites(), grantedOrigins()]);
  return activeSites(stored, granted);
}

/**
 * The sites a lookup of these URLs needs: none when none of them could be a site switched on
 * (a built-in host, off the e-health domains, not HTTPS: no storage nor permission read), else
 * grantedSites.
 */
export async function sitesForUrls(urls: readonly (string | undefined)[]): Promise<Sites> {
  return urls.some((url) => url !== undefined && !outlineAt(url) && grantableOrigin(url) !== null) ? grantedSites() : noSites;
}

/** Remembers the portal chosen for an origin the browser has just granted. */
export async function rememberSite(origin: string, portalId: string): Promise<void> {
  if (!isSiteOrigin(origin)) throw new Error(`not an origin Balise can be switched on for: ${origin}`);
  await siteChoices().setValue({ ...(await storedSites()), [origin]: portalId });
}

/** Drops the storage entries of origins the browser no longer grants; answers the sites left. */
export async function pruneSites(): Promise<Sites> {
  const [stored, granted] = await Promise.all([storedSites(), grantedOrigins()]);
  const active = activeSites(stored, granted);
  if (Object.keys(active).length !== Object.keys(stored).length) await siteChoices().setValue({ ...active });
  return active;
}

/** Switches a site off: the browser's permission first (the truth), then the storage entry. */
export async function forgetSite(origin: string): Promise<void> {
  await browser.permissions.remove({ origins: [originPattern(origin)] });
  const { [origin]: _gone, ...rest } = await storedSites();
  await siteChoices().setValue(rest);
}
