/**
 * The overlay's fill section: a preview of what Balise would write (field → value, lines
 * the user can untick), pickers when the establishment or a person is ambiguous, the
 * « Remplir cette page » button, then what was filled, what was skipped and why, and a
 * one-click undo. Nothing is written before the user acts: the button, the keyboard
 * shortcut or the context menu (a first shortcut shows the preview, a second one fills).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { analysePage, isAllowedUrl, planPage, watchTyping } from '../../lib/autofill/engine';
import { executeFill, undo, type FillOutcome } from '../../lib/autofill/fill';
import { getFillContext, onStartFill, type FillContext } from '../../lib/autofill/messages';
import type { FillLine, FillPlan, SkipReason } from '../../lib/autofill/plan';
import { browserLayout, type Layout } from '../../lib/autofill/visibility';
import type { MessageKey } from '../../lib/i18n/catalog';
import { t } from '../../lib/i18n/t';
import type { FillerRole, ProcedureId } from '../../lib/portals/schema';
import { isObscured } from './guard';
import { highlight } from './highlight';
import './FillPanel.css';

export interface FillPageContext {
  portalId: string;
  /** null on a page of the portal the knowledge base does not describe. */
  pageId: string | null;
  /** The procedure the overlay shows, when the page serves several. */
  procedure?: ProcedureId;
}

export interface FillPanelProps {
  pageContext: FillPageContext;
  /** The overlay's container inside its shadow root (for dialogs and popovers). */
  container: HTMLElement;
  /** Geometry for the visibility and clickjacking checks; tests without layout pass their own. */
  layout?: Layout;
  /** Whether a click came from the user: a page script's `click()` must not fill. */
  isTrusted?: (event: Event) => boolean;
  comboboxTimeout?: number;
}

/**
 * The layout for the page's fields, seen through Balise's own overlay: a field under the
 * overlay panel is not a trap, so what lies under the overlay's host is what counts.
 */
function besideOverlay(layout: Layout, host: Element | null): Layout {
  if (!host) return layout;
  return {
    ...layout,
    hitTest: (tree, x, y) => {
      const hit = layout.hitTest(tree, x, y);
      return hit === host ? (tree.elementsFromPoint(x, y).find((element) => element !== host) ?? null) : hit;
    },
  };
}

