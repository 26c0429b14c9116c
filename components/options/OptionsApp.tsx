/**
 * The options page: the list of establishments, and the editor of one of them. Which
 * establishment is open is kept in sessionStorage, so that a reload reopens it (with its
 * unsaved draft, see EstablishmentEditor). Every open page follows the database live.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n/t';
import type { Establishment } from '../../lib/profile/schema';
import { openDatabase, readEstablishment, readSummaries, readSettings, writeSetting, type EstablishmentSummary } from '../../lib/store/queries';
import type { FirstScreen } from '../../lib/store/firstScreen';
import { draftKey, editingKey } from '../../lib/store/storage';
import { optionsHash } from '../../lib/autofill/messages';
import { EstablishmentList } from '../establishment/EstablishmentList';
import { preloadTransferDialogs, TransferActions } from '../transfer/TransferActions';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useAfterPaint } from '../ui/afterPaint';
import { deferred } from '../ui/deferred';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Loading } from '../ui/Loading';
import '../ui/theme.css';
import './OptionsApp.css';

/**
 * `#establishment=<id>&field=<name>` opens that establishment and focuses that field: the
 * form 413 sheet and the checklists link here to fix a missing value. `#new` opens the editor
 * on a new establishment (the popup's and the guide's « Créer mon établissement »).
 */
function readDeepLink(): { id: string; field?: string | undefined; created?: true } | undefined {
  if (location.hash === `#${optionsHash('new')}`) {
    const id = crypto.randomUUID();
    sessionStorage.setItem(editingKey, id);
    // A reload reopens this draft (editingKey) rather than starting yet another establishment.
    history.replaceState(null, '', location.pathname + location.search);
    return { id, created: true };
  }
  const params = new URLSearchParams(location.hash.slice(1));
  const id = params.get('establishment');
  if (!id) return undefined;
  sessionStorage.setItem(editingKey, id);
  return { id, field: params.get('field') ?? undefined };
}

function useFocusField(field: string | undefined, ready: boolean) {
  useEffect(() => {
    if (!field || !ready) return;
    // A field by its name, else a whole section (e.g. "contacts"), whose first control gets the focus.
    const target = document.getElementsByName(field)[0] ?? document.getElementById(`section-${field}`);
    const control = target?.matches('input, select, textarea, button') ? target : target?.querySelector<HTMLElement>('input, select, textarea, button');
    control?.scrollIntoView?.({ block: 'center' });
    control?.focus();
  }, [field, ready]);
}

/**
 * The editor, and the procedures whose reminders follow a save or a delete, are loaded apart:
 * the list draws without parsing them; the editor is fetched as soon as the list is on screen.
 */
const editorPane = deferred(() => import('./EditorPane'));
/** The establishments' writes, with the profile's schema (zod): loaded after the list's first paint. */
const profileWrites = deferred(() => import('../../lib/store/profile'));
/** Needs the portal modules (their names): loaded after the list's first paint. */
const sitesSection = deferred(() => import('./SitesSection'));
/** The fields the user taught (issue 14): loaded after the list's first paint too. */
const lessonsSection = deferred(() => import('./LessonsSection'));
/** Re-plans the reminders in the background of the page; the daily re-plan catches up on a failure (a database closing as the page goes). */
const syncReminders = () =>
  void import('../../lib/procedures/reminders')
    .then((module) => module.syncReminders(browser.alarms))
    .catch((error: unknown) => console.warn('Balise: reminders not re-planned now', error));

/** The label field holds 60 characters at most. */
const copyLabel = (label: string) => t('optCopyLabel', label).slice(0, 60);

/**
 * The page, which says so when its database cannot open or its render fails. `first`: the
 * first read (lib/store/firstScreen.ts), drawn until the live queries answer.
 */
export function OptionsApp({ first }: { first?: FirstScreen | undefined }) {
  return (
    // With the first read in, the database opens fine: Dexie opens it once the list is painted (OptionsPage), and its live queries report a failure here then.
    <ErrorBoundary open={first ? undefined : openDatabase}>
      <OptionsPage first={first} />
    </ErrorBoundary>
  );
}

