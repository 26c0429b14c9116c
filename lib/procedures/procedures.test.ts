/**
 * The contract every procedure module keeps, checked over all of them at once: registered,
 * parsed, quoting the seeds, and pointing only to portal pages that serve the procedure, so
 * that the overlay and the wizard agree on "where am I".
 */
import { findPage, portals } from '../portals';
import { proceduresOnPage } from './catalog';
import { procedureIds } from '../portals/schema';
import { procedures } from './index';
import { procedureSchema, type PageRef, type Procedure } from './schema';

const modules = import.meta.glob<{ default: Procedure }>('./*.procedure.ts', { eager: true });
const refsOf = (procedure: Procedure): PageRef[] => procedure.steps.flatMap((s) => [...s.pages, ...(s.proof ? [s.proof] : [])]);

describe('procedure modules', () => {
  it('are all registered, each named after its file, one per procedure id', () => {
    const fromFiles = Object.entries(modules).map(([file, module]) => {
      expect(file).toBe(`./${module.default.id}.procedure.ts`);
      return module.default;
    });
    expect(new Set(procedures)).toEqual(new Set(fromFiles));
    expect(procedures.map((p) => p.id)).toEqual([...procedureIds]);
  });

  it('Medimail’s pages follow procedure 002’s order, which the test server uses for pages sharing `/`', () => {
    const inProcedure = procedures.find((p) => p.id === '002-medimail-bal-org')!
      .steps.flatMap((step) => step.pages)
      .filter((ref) => ref.portal === 'medimail')
      .map((ref) => ref.page);
    expect(findPage('medimail', 'login')!.portal.pages.map((page) => page.id)).toEqual([...new Set(inProcedure)]);
    for (const page of findPage('medimail', 'login')!.portal.pages) expect(page.path).toBe('/');
    expect(findPage('medimail', 'switchAccount')!.page.query).toEqual({ m: 'liste' });
  });

  it.each(procedures.map((p) => [p.id, p] as const))('%s points only to existing pages', (_id, procedure) => {
    for (const ref of refsOf(procedure)) expect(findPage(ref.portal, ref.page), `${ref.portal}/${ref.page}`).not.toBeNull();
  });

  it('are the only ones a page’s field or click rule is restricted to, each with a step on that page', () => {
    for (const portal of portals)
      for (const page of portal.pages) {
        const served = proceduresOnPage(portal.id, page.id);
        for (const rule of [...page.fields, ...page.clickNext])
          for (const procedure of rule.procedures ?? []) expect(served, `${portal.id}/${page.id}: ${rule.match.label ?? rule.match.selector}`).toContain(procedure);
      }
  });

  it('quote their own seed, in French and English, for every text', () => {
    for (const procedure of procedures) {
      const texts = [
        procedure.summary,
        ...procedure.questions.flatMap((q) => [q.prompt, ...(q.help ? [q.help] : [])]),
        ...procedure.steps.flatMap((s) => [s.title, ...s.details, ...s.prepare]),
      ];
      for (const text of texts) {
        expect(text.ref.seed, `${procedure.id}: ${text.fr}`).toBe(procedure.seed);
        expect(text.fr.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
        expect(text.fr).not.toBe(text.en);
      }
    }
  });

  it('use every answer: in a condition, or shown on the steps it informs', () => {
    for (const procedure of procedures) {
      const used = new Set(
        [...procedure.steps.flatMap((s) => s.when ?? []), ...procedure.questions.flatMap((q) => q.askIf ?? [])].flatMap((clause) => Object.keys(clause)),
      );
      for (const question of procedure.questions)
        expect(used.has(question.id) || question.informs.length > 0, `${procedure.id}: ${question.id}`).toBe(true);
    }
  });

  it('only prove a step with a page reached on or after the step’s own pages', () => {
    for (const procedure of procedures)
      for (const step of procedure.steps.filter((s) => s.proof)) {
        const proof = step.proof!;
        const onOwnPages = step.pages.some((p) => p.portal === proof.portal && p.page === proof.page);
        const next = step.pages.some((p) => findPage(p.portal, p.page)!.page.next.some((n) => (n.portal ?? p.portal) === proof.portal && n.page === proof.page));
        expect(onOwnPages || next, `${procedure.id}/${step.id}`).toBe(true);
      }
  });

  it('refuse malformed modules: unknown question, unknown choice, per-contact mismatch', () => {
    const base = procedures[0]!;
    const withWhen = (when: Record<string, string[]>[]) => ({ ...base, steps: [{ ...base.steps[0]!, when }] });
    expect(procedureSchema.safeParse(withWhen([{ nope: ['yes'] }])).success).toBe(false);
    expect(procedureSchema.safeParse(withWhen([{ managerHasPlageAccount: ['maybe'] }])).success).toBe(false);
    expect(procedureSchema.safeParse(withWhen([{ managerHasPlageAccount: ['yes'] }])).success).toBe(true);
    const medAcces = procedures[1]!;
    const adminStep = medAcces.steps.find((s) => s.id === 'adminValidates')!;
    expect(procedureSchema.safeParse({ ...medAcces, steps: [{ ...adminStep, when: [{ hasPasrelAccount: ['yes'] }] }] }).success).toBe(false);
    expect(procedureSchema.safeParse({ ...base, steps: [{ ...base.steps[0]!, who: 'person' }] }).success).toBe(false);
  });
});

describe('sources', () => {
  /** Every module text: what Balise says of itself is never given as a seed's words. */
  const texts = (value: unknown): { fr: string; ref: { advice?: true } }[] => {
    if (Array.isArray(value)) return value.flatMap(texts);
    if (!value || typeof value !== 'object') return [];
    const v = value as Record<string, unknown>;
    const own = typeof v.fr === 'string' && v.ref ? [v as unknown as { fr: string; ref: { advice?: true } }] : [];
    return [...own, ...Object.entries(v).filter(([k]) => k !== 'ref').flatMap(([, x]) => texts(x))];
  };

  it('marks every text that speaks of Balise as Balise’s advice, in the portals and the procedures', () => {
    const seedWords = [...portals, ...procedures].flatMap(texts).filter((t) => !t.ref.advice && /\bBalise\b/.test(t.fr));
    expect(seedWords.map((t) => t.fr)).toEqual([]);
  });
});
