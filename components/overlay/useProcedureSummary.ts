/**
 * The current procedure's summary seen from this page, asked of the background (the content
 * script cannot read IndexedDB) and asked again whenever the progress, the settings or the
 * establishments change — a step ticked in the side panel or by reaching a proof page.
 */
import { useEffect, useState } from 'react';
import { getProcedureSummary } from '../../lib/overlay/messages';
import type { ProgressSummary } from '../../lib/procedures/summary';
import { watchDataChanges } from '../../lib/store/changes';

export function useProcedureSummary(portalId: string | undefined, pageId: string | undefined): ProgressSummary | null {
  const [summary, setSummary] = useState<ProgressSummary | null>(null);
  useEffect(() => {
    setSummary(null);
    if (!portalId || !pageId) return;
    // Answers may cross: only the latest question's answer is shown.
    let asked = 0;
    const ask = () => {
      const question = ++asked;
      getProcedureSummary.send({ portalId, pageId }).then(
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
  }, [portalId, pageId]);
  return summary;
}
