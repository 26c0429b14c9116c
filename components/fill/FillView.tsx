/**
 * The fill section of the guide, drawn in the guide frame (an extension page: the portal's
 * scripts can neither read nor operate it): a frozen preview of what Balise would write
 * (field → value, lines the user can untick), pickers when the establishment or a person is
 * ambiguous, « Remplir cette page », then what was filled, what was skipped and why, and a
 * one-click undo. The content script (components/fill/useFill.ts) does the page's side and
 * judges each click; this view only shows and asks.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { minShownMs } from '../../lib/autofill/click-guard';
import { chooseFillEstablishment, fillEstablishments, openOptions, teachField, type FillChoice, type OptionsTarget } from '../../lib/autofill/messages';
import type { Caution, SkipReason } from '../../lib/autofill/plan';
import type { MessageKey } from '../../lib/i18n/catalog';
import { t } from '../../lib/i18n/t';
import type { FillFix, FillLineView, FillView as View, GuideAction } from '../../lib/overlay/guide-channel';
import type { FillerRole } from '../../lib/portals/schema';
import { establishmentKinds, personKinds, type LessonKind } from '../../lib/profile/kinds';
import { lessonKindLabel } from '../../lib/profile/lessons';
import { DockRight } from '../guide/DockChoice';
import { GoToFieldButton } from '../guide/GoToFieldButton';
import { roleLabel, roleName } from '../procedures/links';
import { SeedLine } from '../ui/SeedLine';
import './FillView.css';

const skipReasonLabels: Record<SkipReason, MessageKey> = {
  detached: 'fillSkipDetached',
  hiddenInput: 'fillSkipHiddenInput',
  disabled: 'fillSkipDisabled',
  readonly: 'fillSkipReadonly',
  notDisplayed: 'fillSkipNotDisplayed',
  invisible: 'fillSkipInvisible',
  transparent: 'fillSkipTransparent',
  zeroSize: 'fillSkipZeroSize',
  offscreen: 'fillSkipOffscreen',
  clipped: 'fillSkipClipped',
  covered: 'fillSkipCovered',
  filtered: 'fillSkipFiltered',
  masked: 'fillSkipMasked',
  textHidden: 'fillSkipTextHidden',
  blended: 'fillSkipBlended',
  underBalise: 'fillSkipUnderBalise',
  secret: 'fillSkipSecret',
  leaveEmpty: 'fillSkipLeaveEmpty',
  portalLocked: 'fillSkipPortalLocked',
  noValue: 'fillSkipNoValue',
  choosePerson: 'fillSkipChoosePerson',
  noPerson: 'fillSkipNoPerson',
  notListed: 'fillSkipNotListed',
  noOption: 'fillSkipNoOption',
  comboboxTimeout: 'fillSkipComboboxTimeout',
  rejected: 'fillSkipRejected',
  tooLong: 'fillSkipTooLong',
  changed: 'fillSkipChanged',
  typedByUser: 'fillSkipTypedByUser',
  unticked: 'fillSkipUnticked',
};

/** Why a line is left to the user; a choice the portal lacks names the value, a missing person the role. */
function reasonText(reason: SkipReason, line: { value: string; fix?: FillFix | undefined }): string {
  if (reason === 'noOption') return t('fillSkipNoOption', line.value);
  if (reason === 'noPerson') {
    const role = line.fix && 'role' in line.fix ? line.fix.role : 'me';
    return t('fillSkipNoPerson', role === 'me' ? t('fillRoleMe') : roleName(role));
  }
  return t(skipReasonLabels[reason]);
}

const open = (target: OptionsTarget) => void openOptions.send({ target }).catch(() => {});

/** The link that fixes a line in the options: the empty field of the profile, or the people when nobody holds the role. */
function FixLink({ fix, establishmentId }: { fix: FillFix | undefined; establishmentId: string | undefined }) {
  if (!fix || !establishmentId) return null;
  const field = 'role' in fix ? 'contacts' : fix.field;
  return (
    <>
      {' '}
      <button type="button" className="balise-fill-fix" onClick={() => open({ establishmentId, field })}>
        {t('role' in fix ? 'fillFixRole' : 'fillFixProfile')}
      </button>
    </>
  );
}

