/**
 * The overlay on a portal page: the panel (or, collapsed, a small tab) at the bottom right,
 * field hints beside their fields, the next element to click ringed. Follows SPA
 * navigation and late fields through usePageReading; collapsed, dismissed and the chosen
 * procedure are remembered per portal by the background.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '../../lib/i18n/t';
import { worthShowing } from '../../lib/overlay/detect';
import { guidanceFor } from '../../lib/overlay/guidance';
import { getOverlayState, setOverlayState, type OverlayState } from '../../lib/overlay/messages';
import { watchOverlayState } from '../../lib/overlay/state';
import { accessibleLabel, locateAll } from '../../lib/portals/match';
import type { ProcedureId } from '../../lib/portals/schema';
import { ClickHighlight } from './ClickHighlight';
import { FieldHints, hintLabel, type LocatedHint } from './FieldHints';
import { contentLanguage } from '../ui/language';
import { Panel, procedureName, type LocatedClick } from './Panel';
import { usePageReading } from './usePageReading';
import { useProcedureSummary } from './useProcedureSummary';

const shown = (element: Element) => element.getClientRects().length > 0;
const fallbackState: OverlayState = { collapsed: false, dismissed: false };

export function Overlay({ ctx, container }: { ctx: ContentScriptContext; container: HTMLElement }) {
  const { reading, revision } = usePageReading(ctx);
  const portalId = reading?.portal.id;
  const [state, setState] = useState<OverlayState | null>(null);
  const [activeField, setActiveField] = useState<Element | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [flash, setFlash] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const tabRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'heading' | 'tab' | null>(null);
  const language = contentLanguage();

  useEffect(() => {
    if (!portalId) return;
    let current = true;
    getOverlayState
      .send({ portalId })
      .catch(() => fallbackState)
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
      setState((previous) => ({ ...(previous ?? fallbackState), ...update }));
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
  const toggle = useCallback(() => {
    focusNext.current = collapsed ? 'heading' : 'tab';
    change({ collapsed: !collapsed });
  }, [collapsed, change]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && event.shiftKey && event.code === 'KeyB') {
        event.preventDefault();
        toggle();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [toggle]);

  useEffect(() => {
    const target = focusNext.current === 'heading' ? headingRef.current : focusNext.current === 'tab' ? tabRef.current : null;
    if (target) {
      target.focus();
      focusNext.current = null;
    }
  });

  if (!state || state.dismissed || !worthShowing(reading)) return <div className="sr-only" role="status" aria-live="polite" />;

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
      {!collapsed && <FieldHints hints={hints} active={activeField} onToggle={(element) => setActiveField((a) => (a === element ? null : element))} />}
      {!collapsed && clicks.map((click, i) => <ClickHighlight key={i} element={click.element} flash={flash} />)}
      {collapsed ? (
        <button ref={tabRef} type="button" className="tab" aria-expanded="false" onClick={toggle} title={t('overlayExpand')}>
          {firstStep ? t('overlayTab', firstStep.index, firstStep.total) : t('overlayTabUnknown')}
          <span className="sr-only"> — {t('overlayExpand')}</span>
        </button>
      ) : (
        <aside
          className="panel"
          aria-label={t('overlayRegion')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              toggle();
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
            onCollapse={toggle}
            onDismiss={() => change({ dismissed: true })}
          />
        </aside>
      )}
    </>
  );
}
