/**
 * Everything Balise keeps on this workstation, listed in one place for the IT department.
 * Nothing here is a secret: no password, no key, no token is ever stored (the passphrase of
 * an encrypted export lives only in the dialog's memory), and nothing leaves the workstation.
 *
 * IndexedDB, database « balise » (db.ts; the rows are described in rows.ts):
 * - establishments: the profiles the user typed or imported, and those the DSI pushed
 *   (administrative identifiers, which are public, and the contacts' professional details);
 * - settings: which establishment is current, and who "me" is in each;
 * - progress: the answers and steps done of each procedure followed;
 * - reminders: certificate expiries and directory delays, with when they were shown.
 *
 * The browser's storage (the items below) and the options page's sessionStorage (the keys
 * at the end) hold the rest.
 */
import { storage } from 'wxt/utils/storage';
import type { ProcedureId } from '../portals/schema';
import { localKeys } from './local';

/**
 * Each item is defined on first use: WXT reads an item as soon as it is defined, and not every
 * context that loads this list may read every area (content scripts have no storage.session,
 * Node-side tests no browser at all).
 */
function onFirstUse<T>(define: () => T): () => T {
  let item: T | undefined;
  return () => (item ??= define());
}

/** What the overlay remembers for one portal. */
export interface OverlayState {
  collapsed: boolean;
  dismissed: boolean;
  /** The procedure last chosen on a page that serves several. */
  procedure?: ProcedureId;
}

/*
 * storage.local, `localKeys.overlayStates`: the overlay's memory per portal id (folded,
 * dismissed, chosen procedure), a Record<portal id, OverlayState>. Where the content scripts,
 * which cannot reach the extension's IndexedDB, read it: plainly (../overlay/state.ts), since
 * the always-loaded content script cannot afford the items' code.
 */

/** Where the open guide sits: over the page (bottom right), or docked to a side with the page pushed aside. */
export type GuideDock = 'floating' | 'left' | 'right';

/**
 * storage.local: where the user put the open guide, one choice for the browser (every portal,
 * every tab). Written by the guide frame, read by the overlay content script. null until the
 * user chooses: the guide's place then follows the window's width (lib/overlay/room.ts defaultDock).
 */
export const guideDock = onFirstUse(() => storage.defineItem<GuideDock>('local:balise.guideDock'));

/*
 * storage.local, `localKeys.dataChanged`: a random id renewed after each committed write to the
 * tables the overlay shows (changes.ts): content scripts watch it to ask the background again.
 * Holds no data.
 */

/**
 * storage.local: the sites the user switched Balise on for (« Activer Balise sur ce site »), each
 * exact HTTPS origin (`https://host`) → the id of the portal the user said it is. Holds no
 * personal data. The browser's granted host permissions stay the truth: an origin whose
 * permission is gone is off whatever this says (lib/portals/sites.ts, activeSites); sites.ts
 * keeps the two in step. Read by the always-loaded content script as a plain storage read.
 */
export const siteChoices = onFirstUse(() => storage.defineItem<Record<string, string>>(`local:${localKeys.sites}`, { fallback: {} }));

/** A choice made in the popup while the browser's permission prompt is open. */
export interface PendingSite {
  origin: string;
  portalId: string;
  /** The tab to reload once granted, so that the guide appears. */
  tabId: number;
}

/**
 * storage.session: the site the user is switching Balise on for while the browser asks for the
 * permission (the popup may close when the prompt opens): the background completes the choice
 * when the grant arrives (lib/overlay/sites.ts), the popup drops it on a refusal. Gone with
 * the browser session; never read by content scripts.
 */
export const pendingSite = onFirstUse(() => storage.defineItem<PendingSite | null>('session:balise.pendingSite', { fallback: null }));

/**
 * storage.managed, read only: the profile file the DSI pushes by policy (managed.ts, and
 * public/managed_schema.json for the policy's shape); copied into the establishments table.
 */
export const managedProfileKey = 'profile';

export interface TabPage {
  portalId: string;
  pageId: string;
  at: string;
}

/**
 * storage.session: the portal page each tab shows, by tab id, as its content script reported
 * it; the side panel follows it. Gone with the browser session.
 */
export const pagesByTab = onFirstUse(() => storage.defineItem<Record<string, TabPage>>('session:balise.pageByTab', { fallback: {} }));

/**
 * storage.session: the establishment a tab fills from, when its user chose one other than
 * the current one (an id). Out of the content scripts' reach, gone with the browser session.
 */
export const fillChoiceOf = (tabId: number) => storage.defineItem<string>(`session:balise.fillChoice.${tabId}`);

/**
 * sessionStorage of the options page: the editor's unsaved draft of one establishment, kept
 * across a reload of the tab; cleared on save, on cancel and when the establishment is deleted.
 */
export const draftKey = (establishmentId: string) => `balise.draft.${establishmentId}`;

/** sessionStorage of the options page: the id of the establishment open in the editor, reopened on reload. */
export const editingKey = 'balise.editing';
