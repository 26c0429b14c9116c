/**
 * For the popup: the procedure in progress for the current establishment and its next step,
 * with a button that opens the side panel (the popup passes its handler, which must run in
 * the click itself).
 */
import { local, t } from '../../lib/i18n/t';
import { currentState } from '../../lib/procedures/progress';
import { summarize } from '../../lib/procedures/summary';
import { SeedLine } from '../ui/SeedLine';
import { useCurrentEstablishment } from './useCurrentEstablishment';

export function NextStep({ onOpenPanel }: { onOpenPanel?: () => void }) {
  const data = useCurrentEstablishment();
  if (!data?.establishment) return null;
  const state = currentState(data.progresses, data.establishment, data.meId);
  // The overlay on a portal page shows the same summary (lib/procedures/summary.ts).
  const summary = state && summarize(state);
  // Unanswered questions may add steps before this « next » one: no count that would change (as in the side panel).
  const settled = summary?.settled ?? false;
  return (
    <section className="next-step" aria-label={t('procNextStep')}>
      {summary ? (
        <>
          <p className="next-step__procedure">{local(summary.title)}</p>
          {!settled && <p className="next-step__pending">{t('procQuestionsPending')}</p>}
          {settled && <p className="next-step__count">{t('procProgressCount', summary.done, summary.total)}</p>}
          {settled && summary.next && (
            <p className="next-step__next">
              {t('procNextNumbered', summary.next.index, summary.total)}{' '}
              <SeedLine text={summary.next.title}>
                {summary.next.person ? t('overlayStepFor', local(summary.next.title), summary.next.person) : local(summary.next.title)}
              </SeedLine>
            </p>
          )}
        </>
      ) : (
        <p>{t('procNoCurrent')}</p>
      )}
      {onOpenPanel && (
        <button type="button" className="button button--secondary" onClick={onOpenPanel}>
          {t('procOpenPanel')}
        </button>
      )}
    </section>
  );
}
