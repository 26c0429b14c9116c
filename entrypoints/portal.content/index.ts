/**
 * Always loaded on the portal hosts, so kept small (no React, no zod, no polyfill: wxt.config.ts
 * gives this entry point the browser's own API): recognises the page,
 * tells the background which page is seen, draws the folded guide (a tab, lib/overlay/tab.ts,
 * naming the page's step as the background answers it: the procedures' catalogue stays out of
 * this script, compiled on every load) and asks for the React panel only
 * once the guide is open. Alt+Shift+B opens and folds the
 * guide, and brings it back once hidden with ×. WXT imports this file in Node at build time for `matches`: browser APIs stay inside
 * main(). The manifest loads it on the built-in hosts; the background registers the same file
 * for the sites the user switched Balise on for (lib/overlay/sites.ts), where the portal is the
 * one the user chose (a plain storage read: the browser injects it only where it grants).
 */
import { throttle } from '../../lib/dom/throttle';
import { overlayHostTag, readPage, worthShowing, type PageReading } from '../../lib/overlay/detect';
import { injectOverlay, setOverlayState } from '../../lib/overlay/messages';
import type { OverlayState } from '../../lib/store/storage';
import { overlayStateIn, watchOverlayState } from '../../lib/overlay/state';
import { removeTab, showTab, tabHostTag, tabText } from '../../lib/overlay/tab';
import { contentScriptMatches, outlineAt } from '../../lib/portals/outline';
import { noSites, type Sites } from '../../lib/portals/sites';
import { localKeys, readLocal } from '../../lib/store/local';
import { getTabStep, pageSeen, type TabQuestion } from '../../lib/procedures/messages';
import type { TabStep } from '../../lib/procedures/page-steps';
import { watchDataChanges } from '../../lib/store/changes';
import type { PortalContext } from './context';

export default defineContentScript({
  matches: contentScriptMatches(),
  runAt: 'document_end',
  async main(ctx: PortalContext) {
    // One storage round trip: the guide's state, and on a host not built in, the sites switched on.
    const builtIn = outlineAt(location.href) !== null;
    const stored = await readLocal(builtIn ? [localKeys.overlayStates] : [localKeys.overlayStates, localKeys.sites]);
    const sites: Sites = builtIn ? noSites : { ...(stored[localKeys.sites] as Sites | undefined) };
    const portal = outlineAt(location.href, sites);
    if (!portal) return;
    // Read by check(), once the overlay's state is known: the page is read once per load.
    let reading: PageReading | null = null;
    let lastSeen = '';
    let state: OverlayState | null = null;
    // What the tab names; undefined until the background answers for the page seen (the tab waits for it).
    let step: TabStep | undefined;
    let asked = 0;
    let injecting = false;
    let injected = false;

    const inject = () => {
      if (injecting || injected) return;
      injecting = true;
      // Once injected, the panel follows the page and the state by itself.
      injectOverlay.send().then(
        (done) => {
          injected = done;
          injecting = false;
        },
        () => (injecting = false),
      );
    };

    const text = () => tabText(reading?.match ? (step ?? null) : null);
    const render = () => {
      if (!state || state.dismissed || !worthShowing(reading)) return removeTab();
      if (state.collapsed) {
        // Drawn once the step is known, rather than redrawn with another text a moment later.
        if (!reading?.match || step !== undefined) showTab(portal.id, text());
      }
      // Open: the panel shows, and removes the tab itself once it is drawn (focus goes from one to the other).
      else inject();
    };

    /** Asks what the tab names here (`seen`: the page is new, and the background ticks what it proves); answers may cross: the latest wins. */
    const askStep = (seen = false) => {
      const question = ++asked;
      const here = reading?.match;
      // Dismissed, the guide shows nothing: nothing to ask (it is asked again when restored).
      if (!here || (state?.dismissed && !seen)) return;
      const about: TabQuestion = { portalId: portal.id, pageId: here.page.id, ...(state?.procedure ? { procedureId: state.procedure } : {}) };
      (seen ? pageSeen : getTabStep).send(about).then(
        (answer) => {
          if (question !== asked) return;
          step = answer;
          render();
        },
        // No background to answer (extension reloading): the tab says « Balise » without a step.
        () => {
          if (question !== asked || step !== undefined) return;
          step = null;
          render();
        },
      );
    };

    const check = () => {
      reading = readPage(location.href, document, undefined, sites);
      if (reading?.match) {
        const seen = `${reading.portal.id}/${reading.match.page.id}`;
        if (seen !== lastSeen) {
          lastSeen = seen;
          step = undefined;
          askStep(true);
        }
      }
      render();
    };

    ctx.onInvalidated(
      watchOverlayState(portal.id, (next) => {
        const renumber = next.procedure !== state?.procedure || next.dismissed !== state?.dismissed;
        state = next;
        render();
        if (renumber) askStep();
      }),
    );
    // A step ticked or an answer changed in the side panel renumbers the steps.
    ctx.onInvalidated(watchDataChanges(() => askStep()));
    window.addEventListener('keydown', (event) => {
      // Only the user's own keys: a page script's synthetic Alt+Shift+B opens nothing.
      if (!event.isTrusted || !(event.altKey && event.shiftKey && event.code === 'KeyB') || !state || !worthShowing(reading)) return;
      event.preventDefault();
      // The keyboard goes to Balise: to the tab when folding, on to the panel (from the tab) when opening.
      showTab(portal.id, text()).focus();
      // Hidden with ×, the guide comes back open, as the panel's × explanation says; else it folds or unfolds.
      const change = state.dismissed ? { dismissed: false, collapsed: false } : { collapsed: !state.collapsed };
      // The new state comes back through watchOverlayState, as from any other tab.
      setOverlayState.send({ portalId: portal.id, change }).catch(() => {});
    }, { capture: true, signal: ctx.signal });
    // Back and forward, hash routes included; a route pushed by the page redraws its DOM (below).
    window.addEventListener('popstate', check, { signal: ctx.signal });
    // SPA portals swap their DOM without navigating; fields also appear late (autocompletes, steps).
    // Drawing the tab or the panel mutates the page too: those alone do not read the page again.
    const own = new Set([tabHostTag, overlayHostTag].map((tag) => tag.toUpperCase()));
    const onlyOurs = (record: MutationRecord) => [...record.addedNodes, ...record.removedNodes].every((node) => own.has(node.nodeName));
    const recheck = throttle(() => ctx.isValid && check(), 300);
    const observer = new MutationObserver((records) => {
      if (!records.every(onlyOurs)) recheck();
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());

    // Read above, in the same task as the watch registered here: no change can slip between the two.
    state = overlayStateIn(stored[localKeys.overlayStates], portal.id);
    check();
  },
});
