/**
 * Typed messages between the extension's parts. Each feature declares its own messages
 * next to its code (`defineMessage<Request, Response>('name')`); the background handles
 * them, pages and content scripts send them. One runtime listener dispatches by name, so
 * features never edit a shared list.
 */
import { browser, type Browser } from 'wxt/browser';

interface Envelope {
  balise: string;
  data: unknown;
}

type Handler = (data: unknown, sender: Browser.runtime.MessageSender) => unknown;
const handlers = new Map<string, Handler>();
let listening = false;

function listen() {
  if (listening) return;
  listening = true;
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const envelope = message as Partial<Envelope> | undefined;
    const handler = typeof envelope?.balise === 'string' ? handlers.get(envelope.balise) : undefined;
    // Returning undefined lets another listener answer; a Promise is the polyfill's way to reply.
    return handler ? Promise.resolve(handler(envelope!.data, sender)) : undefined;
  });
}

export interface MessageType<Request, Response> {
  name: string;
  /** From a page or a content script to the background. */
  send(request: Request): Promise<Response>;
  /** From the background to one tab's content scripts. */
  sendToTab(tabId: number, request: Request): Promise<Response>;
  /** Registers the one handler of this message in the current context. */
  handle(handler: (request: Request, sender: Browser.runtime.MessageSender) => Response | Promise<Response>): void;
}

export function defineMessage<Request = void, Response = void>(name: string): MessageType<Request, Response> {
  const envelope = (data: Request): Envelope => ({ balise: name, data });
  return {
    name,
    send: (request) => browser.runtime.sendMessage(envelope(request)) as Promise<Response>,
    sendToTab: (tabId, request) => browser.tabs.sendMessage(tabId, envelope(request)) as Promise<Response>,
    handle(handler) {
      if (handlers.has(name)) throw new Error(`message ${name} already has a handler`);
      handlers.set(name, handler as Handler);
      listen();
    },
  };
}
