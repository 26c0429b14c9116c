/**
 * The guide frame's page: renders what the content script sends (lib/overlay/guide-channel.ts)
 * and sends back what the user does. The portal page cannot reach this document (another
 * origin), so every control here is the user's. Floating, its height follows its content (the
 * content script sizes the frame); Escape (once a field's tip is closed) and Alt+Maj+B fold the
 * guide. Where the user puts the guide is written here, to the browser's storage, and followed
 * by the content script (useGuideDock), which says in the view where it placed it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { t } from '../../lib/i18n/t';
import { guidanceFor } from '../../lib/overlay/guidance';
import type { GuideAction, GuideView } from '../../lib/overlay/guide-channel';
import { recordPage } from '../../lib/portals/annuaire-finess.portal';
import { findPage, portals } from '../../lib/portals';
import { FillView } from '../fill/FillView';
import { guideDock } from '../../lib/store/storage';
import { useProcedureSummary } from '../overlay/useProcedureSummary';
import { useVisibleFor } from '../fill/useVisibleFor';
import { FinessRecordSection } from './FinessRecordSection';
import { Panel } from './Panel';
import './guide.css';

export function GuideApp({ port }: { port: MessagePort }) {
  const [view, setView] = useState<GuideView | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The whole panel, not only the button: a fake preview laid over the list is a cover too.
  const { ref: seen, visibleFor } = useVisibleFor();
  const send = (action: GuideAction) => port.postMessage(action);

  useEffect(() => {
    port.onmessage = (event: MessageEvent<GuideView>) => setView(event.data);
    return () => {
      port.onmessage = null;
    };
  }, [port]);

  // The frame is as tall as the panel would be unscrolled (up to the frame's CSS limit, then the
  // guide's text and the preview's lines scroll): the panel is as tall as the frame, so what its
  // scrolling parts hide is added back.
  const drawn = !!view;
  useEffect(() => {
    const content = document.querySelector('.panel-scroll-content');
    const pinned = document.querySelector('.panel-pinned');
    if (!content || !pinned) return;
    const report = () => {
      const hidden = [...document.querySelectorAll('.panel-scroll, .panel-pinned, .panel-pinned .balise-fill-lines')].reduce(
        (sum, scroller) => sum + scroller.scrollHeight - scroller.clientHeight,
        0,
      );
      port.postMessage({ type: 'height', px: Math.ceil(document.documentElement.scrollHeight + hidden) } satisfies GuideAction);
    };
    const observer = new ResizeObserver(report);
    for (const element of [document.body, content]) observer.observe(element);
    // The pinned block is squeezed to the frame: its size need not change when its content does.
    const changes = new MutationObserver(report);
    changes.observe(pinned, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      changes.disconnect();
    };
  }, [port, drawn]);

  useEffect(() => {
    if (view?.focusRequest) headingRef.current?.focus();
  }, [view?.focusRequest]);

  // Asked by this Balise page itself: the names of the people a step is about never go through the portal's page.
  const summary = useProcedureSummary(view?.portalId, view?.pageId ?? undefined, view?.procedure);
  const portal = view && portals.find((p) => p.id === view.portalId);
  const match = useMemo(() => (view?.pageId ? findPage(view.portalId, view.pageId) : null), [view?.portalId, view?.pageId]);
  const guidance = useMemo(() => (match ? guidanceFor(match, view?.procedure) : null), [match, view?.procedure]);
  if (!view || !portal) return null;

  return (
    <main
      ref={seen}
      className="panel"
      aria-label={t('overlayRegion')}
      onKeyDown={(event) => {
        const alone = !event.ctrlKey && !event.metaKey;
        if ((event.key === 'Escape' && alone) || (event.altKey && event.shiftKey && event.code === 'KeyB')) {
          event.preventDefault();
          // Escape closes an open tip first, wherever the focus is (« Aller au champ » may leave it here).
          send({ type: event.key === 'Escape' ? 'escape' : 'collapse' });
        }
      }}
    >
      <Panel
        portal={portal}
        page={match?.page ?? null}
        guidance={guidance}
        summary={summary}
        clicks={view.clicks}
        hints={view.hints}
        fill={<FillView view={view.fill} notice={view.notice} send={send} visibleFor={visibleFor} />}
        record={view.portalId === recordPage.portalId && view.pageId === recordPage.pageId ? <FinessRecordSection record={view.record} verdict={view.recordClick} send={send} visibleFor={visibleFor} /> : undefined}
        report={view.report}
        headingRef={headingRef}
        onProcedure={(procedure) => send({ type: 'procedure', procedure })}
        onShowClick={(index) => send({ type: 'showClick', index, label: view.clicks[index]?.label ?? '' })}
        onGoToField={(index) => send({ type: 'goToField', index, label: view.hints[index]?.label ?? '' })}
        onCollapse={() => send({ type: 'collapse' })}
        onDismiss={() => send({ type: 'dismiss' })}
        tipInPanel={view.tipInPanel}
        dock={view.dock}
        // Unwritable, the guide stays where it is.
        onDock={(chosen) => void guideDock().setValue(chosen).catch(() => {})}
        onDescribePage={() => send({ type: 'describePage' })}
      />
    </main>
  );
}
