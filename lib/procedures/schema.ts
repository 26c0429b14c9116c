/**
 * Procedures (démarches) as data, like the portals: each seed procedure is one module holding
 * the seed's questions and the checklist steps they select. A module is parsed by zod when it
 * is defined, so a mistake fails at import time and in the contract test (./procedures.test.ts).
 *
 * Conditions are data too: `when` is a list of alternatives (OR), each alternative maps
 * question ids to the answers it accepts (AND). An unanswered question satisfies nothing, so
 * a step appears only once the questions that select it are answered.
 *
 * Texts quoted or paraphrased from the seeds are procedure CONTENT: `{ fr, en, ref }`
 * (see `fromSeed` in ../portals/schema.ts), never i18n fragments.
 */
import { z } from 'zod';
import { establishmentKinds } from '../profile/kinds';
import { procedureIds, seedIds, seedTextSchema, textSchema } from '../portals/schema';
import { reminderKinds } from '../store/rows';
import type { Text } from '../portals/schema';
import type { Contact, Establishment } from '../profile/schema';
import { cards, roles } from '../profile/schema';
import { frenchTextsBound } from '../i18n/typography';

const idPattern = /^[a-z][A-Za-z0-9]*$/;

export const conditionSchema = z.array(z.record(z.string().regex(idPattern), z.array(z.string().min(1)).min(1))).min(1);
export type Condition = z.infer<typeof conditionSchema>;

/** Answers of one procedure for one establishment: question id (or `questionId:contactId`) → choice value. */
export type Answers = Record<string, string>;

/** A default answer read from the profile; the user still confirms it. */
export type Suggestion = (establishment: Establishment, contact?: Contact) => string | undefined;

export const choiceSchema = z.strictObject({ value: z.string().regex(idPattern), label: textSchema });

