/**
 * The guide frame in the overlay's closed shadow root: an extension page (guide.html) that
 * draws the panel, talked to over the channel of lib/overlay/guide-channel.ts. A page that
 * navigates the frame elsewhere (a parent may navigate its frames) gets a new frame with a new
 * token: what it loaded never receives the channel.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { browser } from 'wxt/browser';
import { t } from '../../lib/i18n/t';
import { floatingHeight, roomBelow } from '../../lib/overlay/room';
import { guidePage, newGuideToken, openGuideChannel, type GuideAction, type GuideView } from '../../lib/overlay/guide-channel';

/**
 * Where `view.dock` says: floating, the frame is as tall as the panel (up to lib/overlay/room.ts
 * floatingHeight), in the bottom right corner (the top right one when `atTop`, unless the fill
 * section is shown: taller then, it relies on the page's room below it); docked, as tall as the window.
 */
export function GuideFrame({
  view,
  atTop,
  onAction,
  frameRef,
}: {
  view: GuideView;
  atTop: boolean;
  onAction(action: GuideAction): void;
  frameRef: RefObject<HTMLIFrameElement | null>;
}) {
  const { dock } = view;
  const floating = dock === 'floating';
  // « Remplir cette page » and a few of the preview's lines, or the fill's outcome and « Annuler », need more than half the window.
  // Whatever the fill section says: the frame's size, which the page can measure, must not tell it
  // whether the profile holds an establishment (« Créer mon établissement » vs a preview).
  const filling = floating && view.fill.state !== 'notAllowed';
  const previewing = floating && view.fill.state === 'preview';
  const [token, setToken] = useState(newGuideToken);
  const [height, setHeight] = useState(0);
  const port = useRef<MessagePort | null>(null);
  const onActionRef = useRef(onAction);
  onActionRef.current = onAction;
  const viewRef = useRef(view);
  viewRef.current = view;

  // From the guide's opening, not the preview's: the page's scrollbar it may bring moves the frame,
  // and a frame that just moved does not take a click (lib/autofill/click-guard.ts).
  useEffect(() => (floating ? roomBelow(document.documentElement) : undefined), [floating]);
  // The preview leaves out the fields under the floating guide (lib/autofill/visibility.ts
  // 'underBalise'): planned before the frame grew to show it, it is planned again as it grows.
  // Only as it grows past what was planned against: a field it no longer covers is no harm, and a
  // preview that shrinks the frame (a field left out) must not set off another, without end.
  // Not while it fills nor over what the guide has just said (a refresh clears it).
  useEffect(() => {
    const frame = frameRef.current;
    if (!previewing || !frame) return;
    let planned = frame.getBoundingClientRect().height;
    const observer = new ResizeObserver(() => {
      const now = frame.getBoundingClientRect().height;
      const { fill, notice } = viewRef.current;
      if (now <= planned || fill.state !== 'preview' || fill.busy || notice) return;
      planned = now;
      onActionRef.current({ type: 'frameGrew' });
    });
    observer.observe(frame);
    return () => observer.disconnect();
  }, [previewing, frameRef, token]);

  useEffect(() => {
    port.current?.postMessage(view);
  }, [view]);

  useEffect(() => () => port.current?.close(), []);

  const onLoad = () => {
    const frame = frameRef.current;
    if (!frame) return;
    if (port.current) {
      // A second load: the frame was navigated, not by Balise. Start again with a fresh frame.
      port.current.close();
      port.current = null;
      setToken(newGuideToken());
      return;
    }
    port.current = openGuideChannel(frame, new URL(browser.runtime.getURL('/')).origin, token, (action) => {
      if (action.type === 'height') setHeight(action.px);
      else onActionRef.current(action);
    });
    port.current.postMessage(viewRef.current);
  };

  return (
    <iframe
      key={token}
      ref={frameRef}
      className={`guide-frame ${dock}${floating && atTop && !filling ? ' top' : ''}`}
      title={t('overlayRegion')}
      // « Copier » of the page's description writes to the clipboard from the frame (components/guide/PageReport.tsx).
      // `*`, not the src's origin: Chrome loads the frame at a per-session dynamic URL, another origin,
      // where `allow="clipboard-write"` alone is refused. The page grants nothing it does not have:
      // any frame of its own could be given the same.
      allow="clipboard-write *"
      src={`${browser.runtime.getURL(`/${guidePage}`)}#${token}`}
      style={floating ? { height: height ? `${height}px` : undefined, maxHeight: filling ? floatingHeight.filling : floatingHeight.reading } : undefined}
      onLoad={onLoad}
    />
  );
}
