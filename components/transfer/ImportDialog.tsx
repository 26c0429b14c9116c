/**
 * The import of one file: read (size checked first), passphrase if encrypted, problems in
 * French, or a preview with a choice per establishment, then one transaction. Imported
 * text is only ever rendered as React text, never as HTML. Every step that waits ends with
 * an answer or a message: an unexpected failure never leaves the dialog busy.
 */
import { memo, startTransition, useCallback, useEffect, useRef, useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import type { MessageKey } from '../../lib/i18n/catalog';
import { t, tp } from '../../lib/i18n/t';
import type { EncryptedEnvelope } from '../../lib/profile/crypto';
import {
  choicesFor,
  defaultChoice,
  describePath,
  describeProblem,
  openEncrypted,
  previewImport,
  readProfileFile,
  yieldToPage,
  type DecryptResult,
  type FileProblem,
  type ImportChoice,
  type MatchBy,
  type ParseResult,
  type PreviewItem,
} from '../../lib/profile/transfer';
import { applyImport, readEstablishments, type ImportSummary } from '../../lib/store/profile';
import { describeFailure } from '../ui/ErrorBoundary';
import { Modal } from '../ui/Modal';
import { PassphraseField } from './PassphraseField';
import './transfer.css';

/**
 * Preview cards drawn per commit: a group's 500 at once make one task of several hundred ms;
 * the rest follow in batches, the page answering between them.
 */
const CARDS_PER_BATCH = 20;

/** Done and total items of a long step, once it has lasted long enough to notice (NOTICEABLE_MS). */
type Progress = { done: number; total: number };

/** Under this, a progress bar would only flicker: the step's status text is enough. */
const NOTICEABLE_MS = 300;

/** A progress callback that shows `set` only once the work has lasted NOTICEABLE_MS. */
function noticeable(set: (progress: Progress) => void): (done: number, total: number) => void {
  const start = Date.now();
  return (done, total) => {
    if (Date.now() - start >= NOTICEABLE_MS) set({ done, total });
  };
}

type State =
  | { step: 'reading'; progress?: Progress }
  | { step: 'problems'; problems: FileProblem[] }
  | { step: 'failed'; message: string }
  | { step: 'passphrase'; envelope: EncryptedEnvelope; wrong: boolean; busy: boolean; error?: string; progress?: Progress }
  | { step: 'preview'; items: PreviewItem[]; choices: ImportChoice[]; busy: boolean; error?: string; progress?: Progress }
  | { step: 'done'; summary: ImportSummary };

const matchLabels: Record<MatchBy, MessageKey> = { finessEt: 'importMatchFinessEt', siret: 'importMatchSiret', id: 'importMatchId' };

/** What the file holds, compared with this computer: new establishments, ones that differ from their match, identical ones. */
function comparison(items: readonly PreviewItem[]): string {
  const changed = items.filter((item) => item.match && item.differences.length > 0).length;
  const fresh = items.filter((item) => !item.match).length;
  return t('importComparison', tp('importCountNew', fresh), tp('importCountChanged', changed), tp('importCountUnchanged', items.length - fresh - changed));
}

/** What an import does, or did: the same words before the click (from the choices) and after it (from the database's answer). */
function describeImport({ added, replaced, kept }: ImportSummary): string {
  return t('importOutcome', tp('importAdded', added), tp('importReplaced', replaced), tp('importKept', kept));
}

const countChoices = (choices: readonly ImportChoice[]): ImportSummary => ({
  added: choices.filter((c) => c === 'add').length,
  replaced: choices.filter((c) => c === 'replace').length,
  kept: choices.filter((c) => c === 'keep').length,
});

function choiceLabel(item: PreviewItem, choice: ImportChoice): string {
  if (choice === 'replace') return t('importChoiceReplace');
  if (choice === 'add') return t(item.match ? 'importChoiceAddCopy' : 'importChoiceAdd');
  return t(item.match ? 'importChoiceKeep' : 'importChoiceSkip');
}

export function ImportDialog({ file, onClose }: { file: File; onClose(): void }) {
  const [state, setState] = useState<State>({ step: 'reading' });

  async function show(result: ParseResult | DecryptResult) {
    if (result.kind === 'invalid') return setState({ step: 'problems', problems: result.problems });
    if (result.kind === 'encrypted') return setState({ step: 'passphrase', envelope: result.envelope, wrong: false, busy: false });
    if (result.kind === 'wrongPassphrase') return setState((s) => (s.step === 'passphrase' ? { ...s, wrong: true, busy: false } : s));
    const items = previewImport(result.file, await readEstablishments());
    setState({ step: 'preview', items, choices: items.map(defaultChoice), busy: false });
  }

  /** Shows the progress of the step under way, whichever it is. */
  const showProgress = (progress: Progress) =>
    setState((s) => (s.step === 'reading' || s.step === 'passphrase' || s.step === 'preview' ? { ...s, progress } : s));

  useEffect(() => {
    readProfileFile(file, noticeable(showProgress))
      .then(show)
      .catch((failure: unknown) => setState({ step: 'failed', message: t('importFailed', describeFailure(failure)) }));
    // Once: TransferActions gives each file its own dialog (key).
  }, []);

  return (
    <Modal title={t('importTitle')} onClose={onClose} className="transfer-dialog">
      <Body state={state} setState={setState} show={show} showProgress={showProgress} onClose={onClose} />
    </Modal>
  );
}

interface BodyProps {
  state: State;
  setState: Dispatch<SetStateAction<State>>;
  show(result: DecryptResult): Promise<void>;
  showProgress(progress: Progress): void;
  onClose(): void;
}

/** What is under way, announced once; the bar, when there is one, says how far it is. */
function Working({ label, progress }: { label: string; progress: Progress | undefined }) {
  return (
    <div className="transfer-working">
      <p role="status">{label}</p>
      {progress && <progress aria-label={t('importProgress')} max={progress.total} value={progress.done} />}
    </div>
  );
}

/** How many of `total` preview cards are drawn: CARDS_PER_BATCH more after each commit, as a transition. */
function useCardsShown(total: number): number {
  const [shown, setShown] = useState(CARDS_PER_BATCH);
  useEffect(() => {
    if (shown >= total) return;
    let cancelled = false;
    void yieldToPage().then(() => {
      if (!cancelled) startTransition(() => setShown(shown + CARDS_PER_BATCH));
    });
    return () => {
      cancelled = true;
    };
  }, [shown, total]);
  return Math.min(shown, total);
}

function Body({ state, setState, show, showProgress, onClose }: BodyProps) {
  const [passphrase, setPassphrase] = useState('');
  const passphraseField = useRef<HTMLInputElement>(null);
  const cardsShown = useCardsShown(state.step === 'preview' ? state.items.length : 0);
  // Stable, so that a choice or the busy state redraws one card, not a group's 500.
  const choose = useCallback(
    (index: number, choice: ImportChoice) =>
      setState((s) => (s.step === 'preview' ? { ...s, choices: s.choices.map((c, i) => (i === index ? choice : c)) } : s)),
    [setState],
  );
  const close = (
    <div className="dialog__actions">
      <button type="button" className="button" onClick={onClose}>
        {t('transferClose')}
      </button>
    </div>
  );

  switch (state.step) {
    case 'reading':
      return <Working label={t('importReading')} progress={state.progress} />;

    case 'failed':
      return (
        <>
          <p className="transfer-error" role="alert">
            {state.message}
          </p>
          {close}
        </>
      );

    case 'problems':
      return (
        <>
          <div role="alert">
            <p className="transfer-error">{t('importProblemsTitle')}</p>
            <ul>
              {state.problems.map((problem, index) => (
                <li key={index}>{describeProblem(problem)}</li>
              ))}
            </ul>
          </div>
          {close}
        </>
      );

    case 'passphrase': {
      const submit = async (event: FormEvent) => {
        event.preventDefault();
        setState({ ...state, busy: true, error: undefined, progress: undefined });
        try {
          const result = await openEncrypted(state.envelope, passphrase, noticeable(showProgress));
          await show(result);
          // A wrong one stays, selected, to be corrected (a long one with accents is not typed
          // again blind) or replaced by typing; any other answer is the end of the passphrase.
          if (result.kind !== 'wrongPassphrase') return setPassphrase('');
          passphraseField.current?.focus();
          passphraseField.current?.select();
        } catch (failure) {
          setState({ ...state, busy: false, wrong: false, error: t('importDecryptFailed', describeFailure(failure)) });
        }
      };
      return (
        <form onSubmit={submit}>
          <p>{t('importPassphrasePrompt')}</p>
          <PassphraseField
            label={t('exportPassphrase')}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="off"
            inputRef={passphraseField}
            autoFocus
            invalid={state.wrong}
            describedBy={state.wrong ? 'import-wrong-passphrase' : undefined}
          />
          {state.wrong && (
            <p id="import-wrong-passphrase" className="transfer-error" role="alert">
              {t('importWrongPassphrase')}
            </p>
          )}
          {state.error && (
            <p className="transfer-error" role="alert">
              {state.error}
            </p>
          )}
          {state.busy && <Working label={t('importDecrypting')} progress={state.progress} />}
          <div className="dialog__actions">
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('transferCancel')}
            </button>
            <button type="submit" className="button" disabled={state.busy || passphrase === ''}>
              {t('importDecrypt')}
            </button>
          </div>
        </form>
      );
    }

    case 'preview': {
      const confirm = async () => {
        setState({ ...state, busy: true, error: undefined, progress: undefined });
        try {
          setState({ step: 'done', summary: await applyImport(state.items, state.choices) });
        } catch (failure) {
          setState({ ...state, busy: false, error: t('importFailed', describeFailure(failure)) });
        }
      };
      // A group's file holds hundreds of cards: what it holds, what « Importer » will do and the button itself come
      // first, and stay in view (sticky) while the user goes through the cards — one set of actions, not two.
      return (
        <>
          <p>
            <strong>{tp('importPreviewTitle', state.items.length)}</strong>
          </p>
          <p>{t('importPreviewIntro')}</p>
          <div className="transfer-bar">
            <p className="transfer-bar__comparison">{comparison(state.items)}</p>
            <p>{t('importWithChoices', describeImport(countChoices(state.choices)))}</p>
            {state.error && (
              <p className="transfer-error" role="alert">
                {state.error}
              </p>
            )}
            {state.busy && <Working label={t('importWorking')} progress={state.progress} />}
            <div className="dialog__actions">
              <button type="button" className="button button--secondary" onClick={onClose}>
                {t('transferCancel')}
              </button>
              {/* Named apart from the page's own « Importer » (choose a file), beginning with the words shown (WCAG 2.5.3). */}
              <button type="button" className="button" aria-label={t('importConfirmLabel')} disabled={state.busy} onClick={confirm}>
                {t('importConfirm')}
              </button>
            </div>
          </div>
          {state.items.slice(0, cardsShown).map((item, index) => (
            <PreviewCard key={index} index={index} item={item} choice={state.choices[index]!} onChoose={choose} />
          ))}
        </>
      );
    }

    case 'done':
      return (
        <>
          <p className="transfer-success" role="status">
            {t('importDone', describeImport(state.summary))}
          </p>
          {close}
        </>
      );
  }
}

