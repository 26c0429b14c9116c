/**
 * The engine for one document: collect → classify → locate the portal's rules → plan, then
 * the layout check on the planned fields. Only on an allowlisted portal host over HTTPS,
 * and only in frames of that same allowlist (collect already leaves cross-origin and
 * sandboxed frames alone).
 */
import type { Layout } from '../dom/layout';
import { findPortal, matchPage, type PageMatch } from '../portals/index';
import { locateEach } from '../portals/match';
import type { FieldRule as PortalFieldRule, Portal, ProcedureId } from '../portals/schema';
import { noSites, type Sites } from '../portals/sites';
import { classifyFields } from './classify';
import { collectFields } from './collect';
import { applyLessons, teachableSignature } from './lessons';
import type { Lesson } from '../profile/schema';
import { lineLabel, planFill, type FillPlan, type PlanField, type PlanSettings } from './plan';
import type { FillEstablishment } from './resolve';
import { browserLayout, whyNotFillableAll } from './visibility';

export interface PageAnalysis {
  portal: Portal;
  /** The known page, when what the page shows names one (lib/portals/recognise.ts): its rules then drive the plan. */
  match: PageMatch | null;
  /** The procedure the user follows here, when known: its choices are then applied, not just offered. */
  procedure?: ProcedureId;
  fields: PlanField[];
}

/** HTTPS, default port, exact host of a portal module or of a site switched on (`sites`): nothing else gets filled. */
export function isAllowedUrl(url: string, sites: Sites = noSites): boolean {
  return findPortal(url, sites) !== null;
}

/** A field in a frame is filled only when that frame is itself on an allowed page (or inherits the parent's origin). */
function inAllowedFrame(element: Element, top: Document, sites: Sites): boolean {
  const doc = element.ownerDocument;
  if (doc === top) return true;
  const href = doc.defaultView?.location.href ?? '';
  return href === 'about:blank' || href === 'about:srcdoc' ? doc.defaultView?.frameElement?.hasAttribute('sandbox') === false : isAllowedUrl(href, sites);
}

/** Whether `element` sits in `ui` or in a shadow tree under it. */
function within(ui: Element, element: Element): boolean {
  for (let node: Element | null = element; node; node = (node.getRootNode() as ShadowRoot).host ?? null) if (ui.contains(node)) return true;
  return false;
}

/**
 * `ownUi`: Balise's overlay host, whose own controls are not the page's fields. `sites`: the sites
 * switched on. `lessons`: the fields the user taught (./lessons.ts), applied on `url`'s origin only.
 */
export function analysePage(
  doc: Document,
  url: string,
  procedure?: ProcedureId,
  ownUi?: Element | null,
  sites: Sites = noSites,
  lessons: readonly Lesson[] = [],
): PageAnalysis | null {
  const portal = findPortal(url, sites);
  if (!portal) return null;
  const match = matchPage(url, doc, undefined, sites);
  const collected = collectFields(doc).filter((field) => inAllowedFrame(field.element, doc, sites) && !(ownUi && within(ownUi, field.element)));
  // On a page Balise only explains, no field is anything to fill: the classifier is not asked.
  const classified = new Map(match?.page.fillsNothing ? [] : classifyFields(collected).map((c) => [c.field.element, c] as const));
  const rules = (match?.page.fields ?? []).filter((rule) => !procedure || !rule.procedures || rule.procedures.includes(procedure));

  // Rules are located in every tree a field was collected from: the document, shadow roots, frames.
  const roots = new Set(collected.map((field) => field.element.getRootNode() as ParentNode));
  const located = new Map<Element, PortalFieldRule>();
  for (const root of roots)
    locateEach(root, rules.map((rule) => rule.match)).forEach((elements, i) => {
      for (const element of elements) if (!located.has(element)) located.set(element, rules[i] as PortalFieldRule);
    });

  const fields = collected.map((field): PlanField => {
    const classification = classified.get(field.element);
    const rule = located.get(field.element);
    return {
      field,
      classification: classification ? { kind: classification.kind, confidence: classification.confidence, reason: classification.reason } : null,
      ...(rule ? { rule } : {}),
    };
  });
  // The user's lessons come before the lexicon's guesses and the portal's rules, on their own origin only.
  return { portal, match, ...(procedure ? { procedure } : {}), fields: applyLessons(fields, lessons, new URL(url).origin) };
}

