/**
 * The page as the overlay sees it, kept current without reloads: SPA route changes
 * (wxt:locationchange, popstate) and DOM changes (a route rendered in place, fields added
 * later) re-read it. `revision` changes on every re-read so that hints re-locate their fields;
 * `fieldsRevision` only on a re-read after a change that may change the fill preview (a dialog
 * opened, a step swapped in, a field enabled or renamed: lib/overlay/field-changes.ts), so that
 * the fill plans again on those and not on every mutation of the page.
 * Everything the effect starts stops with its signal: the overlay remounts when a page
 * rewrites its <body>, and a stale listener would read the page again for nothing.
 */
import { useEffect, useState } from 'react';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { throttle } from '../../lib/dom/throttle';
import { readPage, type PageReading } from '../../lib/overlay/detect';
import { mayChangeFields, watchedAttributes } from '../../lib/overlay/field-changes';
import { noSites, type Sites } from '../../lib/portals/sites';

export interface LivePage {
  reading: PageReading | null;
  revision: number;
  fieldsRevision: number;
}

const routeListeners = new WeakMap<ContentScriptContext, Set<() => void>>();

/**
 * Calls `listener` on each SPA route change until `signal` aborts. WXT keeps a ctx listener as
 * long as the context (it replaces any signal given), so one per context serves every mount.
 */
function onRouteChange(ctx: ContentScriptContext, listener: () => void, signal: AbortSignal): void {
  let listeners = routeListeners.get(ctx);
  if (!listeners) {
    const all = new Set<() => void>();
    ctx.addEventListener(window, 'wxt:locationchange', () => all.forEach((notify) => notify()));
    routeListeners.set(ctx, (listeners = all));
  }
  listeners.add(listener);
  signal.addEventListener('abort', () => listeners.delete(listener));
}

/** `sites`: the sites switched on, read once by the overlay's content script (this page may be one). */
export function usePageReading(ctx: ContentScriptContext, sites: Sites = noSites): LivePage {
  const [live, setLive] = useState<LivePage>(() => ({ reading: readPage(location.href, document, undefined, sites), revision: 0, fieldsRevision: 0 }));
  useEffect(() => {
    const teardown = new AbortController();
    const { signal } = teardown;
    let fieldsChanged = false;
    const reread = () => {
      // A re-read the throttle scheduled before the teardown still fires: it must not count.
      if (!ctx.isValid || signal.aborted) return;
      const fields = fieldsChanged;
      fieldsChanged = false;
      setLive((previous) => ({
        reading: readPage(location.href, document, undefined, sites),
        revision: previous.revision + 1,
        fieldsRevision: previous.fieldsRevision + (fields ? 1 : 0),
      }));
    };
    onRouteChange(ctx, reread, signal);
    window.addEventListener('popstate', reread, { signal });
    const scheduled = throttle(reread, 200);
    // Mutations inside the overlay's own shadow root are not observed: no feedback loop.
    const observer = new MutationObserver((records) => {
      if (!fieldsChanged) fieldsChanged = records.some(mayChangeFields);
      // Text edited in place is watched for the labels: elsewhere (a clock) it re-reads nothing.
      if (fieldsChanged || records.some((record) => record.type !== 'characterData')) scheduled();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: watchedAttributes });
    signal.addEventListener('abort', () => observer.disconnect());
    return () => teardown.abort();
  }, [ctx, sites]);
  return live;
}
