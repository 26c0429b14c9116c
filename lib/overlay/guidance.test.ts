import { describe, expect, it } from 'vitest';
import { findPage, portals } from '../portals';
import { fromSeed } from '../portals/schema';
import { proceduresOnPage } from '../procedures/catalog';
import type { ProgressSummary } from '../procedures/summary';
import { guidanceFor, seedOf } from './guidance';
import { currentPageStep, pageSteps, pickProcedure, tabStep } from '../procedures/page-steps';

const page = (portalId: string, pageId: string) => findPage(portalId, pageId)!;

describe('guidanceFor', () => {
  it('Plage home, Distrilog by default: its account steps, the seed-000 instruction, « Créer un compte » top right', () => {
    const guidance = guidanceFor(page('plage', 'home'));
    expect(guidance.procedure).toBe('000-distrilog');
    expect(guidance.procedures).toEqual(['000-distrilog', '001-med-acces']);
    expect(guidance.steps.map((s) => s.id)).toEqual(['apeAccount', 'managerAccount']);
    expect(guidance.instructions.map((i) => i.ref.seed)).toEqual(['000']);
    expect(guidance.clickNext).toEqual([{ match: { label: 'Créer un compte' }, where: { fr: 'en haut à droite', en: 'top right' } }]);
  });

  it('Plage home for MED-ACCES: its steps there, its own instruction and the « S’identifier » target too', () => {
    const guidance = guidanceFor(page('plage', 'home'), '001-med-acces');
    expect(guidance.steps.length).toBeGreaterThan(0);
    expect(guidance.instructions.map((i) => i.ref.seed)).toEqual(['001']);
    expect(guidance.clickNext.map((c) => c.match.label)).toEqual(['Créer un compte', 'S’identifier']);
  });

  it('links next pages to their first sample, across portals', () => {
    const guidance = guidanceFor(page('plage', 'home'));
    expect(guidance.next.map((n) => n.href)).toEqual([
      'https://plage.atih.sante.fr/compte/creation',
      page('pasrel', 'login').page.samples[0],
    ]);
  });

  it('keeps only the field rules of the chosen procedure that have a tip', () => {
    for (const portal of portals)
      for (const candidate of portal.pages)
        for (const procedure of proceduresOnPage(portal.id, candidate.id)) {
          const fields = guidanceFor({ portal, page: candidate }, procedure).fields;
          expect(fields.every((rule) => !rule.procedures || rule.procedures.includes(procedure))).toBe(true);
          expect(fields.length).toBe(candidate.fields.filter((rule) => rule.hint && (!rule.procedures || rule.procedures.includes(procedure))).length);
        }
  });

  it('never leaves a page without instructions, nor a procedure’s page without its steps', () => {
    for (const portal of portals)
      for (const candidate of portal.pages)
        for (const procedure of proceduresOnPage(portal.id, candidate.id)) {
          const guidance = guidanceFor({ portal, page: candidate }, procedure);
          expect(guidance.instructions.length, `${portal.id}/${candidate.id}`).toBeGreaterThan(0);
          expect(guidance.steps.length, `${portal.id}/${candidate.id}`).toBeGreaterThan(0);
        }
  });

  it('takes the first wanted procedure with a step here, else the page’s first', () => {
    expect(pickProcedure(['002-medimail-bal-org'], '000-distrilog')).toBe('002-medimail-bal-org');
    expect(pickProcedure(['000-distrilog', '001-med-acces'], undefined, '001-med-acces')).toBe('001-med-acces');
    expect(pickProcedure(['000-distrilog', '001-med-acces'], '000-distrilog', '001-med-acces')).toBe('000-distrilog');
    expect(pickProcedure([], '000-distrilog')).toBeNull();
    expect(seedOf('003-certificats-dp')).toBe('003');
  });
});

describe('pageSteps', () => {
  const home = guidanceFor(page('plage', 'home'));
  const summary = (procedureId: ProgressSummary['procedureId'], onThisPage: ProgressSummary['onThisPage']): ProgressSummary => ({
    procedureId,
    title: { fr: 'Démarche', en: 'Procedure' },
    done: 1,
    total: 5,
    settled: true,
    onThisPage,
  });
  const title = fromSeed('000', 'Essai', 'Créer', 'Create');

  it('numbers the page’s steps as the user’s checklist does, done or not', () => {
    const steps = pageSteps(home, summary('000-distrilog', [{ key: 'managerAccount', index: 2, title, doneAt: '2026-11-01T10:00:00.000Z' }, { key: 'other', index: 4, title }]));
    expect(steps).toEqual([
      { key: 'managerAccount', title, number: { index: 2, total: 5 }, doneAt: '2026-11-01T10:00:00.000Z' },
      { key: 'other', title, number: { index: 4, total: 5 } },
    ]);
    expect(currentPageStep(steps)?.key).toBe('other');
  });

  it('falls back to the procedure’s steps here, unnumbered, without the user’s progress in this procedure', () => {
    const unnumbered = home.steps.map((s) => ({ key: s.id, title: s.title }));
    expect(pageSteps(home, null)).toEqual(unnumbered);
    expect(pageSteps(home, summary('001-med-acces', [{ key: 'x', index: 1, title }]))).toEqual(unnumbered);
    expect(currentPageStep(unnumbered)?.key).toBe('apeAccount');
  });

  it('shows none of the procedure’s steps that the user’s answers leave out', () => {
    expect(pageSteps(home, summary('000-distrilog', []))).toEqual([]);
    expect(currentPageStep([])).toBeUndefined();
  });
});

describe('tabStep', () => {
  const title = fromSeed('000', 'Essai', 'Créer', 'Create');
  const summary: ProgressSummary = { procedureId: '000-distrilog', title: { fr: 'Démarche', en: 'Procedure' }, done: 1, total: 5, settled: true, onThisPage: [{ key: 'other', index: 4, title, person: 'Jeanne Martin' }] };

  it('names the user’s current step here, numbered, in both languages and without its source nor its person', () => {
    expect(tabStep('plage', 'home', summary)).toEqual({ step: { fr: 'Créer', en: 'Create' }, number: { index: 4, total: 5 } });
  });

  it('unnumbered while questions that decide the steps are unanswered (the number would change)', () => {
    expect(tabStep('plage', 'home', { ...summary, settled: false })).toEqual({ step: { fr: 'Créer', en: 'Create' } });
  });

  it('without the user’s progress: the chosen procedure’s first step here, unnumbered', () => {
    const first = guidanceFor(page('plage', 'home')).steps[0]!.title;
    expect(tabStep('plage', 'home', null)).toEqual({ step: { fr: first.fr, en: first.en } });
  });

  it('the procedure’s name when the user’s answers leave no step here; null on a page no procedure speaks of', () => {
    expect(tabStep('plage', 'home', { ...summary, onThisPage: [] })).toEqual({ procedure: expect.objectContaining({ fr: expect.stringContaining('Distrilog') }) });
    expect(proceduresOnPage('plage', 'noSuchPage')).toEqual([]);
    expect(tabStep('plage', 'noSuchPage', null)).toBeNull();
  });
});
