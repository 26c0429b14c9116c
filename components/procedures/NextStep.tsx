/**
 * For the popup: the procedure in progress for the current establishment and its next step,
 * with a button that opens the side panel (the popup passes its handler, which must run in
 * the click itself).
 */
import { t } from '../../lib/i18n/t';
import { currentState } from '../../lib/procedures/progress';
import { local } from '../ui/language';
import { useCurrentEstablishment } from './useProcedures';

export function NextStep({ onOpenPanel }: { onOpenPanel?: () => void }) {
  const data = useCurrentEstablishment();
  if (!data?.establishment) return null;
  const state = currentState(data.progresses, data.establishment, data.meId);
  return (
    <section className="next-step" aria-label={t('procNextStep')}>
      {state ? (
        <>
          <p className="next-step__procedure">{local(state.procedure.title)}</p>
          <p className="next-step__count">
            {t('procProgressCount', state.checklist.filter((i) => state.progress.done[i.key]).length, state.checklist.length)}
          </p>
          {state.next && (
            <p className="next-step__next">
              {t('procNextStep')} : {local(state.next.step.title)}
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
