/**
 * The live data every procedure view needs: the current establishment (the one chosen in
 * the popup, else the only one), who "me" is, and its progress, following the database.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { progressOf, type Progress } from '../../lib/procedures/progress';
import type { Establishment } from '../../lib/profile/schema';
import { readWorkContext } from '../../lib/profile/store';

export interface ProceduresData {
  establishment?: Establishment;
  meId?: string;
  progresses: Progress[];
}

/** undefined while loading. */
export function useCurrentEstablishment(): ProceduresData | undefined {
  return useLiveQuery(async () => {
    const context = await readWorkContext();
    if (!context) return { progresses: [] };
    const { establishment, meId } = context;
    return { establishment, meId, progresses: await progressOf(establishment.id) };
  }, []);
}
