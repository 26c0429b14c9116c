/**
 * The page as the overlay sees it, kept current without reloads: SPA route changes
 * (wxt:locationchange, popstate) and DOM changes (a route rendered in place, fields added
 * later) re-read it. `revision` changes on every re-read so that hints re-locate their fields.
 */
import { useEffect, useState } from 'react';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { throttle } from '../../lib/dom/throttle';
import { readPage, type PageReading } from '../../lib/overlay/detect';

export interface LivePage {
  reading: PageReading | null;
  revision: number;
}

export function usePageReading(ctx: ContentScriptContext): LivePage {
  const [live, setLive] = useState<LivePage>(() => ({ reading: readPage(location.href, document), revision: 0 }));
  useEffect(() => {
    const reread = () => {
      if (ctx.isValid) setLive((previous) => ({ reading: readPage(location.href, document), revision: previous.revision + 1 }));
    };
    ctx.addEventListener(window, 'wxt:locationchange', reread);
    ctx.addEventListener(window, 'popstate', reread);
    // Mutations inside the overlay's own shadow root are not observed: no feedback loop.
    const observer = new MutationObserver(throttle(reread, 200));
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'style', 'class'] });
    return () => observer.disconnect();
  }, [ctx]);
  return live;
}