/** Fields left to the user, each with why and, when there is one, the link that fixes it. */
function LeftLines({ lines, establishmentId }: { lines: { label: string; value: string; reason: SkipReason; fix?: FillFix | undefined }[]; establishmentId: string | undefined }) {
  return (
    <ul className="balise-fill-lines balise-fill-left">
      {lines.map((line, i) => (
        <li key={i}>
          <span className="balise-fill-field">{line.label}</span>
          <span className="balise-fill-reason">
            {reasonText(line.reason, line)}
            <FixLink fix={line.fix} establishmentId={establishmentId} />
          </span>
        </li>
      ))}
    </ul>
  );
}

const cautionLabels: Record<Caution, MessageKey> = {
  userTyped: 'fillCautionUserTyped',
  lowConfidence: 'fillCautionLowConfidence',
  suggestedChoice: 'fillCautionSuggestedChoice',
  shortened: 'fillCautionShortened',
};


function shownValue(line: FillLineView): string {
  if (line.action === 'check') return t('fillActionCheck', line.value);
  if (line.action === 'uncheck') return t('fillActionUncheck', line.value);
  return line.value;
}

/** The establishment picker: the list comes from the background to this extension page, never through the portal's page. */
function EstablishmentPicker({ onChosen }: { onChosen(): void }) {
  const [choice, setChoice] = useState<FillChoice | null>(null);
  useEffect(() => {
    let live = true;
    fillEstablishments.send({}).then((answer) => live && setChoice(answer), () => {});
    return () => {
      live = false;
    };
  }, []);
  if (!choice || choice.establishments.length < 2) return null;
  return (
    <label className="balise-fill-picker">
      {choice.chosenId ? t('fillEstablishmentLabel') : t('fillChooseEstablishment')}
      <select
        value={choice.chosenId ?? ''}
        onChange={(event) => {
          const establishmentId = event.target.value;
          if (!establishmentId) return;
          void chooseFillEstablishment.send({ establishmentId }).then((answer) => {
            setChoice(answer);
            onChosen();
          });
        }}
      >
        {!choice.chosenId && <option value="">{t('fillChoose')}</option>}
        {choice.establishments.map((e) => (
          <option key={e.id} value={e.id}>
            {e.label}
          </option>
        ))}
      </select>
    </label>
  );
}

interface TeachPickerProps {
  label: string;
  signature: string;
  /** Set, and changed, when the user asked from the page's context menu about this field. */
  focusRequest?: number | undefined;
  onTaught(said: string, failed?: boolean): void;
  /** Named by the « Pas le bon champ ? » that shows it. */
  id?: string;
  /** Shown because the user asked for it (« Pas le bon champ ? »): the keyboard goes on to it. */
  autoFocus?: boolean;
}

/** The profile's fields by whose they are: « Nom » or « Service » alone would not say. */
const teachGroups = [
  ['teachGroupEstablishment', establishmentKinds],
  ['teachGroupPerson', personKinds],
] as const satisfies readonly (readonly [MessageKey, readonly LessonKind[]])[];

/**
 * « Ce champ est : … »: the profile's fields by their French names, and « Ne jamais remplir ».
 * The lesson goes from this extension page to the background, never through the portal's page
 * (lib/autofill/messages, teachField); `onTaught` then has the page planned again with it.
 */