export const questionSchema = z.strictObject({
  id: z.string().regex(idPattern),
  prompt: seedTextSchema,
  help: seedTextSchema.optional(),
  choices: z.array(choiceSchema).min(2),
  /** Asked once for every contact holding this role (seed 001: each prescriber, pharmacist…). */
  perContact: z.enum(roles).optional(),
  askIf: conditionSchema.optional(),
  /** Steps that show the answer (seed 001: the role to write in the request's comment). */
  informs: z.array(z.string().regex(idPattern)).default([]),
  suggest: z.custom<Suggestion>((value) => typeof value === 'function').optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const pageRefSchema = z.strictObject({ portal: z.string().min(1), page: z.string().regex(idPattern) });
export type PageRef = z.infer<typeof pageRefSchema>;

/** The ANS forms the seeds name (003, 004). */
export const formIds = ['contratStructure', 'f101', 'f301', 'f502', 'f413'] as const;
export type FormId = (typeof formIds)[number];

/** The four services socles of seed 004's "Quel MIE pour quel service socle ?". */
export const services = ['qualifyIns', 'feedDmp', 'consultDmp', 'exchangeMss'] as const;
export type Service = (typeof services)[number];

/**
 * Who does a step: contacts holding a role, `me` (the person at this workstation), `person`
 * (the contact a per-contact step is about), or `eachProfessional` (every professional
 * concerned, not a profile role: seed 004's e-CPS activation).
 */
export const doers = [...roles, 'me', 'person', 'eachProfessional'] as const;
export type Doer = (typeof doers)[number];


export const procedureStepSchema = z
  .strictObject({
    id: z.string().regex(idPattern),
    /** What to do. */
    title: seedTextSchema,
    details: z.array(seedTextSchema).default([]),
    /** What to gather beforehand. */
    prepare: z.array(seedTextSchema).default([]),
    who: z.enum(doers),
    /** Another doer on some branches (004: the legal representative when he orders the cards himself); the first that holds wins, else `who`. */
    whoIf: z.array(z.strictObject({ when: conditionSchema, who: z.enum(doers) })).optional(),
    perContact: z.enum(roles).optional(),
    /** The portal pages it happens on, in order: the first is where to start. Empty: off any portal (paper, e-mail). */
    pages: z.array(pageRefSchema).default([]),
    /** Reaching this page proves the step done: it is ticked automatically. */
    proof: pageRefSchema.optional(),
    /** Profile values to have at hand (shown with their value, or flagged when missing). */
    uses: z.array(z.enum(establishmentKinds)).default([]),
    cards: z.array(z.enum(cards)).default([]),
    forms: z.array(z.enum(formIds)).default([]),
    /** The printable form 413 sheet helps with this step. */
    sheet413: z.literal(true).optional(),
    service: z.enum(services).optional(),
    /** Once done, a reminder follows after this many hours (seed 002: the 72 h directory delay), unless step `until` is done by then. */
    remindAfter: z.strictObject({ kind: z.enum(reminderKinds), hours: z.number().positive(), until: z.string().regex(idPattern) }).optional(),
    when: conditionSchema.optional(),
  })
  .superRefine((step, ctx) => {
    if ((step.who === 'person') !== (step.perContact !== undefined))
      ctx.addIssue({ code: 'custom', message: '`person` is the doer of per-contact steps, and only of them', path: ['who'] });
    if (step.proof && step.pages.length === 0)
      ctx.addIssue({ code: 'custom', message: 'a step proved by a page happens on a portal: list its pages', path: ['proof'] });
  });
export type ProcedureStep = z.infer<typeof procedureStepSchema>;

export const procedureSchema = z
  .strictObject({
    id: z.enum(procedureIds),
    seed: z.enum(seedIds),
    title: textSchema,
    summary: seedTextSchema,
    questions: z.array(questionSchema),
    steps: z.array(procedureStepSchema).min(1),
  })
  .superRefine((procedure, ctx) => {
    const questions = new Map(procedure.questions.map((q) => [q.id, q]));
    if (questions.size !== procedure.questions.length) ctx.addIssue({ code: 'custom', message: 'question ids must be unique', path: ['questions'] });
    const stepIds = procedure.steps.map((s) => s.id);
    if (new Set(stepIds).size !== stepIds.length) ctx.addIssue({ code: 'custom', message: 'step ids must be unique', path: ['steps'] });
    if (!procedureIds.includes(procedure.id) || !procedure.id.startsWith(procedure.seed))
      ctx.addIssue({ code: 'custom', message: 'the id starts with its seed number', path: ['id'] });

    /** A condition names known questions and their choices; a per-contact question only where a contact is known. */
    const checkCondition = (condition: Condition | undefined, perContact: string | undefined, path: PropertyKey[]) =>
      condition?.forEach((clause, i) =>
        Object.entries(clause).forEach(([questionId, values]) => {
          const question = questions.get(questionId);
          if (!question) return ctx.addIssue({ code: 'custom', message: `unknown question ${questionId}`, path: [...path, i] });
          if (question.perContact && question.perContact !== perContact)
            ctx.addIssue({ code: 'custom', message: `${questionId} is asked per ${question.perContact}`, path: [...path, i] });
          for (const value of values)
            if (!question.choices.some((c) => c.value === value)) ctx.addIssue({ code: 'custom', message: `${questionId} has no choice ${value}`, path: [...path, i] });
        }),
      );
    procedure.questions.forEach((q, i) => {
      checkCondition(q.askIf, q.perContact, ['questions', i, 'askIf']);
      for (const stepId of q.informs) if (!stepIds.includes(stepId)) ctx.addIssue({ code: 'custom', message: `unknown step ${stepId}`, path: ['questions', i, 'informs'] });
      const values = q.choices.map((c) => c.value);
      if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', message: 'choice values must be unique', path: ['questions', i] });
    });
    procedure.steps.forEach((s, i) => {
      checkCondition(s.when, s.perContact, ['steps', i, 'when']);
      s.whoIf?.forEach((other, j) => {
        checkCondition(other.when, s.perContact, ['steps', i, 'whoIf', j, 'when']);
        if (other.who === 'person') ctx.addIssue({ code: 'custom', message: '`person` is the doer of per-contact steps only, through `who`', path: ['steps', i, 'whoIf', j] });
      });
      if (s.remindAfter && !stepIds.includes(s.remindAfter.until))
        ctx.addIssue({ code: 'custom', message: `unknown step ${s.remindAfter.until}`, path: ['steps', i, 'remindAfter'] });
    });
  });
export type Procedure = z.infer<typeof procedureSchema>;
export type ProcedureInput = z.input<typeof procedureSchema>;

/** Checked, and its French spacing bound (../i18n/typography.ts), once as the module is loaded. */
export function defineProcedure(procedure: ProcedureInput): Procedure {
  return frenchTextsBound(procedureSchema.parse(procedure));
}

/** The two answers of most questions. */
export const yesNo: { value: string; label: Text }[] = [
  { value: 'yes', label: { fr: 'Oui', en: 'Yes' } },
  { value: 'no', label: { fr: 'Non', en: 'No' } },
];
