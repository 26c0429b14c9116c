/**
 * The fill, on the content script's side: reads the page, plans, and fills — the DOM work
 * the guide frame cannot do. The frame shows the preview this hook publishes (`view`) and
 * sends back the user's choices (`act`). The preview is frozen: what a click fills is the
 * revision the user saw, line by line, each line checked again just before it is written.
 * The preview follows the page's fields (a dialog opened, a step swapped in): a preview that
 * changed is a new revision, which the user reads before a click counts. Of the page's own
 * events only a person's right click is heard (trusted, to teach that field): the page cannot
 * re-tick nor fill.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { judgeClick, minShownMs, trackStability, type ClickVerdict } from '../../lib/autofill/click-guard';
import { watchDom, type DomWatch } from '../../lib/autofill/dom-watch';
import { analysePage, isAllowedUrl, planLines, planPage, teachableFields, watchTyping, type PageAnalysis, type TeachableFields } from '../../lib/autofill/engine';
import { noSites, type Sites } from '../../lib/portals/sites';
import { executeFill, undo, type FillOutcome } from '../../lib/autofill/fill';
import { getFillContext, onStartFill, type FillContext } from '../../lib/autofill/messages';
import { watchDataChanges } from '../../lib/store/changes';
import { fillsNothing, portalDefaults, type FillLine, type FillPlan, type PlanSettings } from '../../lib/autofill/plan';
import type { FillEstablishment } from '../../lib/autofill/resolve';
import { establishmentPath } from '../../lib/profile/fields';
import { isPersonKind, type EstablishmentKind } from '../../lib/profile/kinds';
import { browserLayout, pageAsNow } from '../../lib/autofill/visibility';
import type { Layout } from '../../lib/dom/layout';
import type { MessageKey } from '../../lib/i18n/catalog';
import type { FillFix, FillView, GuideAction, PortalDefaultView } from '../../lib/overlay/guide-channel';
import { tabHostTag } from '../../lib/overlay/tab';
import type { FillerRole, ProcedureId } from '../../lib/portals/schema';
import { highlight } from './highlight';

export interface FillPageContext {
  /** The page as recognised: a change of page plans again. */
  pageId: string | null;
  /**
   * Changes when the page's fields may have changed in place — a dialog opened, a step swapped in
   * by AJAX, a field enabled or renamed (components/overlay/usePageReading.ts): the preview follows.
   */
  fieldsRevision?: number;
  procedure?: ProcedureId;
  /** Balise's own shadow host: its controls are not the page's fields, and a field under it is hidden from the user. */
  ownUi: Element | null;
  /** The guide frame, whose click is judged (covered, moved, made transparent). */
  frame: RefObject<HTMLIFrameElement | null>;
  layout?: Layout;
  /** The click-time judgement (lib/autofill/click-guard.ts); tests without layout pass their own. */
  judge?: typeof judgeClick;
  comboboxTimeout?: number;
  /** The sites the user switched Balise on for (lib/portals/sites.ts): this page may be one. */
  sites?: Sites;
}

interface FrozenPlan extends FillPlan, TeachableFields {
  url: string;
  revision: number;
  /** When it replaced another preview (performance.now(); -Infinity for the first): the shortcut's fill needs it shown long enough. */
  publishedAt: number;
}

/** The user's choice on a field's line, and the label the field had then. */
interface Tick {
  label: string;
  ticked: boolean;
}

let revisions = 0;

/** Where the user fixes a line left to them: the profile's field that is empty, or the people, when nobody holds the role. */
function fixOf(line: FillLine, reason: FillLine['skipped'], establishment: FillEstablishment): FillFix | undefined {
  if (reason === 'noPerson' && line.source.type === 'person') return { role: line.source.role };
  if (reason !== 'noValue' || !line.kind) return undefined;
  return { field: isPersonKind(line.kind) ? 'contacts' : establishmentPath(line.kind as EstablishmentKind, establishment) };
}

/** A line still stands when the page, planned again now, gives the same field the same label, action and value. */
function sameLine(frozen: FillLine, fresh: FillLine | undefined): boolean {
  return !!fresh && fresh.label === frozen.label && fresh.action === frozen.action && fresh.value === frozen.value && fresh.kind === frozen.kind;
}

