/**
 * The guide panel lives in an extension page framed into the portal page (`guide.html`, a
 * web-accessible resource), so that nothing it shows — the fill preview, names, identifiers —
 * is in the page's DOM, and nothing in it can be clicked, ticked or read by the page's
 * scripts. The content script, which alone sees the portal's DOM, and the frame talk over a
 * MessageChannel handed to the frame once, with a random token that only the frame's URL
 * carries (the frame element sits in a closed shadow root, and a cross-origin frame's URL is
 * not readable): a message posted by the page to the frame has no port and no token, and is
 * ignored.
 *
 * Everything crossing is plain data (structured clone): the frame renders `GuideView` and
 * answers with `GuideAction`s.
 */
import type { ClickVerdict } from '../autofill/click-guard';
import type { LabelValue } from '../dom/label-values';
import type { MessageKey } from '../i18n/catalog';
import type { FillAction, PersonQuestion, SkipReason, Caution } from '../autofill/plan';
import type { FillerRole, ProcedureId, SeedText, Text } from '../portals/schema';
import type { GuideDock } from '../store/storage';

/** The extension page of the guide, in the extension's own origin. */
export const guidePage = 'guide.html';

/** One line of the frozen preview, as the user sees it: the label read on the page and the value Balise would write. */
export interface FillLineView {
  id: number;
  label: string;
  value: string;
  action: FillAction;
  ticked: boolean;
  skipped?: SkipReason;
  caution?: Caution;
  /** Disabled now, filled once an earlier line opens it. */
  enabledLater?: boolean;
  /** The field's signature when the user may teach it what it is (lib/autofill/lessons.ts). */
  signature?: string;
  /** Skipped as 'noOption': what the seeds say about a value the portal does not offer. */
  notOffered?: SeedText;
  fix?: FillFix;
}

/** What fixes a line left to the user, in the options: a field of the profile (its editor's path), or a role nobody holds. */
export type FillFix = { field: string } | { role: FillerRole };

/** A field Balise found but does not fill, which the user may teach: its label and signature. */
export interface LeftOutFieldView {
  label: string;
  signature: string;
}

export interface FillResultView {
  label: string;
  /** The value the line was for: a choice the page did not offer names it. */
  value: string;
  reason?: SkipReason;
  fix?: FillFix;
}

/** A required field the fill left on a value neither Balise nor the user chose (the portal's default option), marked on the page. */
export interface PortalDefaultView {
  label: string;
  value: string;
}

export type FillView =
  | { state: 'notAllowed' }
  | { state: 'loading' }
  | { state: 'noEstablishment' }
  | { state: 'error'; message: string }
  | {
      state: 'preview';
      /** Changes whenever the lines change: a click acts only on the revision it was shown. */
      revision: number;
      /** Several establishments: the frame shows its picker (lib/autofill/messages, fillEstablishments). */
      several: boolean;
      /** Several establishments and none chosen yet, on a page with something to fill: nothing to preview. */
      chooseEstablishment: boolean;
      /** Nothing here Balise could fill, whatever the establishment (lib/autofill/plan.ts fillsNothing): no question, no button. */
      fillsNothing: boolean;
      questions: PersonQuestion[];
      persons: Partial<Record<FillerRole, string>>;
      lines: FillLineView[];
      leftOut: LeftOutFieldView[];
      /** « Balise : ce champ est… » on a field: its « Ce champ est : … » takes the focus; `request` changes each time. */
      teach?: { signature: string; request: number };
      busy: boolean;
      /** The establishment planned from: the links that fix a line open it in the options. */
      establishmentId?: string;
    }
  | { state: 'done'; filled: FillResultView[]; skipped: FillResultView[]; portalDefaults: PortalDefaultView[]; establishmentId?: string };