function TeachPicker({ label, signature, focusRequest, onTaught, id, autoFocus }: TeachPickerProps) {
  const select = useRef<HTMLSelectElement>(null);
  // « Balise : ce champ est… » on this field in the page: the keyboard comes here.
  useEffect(() => {
    if (!focusRequest) return;
    select.current?.scrollIntoView?.({ block: 'nearest' });
    select.current?.focus();
  }, [focusRequest]);
  return (
    <select
      ref={select}
      id={id}
      autoFocus={autoFocus}
      className="balise-fill-teach"
      aria-label={t('teachChooseFor', label)}
      value=""
      onChange={(event) => {
        const kind = event.target.value as LessonKind;
        if (!kind) return;
        teachField.send({ signature, label, kind }).then(
          () => onTaught(t('teachSaved', label, t(lessonKindLabel(kind)))),
          (error: unknown) => onTaught(t('teachFailed', error instanceof Error ? error.message : String(error)), true),
        );
      }}
    >
      <option value="">{t('teachChoose')}</option>
      {teachGroups.map(([group, kinds]) => (
        <optgroup key={group} label={t(group)}>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(lessonKindLabel(kind))}
            </option>
          ))}
        </optgroup>
      ))}
      <option value="never">{t('teachNever')}</option>
    </select>
  );
}

/**
 * « Pas le bon champ ? » under a preview line: most lines are right, and a list under every one
 * read as a question to answer (issue 18). Opened, by the user or by the page's « Balise : ce
 * champ est… » on this field, it shows that line's « Ce champ est : … », which takes the focus.
 */
function WrongField({ focusRequest, ...picker }: Omit<TeachPickerProps, 'id' | 'autoFocus'>) {
  const [open, setOpen] = useState(false);
  const id = useId();
  useEffect(() => {
    if (focusRequest) setOpen(true);
  }, [focusRequest]);
  return (
    <div className="balise-fill-wrong">
      <button type="button" aria-expanded={open} aria-controls={open ? id : undefined} aria-label={t('teachWrongFieldFor', picker.label)} onClick={() => setOpen(!open)}>
        {t('teachWrongField')}
      </button>
      {open && <TeachPicker {...picker} id={id} focusRequest={focusRequest} autoFocus />}
    </div>
  );
}

export interface FillViewProps {
  view: View;
  notice?: MessageKey | undefined;
  send(action: GuideAction): void;
  /** How long the panel has been seen unobstructed (components/fill/useVisibleFor.ts). */
  visibleFor(): number | null;
  /** Whether an event comes from the user; jsdom, where none is, passes its own. */
  isTrusted?: (event: Event) => boolean;
}

