/**
 * The user's progress seen from this page (of `procedureId`, chosen on the page, when it is
 * under way: see getProcedureSummary), asked of the background (the content
 * script cannot read IndexedDB) and asked again whenever the progress, the settings or the
 * establishments change — a step ticked in the side panel or by reaching a proof page.
 */
import { useEffect, useState } from 'react';
import type { ProcedureId } from '../../lib/portals/schema';
import { getProcedureSummary } from '../../lib/procedures/messages';
import type { ProgressSummary } from '../../lib/procedures/summary';
import { watchDataChanges } from '../../lib/profile/changes';

export function useProcedureSummary(portalId: string | undefined, pageId: string | undefined, procedureId?: ProcedureId | null): ProgressSummary | null {
  const [summary, setSummary] = useState<ProgressSummary | null>(null);
  useEffect(() => {
    setSummary(null);
    if (!portalId || !pageId) return;
    // Answers may cross: only the latest question's answer is shown.
    let asked = 0;
    const ask = () => {
      const question = ++asked;
      getProcedureSummary.send({ portalId, pageId, ...(procedureId ? { procedureId } : {}) }).then(
        (answer) => question === asked && setSummary(answer),
        // No background to answer (extension reloading): keep what is shown.
        () => {},
      );
    };
    ask();
    const unwatch = watchDataChanges(ask);
    return () => {
      asked = -1;
      unwatch();
    };
  }, [portalId, pageId, procedureId]);
  return summary;
}