/**
 * What the page asks for and what Balise would write, without measuring anything: at fill time
 * this says whether each line of the preview still stands (the fill measures the lines it writes).
 */
export function planLines(analysis: PageAnalysis, establishment: FillEstablishment | null, settings: PlanSettings): FillPlan {
  return planFill(analysis.fields, establishment, { ...settings, ...(analysis.procedure ? { procedure: analysis.procedure } : {}) });
}

/**
 * The plan, with the fields a person cannot see or use marked skipped before the preview,
 * all measured in one pass. `ownUi`: Balise's shadow host (a field under it is 'underBalise').
 */
export function planPage(analysis: PageAnalysis, establishment: FillEstablishment | null, settings: PlanSettings, layout: Layout = browserLayout, ownUi?: Element): FillPlan {
  const plan = planLines(analysis, establishment, settings);
  const measured = plan.lines.filter((line) => !line.skipped);
  const verdicts = whyNotFillableAll(measured.map((line) => line.element), layout, ownUi);
  measured.forEach((line, i) => {
    const why = verdicts[i];
    // Disabled now, seen otherwise, and still empty: an earlier line of the plan may enable it (fill.ts waits for it).
    // A disabled field the portal filled itself is locked, not waiting.
    const empty = !('value' in line.element) || (line.element as HTMLInputElement).value === '';
    if (why === 'disabled' && empty && measured.slice(0, i).some((earlier) => earlier.selected && !earlier.skipped)) line.enabledLater = true;
    else if (why) {
      line.skipped = why;
      line.selected = false;
    }
  });
  return plan;
}

export interface TeachableFields {
  /** The signature (./lessons.ts) of each field the user may teach, lines of the plan or not. */
  signatures: Map<Element, string>;
  /** Teachable fields the plan has no line for and that a person can see: « Ce champ est : … » offers them too. */
  leftOut: { element: HTMLElement; label: string; signature: string }[];
}

/** What the preview offers to teach, beside `plan` (planned from `analysis`): one layout pass over the left-out fields. */
export function teachableFields(analysis: PageAnalysis, plan: FillPlan, layout: Layout = browserLayout, ownUi?: Element): TeachableFields {
  const planned = new Set(plan.lines.map((line) => line.element));
  const signatures = new Map<Element, string>();
  const candidates: { element: HTMLElement; label: string; signature: string }[] = [];
  for (const planField of analysis.fields) {
    const signature = teachableSignature(planField);
    if (signature === null) continue;
    signatures.set(planField.field.element, signature);
    if (!planned.has(planField.field.element)) candidates.push({ element: planField.field.element, label: lineLabel(planField), signature });
  }
  const verdicts = whyNotFillableAll(candidates.map((candidate) => candidate.element), layout, ownUi);
  return { signatures, leftOut: candidates.filter((_, i) => !verdicts[i]) };
}

/** Remembers the fields the user typed into (trusted events only: Balise's own events are not). */
export function watchTyping(doc: Document): { typed(element: Element): boolean; stop(): void } {
  const typed = new WeakSet<Element>();
  const listener = (event: Event) => {
    // The fill's own events end here, before the event's path is built (an array of every node up to the window).
    if (!event.isTrusted) return;
    const target = event.composedPath()[0] as Node | undefined;
    if (target?.nodeType === Node.ELEMENT_NODE) typed.add(target as Element);
  };
  doc.addEventListener('input', listener, true);
  doc.addEventListener('change', listener, true);
  return {
    typed: (element) => typed.has(element),
    stop: () => {
      doc.removeEventListener('input', listener, true);
      doc.removeEventListener('change', listener, true);
    },
  };
}
