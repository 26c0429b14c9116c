/**
 * The folded guide: a small tab at the bottom right with the page's step, drawn without React
 * by the always-loaded content script. Folded is how the guide starts on a portal, so that a
 * page costs next to nothing until the user opens the guide (issue #7's budgets); the React
 * panel (entrypoints/overlay.content) is injected then, and removes the tab once it shows.
 * The panel folds back into this same tab.
 */
import tabMessages from '../i18n/messages/tab.json';
import { contentLanguage } from '../i18n/t';
import type { TabStep } from '../procedures/page-steps';
import { setOverlayState } from './messages';
import { followDialogs, hostCss, raise } from './top-layer';

/** Tag of the tab's shadow host (the panel's is overlayHostTag). */
export const tabHostTag = 'balise-tab';

// The panel's colours (components/ui/guide-base.css), in the tab's own shadow root.
const css = `${hostCss}
.tab {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
  max-width: min(420px, calc(100vw - 32px));
  overflow: hidden; white-space: nowrap; text-overflow: ellipsis;
  border: none; border-radius: 4px 4px 0 4px; padding: 6px 12px;
  background: #000091; color: #ffffff; cursor: pointer;
  font: 600 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  box-shadow: 0 4px 12px rgba(0, 0, 18, 0.2);
}
.tab:hover { background: #1212ff; }
.tab:focus-visible { outline: 2px solid #000091; outline-offset: 2px; }
@media print { .tab { display: none; } }
`;

/**
 * The tab's few strings come from their catalog fragment, not from browser.i18n: the first
 * getMessage() of a page makes the browser hand over the extension's whole message bundle,
 * ~8 ms on every portal page load. Same languages and `{n}` substitutions as t().
 */
function say(key: keyof typeof tabMessages, ...subs: (string | number)[]): string {
  return tabMessages[key][contentLanguage()].replace(/\{([1-9])\}/g, (_match, n: string) => String(subs[Number(n) - 1] ?? ''));
}

/** What the tab says (see TabStep); null: a page of no procedure, or a step not known yet. */
export function tabText(here: TabStep): string {
  if (!here) return say('overlayTabUnknown');
  if ('procedure' in here) return say('overlayTabStep', here.procedure[contentLanguage()]);
  const title = here.step[contentLanguage()];
  return here.number ? say('overlayTabNumbered', here.number.index, here.number.total, title) : say('overlayTabStep', title);
}

interface DrawnTab {
  host: HTMLElement;
  button: HTMLButtonElement;
  /** Ends its following of the page's dialogs once the tab is removed. */
  drawing: AbortController;
}
/**
 * The tab's host and button, kept in the content scripts' own global (the always-loaded script
 * and the injected panel share it; the page's scripts do not see it), not found again in the
 * page: the shadow root is closed, so that the page cannot read the step the user follows,
 * restyle the tab or click it.
 */
const drawnKey = Symbol.for('balise.tab');
const scope = globalThis as { [drawnKey]?: DrawnTab | null };

/**
 * Draws the tab, or updates its text; answers its button. A click on it by the user (not by a
 * page script: `isTrusted`) opens the guide on this portal.
 */
export function showTab(portalId: string, text: string): HTMLButtonElement {
  let drawn = scope[drawnKey];
  if (!drawn?.host.isConnected) {
    drawn?.drawing.abort();
    const host = document.createElement(tabHostTag);
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = css;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'tab';
    button.dataset.baliseTab = '';
    button.setAttribute('aria-expanded', 'false');
    button.addEventListener('click', (event) => {
      if (event.isTrusted) void setOverlayState.send({ portalId, change: { collapsed: false } }).catch(() => {});
    });
    root.append(style, button);
    (document.body ?? document.documentElement).append(host);
    raise(host);
    const drawing = new AbortController();
    followDialogs(host, drawing.signal);
    drawn = scope[drawnKey] = { host, button, drawing };
  }
  const { button } = drawn;
  if (button.textContent !== text) {
    button.textContent = text;
    // The whole step stays readable when the tab cuts it.
    button.title = text;
    button.setAttribute('aria-label', `${text} — ${say('overlayExpand')}`);
  }
  return button;
}

export function removeTab(): void {
  scope[drawnKey]?.drawing.abort();
  scope[drawnKey]?.host.remove();
  scope[drawnKey] = null;
}

/** The tab has the keyboard focus: opening the guide moves it into the panel. */
export const tabHasFocus = () => !!scope[drawnKey] && document.activeElement === scope[drawnKey].host;
