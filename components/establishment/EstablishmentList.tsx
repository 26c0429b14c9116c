/**
 * The establishments of this workstation, with what tells them apart and their actions.
 * A workstation may hold hundreds of them (a GHT, a group of nursing homes): the list shows
 * one page at a time, with a filter and a count that screen readers hear when it changes.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { t } from '../../lib/i18n/t';
import { showDate } from '../../lib/i18n/date';
import { finessRecordUrl } from '../../lib/portals/finess-links';
import type { EstablishmentSummary } from '../../lib/store/rows';
import { statusLabel } from './status';
import { byLabel } from '../../lib/profile/names';
import { useAfterPaint } from '../ui/afterPaint';
import './EstablishmentList.css';

/** Each FINESS number links to its record in the annuaire (seed 004, « Vérifier la base FINESS »: one click). */
function FinessLinks({ establishment }: { establishment: EstablishmentSummary }) {
  const numbers = [
    ['EJ', establishment.finessEj, 'optFinessEjShort'],
    ['ET', establishment.finessEt, 'optFinessEtShort'],
  ] as const;
  const shown = numbers.filter(([, finess]) => finess !== undefined);
  if (shown.length === 0) return <>{t('optNone')}</>;
  return (
    <>
      {shown.map(([type, finess, label]) => (
        <div key={type}>
          <a href={finessRecordUrl(finess!)} target="_blank" rel="noreferrer" aria-label={t('finessRecordLink', type, finess!)} data-balise-finess-link={type}>
            {t(label, finess!)}
          </a>
        </div>
      ))}
      {establishment.finessReadOn && <div className="establishments__finess-mark">{t('finessMark', showDate(establishment.finessReadOn))}</div>}
    </>
  );
}

export type { EstablishmentSummary };

/** Rows the list shows at first and adds by each « Afficher les suivants ». */
export const PAGE_SIZE = 50;

/**
 * Rows drawn before the list's first paint: more than a screen holds (a row is at least ~48 px
 * high); the rest of the page follows right after it, so that its first paint does not wait
 * for rows below the fold (React's render and the layout of 50 rows took ~40 ms under load).
 */
const FIRST_PAINT_ROWS = 15;

/** Below this many, the whole list fits the eye and a filter would only be noise. */
const FILTER_FROM = 10;

/** Case, accents and repeated spaces do not matter to the filter: « ehpad equipe » finds « EHPAD Équipe ». */
const normalized = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

function matches(establishment: EstablishmentSummary, query: string): boolean {
  // FINESS numbers are typed with or without spaces (and Corsica's hold 2A / 2B).
  const compact = query.replace(/\s/g, '');
  return (
    normalized(establishment.label).includes(query) ||
    normalized(establishment.legalName).includes(query) ||
    [establishment.finessEj, establishment.finessEt].some((finess) => finess !== undefined && compact !== '' && finess.toLowerCase().includes(compact))
  );
}

interface EstablishmentListProps {
  establishments: readonly EstablishmentSummary[];
  currentId: string | undefined;
  onCreate(): void;
  onOpen(establishment: EstablishmentSummary): void;
  onDuplicate(establishment: EstablishmentSummary): void;
  onDelete(establishment: EstablishmentSummary): void;
}

