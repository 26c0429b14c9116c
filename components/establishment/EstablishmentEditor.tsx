/**
 * The form of one establishment. What the user types stays a draft until it passes
 * normalise + schema; only then can it be saved. Unsaved changes survive a reload (the
 * draft is kept in sessionStorage, by establishment id) and are never dropped without a
 * question: closing asks, leaving the page asks (beforeunload). An edit remembers the
 * revision it began from: when another page saves or deletes the establishment meanwhile,
 * a banner says so and the save is refused until the user picks a version (lib/store/profile.ts).
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { t, tp, type Message } from '../../lib/i18n/t';
import { regionOfDepartement } from '../../lib/profile/departements';
import { establishmentFields } from '../../lib/profile/fields';
import { coherenceWarnings, shownValue } from '../../lib/profile/identifiers';
import type { Establishment, Role } from '../../lib/profile/schema';
import { revisionOf, saveEstablishment, StaleRevisionError, type SaveBase } from '../../lib/store/profile';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { describeFailure } from '../ui/ErrorBoundary';
import { CertificatesSection, certificateLegend } from './CertificatesSection';
import { categoryOptions, departementOptions, regionOptions, statusOptions } from './choices';
import { ContactsSection, contactLegend } from './ContactsSection';
import {
  applyChange,
  checkDraft,
  emptyDraft,
  fieldDomId,
  getAt,
  isSameDraft,
  isSirenOfSiret,
  newCertificateDraft,
  newContactDraft,
  pathKey,
  removeContact,
  toCandidate,
  toDraft,
  type EstablishmentDraft,
} from './draft';
import { ErrorSummary, ProblemLinks } from './ErrorSummary';
import { FormContext, SelectField, TextField, type FormApi } from './fields';
import { draftKey } from '../../lib/store/storage';
import './EstablishmentEditor.css';

/** What an edit began from: the stored row's revision, or 'new' for an establishment not saved yet. */
type EditBase = Exclude<SaveBase, 'overwrite'>;
const baseOf = (stored: Establishment | undefined): EditBase => (stored ? { revision: revisionOf(stored) } : 'new');

/**
 * The draft kept across reloads, with the base it began from: a reload must not hide another page's save.
 * `copyOf`: the label of the establishment it copies, until the copy is saved.
 */
interface SessionDraft {
  draft: EstablishmentDraft;
  base: EditBase;
  copyOf?: string;
}

/**
 * Opens `copy` of the establishment labelled `of` as the draft of a new one: the editor reads it as a
 * draft kept across reloads, and nothing is stored until « Enregistrer ».
 */
export function keepCopyDraft(copy: Establishment, of: string) {
  const kept: SessionDraft = { draft: toDraft(copy), base: 'new', copyOf: of };
  sessionStorage.setItem(draftKey(copy.id), JSON.stringify(kept));
}

function readSessionDraft(establishmentId: string): SessionDraft | undefined {
  try {
    const stored = JSON.parse(sessionStorage.getItem(draftKey(establishmentId)) ?? 'null') as Partial<SessionDraft> | null;
    const base = stored?.base;
    const validBase = base === 'new' || (typeof base === 'object' && base !== null && (base.revision === undefined || typeof base.revision === 'string'));
    const copyOf = typeof stored?.copyOf === 'string' ? { copyOf: stored.copyOf } : {};
    // Fields added since the draft was written get their empty value.
    if (stored?.draft?.id === establishmentId && validBase) return { draft: { ...emptyDraft(establishmentId), ...stored.draft }, base, ...copyOf };
  } catch {
    // An unreadable draft is dropped: the stored profile is still there.
  }
  return undefined;
}

/** The stored establishment moved on since the edit began: saved by another page (`current`), or deleted. */
type Conflict = { kind: 'changed'; current: Establishment } | { kind: 'deleted' };

function conflictOf(base: EditBase, stored: Establishment | undefined, dirty: boolean): Conflict | undefined {
  if (base === 'new') return undefined;
  if (!stored) return { kind: 'deleted' };
  // Without changes here the editor simply follows the newer row.
  return dirty && revisionOf(stored) !== base.revision ? { kind: 'changed', current: stored } : undefined;
}

interface EstablishmentEditorProps {
  establishmentId: string;
  /** The saved profile; undefined while it is a new one. */
  stored: Establishment | undefined;
  readOnly?: boolean;
  announce(text: string): void;
  /** What the page does after a save; awaited, its failure is logged (the save itself is done). */
  onSaved(saved: Establishment, wasNew: boolean): void | Promise<void>;
  onClose(): void;
}

