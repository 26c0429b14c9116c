/**
 * The portal knowledge base: what Balise knows about each page of each national portal
 * (where it is, how it is recognised, what the seeds say to do there, and how each field is
 * filled). Which procedure steps happen on a page is said by the procedures
 * (../procedures/*.procedure.ts), never here.
 * Plain data at run time, checked by zod in the contract test
 * (./portals.test.ts), so a mistake in a module fails the tests.
 *
 * Texts quoted or paraphrased from the seed documents are portal CONTENT, not UI chrome:
 * they live here as `{ fr, en, ref }` (French first, a short English rendering beside it,
 * and the seed section they come from), not in the i18n fragments.
 *
 * A page is recognised by what a person sees on it (./recognise.ts): its `shows` signs (a
 * title, a text, a button) and the labels of its field rules and click targets, compared
 * word for word with tolerance (./words.ts). Its URL (`path` + `query`, matched by ./match.ts)
 * is only a hint that breaks ties between pages showing the same things:
 * - `path` is split on `/`; a `*` segment matches exactly one non-empty segment; a final `**`
 *   matches zero or more segments; other segments match literally (case-sensitive). A
 *   trailing slash is ignored, except that `/` alone is the root. It is tried against the
 *   URL's pathname and, for a hash-routed app, against the route after `#`.
 * - `query` lists parameters that must be present: value `*` accepts any value, any other
 *   value must be equal (after URL decoding). Parameters not listed are ignored.
 */
import { z } from 'zod';
import { fieldKinds, isPersonKind, type FieldKind } from '../profile/kinds';
import type { Role } from '../profile/schema';
import { bindFrenchSpaces, frenchTextsBound } from '../i18n/typography';

export const procedureIds = [
  '000-distrilog',
  '001-med-acces',
  '002-medimail-bal-org',
  '003-certificats-dp',
  '004-prerequis',
] as const;
export type ProcedureId = (typeof procedureIds)[number];

export const seedIds = ['000', '001', '002', '003', '004'] as const;

/**
 * Who fills a person field: a contact chosen by role, or `me`, the person at the workstation.
 * A type only: the profile's role list lives in a zod module the content script must not load;
 * the contract test checks every rule's role against it.
 */
export type FillerRole = Role | 'me';

const finessKinds: readonly FieldKind[] = ['finess', 'finessEj', 'finessEt'];

/**
 * Runs a schema's construction. Declared free of side effects so that a bundle which only
 * uses the plain data (the content script) drops the schemas, and zod with them.
 */
/* @__NO_SIDE_EFFECTS__ */
function built<T>(construct: () => T): T {
  return construct();
}

/** Lower-case DNS name, no scheme, port, path nor trailing dot. */
export const hostnamePattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const idPattern = /^[a-z][A-Za-z0-9]*$/;
const portalIdPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const textSchema = built(() => z.strictObject({ fr: z.string().min(1), en: z.string().min(1) }));
export type Text = z.infer<typeof textSchema>;

/**
 * Where a text comes from: a seed's section. `advice` marks Balise's own advice drawn from
 * that section (an inference the seed does not state word for word): the user is shown it as
 * « Conseil de Balise », never as the seed's words.
 */
export const seedRefSchema = built(() =>
  z.strictObject({ seed: z.enum(seedIds), section: z.string().min(1), advice: z.literal(true).optional() }),
);
export type SeedRef = z.infer<typeof seedRefSchema>;

/** A text taken from a seed, with the section it comes from. */
export const seedTextSchema = built(() => textSchema.extend({ ref: seedRefSchema }));
export type SeedText = z.infer<typeof seedTextSchema>;

/** Where a host name comes from: a seed, or a public reference page. */
export const hostRefSchema = built(() =>
  z.union([
    seedRefSchema,
    z.strictObject({ url: z.url({ protocol: /^https$/ }), note: z.string().min(1) }),
  ]),
);

/** One phrasing, or several a portal uses for the same thing: any of them counts. */
const phrasingsSchema = built(() => z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]));
export type Phrasings = z.infer<typeof phrasingsSchema>;

