/**
 * The live data every procedure view needs: the establishment Balise works for
 * (readWorkContext), who "me" is, and its progress, following the database.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { progressOf } from '../../lib/procedures/progress';
import type { Establishment } from '../../lib/profile/schema';
import { readWorkContext } from '../../lib/store/profile';
import type { Progress } from '../../lib/store/rows';

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
