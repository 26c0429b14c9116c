/**
 * The toolbar popup: which establishment Balise works for, and who "I" am among its
 * contacts on this workstation. Both choices are saved as soon as they are made.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n/t';
import { optionsUrl } from '../../lib/autofill/messages';
import { fullName } from '../../lib/profile/names';
import { openDatabase, readEstablishment, readSummaries, readSettings, setMe, writeSetting } from '../../lib/store/queries';
import type { FirstScreen } from '../../lib/store/firstScreen';
import { useAfterPaint } from '../ui/afterPaint';
import { deferred } from '../ui/deferred';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Loading } from '../ui/Loading';
import '../ui/theme.css';
import './PopupApp.css';

const openOptions = () => void browser.runtime.openOptionsPage();
/** Straight to the form: a first-time user came to create, not to see an empty list. */
const openNewEstablishment = () => void browser.tabs.create({ url: optionsUrl('new') });
const notListed = 'notListed';

const popupGuidance = deferred(() => import('./PopupGuidance'));

/** `first`: the first read (lib/store/firstScreen.ts), drawn until the live queries answer. */
export function PopupApp({ first }: { first?: FirstScreen | undefined }) {
  return (
    <ErrorBoundary open={openDatabase}>
      <Popup first={first} />
    </ErrorBoundary>
  );
}

function Popup({ first }: { first: FirstScreen | undefined }) {
  const id = useId();
  // The choice of establishment needs only their summaries; the current one alone is read in full (its contacts).
  const establishments = useLiveQuery(readSummaries, []) ?? first?.establishments;
  // One query, so that a change of establishment shows the new one with its contacts at once.
  const chosen =
    useLiveQuery(async () => {
      const settings = await readSettings();
      const { currentEstablishmentId: currentId } = settings;
      return { settings, current: currentId === undefined ? undefined : await readEstablishment(currentId) };
    }, []) ?? (first && { settings: first.settings, current: first.records.get(first.settings.currentEstablishmentId ?? '') });
  // The next step, reminders and guide come once the choices are on screen (see PopupGuidance).
  const painted = useAfterPaint(establishments !== undefined && chosen !== undefined);
  const Guidance = popupGuidance.use(painted);
  if (establishments === undefined || chosen === undefined) return <main className="popup" aria-busy="true" />;

  if (establishments.length === 0)
    return (
      <main className="popup">
        <h1 className="popup__title">{t('popupEmptyTitle')}</h1>
        <p className="popup__text">{t('popupEmptyText')}</p>
        <button type="button" className="button popup__wide" onClick={openNewEstablishment}>
          {t('popupCreate')}
        </button>
        {/* Switching Balise on for the tab's site needs no establishment: the guide helps anyway. */}
        {painted && Guidance && <Guidance.PopupGuidance hasCurrent={false} />}
      </main>
    );

  const { settings, current } = chosen;
  // A closed list shows its choice only: the other options (a group's hundreds) follow the first paint.
  const listed = painted ? establishments : establishments.filter((e) => e.id === current?.id);
  const saidMe = current ? settings.me[current.id] : undefined;
  // '' = not said yet; notListed = « Je ne figure pas dans la liste », stored as null (a contact id is a UUID).
  const me = saidMe === null ? notListed : current?.contacts.find((c) => c.id === saidMe)?.id ?? '';

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
          aria-describedby={current ? undefined : `${id}-establishment-hint`}
          value={current?.id ?? ''}
          onChange={(event) => void writeSetting('currentEstablishmentId', event.target.value || undefined)}
        >
          {!current && <option value="">{t('popupChooseEstablishment')}</option>}
          {listed.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
          ))}
        </select>
        {/* Several establishments (an imported group's file) and none chosen: say why the choice matters. */}
        {!current && (
          <p id={`${id}-establishment-hint`} className="popup__hint">
            {t('popupChooseEstablishmentHint')}
          </p>
        )}
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
                onChange={(event) => void setMe(current.id, event.target.value === notListed ? null : event.target.value || undefined)}
              >
                {me === '' && <option value="">{t('popupMeChoose')}</option>}
                <option value={notListed}>{t('popupMeNone')}</option>
                {current.contacts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {fullName(c)}
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

      {painted && (Guidance ? <Guidance.PopupGuidance hasCurrent={current !== undefined} /> : <Loading className="popup__text" />)}

      <button type="button" className="button button--secondary popup__wide" onClick={openOptions}>
        {t('popupOpenOptions')}
      </button>
    </main>
  );
}