/**
 * Something a person sees on the page, in the portal's words (./words.ts says how loosely
 * they compare): a title (a heading, a legend, a table caption, an open dialog's name or the
 * document's title), a text anywhere in the page, or a button or link.
 */
export const signSchema = built(() =>
  z.union([z.strictObject({ title: phrasingsSchema }), z.strictObject({ text: phrasingsSchema }), z.strictObject({ button: phrasingsSchema })]),
);
export type Sign = z.infer<typeof signSchema>;

/**
 * How to find a field or a button on its page: a CSS selector, a label text (the field's
 * accessible label: label[for], wrapping label, aria-labelledby, aria-label, or the text of
 * the table cell before it; a button's own text), or both (the selector narrows, the label
 * picks). Labels compare as the same words (./words.ts: case, accents, punctuation, little
 * words, plurals and word order do not count); several phrasings may be given.
 */
export const locatorSchema = built(() =>
  z
    .strictObject({
      selector: z.string().min(1).optional(),
      label: phrasingsSchema.optional(),
    })
    .refine((m) => m.selector ?? m.label, { message: 'a locator needs selector or label' }),
);
export type Locator = z.infer<typeof locatorSchema>;

export const fieldRuleSchema = built(() =>
  z
    .strictObject({
      match: locatorSchema,
      /** What the field means; absent for fields Balise only explains (libellé, applications…). */
      kind: z.enum(fieldKinds as [FieldKind, ...FieldKind[]]).optional(),
      role: z.custom<FillerRole>((value) => typeof value === 'string').optional(),
      /** Which FINESS goes here: EJ, ET, or by status (EJ for public, ET for private: seed 000). */
      finess: z.enum(['ej', 'et', 'byStatus']).optional(),
      /** The seeds say to leave it empty: Balise never fills it, the hint says why. */
      leaveEmpty: z.literal(true).optional(),
      /** Prefilled and locked by the portal: nothing to fill. */
      readOnly: z.literal(true).optional(),
      /** The choice the seeds ask for on a checkbox, radio or select. */
      expected: z.union([z.strictObject({ checked: z.boolean() }), z.strictObject({ option: z.string().min(1) })]).optional(),
      /** Only for these procedures (default: every procedure of the page). */
      procedures: z.array(z.enum(procedureIds)).min(1).optional(),
      /** What the seeds say of the field beyond its label; absent when they say nothing more (a tip that repeats the label teaches nothing). */
      hint: seedTextSchema.optional(),
      /** What the seeds say when the profile's value is not among the field's options: the preview says it on this line's step. */
      notOffered: seedTextSchema.optional(),
    })
    .superRefine((rule, ctx) => {
      if (rule.kind && isPersonKind(rule.kind) && !rule.role) ctx.addIssue({ code: 'custom', message: 'a person field needs a role', path: ['role'] });
      if (rule.role && !(rule.kind && isPersonKind(rule.kind))) ctx.addIssue({ code: 'custom', message: 'role only applies to person fields', path: ['role'] });
      if (rule.finess && !(rule.kind && finessKinds.includes(rule.kind))) ctx.addIssue({ code: 'custom', message: 'finess only applies to FINESS fields', path: ['finess'] });
      if ((rule.leaveEmpty || rule.expected) && !rule.hint) ctx.addIssue({ code: 'custom', message: 'say why, in a hint', path: ['hint'] });
      if (rule.kind === 'finess' && !rule.finess) ctx.addIssue({ code: 'custom', message: 'say which FINESS', path: ['finess'] });
    }),
);
export type FieldRule = z.infer<typeof fieldRuleSchema>;

export const pageRefSchema = built(() =>
  z.strictObject({
    /** Defaults to the same portal. */
    portal: z.string().regex(portalIdPattern).optional(),
    page: z.string().regex(idPattern),
    label: textSchema,
  }),
);

export const clickTargetSchema = built(() =>
  z.strictObject({
    match: locatorSchema,
    /** Where it sits, as the seeds say it ("en haut à droite"). */
    where: textSchema.optional(),
    procedures: z.array(z.enum(procedureIds)).min(1).optional(),
  }),
);