export function FillView({ view, notice, send, visibleFor, isTrusted = (event) => event.isTrusted }: FillViewProps) {
  const revision = view.state === 'preview' ? view.revision : -1;
  // When each revision reached the screen: a click acts only on a preview the user had time to
  // read. The first one is read from the moment it is shown; one that replaced it is timed, and
  // the button looks unavailable as long. It stays clickable (aria-disabled, not disabled): a
  // click just then is answered « L’aperçu vient de changer… » rather than lost without a word.
  const shownAt = useRef({ revision: -1, at: 0 });
  const [settling, setSettling] = useState(false);
  /** What the last « Ce champ est : … » did, said in the preview's live region. */
  const [taught, setTaught] = useState<{ text: string; failed: boolean } | null>(null);
  const onTaught = (text: string, failed = false) => {
    setTaught({ text, failed });
    if (!failed) send({ type: 'taught' });
  };
  // Before the paint, and before any other task can see the button: a revision drawn with the button still
  // offered from the last one (a passive effect runs later, in its own task) took clicks it then lost.
  useLayoutEffect(() => {
    const replaced = shownAt.current.revision !== -1 && revision !== -1;
    shownAt.current = { revision, at: replaced ? performance.now() : -Infinity };
    if (!replaced) return;
    setSettling(true);
    const timer = setTimeout(() => setSettling(false), minShownMs);
    return () => clearTimeout(timer);
  }, [revision]);

  if (view.state === 'notAllowed') return <p className="balise-fill-note">{t('fillPageNotAllowed')}</p>;
  if (view.state === 'error') return <p className="balise-fill-note" role="alert">{t('fillContextError', view.message)}</p>;
  if (view.state === 'loading') return <p className="balise-fill-note">{t('fillLoading')}</p>;
  if (view.state === 'noEstablishment')
    return (
      <section className="balise-fill" aria-label={t('fillTitle')}>
        <p className="balise-fill-note">{t('fillNoEstablishment')}</p>
        <div className="balise-fill-actions">
          <button type="button" className="balise-fill-go" onClick={() => open('new')}>
            {t('popupCreate')}
          </button>
        </div>
      </section>
    );

  const noticeLine = notice && (
    <p className="balise-fill-note" role={notice.startsWith('fillRefused') || notice === 'fillConfirmShortcut' ? 'alert' : 'status'}>
      {t(notice)}
    </p>
  );

  if (view.state === 'done') {
    return (
      <section className="balise-fill" aria-label={t('fillTitle')}>
        <div className="balise-fill-outcome" role="status">
          <p>{t('fillDone', view.filled.length)}</p>
          {/* First, and never scrolled away: the one field the user must still look at. */}
          {view.portalDefaults.length > 0 && (
            <ul className="balise-fill-lines balise-fill-left balise-fill-defaults">
              {view.portalDefaults.map((left, i) => (
                <li key={i}>
                  <span className="balise-fill-warning">{t('fillPortalDefault', left.label, left.value)}</span>{' '}
                  {/* The mark on the page is seen, not heard: this takes the keyboard and the screen reader there. */}
                  <GoToFieldButton label={left.label} className="balise-fill-fix" onGo={() => send({ type: 'showPortalDefault', index: i })} />
                </li>
              ))}
            </ul>
          )}
          {view.filled.length > 0 && (
            <ul className="balise-fill-lines balise-fill-left">
              {view.filled.map((result, i) => (
                <li key={i}>
                  <span className="balise-fill-field">{result.label}</span>
                  <span className="balise-fill-value">{t('fillKept')}</span>
                </li>
              ))}
            </ul>
          )}
          {view.skipped.length > 0 && (
            <>
              <p>{t('fillSkippedTitle')}</p>
              <LeftLines lines={view.skipped.map((result) => ({ ...result, reason: result.reason ?? 'noValue' }))} establishmentId={view.establishmentId} />
            </>
          )}
          <div className="balise-fill-actions">
            <button type="button" className="balise-fill-undo" onClick={() => send({ type: 'undo' })}>
              {t('fillUndo')}
            </button>
            <button type="button" className="balise-fill-secondary" onClick={() => send({ type: 'refresh' })}>
              {t('fillRefresh')}
            </button>
          </div>
        </div>
        {noticeLine}
      </section>
    );
  }

  const toFill = view.lines.filter((line) => line.ticked).length;
  const noneTicked = !view.chooseEstablishment && !view.fillsNothing && toFill === 0;
  // One offer to move the floating guide off the fields it hides, on the first line it hides
  // (above the list, it took the room of the lines « Remplir cette page » keeps in view).
  const firstUnderGuide = view.lines.find((line) => line.skipped === 'underBalise')?.id;
  const focusFor = (signature: string) => (view.teach?.signature === signature ? view.teach.request : undefined);
  const onFill = (event: MouseEvent<HTMLButtonElement>) => {
    // Only a person's click (a script of this frame's own is the only other kind there can be).
    if (!isTrusted(event.nativeEvent)) return;
    const shownFor = shownAt.current.revision === view.revision ? performance.now() - shownAt.current.at : 0;
    send({ type: 'fill', revision: view.revision, shownFor, visibleFor: visibleFor() });
  };

  return (
    <section className="balise-fill" aria-label={t('fillTitle')}>
      {/* Which establishment matters only where there is something to fill (third walk NEW-8). */}
      {view.several && !view.fillsNothing && <EstablishmentPicker onChosen={() => send({ type: 'establishmentChosen' })} />}

      {view.questions.map((question) => (
        <label key={question.role} className="balise-fill-picker">
          {question.role === 'me' ? t('fillChooseMe') : t('fillChoosePerson', roleLabel(question.role))}
          <select
            value={view.persons[question.role] ?? ''}
            onChange={(event) => send({ type: 'person', role: question.role, ...(event.target.value ? { contactId: event.target.value } : {}) })}
          >
            <option value="">{t('fillChoose')}</option>
            {question.candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      ))}

      {view.fillsNothing && view.lines.length === 0 && <p className="balise-fill-note">{t('fillNothing')}</p>}
      {/* Every line left by rule: said in words, each with its reason, rather than with a greyed button (third walk NEW-6). */}
      {view.fillsNothing && view.lines.length > 0 && (
        <>
          <p className="balise-fill-note">{t('fillNothingHere')}</p>
          <LeftLines lines={view.lines.map((line) => ({ ...line, reason: line.skipped ?? 'noValue' }))} establishmentId={view.establishmentId} />
        </>
      )}
      {!view.chooseEstablishment && !view.fillsNothing && (
        <>
          {view.lines.map(
            (line) =>
              line.notOffered && (
                <p key={line.id} className="balise-fill-note balise-fill-warning">
                  {t('fillNotOffered', line.label, line.value)} <SeedLine text={line.notOffered} />
                </p>
              ),
          )}
          <p className="balise-fill-note" id="balise-fill-intro">
            {t('fillPreviewIntro')}
          </p>
          {/* A Tab stop of its own: when the panel is short the list scrolls, and its lines may hold no enabled box to reach it by. */}
          <ul className="balise-fill-lines balise-fill-preview" tabIndex={0} aria-labelledby="balise-fill-intro">
            {view.lines.map((line) => (
              <li key={line.id} className={line.skipped ? 'balise-fill-skipped' : undefined} data-action={line.action}>
                <label>
                  <input
                    type="checkbox"
                    checked={line.ticked}
                    disabled={!!line.skipped}
                    onChange={(event) => send({ type: 'tick', revision: view.revision, line: line.id, checked: event.target.checked })}
                  />
                  <span className="balise-fill-field">{line.label}</span>
                  <span className="balise-fill-value">{line.skipped ? reasonText(line.skipped, line) : shownValue(line)}</span>
                </label>
                {line.id === firstUnderGuide && (
                  <span className="balise-fill-caution">
                    <DockRight onDocked={() => send({ type: 'refresh' })} />
                  </span>
                )}
                {line.skipped && line.fix && (
                  <span className="balise-fill-caution">
                    <FixLink fix={line.fix} establishmentId={view.establishmentId} />
                  </span>
                )}
                {!line.skipped && line.caution && (
                  <small className="balise-fill-caution">{t(cautionLabels[line.caution])}</small>
                )}
                {!line.skipped && line.enabledLater && <small className="balise-fill-caution">{t('fillEnabledLater')}</small>}
                {line.signature && <WrongField label={line.label} signature={line.signature} focusRequest={focusFor(line.signature)} onTaught={onTaught} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {!view.chooseEstablishment && view.leftOut.length > 0 && (
        <>
          <p className="balise-fill-note">{t('teachLeftOutTitle')}</p>
          <ul className="balise-fill-lines balise-fill-left-out">
            {view.leftOut.map((field, index) => (
              <li key={index}>
                <span className="balise-fill-field">{field.label}</span>
                <TeachPicker label={field.label} signature={field.signature} focusRequest={focusFor(field.signature)} onTaught={onTaught} />
              </li>
            ))}
          </ul>
        </>
      )}
      {taught && (
        <p className="balise-fill-note" role={taught.failed ? 'alert' : 'status'}>
          {taught.text}
        </p>
      )}
      <div className="balise-fill-actions">
        {/* Nothing to fill on this page, said above in place of the lines: no greyed button to puzzle over. */}
        {!view.fillsNothing && (
          <button
            type="button"
            className="balise-fill-go"
            disabled={view.busy || toFill === 0}
            aria-disabled={settling || undefined}
            aria-describedby={noneTicked ? 'balise-fill-none-ticked' : undefined}
            onClick={onFill}
          >
            {t('fillButton')}
          </button>
        )}
        <button type="button" className="balise-fill-secondary" onClick={() => send({ type: 'refresh' })}>
          {t('fillRefresh')}
        </button>
      </div>
      {/* A greyed button says why: every line is left to the user, each with its reason above. */}
      {noneTicked && (
        <p className="balise-fill-note" id="balise-fill-none-ticked">
          {t('fillNoneTicked')}
        </p>
      )}
      {noticeLine}
    </section>
  );
}