interface PreviewCardProps {
  index: number;
  item: PreviewItem;
  choice: ImportChoice;
  onChoose(index: number, choice: ImportChoice): void;
}

const PreviewCard = memo(function PreviewCard({ index, item, choice, onChoose }: PreviewCardProps) {
  const { imported, match, differences } = item;
  return (
    <section className="transfer-item" aria-label={imported.label}>
      <h3>{imported.label}</h3>
      <p>{imported.legalName}</p>
      {match ? (
        <>
          <p>{t('importExistingBy', t(matchLabels[match.by]), match.local.label)}</p>
          {match.local.managed && <p className="transfer-hint">{t('importManagedTarget')}</p>}
          {differences.length === 0 ? (
            <p>{t('importIdentical')}</p>
          ) : (
            <table className="transfer-diff">
              <caption className="visually-hidden">{tp('importDifferences', differences.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('importColumnField')}</th>
                  <th scope="col">{t('importColumnMine')}</th>
                  <th scope="col">{t('importColumnTheirs')}</th>
                </tr>
              </thead>
              <tbody>
                {differences.map((difference, index) => (
                  <tr key={index}>
                    <th scope="row">{describePath(difference.path)}</th>
                    <td>{difference.mine ?? t('importEmptyValue')}</td>
                    <td>{difference.theirs ?? t('importEmptyValue')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : (
        <p>{t('importNew')}</p>
      )}
      <fieldset>
        <legend>{t('importChoiceFor', imported.label)}</legend>
        {choicesFor(item).map((option) => (
          <label key={option} className="transfer-check">
            <input type="radio" name={`choice-${imported.id}`} value={option} checked={choice === option} onChange={() => onChoose(index, option)} />
            {choiceLabel(item, option)}
          </label>
        ))}
      </fieldset>
    </section>
  );
});
