/**
 * The live data every procedure view needs: the current establishment (the one chosen in
 * the popup, else the only one), who "me" is, and its progress, following the database.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { progressOf, type Progress } from '../../lib/procedures/progress';
import { db } from '../../lib/profile/db';
import type { Establishment } from '../../lib/profile/schema';
import { readSettings } from '../../lib/profile/store';

export interface ProceduresData {
  establishment?: Establishment;
  meId?: string;
  progresses: Progress[];
}

/** undefined while loading. */
export function useCurrentEstablishment(): ProceduresData | undefined {
  return useLiveQuery(async () => {
    const [settings, establishments] = await Promise.all([readSettings(), db.establishments.toArray()]);
    const establishment =
      establishments.find((e) => e.id === settings.currentEstablishmentId) ?? (establishments.length === 1 ? establishments[0] : undefined);
    if (!establishment) return { progresses: [] };
    return { establishment, meId: settings.me[establishment.id], progresses: await progressOf(establishment.id) };
  }, []);
}
