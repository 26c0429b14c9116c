/**
 * Always loaded on the portal hosts, so kept small (no React, no zod): recognises the page,
 * tells the background which page is seen, and asks for the overlay UI only where there is
 * something to show. WXT imports this file in Node at build time for `matches`: browser
 * APIs stay inside main().
 */
import { readPage, throttle, worthShowing } from '../../lib/overlay/detect';
import { injectOverlay, sendPageSeen } from '../../lib/overlay/messages';
import { watchOverlayState } from '../../lib/overlay/state';
import { contentScriptMatches } from '../../lib/portals';

export default defineContentScript({
  matches: contentScriptMatches(),
  runAt: 'document_idle',
  main(ctx) {
    let lastSeen = '';
    let asked = false;
    let injected = false;

    const check = () => {
      const reading = readPage(location.href, document);
      if (reading?.match) {
        const seen = `${reading.portal.id}/${reading.match.page.id}`;
        if (seen !== lastSeen) {
          lastSeen = seen;
          // Nobody may listen yet (procedures off): the page still works.
          sendPageSeen(reading.portal.id, reading.match.page.id).catch(() => {});
        }
      }
      if (!asked && worthShowing(reading)) {
        asked = true;
        // Asked once per document: the overlay follows the page by itself once injected.
        injectOverlay.send().then(
          (done) => (injected = done),
          () => (asked = false),
        );
      }
    };

    check();
    // A guide dismissed on this portal is not injected; once restored (from the popup), ask again.
    const portal = readPage(location.href, document)?.portal;
    if (portal) {
      const unwatch = watchOverlayState(portal.id, (state) => {
        if (!state.dismissed && !injected) {
          asked = false;
          check();
        }
      });
      ctx.onInvalidated(unwatch);
    }
    ctx.addEventListener(window, 'wxt:locationchange', check);
    ctx.addEventListener(window, 'popstate', check);
    // SPA portals swap their DOM without navigating; fields also appear late (autocompletes, steps).
    const observer = new MutationObserver(throttle(() => ctx.isValid && check(), 300));
    observer.observe(document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
  },
});