export const pageSchema = built(() =>
  z.strictObject({
    id: z.string().regex(idPattern),
    name: textSchema,
    /** Where the page was seen, as a hint for ties (see above); absent where no host is known. */
    path: z.string().startsWith('/').optional(),
    query: z.record(z.string().min(1), z.string().min(1)).optional(),
    /** What a person sees there, besides the labels of its fields and click targets. */
    shows: z.array(signSchema).default([]),
    samples: z.array(z.url({ protocol: /^https$/ })),
    instructions: z.array(seedTextSchema).min(1),
    next: z.array(pageRefSchema).default([]),
    clickNext: z.array(clickTargetSchema).default([]),
    /** Balise explains and fills nothing here, whatever its fields look like (a sign-in page: card, e-CPS, codes). */
    fillsNothing: z.literal(true).optional(),
    fields: z.array(fieldRuleSchema).default([]),
  }),
);
export type Page = z.infer<typeof pageSchema>;

export const portalSchema = built(() =>
  z
    .strictObject({
      id: z.string().regex(portalIdPattern),
      name: textSchema,
      /**
       * Exact HTTPS hosts. Empty when neither the seeds nor a public reference name the host:
       * the module then only guides (no content script, no sample, nothing to fill).
       */
      hosts: z.array(z.string().regex(hostnamePattern)),
      hostRefs: z.array(hostRefSchema),
      pages: z.array(pageSchema).min(1),
    })
    .superRefine((portal, ctx) => {
      const located = portal.hosts.length > 0;
      if (located && portal.hostRefs.length === 0) ctx.addIssue({ code: 'custom', message: 'say where the hosts come from', path: ['hostRefs'] });
      const ids = portal.pages.map((p) => p.id);
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'page ids must be unique', path: ['pages'] });
      portal.pages.forEach((page, i) => {
        const problem = located
          ? !page.path
            ? 'a located page needs a path'
            : page.samples.length === 0
              ? 'a located page needs sample URLs'
              : page.samples.some((s) => !portal.hosts.includes(new URL(s).hostname))
                ? 'samples must be on the portal hosts'
                : null
          : page.path || page.samples.length || page.fields.length || page.clickNext.length
            ? 'a page without a known host only guides: no path, sample, field nor click target'
            : null;
        if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['pages', i] });
        const seen = page.shows.length > 0 || [...page.fields, ...page.clickNext].some((rule) => rule.match.label);
        if (!seen) ctx.addIssue({ code: 'custom', message: 'say what a person sees on the page (shows, or a labelled field)', path: ['pages', i, 'shows'] });
      });
    }),
);
export type Portal = z.infer<typeof portalSchema>;
export type PortalInput = z.input<typeof portalSchema>;

/**
 * Types a portal module and fills in the schema's defaults, without zod: the always-loaded
 * content script bundles every module and must stay small. The contract test
 * (./portals.test.ts) parses every module with `portalSchema`, so a malformed module still
 * fails loudly, before any build.
 */
export function definePortal(portal: PortalInput): Portal {
  // French spacing bound here, which the build's outline (./outline-of.ts) runs too: nothing left to do on a portal page.
  return frenchTextsBound({
    ...portal,
    pages: portal.pages.map((page) => ({ ...page, shows: page.shows ?? [], next: page.next ?? [], clickNext: page.clickNext ?? [], fields: page.fields ?? [] })),
  });
}

/** Shorthand for the modules: a seed's text, French then English. */
export function fromSeed(seed: SeedRef['seed'], section: string, fr: string, en: string): SeedText {
  return { fr: bindFrenchSpaces(fr), en, ref: { seed, section } };
}

/** Balise's own advice, drawn from a seed's section but not stated by it: shown as such. */
export function baliseAdvice(seed: SeedRef['seed'], section: string, fr: string, en: string): SeedText {
  return { fr: bindFrenchSpaces(fr), en, ref: { seed, section, advice: true } };
}
