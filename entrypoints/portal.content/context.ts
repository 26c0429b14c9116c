/**
 * What this entry point's main() receives in place of WXT's ContentScriptContext (wxt.config.ts
 * points WXT's module to this one for the portal script alone): WXT's class (~3 KB with its
 * location watcher, and a message posted to the page, which told the page the extension's id)
 * was parsed, compiled and run on every portal page load. Kept: a copy of this script left by
 * the extension's previous version (update, reload) stops when the new one starts. They share
 * the page's document: the new copy says so there, with the event and details WXT's class sends
 * and listens to, so that a copy built with either stops.
 */
import { browser } from 'wxt/browser';

/** What main() uses of either class. */
export interface PortalContext {
  /** Aborted once this copy stops: listeners added with it go away. */
  readonly signal: AbortSignal;
  /** False once a newer copy started, or once the extension is gone (its API with it). */
  readonly isValid: boolean;
  onInvalidated(stop: () => void): void;
}

export class ContentScriptContext implements PortalContext {
  readonly #stopped = new AbortController();

  constructor(name: string) {
    const started = `${browser.runtime.id}:${name}:wxt:content-script-started`;
    const messageId = Math.random().toString(36).slice(2);
    document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName: name, messageId } }));
    const newer = (event: Event) => {
      const detail = (event as CustomEvent<{ contentScriptName?: string; messageId?: string } | null>).detail;
      if (detail?.contentScriptName === name && detail.messageId !== messageId) this.#stopped.abort();
    };
    document.addEventListener(started, newer, { signal: this.signal });
  }

  get signal(): AbortSignal {
    return this.#stopped.signal;
  }

  get isValid(): boolean {
    if (!browser.runtime?.id) this.#stopped.abort();
    return !this.signal.aborted;
  }

  onInvalidated(stop: () => void): void {
    this.signal.addEventListener('abort', stop);
  }
}