export function EstablishmentList({ establishments, currentId, onCreate, onOpen, onDuplicate, onDelete }: EstablishmentListProps) {
  const [filter, setFilter] = useState('');
  const [shownCount, setShownCount] = useState(PAGE_SIZE);
  /** The index of the first row a « show more » added, which then gets the focus (the button may be gone). */
  const firstAdded = useRef<number>(undefined);
  const tbody = useRef<HTMLTableSectionElement>(null);
  const filterId = useId();

  const sorted = useMemo(() => [...establishments].sort(byLabel), [establishments]);
  const query = normalized(filter);
  const found = useMemo(() => (query ? sorted.filter((e) => matches(e, query)) : sorted), [sorted, query]);
  const shown = found.slice(0, shownCount);
  // The count says the page's rows while the ones below the fold are still to come: the same text, nothing to announce.
  const drawn = useAfterPaint(true) ? shown : shown.slice(0, FIRST_PAINT_ROWS);

  useEffect(() => {
    if (firstAdded.current === undefined) return;
    tbody.current?.rows[firstAdded.current]?.cells[0]?.focus();
    firstAdded.current = undefined;
  }, [shownCount]);

  if (establishments.length === 0)
    return (
      <div className="empty-state">
        <h3 className="empty-state__title">{t('optEmptyTitle')}</h3>
        <p>{t('optEmptyText')}</p>
        <button type="button" className="button" onClick={onCreate}>
          {t('optCreateFirst')}
        </button>
      </div>
    );

  const total = establishments.length;
  const remaining = found.length - shown.length;
  const count = query
    ? found.length === 0
      ? t('optCountNone', filter.trim())
      : found.length === 1
        ? t('optCountFoundOne', String(total))
        : t('optCountFound', String(found.length), String(total), String(shown.length))
    : t('optCountShown', String(shown.length), String(total));

  const showMore = () => {
    firstAdded.current = shown.length;
    setShownCount(shownCount + PAGE_SIZE);
  };

  return (
    <>
      {total > FILTER_FROM && (
        <div className="establishments-filter">
          <label htmlFor={filterId} className="establishments-filter__label">
            {t('optFilterLabel')}
          </label>
          <p id={`${filterId}-hint`} className="establishments-filter__hint">
            {t('optFilterHint')}
          </p>
          <input
            id={filterId}
            type="search"
            className="establishments-filter__input"
            aria-describedby={`${filterId}-hint`}
            autoComplete="off"
            value={filter}
            onChange={(event) => {
              setFilter(event.target.value);
              setShownCount(PAGE_SIZE);
            }}
          />
        </div>
      )}
      {(total > FILTER_FROM || remaining > 0) && (
        <p className="establishments-count" aria-live="polite" aria-atomic="true">
          {count}
        </p>
      )}
      {shown.length > 0 && (
        <table className="establishments">
          <thead>
            <tr>
              <th scope="col">{t('optColLabel')}</th>
              <th scope="col">{t('optColLegalName')}</th>
              <th scope="col">{t('optColFiness')}</th>
              <th scope="col">{t('optColStatus')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('optColActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody ref={tbody}>
            {drawn.map((establishment) => {
              const managed = establishment.managed === true;
              return (
                <tr key={establishment.id}>
                  <th scope="row" tabIndex={-1}>
                    <span className="establishments__label">{establishment.label}</span>
                    {establishment.id === currentId && <span className="badge badge--current">{t('optCurrentBadge')}</span>}
                    {managed && <span className="badge badge--managed">{t('optManagedBadge')}</span>}
                  </th>
                  <td>{establishment.legalName}</td>
                  <td className="establishments__finess">
                    <FinessLinks establishment={establishment} />
                  </td>
                  <td>{statusLabel(establishment.status)}</td>
                  <td>
                    {/* No primary button on a row: 500 of them drowned « Nouvel établissement », the page's one primary action (third walk, NEW-11). */}
                    <div className="establishments__actions" role="group" aria-label={t('optActionsFor', establishment.label)}>
                      <button type="button" className="button button--secondary button--small" onClick={() => onOpen(establishment)}>
                        {managed ? t('optView') : t('optEdit')}
                      </button>
                      <button type="button" className="button button--tertiary button--small" onClick={() => onDuplicate(establishment)}>
                        {t('optDuplicate')}
                      </button>
                      {!managed && (
                        <button
                          type="button"
                          className="button button--tertiary button--small"
                          onClick={() => onDelete(establishment)}
                        >
                          {t('optDelete')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {remaining > 0 && (
        <button type="button" className="button button--secondary establishments-more" onClick={showMore}>
          {t('optShowMore', String(Math.min(PAGE_SIZE, remaining)))}
        </button>
      )}
    </>
  );
}
