/**
 * The open guide on a portal page: the panel at the bottom right, field hints beside their
 * fields, the next element to click ringed. Folded, it is the tab the always-loaded content
 * script draws (lib/overlay/tab.ts). Follows SPA navigation and late fields through
 * usePageReading; folded, dismissed and the chosen procedure are remembered per portal by the
 * background.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../../lib/i18n/t';
import { worthShowing } from '../../lib/overlay/detect';
import { guidanceFor } from '../../lib/overlay/guidance';
import { getOverlayState, setOverlayState, type OverlayState } from '../../lib/overlay/messages';
import { defaultOverlayState, watchOverlayState } from '../../lib/overlay/state';
import { removeTab, showTab, tabHasFocus, tabText } from '../../lib/overlay/tab';
import { accessibleLabel, locateAll } from '../../lib/portals/match';
import type { ProcedureId } from '../../lib/portals/schema';
import { ClickHighlight } from './ClickHighlight';
import { FieldHints, hintLabel, type LocatedHint } from './FieldHints';
import { contentLanguage } from '../ui/language';
import { Panel, procedureName, type LocatedClick } from './Panel';
import { usePageReading } from './usePageReading';
import { useProcedureSummary } from './useProcedureSummary';

const shown = (element: Element) => element.getClientRects().length > 0;

export function Overlay({ ctx, container }: { ctx: ContentScriptContext; container: HTMLElement }) {
  const { reading, revision } = usePageReading(ctx);
  const portalId = reading?.portal.id;
  const [state, setState] = useState<OverlayState | null>(null);
  const [activeField, setActiveField] = useState<Element | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [flash, setFlash] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
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

  const summary = useProcedureSummary(portalId, reading?.match?.page.id);
  // On a page of several procedures, the one chosen here, else the one in progress (the popup's).
  const wanted = state?.procedure ?? summary?.procedureId;
  const guidance = useMemo(() => (reading?.match ? guidanceFor(reading.match, wanted) : null), [reading, wanted]);

  // Elements are located again on every re-read: SPA routes and late fields replace them.
  const hints = useMemo<LocatedHint[]>(
    () =>
      (guidance?.fields ?? []).flatMap((rule) => {
        const element = locateAll(document, rule.match).find(shown);
        return element ? [{ rule, element, label: hintLabel(rule, element) }] : [];
      }),
    // revision stands for "the DOM changed".
    [guidance, revision],
  );
  const clicks = useMemo<LocatedClick[]>(
    () =>
      (guidance?.clickNext ?? []).flatMap((target) => {
        const element = locateAll(document, target.match).find(shown);
        if (!element) return [];
        const label = target.match.label ?? accessibleLabel(element);
        return [target.where ? { element, label, where: target.where[language] } : { element, label }];
      }),
    [guidance, revision, language],
  );

  // Step changes are announced to screen readers (the live region exists before it is filled).
  const firstStep = guidance?.steps[0];
  const stepKey = guidance && firstStep ? `${reading?.match?.page.id}:${guidance.procedure}:${firstStep.index}` : '';
  useEffect(() => {
    if (!guidance || !firstStep) return;
    setAnnouncement(t('overlayStepAnnounce', procedureName(guidance.procedure), firstStep.index, firstStep.total, firstStep.title[language]));
    // Once per step, not on every re-read.
  }, [stepKey]);

  // The hint of the field being typed in: shown beside it, and read out.
  useEffect(() => {
    const onFocus = (event: FocusEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const hint = target && hints.find((h) => h.element === target);
      if (!hint) return;
      setActiveField(hint.element);
      setAnnouncement(t('overlayHintAnnounce', hint.label, hint.rule.hint[language]));
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, [hints, language]);

  const collapsed = state?.collapsed ?? false;
  const open = !!state && !collapsed && !state.dismissed && worthShowing(reading);
  // Folding draws the tab first and gives it the focus (lib/overlay/tab.ts).
  const fold = useCallback(() => {
    if (portalId) showTab(portalId, tabText(reading?.match ?? null, guidance?.procedure)).focus();
    change({ collapsed: true });
  }, [portalId, reading, guidance?.procedure, change]);

  // Opened from the tab: the focus follows into the panel, and the tab goes.
  useEffect(() => {
    if (!open) return;
    if (tabHasFocus()) headingRef.current?.focus();
    removeTab();
  }, [open]);

  if (!open) return <div className="sr-only" role="status" aria-live="polite" />;

  const showClick = (click: LocatedClick) => {
    click.element.scrollIntoView({ block: 'center', behavior: 'smooth' });
    setFlash((n) => n + 1);
  };
  const goToField = (hint: LocatedHint) => {
    hint.element.scrollIntoView({ block: 'center' });
    (hint.element as HTMLElement).focus();
  };

  return (
    <>
      <div className="sr-only" role="status" aria-live="polite" data-balise-live="">
        {announcement}
      </div>
      <FieldHints hints={hints} active={activeField} onToggle={(element) => setActiveField((a) => (a === element ? null : element))} />
      {clicks.map((click, i) => (
        <ClickHighlight key={i} element={click.element} flash={flash} />
      ))}
      <aside
        className="panel"
        aria-label={t('overlayRegion')}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            fold();
          }
        }}
      >
        <Panel
          reading={reading}
          guidance={guidance}
          summary={summary}
          clicks={clicks}
          hints={hints}
          container={container}
          headingRef={headingRef}
          onProcedure={(procedure: ProcedureId) => change({ procedure })}
          onShowClick={showClick}
          onGoToField={goToField}
          onCollapse={fold}
          onDismiss={() => change({ dismissed: true })}
        />
      </aside>
    </>
  );
}
