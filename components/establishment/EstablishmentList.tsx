/** The establishments of this workstation, with what tells them apart and their actions. */
import { t } from '../../lib/i18n/t';
import type { Establishment } from '../../lib/profile/schema';
import { statusLabel } from './choices';
import { isManaged } from '../../lib/profile/managed';
import './EstablishmentList.css';

interface EstablishmentListProps {
  establishments: readonly Establishment[];
  currentId: string | undefined;
  onCreate(): void;
  onOpen(establishment: Establishment): void;
  onDuplicate(establishment: Establishment): void;
  onDelete(establishment: Establishment): void;
}

export function EstablishmentList({ establishments, currentId, onCreate, onOpen, onDuplicate, onDelete }: EstablishmentListProps) {
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

  const sorted = [...establishments].sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  return (
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
      <tbody>
        {sorted.map((establishment) => {
          const managed = isManaged(establishment);
          const finess = [
            establishment.finessEj && t('optFinessEjShort', establishment.finessEj),
            establishment.finessEt && t('optFinessEtShort', establishment.finessEt),
          ].filter(Boolean);
          return (
            <tr key={establishment.id}>
              <th scope="row">
                <span className="establishments__label">{establishment.label}</span>
                {establishment.id === currentId && <span className="badge badge--current">{t('optCurrentBadge')}</span>}
                {managed && <span className="badge badge--managed">{t('optManagedBadge')}</span>}
              </th>
              <td>{establishment.legalName}</td>
              <td className="establishments__finess">
                {finess.length ? finess.map((f) => <div key={f}>{f}</div>) : t('optNone')}
              </td>
              <td>{statusLabel(establishment.status)}</td>
              <td>
                <div className="establishments__actions" role="group" aria-label={t('optActionsFor', establishment.label)}>
                  <button type="button" className="button button--small" onClick={() => onOpen(establishment)}>
                    {managed ? t('optView') : t('optEdit')}
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => onDuplicate(establishment)}
                  >
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
  );
}