/** The page planned again shows the user nothing new: the same fields in the same order, each line as it was shown, the same questions. */
function samePreview(shown: FrozenPlan, fresh: FillPlan): boolean {
  const sameShown = (line: FillLine, other: FillLine | undefined) =>
    line.element === other?.element &&
    line.id === other.id &&
    sameLine(line, other) &&
    line.selected === other.selected &&
    line.skipped === other.skipped &&
    line.caution === other.caution &&
    line.enabledLater === other.enabledLater;
  return (
    shown.url === location.href &&
    shown.lines.length === fresh.lines.length &&
    shown.lines.every((line, i) => sameShown(line, fresh.lines[i])) &&
    JSON.stringify(shown.questions) === JSON.stringify(fresh.questions)
  );
}

export function useFill({ pageId, fieldsRevision = 0, procedure, ownUi, frame, layout = browserLayout, judge = judgeClick, comboboxTimeout, sites = noSites }: FillPageContext): {
  view: FillView;
  notice: MessageKey | null;
  act(action: GuideAction): void;
  /** The click-time judgement of a click in the frame now, with the fill's watch of where the frame stands (the FINESS record's saves). */
  judgeFrameClick(visibleFor: number | null): ClickVerdict;
  /** The field the fill left on the portal's own value, by its place in the outcome's list (« Aller au champ »). */
  portalDefault(index: number): HTMLElement | undefined;
  /** True while the fill writes the page: the focus then moves through its fields, not the user's. */
  writing: RefObject<boolean>;
} {
  const [context, setContext] = useState<FillContext | null>(null);
  const [contextError, setContextError] = useState<string | null>(null);
  const [contextAsked, setContextAsked] = useState(0);
  const [persons, setPersons] = useState<Partial<Record<FillerRole, string>>>({});
  const [plan, setPlan] = useState<FrozenPlan | null>(null);
  const ticks = useRef(new WeakMap<Element, Tick>());
  const [, setTickRevision] = useState(0);
  const [outcome, setOutcome] = useState<(FillOutcome & { portalDefaults: (PortalDefaultView & { element: HTMLElement })[] }) | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const writing = useRef(false);
  const [awaitingShortcut, setAwaitingShortcut] = useState(false);
  const typing = useRef<ReturnType<typeof watchTyping> | null>(null);
  /** The field the user last right-clicked (a person's click only): « Balise : ce champ est… » is about it. */
  const rightClicked = useRef<Element | null>(null);
  const [teachRequest, setTeachRequest] = useState<{ signature: string; request: number } | null>(null);
  const clearHighlight = useRef<(() => void) | null>(null);
  const stability = useRef<(ReturnType<typeof trackStability> & { element: Element }) | null>(null);
  const allowed = isAllowedUrl(location.href, sites);

  useEffect(() => {
    typing.current = watchTyping(document);
    // Only remembered: the page cannot open the browser's own menu, where the user picks « Balise : ce champ est… ».
    const remember = (event: MouseEvent) => {
      if (event.isTrusted) rightClicked.current = (event.composedPath()[0] as Element | undefined) ?? null;
    };
    document.addEventListener('contextmenu', remember, true);
    return () => {
      typing.current?.stop();
      document.removeEventListener('contextmenu', remember, true);
    };
  }, []);

  // The frame comes and goes (folded, re-created): watch the one on screen.
  useEffect(() => {
    const element = frame.current;
    if (stability.current?.element === element) return;
    stability.current?.stop();
    stability.current = element ? { element, ...trackStability(element, layout) } : null;
  });
  useEffect(() => () => stability.current?.stop(), []);

  // Who « me » is, the establishment or its contacts changed in the popup or the options: the
  // preview plans from the new answer at once, never from the one this page loaded with.
  useEffect(() => watchDataChanges(() => setContextAsked((n) => n + 1)), []);
  useEffect(() => {
    let live = true;
    getFillContext
      .send({})
      // An unchanged answer keeps the context as it was: a write elsewhere (a step ticked) plans nothing again.
      .then((answer) => live && (setContext((previous) => (JSON.stringify(previous) === JSON.stringify(answer) ? previous : answer)), setContextError(null)))
      .catch((error: unknown) => live && setContextError(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
    };
  }, [contextAsked]);

  const settings = useCallback(
    (): PlanSettings => ({
      ...(context?.meContactId !== undefined ? { meContactId: context.meContactId } : {}),
      persons,
      typed: (element: Element) => typing.current?.typed(element) ?? false,
    }),
    [context, persons],
  );

  // Read with or without an establishment: whether the page has anything to fill is the page's alone (fillsNothing).
  const analyse = useCallback(
    () => (allowed && context && context.count > 0 ? analysePage(document, location.href, procedure, ownUi, sites, context.lessons) : null),
    [allowed, context, procedure, ownUi, sites],
  );
  /** What Balise put in the page: the overlay's host with what it holds, and the folded tab's host, which the overlay removes (its content is in a closed root). */
  const isBalise = useCallback(
    (node: Node) => (ownUi?.contains(node) ?? false) || (node.nodeName.toLowerCase() === tabHostTag && !node.hasChildNodes()),
    [ownUi],
  );
  /** The preview's reading of the page, kept while the DOM it was read from stays as it was (./dom-watch.ts). */
  const lastRead = useRef<{ analysis: PageAnalysis; url: string; by: typeof analyse; watch: DomWatch } | null>(null);
  useEffect(() => () => lastRead.current?.watch.stop(), []);

  /**
   * The page planned now, with the current establishment (null: none chosen yet) and choices; null
   * when there is nothing to plan. `measured`: with the fields a person cannot see marked skipped
   * (the preview); without, only what each field asks for (the check at fill time, where the fill
   * measures what it writes). The check at fill time reads the page again only if its DOM changed
   * since the preview was read.
   */
  const planNow = useCallback(
    (measured: boolean): (FillPlan & TeachableFields) | null => {
      const establishment = context?.establishment ?? null;
      const kept = lastRead.current;
      const still = !measured && kept?.by === analyse && kept.url === location.href && kept.watch.unchanged();
      const analysis = still ? kept.analysis : analyse();
      if (!analysis) return null;
      if (!measured) return { ...planLines(analysis, establishment, settings()), signatures: new Map(), leftOut: [] };
      kept?.watch.stop();
      const roots = [document, ...analysis.fields.map((planField) => planField.field.element.getRootNode())];
      lastRead.current = { analysis, url: location.href, by: analyse, watch: watchDom(roots, isBalise) };
      const plan = planPage(analysis, establishment, settings(), layout, ownUi ?? undefined);
      return { ...plan, ...teachableFields(analysis, plan, layout, ownUi ?? undefined) };
    },
    [context, analyse, ownUi, isBalise, settings, layout],
  );

  const replan = useCallback(() => {
    const fresh = planNow(true);
    setPlan((previous) => {
      if (!fresh) return null;
      // The same preview keeps its revision: only a change the user has to read again holds the button. What the user
      // may teach follows the page all the same (a dialog may bring only fields Balise leaves out): teaching fills nothing.
      if (previous && samePreview(previous, fresh)) {
        const leftOut = (plan: TeachableFields) => plan.leftOut.map((field) => field.signature).join('\n');
        return leftOut(previous) === leftOut(fresh) && previous.signatures.size === fresh.signatures.size
          ? previous
          : { ...previous, signatures: fresh.signatures, leftOut: fresh.leftOut };
      }
      // The first preview is read from the moment it shows; one that replaces it is timed (minShownMs).
      return { ...fresh, url: location.href, revision: ++revisions, publishedAt: previous ? performance.now() : -Infinity };
    });
  }, [planNow]);
  // A shortcut press confirms the preview it was asked for, not the one that replaced it.
  useEffect(() => setAwaitingShortcut(false), [plan?.revision]);

  // A new page (real URL or recognised page), its fields changed in place, another establishment,
  // person or procedure: the preview follows.
  const url = location.href;
  useEffect(() => {
    if (!outcome && !busy) replan();
    // url, pageId and fieldsRevision stand for "the page changed"; outcome: after a fill the result stays until the user moves on.
  }, [replan, url, pageId, fieldsRevision, outcome === null, busy]);

  /**
   * An untick holds for the field, whatever the page renames it to or however often it is
   * planned again; a tick the user added holds only while the field keeps the label it had.
   */
  const isTicked = useCallback((line: FillLine) => {
    if (line.skipped) return false;
    const tick = ticks.current.get(line.element);
    if (!tick) return line.selected;
    return tick.ticked && (tick.label === line.label || line.selected);
  }, []);

  const fill = useCallback(
    async (revision: number, shownFor: number, visibleFor: number | null, viaShortcut: boolean) => {
      // Without an establishment the preview only asks which one: nothing is filled from it.
      if (!plan || busy || outcome || !context?.establishment) return;
      if (revision !== plan.revision || shownFor < minShownMs) {
        setNotice('fillPreviewChanged');
        return;
      }
      if (plan.url !== location.href) {
        replan();
        setNotice('fillPageChanged');
        return;
      }
      // Nothing is written between the click guard and the fill's first check: both read the page of this moment.
      const now = pageAsNow(layout);
      if (!viaShortcut) {
        const verdict = judge(frame.current, ownUi, visibleFor, stability.current?.stableFor() ?? 0, now);
        if (verdict === 'covered') {
          setNotice('fillRefusedCovered');
          return;
        }
        if (verdict === 'doubt') {
          setAwaitingShortcut(true);
          setNotice('fillConfirmShortcut');
          return;
        }
      }
      setBusy(true);
      setNotice(null);
      setAwaitingShortcut(false);
      // What is filled is what was shown: the page planned again now must give each ticked line the same field, label and value.
      const fresh = new Map((planNow(false)?.lines ?? []).map((line) => [line.element, line] as const));
      // A line left unticked is no field to write, yet the outcome names it: a kept typing is no omission.
      const lines = plan.lines.map((line): FillLine => {
        if (line.skipped) return line;
        if (!isTicked(line)) return { ...line, skipped: line.caution === 'userTyped' ? 'typedByUser' : 'unticked' };
        const now = fresh.get(line.element);
        if (!sameLine(line, now)) return { ...line, skipped: line.element.isConnected ? 'changed' : 'detached' };
        // Typed into after the preview: what the user typed stays, unless the preview already showed it and the user ticked it.
        if (now?.caution === 'userTyped' && line.caution !== 'userTyped') return { ...line, skipped: 'typedByUser' };
        return line;
      });
      writing.current = true;
      let result: FillOutcome;
      try {
        result = await executeFill(lines, { layout: now, ...(ownUi ? { ownUi } : {}), ...(comboboxTimeout ? { comboboxTimeout } : {}) });
      } finally {
        writing.current = false;
      }
      const written = new Set(result.results.filter((r) => r.status === 'filled' || r.reason === 'rejected').map((r) => r.line.element));
      const read = lastRead.current?.analysis.fields ?? [];
      const leftOnDefault = portalDefaults(read, written, (element) => typing.current?.typed(element) ?? false);
      clearHighlight.current?.();
      // The fields the page refused, and those left on the portal's default, are marked too, apart: the user types or checks those.
      clearHighlight.current = highlight({
        filled: result.results.filter((r) => r.status === 'filled').map((r) => r.line.element),
        refused: result.results.filter((r) => r.reason === 'rejected').map((r) => r.line.element),
        portalDefault: leftOnDefault.map((left) => left.element),
      });
      setOutcome({ ...result, portalDefaults: leftOnDefault });
      setBusy(false);
    },
    [plan, busy, outcome, context, replan, frame, ownUi, judge, planNow, isTicked, layout, comboboxTimeout],
  );

  const fillRef = useRef(fill);
  fillRef.current = fill;
  const planRef = useRef(plan);
  planRef.current = plan;
  // The shortcut and the context menu come from the browser's own UI, never from the page: a
  // first press shows the preview (or confirms a click judged unsafe), a second one fills it.
  const armed = useRef(false);
  const awaitingRef = useRef(awaitingShortcut);
  awaitingRef.current = awaitingShortcut;
  useEffect(
    () =>
      onStartFill((trigger) => {
        const current = planRef.current;
        if (trigger === 'teachField') {
          const signature = rightClicked.current && current?.signatures.get(rightClicked.current);
          if (!signature) return;
          // The keyboard goes to the guide's frame, where the field's « Ce champ est : … » takes it.
          frame.current?.focus();
          setTeachRequest((previous) => ({ signature, request: (previous?.request ?? 0) + 1 }));
          return;
        }
        if ((armed.current || awaitingRef.current) && current) {
          armed.current = false;
          void fillRef.current(current.revision, performance.now() - current.publishedAt, null, true);
        } else {
          armed.current = true;
          setOutcome(null);
        }
      }),
    [],
  );

  useEffect(() => () => clearHighlight.current?.(), []);

  const act = useCallback(
    (action: GuideAction) => {
      switch (action.type) {
        case 'tick': {
          const line = plan?.lines.find((l) => l.id === action.line);
          if (!plan || action.revision !== plan.revision || !line || line.skipped) return;
          ticks.current.set(line.element, { label: line.label, ticked: action.checked });
          setTickRevision((n) => n + 1);
          return;
        }
        case 'person':
          setPersons((previous) => ({ ...previous, [action.role]: action.contactId }));
          return;
        case 'establishmentChosen':
        case 'taught':
          setContextAsked((n) => n + 1);
          return;
        case 'frameGrew':
          // Only what the taller frame now covers changes: no new context, no « loading » between, and an unchanged
          // preview keeps its revision (replan), so a click on « Remplir » is not lost to a preview put back as it was.
          if (!outcome && !busy) replan();
          return;
        case 'refresh':
          setNotice(null);
          setOutcome(null);
          setContextAsked((n) => n + 1);
          replan();
          return;
        case 'fill':
          void fill(action.revision, action.shownFor, action.visibleFor, false);
          return;
        case 'undo':
          if (!outcome) return;
          undo(outcome.snapshot);
          clearHighlight.current?.();
          clearHighlight.current = null;
          setOutcome(null);
          setNotice('fillUndone');
          return;
      }
    },
    [plan, fill, outcome, replan],
  );

  const judgeFrameClick = (visibleFor: number | null) => judge(frame.current, ownUi, visibleFor, stability.current?.stableFor() ?? 0, layout);
  const portalDefault = (index: number) => outcome?.portalDefaults[index]?.element;
  return { view: viewOf(), notice, act, judgeFrameClick, portalDefault, writing };

  function viewOf(): FillView {
    if (!allowed) return { state: 'notAllowed' };
    if (contextError) return { state: 'error', message: contextError };
    if (!context) return { state: 'loading' };
    if (context.count === 0) return { state: 'noEstablishment' };
    const establishment = context.establishment;
    const fixed = (line: FillLine, reason: FillLine['skipped']) => {
      const fix = establishment && fixOf(line, reason, establishment);
      return fix ? { fix } : {};
    };
    const establishmentId = establishment ? { establishmentId: establishment.id } : {};
    if (outcome) {
      const view = ({ line, reason }: FillOutcome['results'][number]) => ({ label: line.label, value: line.value, ...(reason ? { reason } : {}), ...fixed(line, reason) });
      return {
        state: 'done',
        filled: outcome.results.filter((r) => r.status === 'filled').map(view),
        skipped: outcome.results.filter((r) => r.status === 'skipped').map(view),
        portalDefaults: outcome.portalDefaults.map(({ label, value }) => ({ label, value })),
        ...establishmentId,
      };
    }
    // Planned on the next render; a preview with no plan yet would count as a first one.
    if (!plan) return { state: 'loading' };
    // A lesson is kept with an establishment (lib/autofill/background.ts): with none chosen, nothing is taught.
    const signatureOf = (element: Element) => {
      const signature = establishment && plan.signatures.get(element);
      return signature ? { signature } : {};
    };
    const nothing = fillsNothing(plan);
    return {
      state: 'preview',
      revision: plan.revision,
      several: context.count > 1,
      chooseEstablishment: !establishment && !nothing,
      fillsNothing: nothing,
      questions: plan.questions,
      persons,
      lines: plan.lines.map((line) => ({
        id: line.id,
        label: line.label,
        value: line.value,
        action: line.action,
        ticked: isTicked(line),
        ...(line.skipped ? { skipped: line.skipped } : {}),
        ...(line.caution ? { caution: line.caution } : {}),
        ...(line.enabledLater ? { enabledLater: true } : {}),
        ...(line.notOffered ? { notOffered: line.notOffered } : {}),
        ...fixed(line, line.skipped),
        ...signatureOf(line.element),
      })),
      leftOut: establishment ? plan.leftOut.map(({ label, signature }) => ({ label, signature })) : [],
      ...(teachRequest ? { teach: teachRequest } : {}),
      busy,
      ...establishmentId,
    };
  }
}