/** `restored`: the draft came back from a reload; `copyOf`, as in SessionDraft. */
interface EditorState {
  baseline: EstablishmentDraft;
  draft: EstablishmentDraft;
  restored: boolean;
  base: EditBase;
  copyOf?: string;
}

export function EstablishmentEditor({ establishmentId, stored, readOnly = false, announce, onSaved, onClose }: EstablishmentEditorProps) {
  const [state, setState] = useState((): EditorState => {
    const baseline = stored ? toDraft(stored) : emptyDraft(establishmentId);
    const session = readOnly ? undefined : readSessionDraft(establishmentId);
    if (session === undefined || isSameDraft(session.draft, baseline)) return { baseline, draft: baseline, restored: false, base: baseOf(stored) };
    // A copy (keepCopyDraft) is told by its heading, not as a draft brought back.
    return { baseline, draft: session.draft, restored: session.copyOf === undefined, base: session.base, ...(session.copyOf === undefined ? {} : { copyOf: session.copyOf }) };
  });
  const { baseline, draft, base } = state;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  /** Contacts and certificates added since the last save attempt: their empty fields are not errors until tried or left. */
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  /** The last save went through, and nothing changed since: said next to the button, with the warnings it kept. */
  const [justSaved, setJustSaved] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ id: string } | undefined>();
  const [summaryFocus, setSummaryFocus] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const savedWarningsList = useRef<HTMLDivElement>(null);
  const savedWarningsId = useId();
  const dirty = !readOnly && !isSameDraft(draft, baseline);
  /** What a refused save found, until the live row catches up with it. */
  const [refused, setRefused] = useState<Conflict>();
  const conflict = readOnly ? undefined : (conflictOf(base, stored, dirty) ?? (dirty ? refused : undefined));

  const setDraft = (update: (draft: EstablishmentDraft) => EstablishmentDraft) => {
    setState((s) => ({ ...s, draft: update(s.draft) }));
    setJustSaved(false);
  };

  /** Takes this row as the new starting point, dropping what was typed here. */
  const startFrom = (row: Establishment) => {
    const fresh = toDraft(row);
    setState({ baseline: fresh, draft: fresh, restored: false, base: baseOf(row) });
    setRefused(undefined);
  };

  // The saved profile changed in another page: follow it, unless the user is typing here.
  useEffect(() => {
    if (stored && !dirty) startFrom(stored);
    // Keyed on the revision: a new save matters, not each keystroke here.
  }, [stored && revisionOf(stored)]);

  useEffect(() => {
    const kept: SessionDraft = { draft, base, ...(state.copyOf === undefined ? {} : { copyOf: state.copyOf }) };
    if (dirty) sessionStorage.setItem(draftKey(establishmentId), JSON.stringify(kept));
    else sessionStorage.removeItem(draftKey(establishmentId));
  }, [dirty, draft, base, state.copyOf, establishmentId]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium versions only ask when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.id)?.focus();
  }, [focusRequest]);

  useEffect(() => {
    if (summaryFocus) summary.current?.focus();
  }, [summaryFocus]);

  const check = useMemo(() => checkDraft(draft), [draft]);
  const isFresh = (key: string) => {
    const [head, index] = key.split('.');
    const item = head === 'contacts' || head === 'certificates' ? draft[head][Number(index)] : undefined;
    return item !== undefined && fresh.has(item.id);
  };
  const shownProblems = submitted ? check.problems.filter((problem) => !isFresh(pathKey(problem.path))) : [];
  const problemByKey = useMemo(() => {
    const map = new Map<string, Message>();
    for (const problem of check.problems) {
      const key = pathKey(problem.path);
      if (!map.has(key)) map.set(key, problem.message);
    }
    return map;
  }, [check]);
  const warningByKey = useMemo(() => {
    const candidate = toCandidate(draft) as { finessEj?: string; finessEt?: string; address?: Record<string, string> };
    const warnings = coherenceWarnings({
      finessEj: candidate.finessEj,
      finessEt: candidate.finessEt,
      postalCode: candidate.address?.postalCode,
      departement: candidate.address?.departement,
    });
    return new Map<string, Message>(warnings.map((w) => [establishmentFields[w.field].path, w.message]));
  }, [draft]);

  const idFor = (key: string) => fieldDomId(draft, key);
  const form: FormApi = {
    readOnly,
    value: (key) => {
      const value = getAt(draft, key);
      return typeof value === 'string' ? value : '';
    },
    change: (key, value) => setDraft((d) => applyChange(d, key, value)),
    touch: (key) => setTouched((keys) => (keys.has(key) ? keys : new Set(keys).add(key))),
    idFor,
    errorFor: (key) => ((submitted && !isFresh(key)) || touched.has(key) ? problemByKey.get(key) : undefined),
    warningFor: (key) => warningByKey.get(key),
  };

  const contextOf = (key: string) => {
    const [head, index] = key.split('.');
    const position = Number(index);
    if (head === 'contacts' && draft.contacts[position]) return contactLegend(draft.contacts[position], position);
    if (head === 'certificates' && draft.certificates[position])
      return certificateLegend(draft.certificates[position], position);
    return undefined;
  };

  const title = stored?.label ?? (draft.label.trim() || t('optUntitled'));

  async function afterSave(saved: Establishment, wasNew: boolean) {
    try {
      await onSaved(saved, wasNew);
    } catch (error) {
      // Told apart from a failed save: the user's data is stored, only the page's follow-up (reminders, current establishment) is not.
      console.warn('Balise: saved, but what follows the save failed', error);
    }
  }

  async function save(event: FormEvent | undefined, basedOn: SaveBase = base) {
    event?.preventDefault();
    if (readOnly) return;
    setSubmitted(true);
    setFresh(new Set());
    if (!check.ok) {
      announce(tp('optSummaryTitle', check.problems.length));
      setSummaryFocus((n) => n + 1);
      return;
    }
    try {
      // The form does not show the fields the user taught (options page, « Champs appris ») nor the day
      // it was compared with the annuaire FINESS (the list shows it): they stay as stored.
      const lessons = stored?.lessons ? { lessons: stored.lessons } : {};
      const readOn = stored?.finessReadOn ? { finessReadOn: stored.finessReadOn } : {};
      const saved = await saveEstablishment({ ...check.establishment, ...lessons, ...readOn }, undefined, basedOn);
      startFrom(saved);
      setSubmitted(false);
      setTouched(new Set());
      setJustSaved(true);
      announce(t('optSaved', saved.label));
      await afterSave(saved, base === 'new');
    } catch (error) {
      if (error instanceof StaleRevisionError) {
        setRefused(error.current ? { kind: 'changed', current: error.current } : { kind: 'deleted' });
        announce(t(error.current ? 'optSaveRefusedChanged' : 'optSaveRefusedDeleted', title));
        return;
      }
      // The draft stays on screen and in sessionStorage: nothing typed is lost.
      announce(t('optSaveFailed', describeFailure(error)));
    }
  }

  const closeWithoutSaving = () => {
    sessionStorage.removeItem(draftKey(establishmentId));
    onClose();
  };

  const requestClose = () => (dirty ? setConfirmingClose(true) : onClose());

  const departement = draft.address.departement;
  const suggestedRegion = regionOfDepartement(departement)?.name;
  const regionNote =
    suggestedRegion && draft.address.region === suggestedRegion ? t('optRegionSuggested', shownValue('region', suggestedRegion)) : undefined;
  const sirenNote = isSirenOfSiret(draft) ? t('optSirenFromSiret') : undefined;
  const warnings = [...warningByKey].map(([key, message]) => ({ path: key.split('.'), message }));
  // Warnings do not block a save (a commune served by a neighbouring département's post office is real): they are listed once it is done.
  const savedWarnings = justSaved && !dirty && warnings.length > 0;

  return (
    <section className="editor" aria-labelledby="editor-title">
      <div inert={confirmingClose}>
        <div className="editor__head">
          <button type="button" className="button button--tertiary" onClick={requestClose}>
            <span aria-hidden="true">←</span> {t('optBackToList')}
          </button>
          <h2 id="editor-title" className="editor__title">
            {readOnly
              ? t('optViewTitle', title)
              : base !== 'new'
                ? t('optEditTitle', title)
                : state.copyOf !== undefined
                  ? t('optEditTitleCopy', state.copyOf)
                  : t('optEditTitleNew')}
            {readOnly && <span className="badge badge--managed">{t('optManagedBadge')}</span>}
          </h2>
        </div>

        {readOnly && (
          <div className="notice">
            <p>{t('optManagedNotice')}</p>
          </div>
        )}
        {state.copyOf !== undefined && (
          <div className="notice">
            <p>{t('optCopyNotice', t('fieldFinessEt'), t('fieldSiret'), t('fieldFinessEj'))}</p>
          </div>
        )}
        {conflict && (
          <ConflictNotice conflict={conflict} label={title} onTakeTheirs={startFrom} onKeepMine={() => void save(undefined, 'overwrite')} onClose={closeWithoutSaving} />
        )}
        {state.restored && dirty && (
          <div className="notice" role="status">
            <p>{t('optDraftRestored')}</p>
            <button
              type="button"
              className="button button--tertiary button--small"
              onClick={() => setState((s) => ({ ...s, draft: s.baseline, restored: false }))}
            >
              {t('optDiscardDraft')}
            </button>
          </div>
        )}
        {savedWarnings && (
          <div ref={savedWarningsList} id={savedWarningsId} className="warning-summary" tabIndex={-1} aria-labelledby={`${savedWarningsId}-title`}>
            <h3 id={`${savedWarningsId}-title`} className="warning-summary__title">
              {tp('optSavedWarnings', warnings.length)}
            </h3>
            <ProblemLinks problems={warnings} idFor={idFor} contextOf={contextOf} />
          </div>
        )}
        {shownProblems.length > 0 && <ErrorSummary ref={summary} problems={shownProblems} idFor={idFor} contextOf={contextOf} />}

        <FormContext value={form}>
          <form className="editor__form" noValidate onSubmit={save} aria-labelledby="editor-title">
            {!readOnly && <p className="editor__required-note">{t('optRequiredNote')}</p>}

            <fieldset className="section">
              <legend className="section__title">{t('optSectionIdentity')}</legend>
              <div className="grid">
                <TextField k="label" required hint={t('fieldLabelHint')} />
                <TextField k="legalName" required hint={t('fieldLegalNameHint')} autoComplete="organization" />
                <SelectField k="status" required options={statusOptions()} placeholder={t('optChoose')} hint={t('fieldStatusHint')} />
                <SelectField k="category" required options={categoryOptions()} placeholder={t('optChoose')} />
                <TextField k="group" />
              </div>
            </fieldset>

            <fieldset className="section">
              <legend className="section__title">{t('optSectionIdentifiers')}</legend>
              <p className="section__hint">{t('optSectionIdentifiersHint')}</p>
              <div className="grid">
                <TextField k="finessEj" hint={t('fieldFinessEjHint')} />
                <TextField k="finessEt" hint={t('fieldFinessEtHint')} />
                <TextField k="siren" inputMode="numeric" hint={t('fieldSirenHint')} note={sirenNote} />
                <TextField k="siret" inputMode="numeric" hint={t('fieldSiretHint')} />
              </div>
            </fieldset>

            <fieldset className="section">
              <legend className="section__title">{t('optSectionAddress')}</legend>
              <div className="grid">
                <TextField k="address.street" className="grid__wide" autoComplete="address-line1" />
                <TextField k="address.complement" className="grid__wide" autoComplete="address-line2" />
                <TextField k="address.postalCode" inputMode="numeric" autoComplete="postal-code" />
                <TextField k="address.city" autoComplete="address-level2" />
                <SelectField k="address.departement" options={departementOptions()} placeholder={t('optChoose')} />
                <SelectField k="address.region" options={regionOptions()} placeholder={t('optChoose')} note={regionNote} />
                <TextField k="phone" type="tel" inputMode="tel" />
              </div>
            </fieldset>

            <fieldset className="section">
              <legend className="section__title">{t('optSectionMail')}</legend>
              <div className="grid">
                <TextField k="mailDomain" hint={t('fieldMailDomainHint')} />
                <TextField k="mssDomain" hint={t('fieldMssDomainHint')} />
              </div>
            </fieldset>

            <fieldset className="section">
              <legend className="section__title">{t('optSectionSoftware')}</legend>
              <p className="section__hint">{t('optSectionSoftwareHint')}</p>
              <div className="grid">
                <TextField k="software.vendor" />
                <TextField k="software.product" />
                <TextField k="software.version" />
              </div>
            </fieldset>

            <fieldset className="section">
              <legend className="section__title">{t('optSectionOrgMailbox')}</legend>
              <p className="section__hint">{t('optSectionOrgMailboxHint')}</p>
              <div className="grid">
                <TextField k="orgMailbox.email" type="email" inputMode="email" />
                <TextField k="orgMailbox.service" />
                <TextField
                  k="orgMailbox.description"
                  multiline
                  className="grid__wide"
                  hint={t('fieldOrgMailboxDescriptionHint')}
                />
              </div>
            </fieldset>

            <ContactsSection
              contacts={draft.contacts}
              readOnly={readOnly}
              onAdd={() => {
                const contact = newContactDraft();
                setDraft((d) => ({ ...d, contacts: [...d.contacts, contact] }));
                setFresh((ids) => new Set(ids).add(contact.id));
                setFocusRequest({ id: `contact-${contact.id}-civility` });
                announce(t('optContactAdded'));
              }}
              onRemove={(contact) => {
                setDraft((d) => removeContact(d, contact.id));
                setFocusRequest({ id: 'add-contact' });
                announce(t('optContactRemoved'));
              }}
              onToggleRole={(index, role: Role, checked) =>
                setDraft((d) => {
                  const roles = d.contacts[index]?.roles ?? [];
                  const next = checked ? [...roles.filter((r) => r !== role), role] : roles.filter((r) => r !== role);
                  return { ...d, contacts: d.contacts.map((c, i) => (i === index ? { ...c, roles: next } : c)) };
                })
              }
            />

            <CertificatesSection
              certificates={draft.certificates}
              contacts={draft.contacts}
              readOnly={readOnly}
              onAdd={() => {
                const certificate = newCertificateDraft();
                setDraft((d) => ({ ...d, certificates: [...d.certificates, certificate] }));
                setFresh((ids) => new Set(ids).add(certificate.id));
                setFocusRequest({ id: `certificate-${certificate.id}-kind` });
                announce(t('optCertificateAdded'));
              }}
              onRemove={(certificate) => {
                setDraft((d) => ({ ...d, certificates: d.certificates.filter((c) => c.id !== certificate.id) }));
                setFocusRequest({ id: 'add-certificate' });
                announce(t('optCertificateRemoved'));
              }}
            />

            <div className="editor__actions">
              {dirty && <p className="editor__dirty">{t('optUnsaved')}</p>}
              {justSaved && !dirty && (
                // One line in the footer, which stays on screen: the warnings' list is in the form (savedWarnings).
                <p className="editor__saved">
                  <span className="editor__saved-mark">{t('optSavedMark')}</span>
                  {savedWarnings && (
                    <>
                      {' — '}
                      <a
                        href={`#${savedWarningsId}`}
                        onClick={(event) => {
                          event.preventDefault();
                          savedWarningsList.current?.scrollIntoView?.({ block: 'start' });
                          savedWarningsList.current?.focus();
                        }}
                      >
                        {tp('optSavedWarnings', warnings.length)}
                      </a>
                    </>
                  )}
                </p>
              )}
              <button type="button" className="button button--secondary" onClick={requestClose}>
                {t('optClose')}
              </button>
              {!readOnly && (
                <button type="submit" className="button">
                  {t('optSave')}
                </button>
              )}
            </div>
          </form>
        </FormContext>
      </div>

      {confirmingClose && (
        <ConfirmDialog
          title={t('optDiscardTitle')}
          description={t('optDiscardText', title)}
          confirmLabel={t('optDiscardConfirm')}
          cancelLabel={t('optKeepEditing')}
          danger
          onCancel={() => setConfirmingClose(false)}
          onConfirm={() => {
            setConfirmingClose(false);
            closeWithoutSaving();
          }}
        />
      )}
    </section>
  );
}

interface ConflictNoticeProps {
  conflict: Conflict;
  label: string;
  onTakeTheirs(current: Establishment): void;
  onKeepMine(): void;
  onClose(): void;
}

/** Says what another page did, and lets the user choose which version stays: nothing is overwritten without that choice. */
function ConflictNotice({ conflict, label, onTakeTheirs, onKeepMine, onClose }: ConflictNoticeProps) {
  const action = (text: string, onClick: () => void) => (
    <button type="button" className="button button--secondary button--small" onClick={onClick}>
      {text}
    </button>
  );
  return (
    <div className="notice notice--conflict" role="alert">
      {conflict.kind === 'changed' ? (
        <>
          <p>{t('optConflictChanged', label)}</p>
          {action(t('optConflictTakeTheirs'), () => onTakeTheirs(conflict.current))}
          {action(t('optConflictOverwrite'), onKeepMine)}
        </>
      ) : (
        <>
          <p>{t('optConflictDeleted', label)}</p>
          {action(t('optConflictRecreate'), onKeepMine)}
          {action(t('optConflictClose'), onClose)}
        </>
      )}
    </div>
  );
}
