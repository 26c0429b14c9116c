/**
 * The autofill's messages. IndexedDB lives in the extension's origin, not in the portal's:
 * the portal's content script asks the background for what it plans from, and the guide
 * frame (a Balise page inside the portal tab) lists the establishments and records the one
 * this tab fills from. The background also tells a tab to start (keyboard shortcut, context
 * menu). Who may send what: lib/autofill/background.ts.
 */
import { browser } from 'wxt/browser';
import { defineMessage } from '../messaging';
import type { Lesson, LessonKind } from '../profile/schema';
import type { FillEstablishment } from './resolve';

export type { FillEstablishment } from './resolve';

/** Nothing to ask: the sender's tab says which establishment. */
export type NoRequest = Record<string, never>;

/** What the portal's content script plans from: one establishment, never the others. */
export interface FillContext {
  /** Chosen in this tab, else the current one, else the only one; null when several exist and none is (the frame asks). */
  establishment: FillEstablishment | null;
  /** The contact who uses this workstation in that establishment; null: the user said they are none of them. */
  meContactId?: string | null;
  /** How many establishments exist: none, the guide says to create one; several, the guide frame offers the choice. */
  count: number;
  /** The fields the user taught on this tab's origin (only that origin's): ./lessons.ts. */
  lessons: Lesson[];
}

/** Portal content script (top frame) → background. */
export const getFillContext = defineMessage<NoRequest, FillContext>('autofill.getFillContext');

/** The establishments to choose from, by label, and the one this tab fills from (null: none yet). */
export interface FillChoice {
  establishments: { id: string; label: string }[];
  chosenId: string | null;
}

/** Guide frame → background. */
export const fillEstablishments = defineMessage<NoRequest, FillChoice>('autofill.fillEstablishments');

/** Guide frame → background: this tab fills from that establishment from now on, until it closes. */
export const chooseFillEstablishment = defineMessage<{ establishmentId: string }, FillChoice>('autofill.chooseFillEstablishment');

/**
 * Guide frame → background: « Ce champ est : … ». The field's signature and label come from the
 * preview; the origin is the tab's, read by the background, and the establishment the tab's.
 */
export const teachField = defineMessage<{ signature: string; label: string; kind: LessonKind }, void>('autofill.teachField');

/**
 * Where the options page opens: a new establishment's editor (`new`), or one establishment, on
 * one of its fields when given (the editor's path: `address.street`, `contacts`). The hash the
 * options page reads (`#new`, `#establishment=<id>&field=<path>`) is written by `optionsHash`.
 */
export type OptionsTarget = 'new' | { establishmentId: string; field?: string };

export function optionsHash(target: OptionsTarget): string {
  if (target === 'new') return 'new';
  return new URLSearchParams({ establishment: target.establishmentId, ...(target.field ? { field: target.field } : {}) }).toString();
}

/** The options page's address on a target: what the popup, the checklists and the background open. */
export const optionsUrl = (target: OptionsTarget): string => `${browser.runtime.getURL('/options.html')}#${optionsHash(target)}`;

/**
 * Guide frame → background: opens the options in a tab beside the portal's (« Créer mon
 * établissement », « compléter le profil »). Through the background rather than a link: the
 * frame sits in the portal's page, and the background alone places the tab.
 */
export const openOptions = defineMessage<{ target: OptionsTarget }, void>('autofill.openOptions');

/** `teachField`: « Balise : ce champ est… », the context menu on a field (the guide opens on its line). */
export type FillTrigger = 'command' | 'contextMenu' | 'teachField';

export const startFill = defineMessage<{ trigger: FillTrigger }, void>('autofill.startFill');

const startListeners = new Set<(trigger: FillTrigger) => void>();
let handlerRegistered = false;

/**
 * Subscribes to start requests in this tab. One message handler for the whole content
 * script, however often the panel mounts.
 */
export function onStartFill(listener: (trigger: FillTrigger) => void): () => void {
  if (!handlerRegistered) {
    handlerRegistered = true;
    startFill.handle(({ trigger }) => {
      for (const notify of startListeners) notify(trigger);
    });
  }
  startListeners.add(listener);
  return () => startListeners.delete(listener);
}
