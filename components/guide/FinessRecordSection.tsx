/**
 * The annuaire FINESS record → profile (issue 16), in the guide frame on a record page. Before the
 * user's click the section says one thing whatever the profile holds (« Lire cette fiche »): the
 * frame's size follows its content and the page can measure it. On the click the content script
 * reads the record's label/value rows and hands them here (lib/overlay/guide-channel.ts), where
 * they are read and checked (lib/portals/finess-record.ts); from then on the section is a box of
 * fixed height that scrolls inside, so that creating or comparing, many differences or none,
 * never changes the frame's outer size. Creating shows each value with the row it was read from;
 * the user chooses the status and the category (the page's words are shown, never pre-selected).
 * Comparing lists each value beside the profile's and, for each difference, « Prendre la valeur
 * de l’annuaire » or « Garder la mienne », with who corrects the record when it is wrong (the
 * portal module's words); with no difference the user can still mark the day checked. Saving is
 * judged like « Remplir » (lib/autofill/click-guard.ts: the frame stood still, was seen, the
 * preview was shown long enough) by the content script, then goes through the background's one
 * write path (lib/overlay/finess.ts).
 */
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { MessageKey } from '../../lib/i18n/catalog';
import type { LabelValue } from '../../lib/dom/label-values';
import { t, tm, tp } from '../../lib/i18n/t';
import { finessMatch, finessSave, type FinessMatch } from '../../lib/overlay/finess';
import type { GuideAction, GuideView, RecordClickVerdict } from '../../lib/overlay/guide-channel';
import { ifOutOfDate } from '../../lib/portals/annuaire-finess.portal';
import { showDate } from '../../lib/i18n/date';
import {
  compareRecord,
  establishmentFromRecord,
  readFinessRecord,
  today,
  withValue,
  type FinessRecord,
  type RecordKind,
} from '../../lib/portals/finess-record';
import { establishmentFields } from '../../lib/profile/fields';
import type { Establishment } from '../../lib/profile/schema';
import { categoryOptions, statusOptions } from '../establishment/choices';
import { describeFailure } from '../ui/ErrorBoundary';
import { SeedLine } from '../ui/SeedLine';
import { Sources } from './Sources';
import './FinessRecordSection.css';

type Status = Establishment['status'];
type Category = Establishment['category'];
type Found = FinessMatch & { establishment: Establishment };

type Stage =
  | { step: 'offer' }
  | { step: 'reading'; after: number }
  /** The page has no « FINESS juridique » row: the user says whether the record is a site's or a legal entity's. */
  | { step: 'type'; pairs: LabelValue[]; number: string; type: 'et' | 'ej' | '' }
  | { step: 'create'; record: FinessRecord; status: Status | ''; category: Category | '' }
  | { step: 'compare'; record: FinessRecord; found: Found; take: ReadonlySet<RecordKind> };

const fieldLabel = (kind: RecordKind) => t(establishmentFields[kind].label);

interface Props {
  record: GuideView['record'];
  /** The content script's judgement of the last save click (`request` as sent). */
  verdict?: GuideView['recordClick'];
  send(action: GuideAction): void;
  /** How long the panel has been seen unobstructed (components/fill/useVisibleFor.ts). */
  visibleFor(): number | null;
  /** Whether an event comes from the user; jsdom, where none is, passes its own. */
  isTrusted?: (event: Event) => boolean;
}

const refusals: Record<Exclude<RecordClickVerdict, 'ok'>, MessageKey> = {
  early: 'finessRefusedEarly',
  covered: 'finessRefusedCovered',
  doubt: 'finessRefusedDoubt',
};