/** The overlay's shadow host, when the panel sits in a shadow root. */
function hostOf(container: HTMLElement): Element | null {
  const root = container.getRootNode();
  return 'host' in root ? (root as ShadowRoot).host : null;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const reasonText = (reason: SkipReason) => t(`fillSkip${capitalised(reason)}` as MessageKey);
const roleName = (role: FillerRole) => (role === 'me' ? t('fillRoleMe') : t(`role${capitalised(role)}` as MessageKey));

function shownValue(line: FillLine): string {
  if (line.action === 'check') return t('fillActionCheck', line.value);
  if (line.action === 'uncheck') return t('fillActionUncheck', line.value);
  return line.value;
}

export function FillPanel({ pageContext, container, layout = browserLayout, isTrusted = (event) => event.isTrusted, comboboxTimeout }: FillPanelProps) {
  const [context, setContext] = useState<FillContext | null>(null);
  const [contextError, setContextError] = useState<string | null>(null);
  const [establishmentId, setEstablishmentId] = useState<string | undefined>();
  const [persons, setPersons] = useState<Partial<Record<FillerRole, string>>>({});
  const [plan, setPlan] = useState<(FillPlan & { url: string }) | null>(null);
  const [ticked, setTicked] = useState<ReadonlyMap<number, boolean>>(new Map());
  const [outcome, setOutcome] = useState<FillOutcome | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const outcomeRef = useRef(outcome);
  outcomeRef.current = outcome;
  const typing = useRef<ReturnType<typeof watchTyping> | null>(null);
  const clearHighlight = useRef<(() => void) | null>(null);
  const armed = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  const allowed = isAllowedUrl(location.href);
  const host = hostOf(container);
  const fieldLayout = useMemo(() => besideOverlay(layout, host), [layout, host]);

  useEffect(() => {
    typing.current = watchTyping(document);
    return () => typing.current?.stop();
  }, []);

  useEffect(() => {
    let live = true;
    getFillContext
      .send({ ...(establishmentId ? { establishmentId } : {}) })
      .then((answer) => live && setContext(answer))
      .catch((error: unknown) => live && setContextError(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
    };
  }, [establishmentId]);

  const replan = useCallback(() => {
    const establishment = context?.establishment;
    const analysis = allowed && establishment ? analysePage(document, location.href, pageContext.procedure, host) : null;
    const settings = {
      ...(context?.meContactId ? { meContactId: context.meContactId } : {}),
      persons,
      typed: (element: Element) => typing.current?.typed(element) ?? false,
    };
    setPlan(analysis && establishment ? { url: location.href, ...planPage(analysis, establishment, settings, fieldLayout) } : null);
    setTicked(new Map());
    // pageId: an SPA route change plans the new page.
  }, [allowed, context, persons, pageContext.pageId, pageContext.procedure, fieldLayout, host]);

  useEffect(() => {
    if (!outcome) replan();
  }, [replan, outcome]);

  // SPA route changes (WXT's event, dispatched while the overlay listens for it, and history moves).
  useEffect(() => {
    // After a fill the results stay up (with their undo) until the user moves on.
    const onRoute = () => {
      if (!outcomeRef.current) replan();
    };
    window.addEventListener('wxt:locationchange', onRoute);
    window.addEventListener('popstate', onRoute);
    return () => {
      window.removeEventListener('wxt:locationchange', onRoute);
      window.removeEventListener('popstate', onRoute);
    };
  }, [replan]);

  const isTicked = (line: FillLine) => !line.skipped && (ticked.get(line.id) ?? line.selected);

  const fill = useCallback(async () => {
    if (!plan || busy) return;
    // The page moved on since the preview (route change, form redrawn): show the new preview instead.
    if (plan.url !== location.href || plan.lines.some((line) => !line.element.isConnected)) {
      replan();
      setNotice('fillPageChanged');
      return;
    }
    setBusy(true);
    setNotice(null);
    armed.current = false;
    // Skipped lines go along so that the result says why they were not filled; unticked ones stay out.
    const lines = plan.lines.filter((line) => line.skipped || (ticked.get(line.id) ?? line.selected));
    const result = await executeFill(lines, { layout: fieldLayout, ...(comboboxTimeout ? { comboboxTimeout } : {}) });
    clearHighlight.current?.();
    clearHighlight.current = highlight(result.results.filter((r) => r.status === 'filled').map((r) => r.line.element));
    setOutcome(result);
    setBusy(false);
  }, [plan, busy, ticked, fieldLayout, comboboxTimeout, replan]);

  const onFillClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (!isTrusted(event.nativeEvent) || isObscured(event.currentTarget, layout)) {
      setNotice('fillRefusedCovered');
      return;
    }
    void fill();
  };

  const onUndo = () => {
    if (!outcome) return;
    undo(outcome.snapshot);
    clearHighlight.current?.();
    clearHighlight.current = null;
    setOutcome(null);
    setNotice('fillUndone');
  };

  // The shortcut and the context menu come from the browser's own UI, not from the page.
  const fillRef = useRef(fill);
  fillRef.current = fill;
  useEffect(
    () =>
      onStartFill(() => {
        if (armed.current) void fillRef.current();
        else {
          armed.current = true;
          setOutcome(null);
          button.current?.focus();
        }
      }),
    [],
  );

  useEffect(() => () => clearHighlight.current?.(), []);

  if (!allowed) return <p className="balise-fill-note">{t('fillPageNotAllowed')}</p>;
  if (contextError) return <p className="balise-fill-note" role="alert">{t('fillContextError', contextError)}</p>;
  if (!context) return <p className="balise-fill-note">{t('fillLoading')}</p>;
  if (context.establishments.length === 0) return <p className="balise-fill-note">{t('fillNoEstablishment')}</p>;

  const filled = outcome?.results.filter((r) => r.status === 'filled') ?? [];
  const skipped = outcome?.results.filter((r) => r.status === 'skipped') ?? [];
  const toFillCount = plan?.lines.filter(isTicked).length ?? 0;

  return (
    <section className="balise-fill" aria-label={t('fillTitle')}>
      {context.establishments.length > 1 && (
        <label className="balise-fill-picker">
          {context.establishment ? t('fillEstablishmentLabel') : t('fillChooseEstablishment')}
          <select value={context.establishment?.id ?? ''} onChange={(event) => setEstablishmentId(event.target.value || undefined)}>
            {!context.establishment && <option value="">{t('fillChoose')}</option>}
            {context.establishments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </select>
        </label>
      )}

      {plan?.questions.map((question) => (
        <label key={question.role} className="balise-fill-picker">
          {t('fillChoosePerson', roleName(question.role))}
          <select
            value={persons[question.role] ?? ''}
            onChange={(event) => setPersons((previous) => ({ ...previous, [question.role]: event.target.value || undefined }))}
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

      {!outcome && plan && (
        <>
          {plan.lines.length === 0 ? (
            <p className="balise-fill-note">{t('fillNothing')}</p>
          ) : (
            <>
              <p className="balise-fill-note">{t('fillPreviewIntro')}</p>
              <ul className="balise-fill-lines">
                {plan.lines.map((line) => (
                  <li key={line.id} className={line.skipped ? 'balise-fill-skipped' : undefined}>
                    <label>
                      <input
                        type="checkbox"
                        checked={isTicked(line)}
                        disabled={!!line.skipped}
                        onChange={(event) => setTicked((previous) => new Map(previous).set(line.id, event.target.checked))}
                      />
                      <span className="balise-fill-field">{line.label}</span>
                      <span className="balise-fill-value">{line.skipped ? reasonText(line.skipped) : shownValue(line)}</span>
                    </label>
                    {!line.skipped && line.caution && (
                      <small className="balise-fill-caution">{t(`fillCaution${capitalised(line.caution)}` as MessageKey)}</small>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="balise-fill-actions">
            <button ref={button} type="button" className="balise-fill-go" disabled={busy || toFillCount === 0} onClick={onFillClick}>
              {t('fillButton')}
            </button>
            <button type="button" className="balise-fill-secondary" onClick={replan}>
              {t('fillRefresh')}
            </button>
          </div>
        </>
      )}

      {outcome && (
        <div className="balise-fill-outcome" role="status">
          <p>{t('fillDone', filled.length)}</p>
          {skipped.length > 0 && (
            <>
              <p>{t('fillSkippedTitle')}</p>
              <ul className="balise-fill-lines">
                {skipped.map((r) => (
                  <li key={r.line.id}>
                    <span className="balise-fill-field">{r.line.label}</span>
                    <span className="balise-fill-value">{reasonText(r.reason ?? 'noValue')}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" className="balise-fill-undo" onClick={onUndo}>
            {t('fillUndo')}
          </button>
        </div>
      )}

      {notice && (
        <p className="balise-fill-note" role={notice === 'fillRefusedCovered' ? 'alert' : 'status'}>
          {t(notice)}
        </p>
      )}
    </section>
  );
}