export interface GuideView {
  portalId: string;
  /** null on a page of the portal the knowledge base does not describe. */
  pageId: string | null;
  /** The procedure shown, when the page serves several (else the page's own). */
  procedure?: ProcedureId;
  clicks: { label: string; where?: string }[];
  /** The fields with a tip, each once with all its tips. */
  hints: { label: string; tips: SeedText[] }[];
  /** The index in `hints` of the focused field's tip, when its bubble found no free room beside it: the panel shows it. */
  tipInPanel?: number;
  fill: FillView;
  notice?: MessageKey;
  /** Changes when the panel should take the keyboard focus (opened from the tab). */
  focusRequest: number;
  /** Where the content script placed the guide: the user's choice, or the window width's until there is one. */
  dock: GuideDock;
  /**
   * The page's description asked with « Décrire cette page » (lib/autofill/page-report.ts), built
   * by the content script on demand; `id` changes with each new one.
   */
  report?: { id: number; text: string };
  /**
   * The label/value rows of an annuaire FINESS record (lib/dom/label-values.ts), read by the
   * content script when the user asked (« Créer… », « Comparer… »); `id` changes with each reading.
   */
  record?: { id: number; pairs: LabelValue[] };
  /** The judgement of the last « Enregistrer » click on the record (`judgeRecordClick`), by its request. */
  recordClick?: { request: string; verdict: RecordClickVerdict };
}

/** A save click on the annuaire FINESS record, judged as « Remplir » is (lib/autofill/click-guard.ts); `early`: shown too briefly. */
export type RecordClickVerdict = ClickVerdict | 'early';

/** What the frame may ask; the content script checks each against what it showed. */
export type GuideAction =
  | { type: 'height'; px: number }
  | { type: 'procedure'; procedure: ProcedureId }
  /**
   * A line of `clicks` or `hints`, by index, with the label the user saw on it: the page may have
   * changed the lists since the frame drew them, and a line that names another element now is ignored.
   */
  | { type: 'showClick'; index: number; label: string }
  | { type: 'goToField'; index: number; label: string }
  /**
   * Escape in the frame: closes a field's open tip (beside the field or in the panel) before it folds the guide
   * (WCAG 1.4.13). The content script decides, as it knows which tip is open now; the frame's view may lag.
   */
  | { type: 'escape' }
  | { type: 'collapse' }
  | { type: 'dismiss' }
  | { type: 'describePage' }
  /** Read the record this page shows (annuaire FINESS, page `detail` only). */
  | { type: 'readRecord' }
  /**
   * A save click on the record (« Enregistrer… »), to judge before the frame saves: `shownFor`,
   * how long what it saves had been shown (ms); `visibleFor` as for `fill`.
   */
  | { type: 'judgeRecordClick'; request: string; shownFor: number; visibleFor: number | null }
  | { type: 'tick'; revision: number; line: number; checked: boolean }
  | { type: 'person'; role: FillerRole; contactId?: string }
  | { type: 'establishmentChosen' }
  /** The frame recorded a lesson (lib/autofill/messages, teachField): plan again with it. */
  | { type: 'taught' }
  | { type: 'refresh' }
  /** The floating frame grew (components/overlay/GuideFrame.tsx): plan again, the same preview keeping its revision. */
  | { type: 'frameGrew' }
  /** Take the user to a field the fill left on the portal's default (`portalDefaults`, by index). */
  | { type: 'showPortalDefault'; index: number }
  | {
      type: 'fill';
      revision: number;
      /** How long the frame had shown this revision when the user clicked (ms). */
      shownFor: number;
      /**
       * IntersectionObserver v2 on the button (Chromium): how long the browser had seen it
       * unobstructed and untransformed; null where the browser cannot tell (Firefox).
       */
      visibleFor: number | null;
    }
  | { type: 'undo' };

/**
 * Content script side: hands the frame its port once it has loaded. `extensionOrigin`: the
 * extension's own origin (runtime.getURL('/')), where the frame ends up even when Chrome loads it
 * through a per-session dynamic URL; the port goes to no other origin. Answers the port.
 */
export function openGuideChannel(frame: HTMLIFrameElement, extensionOrigin: string, token: string, onAction: (action: GuideAction) => void): MessagePort {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<GuideAction>) => onAction(event.data);
  frame.contentWindow?.postMessage({ baliseGuide: token }, extensionOrigin, [channel.port2]);
  return channel.port1;
}

/**
 * Frame side: the one port the content script hands over with the token of this frame's URL.
 * Anything else posted to the frame (by the page) is ignored.
 */
export function acceptGuideChannel(token: string, onPort: (port: MessagePort) => void): () => void {
  let accepted = false;
  const listener = (event: MessageEvent) => {
    const port = event.ports[0];
    if (accepted || event.source !== window.parent || !port || !token || (event.data as { baliseGuide?: unknown })?.baliseGuide !== token) return;
    accepted = true;
    onPort(port);
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}

/** A token no page can guess, for the frame's URL. */
export const newGuideToken = (): string => crypto.randomUUID();