export function FinessRecordSection({ record, verdict, send, visibleFor, isTrusted = (event) => event.isTrusted }: Props) {
  const [stage, setStage] = useState<Stage>({ step: 'offer' });
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; alert?: boolean } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** When the preview or the comparison reached the screen: a save counts only on one shown long enough. */
  const shownAt = useRef(0);
  /**
   * The save waiting for the content script's judgement of its click. Its request is random: a
   * verdict the content script still holds from an earlier frame (folded, re-created) never matches.
   */
  const pending = useRef<{ request: string; run(): void } | null>(null);

  /** The record against the profile: the comparison when the profile has it, else the creation's preview (nothing chosen for the user). */
  const show = async (read: FinessRecord) => {
    if (!read.type) throw new Error('record type not said');
    const match = await finessMatch.send({ finess: read.number, type: read.type });
    if (match.establishment) setStage({ step: 'compare', record: read, found: match as Found, take: new Set() });
    else setStage({ step: 'create', record: read, status: '', category: '' });
    shownAt.current = performance.now();
    headingRef.current?.focus();
  };

  /** A person's click on a save button: asks the content script to judge it; `run` saves only on « ok ». */
  const guarded = (event: MouseEvent<HTMLButtonElement>, run: () => void) => {
    if (!isTrusted(event.nativeEvent) || pending.current) return;
    const request = crypto.randomUUID();
    pending.current = { request, run };
    setBusy(true);
    setSaid(null);
    send({ type: 'judgeRecordClick', request, shownFor: performance.now() - shownAt.current, visibleFor: visibleFor() });
  };

  useEffect(() => {
    const waiting = pending.current;
    if (!verdict || !waiting || verdict.request !== waiting.request) return;
    pending.current = null;
    if (verdict.verdict === 'ok') return waiting.run();
    setBusy(false);
    setSaid({ text: t(refusals[verdict.verdict]), alert: true });
  }, [verdict?.request]);

  // The rows the content script read on this click.
  useEffect(() => {
    if (stage.step !== 'reading' || !record || record.id === stage.after) return;
    const read = readFinessRecord(record.pairs);
    if (!read) {
      setStage({ step: 'offer' });
      setSaid({ text: t('finessNoRecord'), alert: true });
      return;
    }
    if (!read.type) {
      setStage({ step: 'type', pairs: record.pairs, number: read.number, type: '' });
      headingRef.current?.focus();
      return;
    }
    showOrSay(read);
  }, [record?.id, stage.step]);

  const showOrSay = (read: FinessRecord) =>
    show(read).catch((error: unknown) => {
      setStage({ step: 'offer' });
      setSaid({ text: t('finessFailed', describeFailure(error)), alert: true });
    });

  const read = () => {
    setSaid(null);
    setStage({ step: 'reading', after: record?.id ?? 0 });
    send({ type: 'readRecord' });
  };

  const save = async (establishment: Establishment, basedOn: Parameters<typeof finessSave.send>[0]['basedOn'], done: (label: string) => string, read: FinessRecord) => {
    setBusy(true);
    try {
      const saved = await finessSave.send({ establishment, basedOn });
      await show(read);
      setSaid({ text: done(saved.label) });
    } catch (error) {
      setSaid({ text: t('finessFailed', describeFailure(error)), alert: true });
    } finally {
      setBusy(false);
    }
  };

  const date = today();
  const title = (
    <h3 id="balise-finess-title" ref={headingRef} tabIndex={-1}>
      {t('finessTitle')}
    </h3>
  );

  return (
    <section className={stage.step === 'offer' ? 'finess-record' : 'finess-record finess-open'} aria-labelledby="balise-finess-title">
      {title}
      {(stage.step === 'offer' || stage.step === 'reading') && (
        <button type="button" className="finess-read" onClick={read} disabled={stage.step === 'reading'}>
          {stage.step === 'reading' ? t('finessReading') : t('finessRead')}
        </button>
      )}

      {stage.step === 'type' && (
        <fieldset className="finess-type">
          <legend>{t('finessAskType', stage.number)}</legend>
          {(['et', 'ej'] as const).map((type) => (
            <label key={type}>
              <input type="radio" name="finess-type" value={type} checked={stage.type === type} onChange={() => setStage({ ...stage, type })} />{' '}
              {t(type === 'et' ? 'finessAskTypeEt' : 'finessAskTypeEj')}
            </label>
          ))}
          <button
            type="button"
            className="finess-type-go"
            disabled={!stage.type}
            onClick={() => {
              const read = stage.type && readFinessRecord(stage.pairs, stage.type);
              if (read) showOrSay(read);
            }}
          >
            {t('finessAskTypeGo')}
          </button>
        </fieldset>
      )}

      {stage.step === 'create' && (
        <CreatePreview
          stage={stage}
          busy={busy}
          onChoose={(change) => setStage({ ...stage, ...change })}
          onSave={(event) => {
            const { status, category } = stage;
            if (!status || !category) return setSaid({ text: t('finessChooseFirst'), alert: true });
            const establishment = establishmentFromRecord(stage.record, { id: crypto.randomUUID(), status, category, readOn: date });
            guarded(event, () => void save(establishment, 'new', (label) => t('finessCreated', label, showDate(date)), stage.record));
          }}
        />
      )}

      {stage.step === 'compare' && (
        <CompareTable
          stage={stage}
          busy={busy}
          onTake={(kind, take) => {
            const next = new Set(stage.take);
            if (take) next.add(kind);
            else next.delete(kind);
            setStage({ ...stage, take: next });
          }}
          onApply={(event) => {
            // Nothing taken (no difference, or the user kept theirs) still marks the day: the user checked the record.
            const taken = compareRecord(stage.record, stage.found.establishment).filter(({ value, same }) => !same && stage.take.has(value.kind));
            const establishment = taken.reduce<Establishment>((e, { value }) => withValue(e, value.kind, value.value), { ...stage.found.establishment, finessReadOn: date });
            const done = (label: string) => (taken.length ? tp('finessApplied', taken.length, label, showDate(date)) : t('finessChecked', label, showDate(date)));
            guarded(event, () => void save(establishment, { revision: stage.found.revision }, done, stage.record));
          }}
        />
      )}
      {stage.step === 'compare' && (
        <div className="finess-who">
          <p>{t('finessWhoCorrects')}</p>
          <p>
            <SeedLine text={ifOutOfDate} />
          </p>
          <Sources texts={[ifOutOfDate]} />
        </div>
      )}
      <p className="finess-said" role={said?.alert ? 'alert' : 'status'}>
        {said?.text ?? ''}
      </p>
    </section>
  );
}

