import { browser } from 'wxt/browser';
import type { MessageKey } from './catalog';

/** A message of the catalog with its substitutions, kept as data until it is shown. */
export interface Message {
  key: MessageKey;
  subs?: (string | number)[];
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  return browser.i18n.getMessage(key, subs.map(String));
}

export function tm(message: Message): string {
  return t(message.key, ...(message.subs ?? []));
}
