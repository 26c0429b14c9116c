/**
 * The open guide on a portal page, on the content script's side: it reads the page, places the
 * field hints beside their fields and rings the next element to click (in the overlay's closed
 * shadow root), plans and fills (components/fill/useFill.ts), and hands everything the panel
 * shows to the guide frame (GuideFrame), where the user reads and chooses out of the page's
 * reach. Folded, the guide is the tab the always-loaded content script draws
 * (lib/overlay/tab.ts). Folded, dismissed and the chosen procedure are remembered per portal.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { minShownMs } from '../../lib/autofill/click-guard';
import { analysePage } from '../../lib/autofill/engine';
import { describePage } from '../../lib/autofill/page-report';
import { labelValuePairs } from '../../lib/dom/label-values';
import { contentLanguage, t } from '../../lib/i18n/t';
import { worthShowing } from '../../lib/overlay/detect';
import { guidanceFor } from '../../lib/overlay/guidance';
import { currentPageStep, pageSteps, tabStep } from '../../lib/procedures/page-steps';
import type { GuideAction, GuideView } from '../../lib/overlay/guide-channel';
import { recordPage } from '../../lib/portals/annuaire-finess.portal';
import { getOverlayState, setOverlayState } from '../../lib/overlay/messages';
import type { OverlayState } from '../../lib/store/storage';
import type { Sites } from '../../lib/portals/sites';
import { defaultOverlayState, watchOverlayState } from '../../lib/overlay/state';
import { overlaps, pushPage, scrollClearOf } from '../../lib/overlay/room';
import { removeTab, showTab, tabHasFocus, tabText } from '../../lib/overlay/tab';
import { findPage } from '../../lib/portals';
import { accessibleLabel, locateAll, shownLabel } from '../../lib/portals/match';
import { procedureTitle } from '../../lib/procedures/catalog';
import { useFill } from '../fill/useFill';
import { ClickHighlight } from './ClickHighlight';
import { FieldHints, hintsByField, type LocatedHint } from './FieldHints';
import { GuideFrame } from './GuideFrame';
import { useGuideDock } from './useGuideDock';
import { usePageReading } from './usePageReading';
import { useProcedureSummary } from './useProcedureSummary';

const shown = (element: Element) => element.getClientRects().length > 0;

interface LocatedClick {
  element: Element;
  label: string;
  where?: string;
}

/** `sites`: the sites the user switched Balise on for, as stored (the overlay is injected only where the browser grants). */
export function Overlay({ ctx, host, sites }: { ctx: ContentScriptContext; host: HTMLElement; sites?: Sites }) {
  const { reading, revision, fieldsRevision } = usePageReading(ctx, sites);
  const portalId = reading?.portal.id;
  const [state, setState] = useState<OverlayState | null>(null);
  const [activeField, setActiveField] = useState<Element | null>(null);
  // The field whose bubble found no free room: its tip is shown in the panel.
  const [roomless, setRoomless] = useState<Element | null>(null);
  const dock = useGuideDock();
  // Floating, the guide sits in the bottom right corner, or the top right one (below).
  const [floatsAtTop, setFloatsAtTop] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [flash, setFlash] = useState(0);
  const [focusRequest, setFocusRequest] = useState(0);
  const [report, setReport] = useState<GuideView['report']>();
  const reports = useRef(0);
  // A description is of the page it was asked on: another route or step (SPA, JSF) takes it away.
  const href = location.href;
  const pageId = reading?.match?.page.id;
  useEffect(() => setReport(undefined), [href, pageId]);
  // The record read on the user's click, of the page it was read on (same rule as the description).
  const [record, setRecord] = useState<GuideView['record']>();
  const records = useRef(0);
  useEffect(() => setRecord(undefined), [href, pageId]);
  // The judgement of a save click on that record, as « Remplir » is judged.
  const [recordClick, setRecordClick] = useState<GuideView['recordClick']>();
  useEffect(() => setRecordClick(undefined), [href, pageId]);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const language = contentLanguage();

  useEffect(() => {
    if (!portalId) return;
    let current = true;
    getOverlayState
      .send({ portalId })
      .catch(() => defaultOverlayState)
      .then((loaded) => current && setState(loaded));
    // Collapsed, dismissed or restored elsewhere (another tab, the popup): follow.
    const unwatch = watchOverlayState(portalId, setState);
    return () => {
      current = false;
      unwatch();
    };
  }, [portalId]);

  const change = useCallback(
    (update: Partial<OverlayState>) => {
      if (!portalId) return;
      setState((previous) => ({ ...(previous ?? defaultOverlayState), ...update }));
      setOverlayState.send({ portalId, change: update }).catch(() => {});
    },
    [portalId],
  );

  const summary = useProcedureSummary(portalId, pageId, state?.procedure);
  // On a page of several procedures, the one chosen here, else the one in progress.
  // The reading carries the page's outline; the guide needs its module (instructions, hints, links).
  const known = useMemo(() => (portalId && pageId ? findPage(portalId, pageId) : null), [portalId, pageId]);
  const guidance = useMemo(() => (known ? guidanceFor(known, state?.procedure, summary?.procedureId) : null), [known, state?.procedure, summary?.procedureId]);
  const fill = useFill({ pageId: reading?.match?.page.id ?? null, fieldsRevision, ...(guidance?.procedure ? { procedure: guidance.procedure } : {}), ownUi: host, frame: frameRef, ...(sites ? { sites } : {}) });

  // Elements are located again on every re-read: SPA routes and late fields replace them.
  const hints = useMemo<LocatedHint[]>(
    () =>
      hintsByField(
        (guidance?.fields ?? []).flatMap((rule) => {
          const element = locateAll(document, rule.match).find(shown);
          return element ? [{ rule, element }] : [];
        }),
      ),
    // revision stands for "the DOM changed".
    [guidance, revision],
  );
  const clicks = useMemo<LocatedClick[]>(
    () =>
      (guidance?.clickNext ?? []).flatMap((target) => {
        const element = locateAll(document, target.match).find(shown);
        if (!element) return [];
        const label = shownLabel(target.match) ?? accessibleLabel(element);
        return [target.where ? { element, label, where: target.where[language] } : { element, label }];
      }),
    [guidance, revision, language],
  );

  // Step changes are announced to screen readers (the live region exists before it is filled).
  const step = guidance ? currentPageStep(pageSteps(guidance, summary)) : undefined;
  const stepKey = guidance?.procedure && step ? `${reading?.match?.page.id}:${guidance.procedure}:${step.key}:${step.number?.index}` : '';
  useEffect(() => {
    if (!guidance?.procedure || !step) return;
    const procedure = procedureTitle(guidance.procedure)[language];
    const title = step.title[language];
    setAnnouncement(step.number ? t('overlayStepAnnounce', procedure, step.number.index, step.number.total, title) : t('overlayStepAnnounceUnnumbered', procedure, title));
    // Once per step, not on every re-read.
  }, [stepKey]);

  /**
   * Scrolls the page so that `field` is not under the guide (the floating one covers the page).
   * Near the page's end or start the page cannot scroll that far: the floating guide moves to
   * the other corner.
   */
  const clearOfPanel = useCallback(
    (field: Element) => {
      const frame = frameRef.current;
      if (!frame) return;
      const delta = scrollClearOf(field.getBoundingClientRect(), frame.getBoundingClientRect(), innerHeight);
      if (delta) window.scrollBy({ top: delta });
      if (dock === 'floating' && overlaps(field.getBoundingClientRect(), frame.getBoundingClientRect())) setFloatsAtTop((top) => !top);
    },
    [dock],
  );

  // The hint of the field being typed in: shown beside it, and read out; focus elsewhere in the
  // page closes it. A field the user moves to (Tab, pointer) under the guide is scrolled clear of
  // it; the fill's own focus moves (lib/autofill/fill.ts) are left alone, and change no state
  // while it writes (the outcome closes any bubble).
  const fillWriting = fill.writing;
  useEffect(() => {
    let userMove = false;
    const onMove = (event: Event) => {
      if (event.type === 'pointerdown' || (event as KeyboardEvent).key === 'Tab') userMove = true;
    };
    const onFocus = (event: FocusEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      // The focus went into Balise's own UI (a badge, the panel): the bubble stays as it is.
      if (!target || target === host || fillWriting.current) return;
      if (userMove) clearOfPanel(target);
      userMove = false;
      const hint = hints.find((h) => h.element === target);
      setActiveField(hint?.element ?? null);
      if (hint) setAnnouncement(t('overlayHintAnnounce', hint.label, hint.tips.map((tip) => tip[language]).join(' ')));
    };
    window.addEventListener('pointerdown', onMove, true);
    window.addEventListener('keydown', onMove, true);
    document.addEventListener('focusin', onFocus);
    return () => {
      window.removeEventListener('pointerdown', onMove, true);
      window.removeEventListener('keydown', onMove, true);
      document.removeEventListener('focusin', onFocus);
    };
  }, [hints, language, host, clearOfPanel, fillWriting]);

  // Escape closes an open bubble (WCAG 1.4.13), and only then: without one, the page keeps its Escape.
  useEffect(() => {
    if (!activeField) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      setActiveField(null);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [activeField]);

  // The fill moves the focus through the fields it writes: no bubble is left open once it is done.
  const filled = fill.view.state === 'done';
  useEffect(() => {
    if (filled) setActiveField(null);
  }, [filled]);

  const collapsed = state?.collapsed ?? false;
  const open = !!state && !collapsed && !state.dismissed && worthShowing(reading) && dock !== null;

  // Docked, the guide takes a side of the window and the page is laid out beside it.
  useEffect(() => (open && dock && dock !== 'floating' ? pushPage(document.documentElement, dock) : undefined), [open, dock]);
  // Folding draws the tab first and gives it the focus (lib/overlay/tab.ts).
  const fold = useCallback(() => {
    if (portalId) showTab(portalId, tabText(reading?.match ? tabStep(portalId, reading.match.page.id, summary, state?.procedure) : null)).focus();
    change({ collapsed: true });
  }, [portalId, reading, summary, state?.procedure, change]);

  // Opened from the tab: the focus follows into the panel, and the tab goes.
  useEffect(() => {
    if (!open) return;
    if (tabHasFocus()) setFocusRequest((n) => n + 1);
    removeTab();
  }, [open]);
  useEffect(() => {
    if (focusRequest) frameRef.current?.focus();
  }, [focusRequest]);

  const tipInPanel = activeField && activeField === roomless ? hints.findIndex((hint) => hint.element === activeField) : -1;
  const view = useMemo<GuideView | null>(
    () =>
      reading && dock
        ? {
            portalId: reading.portal.id,
            pageId: reading.match?.page.id ?? null,
            ...(guidance?.procedure ? { procedure: guidance.procedure } : {}),
            clicks: clicks.map(({ label, where }) => (where ? { label, where } : { label })),
            hints: hints.map(({ label, tips }) => ({ label, tips })),
            ...(tipInPanel >= 0 ? { tipInPanel } : {}),
            fill: fill.view,
            ...(fill.notice ? { notice: fill.notice } : {}),
            focusRequest,
            dock,
            ...(report ? { report } : {}),
            ...(record ? { record } : {}),
            ...(recordClick ? { recordClick } : {}),
          }
        : null,
    [reading, guidance, clicks, hints, tipInPanel, activeField, fill.view, fill.notice, focusRequest, dock, report, record, recordClick],
  );

  /**
   * The page as it is now, for the people who maintain Balise: read on demand only. The values
   * of the fill preview (profile data) are cut out even where the page's own text repeats them.
   */
  const describeThisPage = () => {
    const analysis = analysePage(document, location.href, guidance?.procedure ?? undefined, host, sites);
    const privateValues = fill.view.state === 'preview' ? fill.view.lines.map((line) => line.value) : [];
    return describePage({
      url: location.href,
      doc: document,
      fields: analysis?.fields ?? [],
      match: known,
      version: browser.runtime.getManifest().version,
      privateValues,
      ...(sites ? { sites } : {}),
    });
  };

  /** Takes the keyboard, and a screen reader, to a field of the page, clear of the guide. */
  const goTo = (field: Element | undefined) => {
    if (!(field instanceof HTMLElement) || !field.isConnected) return;
    field.scrollIntoView({ block: 'center' });
    clearOfPanel(field);
    field.focus({ preventScroll: true });
  };

  const onAction = (action: GuideAction) => {
    switch (action.type) {
      case 'procedure':
        return change({ procedure: action.procedure });
      case 'showClick': {
        const click = clicks[action.index];
        if (click?.label !== action.label) return;
        click.element.scrollIntoView({ block: 'center', behavior: 'smooth' });
        return setFlash((n) => n + 1);
      }
      case 'goToField': {
        const hint = hints[action.index];
        return hint?.label === action.label ? goTo(hint.element) : undefined;
      }
      case 'showPortalDefault':
        return goTo(fill.portalDefault(action.index));
      case 'escape':
        return activeField ? setActiveField(null) : fold();
      case 'collapse':
        return fold();
      case 'dismiss':
        return change({ dismissed: true });
      case 'describePage':
        // Ids never repeat: the frame keeps the id of the description it closed.
        return setReport({ id: ++reports.current, text: describeThisPage() });
      case 'readRecord':
        // Only the directory's record page is ever read, and only its label/value rows.
        if (portalId !== recordPage.portalId || pageId !== recordPage.pageId) return;
        return setRecord({ id: ++records.current, pairs: labelValuePairs(document) });
      case 'judgeRecordClick': {
        if (portalId !== recordPage.portalId || pageId !== recordPage.pageId) return;
        const verdict = action.shownFor < minShownMs ? 'early' : fill.judgeFrameClick(action.visibleFor);
        return setRecordClick({ request: action.request, verdict });
      }
      default:
        return fill.act(action);
    }
  };

  if (!open || !view) return <div className="sr-only" role="status" aria-live="polite" />;

  return (
    <>
      <div className="sr-only" role="status" aria-live="polite" data-balise-live="">
        {announcement}
      </div>
      <FieldHints
        hints={hints}
        active={activeField}
        onToggle={(element) => setActiveField((a) => (a === element ? null : element))}
        panel={frameRef}
        onRoom={(element, room) => setRoomless((current) => (room ? (current === element ? null : current) : element))}
      />
      {clicks.map((click, i) => (
        <ClickHighlight key={i} element={click.element} flash={flash} />
      ))}
      <GuideFrame view={view} atTop={floatsAtTop} onAction={onAction} frameRef={frameRef} />
    </>
  );
}