function CreatePreview({
  stage,
  busy,
  onChoose,
  onSave,
}: {
  stage: Extract<Stage, { step: 'create' }>;
  busy: boolean;
  onChoose(change: { status?: Status | ''; category?: Category | '' }): void;
  onSave(event: MouseEvent<HTMLButtonElement>): void;
}) {
  const { record } = stage;
  // What the page wrote, and what Balise reads in it: said beside the choice, never chosen for the user.
  const suggestion = (found: FinessRecord['status' | 'category'], label: string | undefined) =>
    found && (label ? t('finessSuggested', found.source, found.read, label) : t('finessNotSuggested', found.source, found.read));
  const statusLabel = statusOptions().find((o) => o.value === record.status?.value)?.label;
  const categoryLabel = categoryOptions().find((o) => o.value === record.category?.value)?.label;
  return (
    <div className="finess-create">
      <p>{t('finessPreviewIntro', record.number, t(record.type === 'et' ? 'finessTypeEt' : 'finessTypeEj'))}</p>
      <ul className="finess-values">
        {record.values
          .filter((value) => !value.problem)
          .map((value) => (
            <li key={value.kind} data-balise-finess={value.kind}>
              <span className="finess-field">{fieldLabel(value.kind)}</span> <span className="finess-value">{value.value}</span>{' '}
              <small className="source">{t('finessReadFrom', value.source)}</small>
              {value.warning && <small className="finess-warning">{tm(value.warning)}</small>}
            </li>
          ))}
      </ul>
      {record.values
        .filter((value) => value.problem)
        .map((value) => (
          <p key={value.kind} className="finess-refused" data-balise-finess-refused={value.kind}>
            {t('finessRefused', value.read, value.source, tm(value.problem!))}
          </p>
        ))}
      {record.fax && <p className="finess-note">{t('finessFaxNotKept', record.fax.value, record.fax.source)}</p>}
      <RecordChoice
        id="balise-finess-status"
        label={t('finessStatus')}
        value={stage.status}
        options={statusOptions()}
        onChange={(status) => onChoose({ status: status as Status | '' })}
        suggested={suggestion(record.status, statusLabel)}
      />
      <RecordChoice
        id="balise-finess-category"
        label={t('finessCategory')}
        value={stage.category}
        options={categoryOptions()}
        onChange={(category) => onChoose({ category: category as Category | '' })}
        suggested={suggestion(record.category, categoryLabel)}
      />
      <button type="button" className="finess-save" onClick={onSave} disabled={busy}>
        {t('finessSave')}
      </button>
    </div>
  );
}

