/**
 * The annuaire FINESS record → profile (issue 16), background side. Only the guide frame on a
 * page of the annuaire FINESS asks: which of the user's establishments that record is about, and
 * to save the establishment the user confirmed there, through the one write path
 * (lib/store/profile.ts: validation, revisions). The page's own script never reaches this: the
 * frame reads the record only when the user clicks, through the private channel.
 */
import { defineMessage } from '../messaging';
import { findPortal } from '../portals';
import annuaireFiness from '../portals/annuaire-finess.portal';
import type { StoredEstablishment } from '../profile/pushed';
import type { Establishment } from '../profile/schema';
import { db, type BaliseDb } from '../store/db';
import { revisionOf, saveEstablishment, type Revision } from '../store/profile';
import { extensionPageInTab, SenderRefused, sitesFor } from '../senders';
import type { Browser } from 'wxt/browser';

/** The record's number and type; without, the number in the tab's address (`noFiness`), of either type. */
/** The number read on the record, and whether the record is a site's (ET) or a legal entity's (EJ). */
export interface FinessMatchRequest {
  finess: string;
  type: 'et' | 'ej';
}
export interface FinessMatch {
  /** The number looked for; null when the request holds none. */
  finess: string | null;
  /** The user's own establishment for it (a DSI's is read-only: never offered), with its revision. */
  establishment: Establishment | null;
  revision?: Revision;
}

/** Guide frame on the annuaire FINESS → background. */
export const finessMatch = defineMessage<FinessMatchRequest, FinessMatch>('finess.match');
/** Guide frame → background: the establishment the user confirmed, new or based on the revision compared. */
export const finessSave = defineMessage<{ establishment: unknown; basedOn: 'new' | { revision: Revision } }, { id: string; label: string }>('finess.save');

/** An ET record is its site's; an EJ record is the legal entity's own establishment, the one without a site number. */
function matches(row: StoredEstablishment, finess: string, type: FinessMatchRequest['type']): boolean {
  const asSite = row.finessEt === finess;
  const asEntity = row.finessEj === finess && !row.finessEt;
  return type === 'et' ? asSite : asEntity;
}

async function lookUp(request: FinessMatchRequest, database: BaliseDb): Promise<FinessMatch> {
  const finess = typeof request?.finess === 'string' && request.finess ? request.finess : null;
  if (!finess) return { finess: null, establishment: null };
  const rows = await database.establishments.toArray();
  const found = rows.find((row) => !row.managed && matches(row, finess, request?.type));
  return found ? { finess, establishment: found, revision: revisionOf(found) } : { finess, establishment: null };
}

/** The guide frame, in a tab showing the annuaire FINESS (never another portal's tab). */
async function fromDirectoryTab(sender: Browser.runtime.MessageSender, message: string) {
  extensionPageInTab(sender, message, await sitesFor(sender));
  if (!sender.tab?.url || findPortal(sender.tab.url)?.id !== annuaireFiness.id) throw new SenderRefused(message);
  return sender.tab.url;
}

/** Call once from the background's main(). */
export function registerFinessHandlers(database: BaliseDb = db): void {
  finessMatch.handle(async (request, sender) => {
    await fromDirectoryTab(sender, finessMatch.name);
    return lookUp(request, database);
  });
  finessSave.handle(async ({ establishment, basedOn }, sender) => {
    await fromDirectoryTab(sender, finessSave.name);
    const saved = await saveEstablishment(establishment, database, basedOn === 'new' ? 'new' : { revision: basedOn?.revision });
    return { id: saved.id, label: saved.label };
  });
}