function OptionsPage({ first }: { first: FirstScreen | undefined }) {
  // The list is drawn from the first read (its summaries, settings), then follows the database. Drawn so, it
  // waits for its paint before Dexie opens the database: that opening held the main thread ~12 ms right before
  // the list's frame (trace of 30/11). Without it (a database to create or upgrade), the list waits for Dexie.
  const early = useLiveQuery(() => (first ? undefined : readSummaries()), []) ?? first?.establishments;
  // Once the list is on screen: the live list and settings, the other sections, and the code of the editor and the dialogs.
  const painted = useAfterPaint(early !== undefined);
  const establishments = useLiveQuery(() => (painted ? readSummaries() : undefined), [painted]) ?? early;
  useEffect(() => {
    if (!painted) return;
    void editorPane.preload();
    void profileWrites.preload();
    void preloadTransferDialogs();
  }, [painted]);
  const settings = useLiveQuery(() => (first && !painted ? undefined : readSettings()), [painted]) ?? first?.settings;
  const [deepLink] = useState(readDeepLink);
  const [editingId, setEditingId] = useState(() => sessionStorage.getItem(editingKey) ?? undefined);
  /** The id given to a new establishment: nothing to read before its editor opens. */
  const [creatingId, setCreatingId] = useState(deepLink?.created && deepLink.id);
  const [deleting, setDeleting] = useState<EstablishmentSummary>();
  const [announcement, setAnnouncement] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);

  // A live region only speaks when its text changes: the same message twice differs by a no-break space.
  const announce = (text: string) => setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));

  const create = () => {
    const id = crypto.randomUUID();
    setCreatingId(id);
    openEditor(id);
  };
  const openEditor = (id: string) => {
    sessionStorage.setItem(editingKey, id);
    setEditingId(id);
    window.scrollTo?.(0, 0);
  };
  const closeEditor = () => {
    sessionStorage.removeItem(editingKey);
    setEditingId(undefined);
    // The list is rendered again by then.
    setTimeout(() => listHeading.current?.focus());
  };

  /** Opens a copy in the editor, stored only once the user saves it. */
  async function duplicate(summary: EstablishmentSummary) {
    const [establishment, { copyOf }, { keepCopyDraft }] = await Promise.all([readEstablishment(summary.id), profileWrites.preload(), editorPane.preload()]);
    if (!establishment) return;
    // A copy is the user's own profile, editable, even when the original was pushed by the DSI. It is another
    // establishment of the same legal entity (FINESS EJ kept): its FINESS géographique and SIRET are its own to
    // type, else two records would carry one identity; the day the FINESS was read and the taught fields go with them.
    const { managed: _managed, finessEt: _finessEt, siret: _siret, finessReadOn: _readOn, lessons: _lessons, ...own } = establishment;
    const copy = copyOf(own, copyLabel(own.label));
    keepCopyDraft(copy, own.label);
    setCreatingId(copy.id);
    announce(t('optDuplicated', own.label, t('optSave')));
    openEditor(copy.id);
  }

  async function confirmDelete(establishment: EstablishmentSummary) {
    setDeleting(undefined);
    await (await profileWrites.preload()).deleteEstablishment(establishment.id);
    syncReminders();
    sessionStorage.removeItem(draftKey(establishment.id));
    announce(t('optDeleted', establishment.label));
    listHeading.current?.focus();
  }

  async function onSaved(saved: Establishment, wasNew: boolean) {
    // Certificates may have changed: their expiry reminders follow now rather than at the daily re-plan.
    syncReminders();
    // The first establishment of a workstation becomes its current one, which the popup shows.
    if (wasNew && !(await readSettings()).currentEstablishmentId) await writeSetting('currentEstablishmentId', saved.id);
  }

  // Tagged with its id, so that a reading of the previously opened establishment is never taken for this one's.
  const opened = useLiveQuery(
    async () => (editingId === undefined ? undefined : { id: editingId, stored: await readEstablishment(editingId) }),
    [editingId],
  );
  const editing = opened?.id === editingId ? opened?.stored : undefined;
  const Editor = editorPane.use(editingId !== undefined);
  const Sites = sitesSection.use(painted && editingId === undefined);
  const Lessons = lessonsSection.use(painted && editingId === undefined);
  // A new establishment opens at once; a stored one once it is read in full.
  const reading = editingId !== undefined && editingId !== creatingId && opened?.id !== editingId;
  const loading = establishments === undefined || settings === undefined || reading;
  useFocusField(deepLink?.field, !loading && editing !== undefined && editing.id === deepLink?.id);

  return (
    <>
      <div className="page" inert={deleting !== undefined}>
        <header className="page__header">
          <div className="page__brand">
            <span className="page__logo" aria-hidden="true">
              B
            </span>
            <h1 className="page__title">{t('optTitle')}</h1>
          </div>
          <div className="page__tools">
            <TransferActions />
          </div>
        </header>

        <main className="page__main">
          {loading ? (
            <Loading />
          ) : editingId !== undefined ? (
            Editor ? (
              <Editor.EditorPane
                key={editingId}
                establishmentId={editingId}
                stored={editing}
                announce={announce}
                onSaved={onSaved}
                onClose={closeEditor}
              />
            ) : (
              <Loading />
            )
          ) : (
            <section aria-labelledby="list-title">
              <div className="list-head">
                <div>
                  <h2 id="list-title" ref={listHeading} tabIndex={-1} className="list-head__title">
                    {t('optListHeading')}
                  </h2>
                  <p className="list-head__intro">{t('optListIntro')}</p>
                </div>
                {establishments.length > 0 && (
                  <button type="button" className="button" onClick={create}>
                    {t('optNew')}
                  </button>
                )}
              </div>
              <EstablishmentList
                establishments={establishments}
                currentId={settings.currentEstablishmentId}
                onCreate={create}
                onOpen={(e) => openEditor(e.id)}
                onDuplicate={(e) => void duplicate(e)}
                onDelete={setDeleting}
              />
            </section>
          )}
          {!loading && editingId === undefined && Lessons && <Lessons.LessonsSection announce={announce} />}
          {!loading && editingId === undefined && Sites && <Sites.SitesSection announce={announce} />}
        </main>
      </div>

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      {deleting && (
        <ConfirmDialog
          title={t('optDeleteTitle', deleting.label)}
          description={t('optDeleteText', deleting.label)}
          confirmLabel={t('optDelete')}
          cancelLabel={t('optCancel')}
          danger
          onCancel={() => setDeleting(undefined)}
          onConfirm={() => void confirmDelete(deleting)}
        />
      )}
    </>
  );
}