function CompareTable({
  stage,
  busy,
  onTake,
  onApply,
}: {
  stage: Extract<Stage, { step: 'compare' }>;
  busy: boolean;
  onTake(kind: RecordKind, take: boolean): void;
  onApply(event: MouseEvent<HTMLButtonElement>): void;
}) {
  // The differences first: they are what the user came for.
  const lines = compareRecord(stage.record, stage.found.establishment).sort((a, b) => Number(a.same) - Number(b.same));
  const differences = lines.filter((line) => !line.same).length;
  return (
    <div className="finess-compare">
      <p>{t('finessCompareIntro', stage.record.number, stage.found.establishment.label)}</p>
      {stage.found.establishment.finessReadOn && (
        <p className="finess-mark">{t('finessMark', showDate(stage.found.establishment.finessReadOn))}</p>
      )}
      <p className="finess-count">{differences === 0 ? t('finessNoDifference') : tp('finessDifferences', differences)}</p>
      <table className="finess-lines">
        <thead>
          <tr>
            <th scope="col">{t('finessColField')}</th>
            <th scope="col">{t('finessColRecord')}</th>
            <th scope="col">{t('finessColMine')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map(({ value, mine, same }) => (
            <tr key={value.kind} data-balise-finess={value.kind} className={same ? undefined : 'finess-differs'}>
              <th scope="row">{fieldLabel(value.kind)}</th>
              <td>
                {value.value} <small className="source">{t('finessReadFrom', value.source)}</small>
              </td>
              <td>
                {mine ?? t('finessEmpty')}
                {same ? (
                  <small className="finess-same"> · {t('finessSame')}</small>
                ) : (
                  <fieldset className="finess-take">
                    <legend className="sr-only">{t('finessChoiceFor', fieldLabel(value.kind))}</legend>
                    <label>
                      <input type="radio" name={`take-${value.kind}`} value="take" checked={stage.take.has(value.kind)} onChange={() => onTake(value.kind, true)} />{' '}
                      {t('finessTake')}
                    </label>
                    <label>
                      <input type="radio" name={`take-${value.kind}`} value="keep" checked={!stage.take.has(value.kind)} onChange={() => onTake(value.kind, false)} />{' '}
                      {t('finessKeep')}
                    </label>
                  </fieldset>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="finess-apply" onClick={onApply} disabled={busy}>
        {t(differences > 0 ? 'finessApply' : 'finessMarkChecked')}
      </button>
    </div>
  );
}

/** A choice the user makes (status, category), with what the record wrote beside it: never chosen for them. */
function RecordChoice(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  suggested: ReactNode;
}) {
  return (
    <>
      <label className="finess-choice">
        <span>{props.label}</span>
        <select value={props.value} onChange={(event) => props.onChange(event.target.value)} aria-describedby={props.id}>
          <option value="">{t('finessChoose')}</option>
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <small id={props.id} className="source">
        {props.suggested}
      </small>
    </>
  );
}
