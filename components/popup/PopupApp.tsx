/**
 * The toolbar popup: which establishment Balise works for, and who "I" am among its
 * contacts on this workstation. Both choices are saved as soon as they are made.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n/t';
import { db } from '../../lib/profile/db';
import { openSidePanel } from '../../lib/procedures/background';
import { readSettings, setMe, writeSetting } from '../../lib/profile/store';
import { NextStep } from '../procedures/NextStep';
import { RemindersList } from '../procedures/RemindersList';
import { RestoreGuide } from './RestoreGuide';
import '../ui/theme.css';
import './PopupApp.css';

const openOptions = () => void browser.runtime.openOptionsPage();

/** The window is known before the click: opening the side panel must happen in the click itself, with no await before it. */
function useWindowId() {
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    void browser.windows.getCurrent().then((w) => setWindowId(w.id));
  }, []);
  return windowId;
}

export function PopupApp() {
  const id = useId();
  const windowId = useWindowId();
  const establishments = useLiveQuery(() => db.establishments.toArray(), []);
  const settings = useLiveQuery(() => readSettings(), []);
  if (establishments === undefined || settings === undefined) return <main className="popup" aria-busy="true" />;

  if (establishments.length === 0)
    return (
      <main className="popup">
        <h1 className="popup__title">{t('popupEmptyTitle')}</h1>
        <p className="popup__text">{t('popupEmptyText')}</p>
        <button type="button" className="button popup__wide" onClick={openOptions}>
          {t('popupCreate')}
        </button>
      </main>
    );

  const sorted = [...establishments].sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  const current = establishments.find((e) => e.id === settings.currentEstablishmentId);
  const me = current && current.contacts.some((c) => c.id === settings.me[current.id]) ? settings.me[current.id] : '';

  return (
    <main className="popup">
      <h1 className="popup__title">{t('extName')}</h1>
      <div className="popup__field">
        <label htmlFor={`${id}-establishment`} className="popup__label">
          {t('popupEstablishment')}
        </label>
        <select
          id={`${id}-establishment`}
          name="currentEstablishmentId"
          className="popup__select"
          value={current?.id ?? ''}
          onChange={(event) => void writeSetting('currentEstablishmentId', event.target.value || undefined)}
        >
          {!current && <option value="">{t('popupChooseEstablishment')}</option>}
          {sorted.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </select>
      </div>

      {current && (
        <div className="popup__field">
          <label htmlFor={`${id}-me`} className="popup__label">
            {t('popupMe')}
          </label>
          {current.contacts.length === 0 ? (
            <p className="popup__text">{t('popupNoContacts')}</p>
          ) : (
            <>
              <select
                id={`${id}-me`}
                name="me"
                className="popup__select"
                aria-describedby={`${id}-me-hint`}
                value={me}
                onChange={(event) => void setMe(current.id, event.target.value || undefined)}
              >
                <option value="">{t('popupMeNone')}</option>
                {current.contacts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {[c.firstName, c.lastName].join(' ')}
                    {c.jobTitle ? ` — ${c.jobTitle}` : ''}
                  </option>
                ))}
              </select>
              <p id={`${id}-me-hint`} className="popup__hint">
                {t('popupMeHint')}
              </p>
            </>
          )}
        </div>
      )}

      {current && <NextStep onOpenPanel={windowId === undefined ? undefined : () => void openSidePanel(windowId)} />}
      {current && <RemindersList />}
      <RestoreGuide />

      <button type="button" className="button button--secondary popup__wide" onClick={openOptions}>
        {t('popupOpenOptions')}
      </button>
    </main>
  );
}
