import { describe, expect, it } from 'vitest';
import { findPage, portals } from '../portals';
import { guidanceFor, pickProcedure, seedOf } from './guidance';

const page = (portalId: string, pageId: string) => findPage(portalId, pageId)!;

describe('guidanceFor', () => {
  it('Plage home, Distrilog by default: step 2 of 8, the seed-000 instruction, « Créer un compte » top right', () => {
    const guidance = guidanceFor(page('plage', 'home'));
    expect(guidance.procedure).toBe('000-distrilog');
    expect(guidance.procedures).toEqual(['000-distrilog', '001-med-acces']);
    expect(guidance.steps.map((s) => [s.index, s.total])).toEqual([[2, 8]]);
    expect(guidance.instructions.map((i) => i.ref.seed)).toEqual(['000']);
    expect(guidance.clickNext).toEqual([{ match: { label: 'Créer un compte' }, where: { fr: 'en haut à droite', en: 'top right' } }]);
  });

  it('Plage home for MED-ACCES: both of its steps, its own instruction and the « S’identifier » target too', () => {
    const guidance = guidanceFor(page('plage', 'home'), '001-med-acces');
    expect(guidance.steps.map((s) => s.index)).toEqual([1, 2]);
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

  it('keeps only the field rules of the chosen procedure', () => {
    for (const portal of portals)
      for (const candidate of portal.pages)
        for (const procedure of candidate.procedures) {
          const fields = guidanceFor({ portal, page: candidate }, procedure).fields;
          expect(fields.every((rule) => !rule.procedures || rule.procedures.includes(procedure))).toBe(true);
          expect(fields.length).toBe(candidate.fields.filter((rule) => !rule.procedures || rule.procedures.includes(procedure)).length);
        }
  });

  it('never leaves a page without instructions or steps', () => {
    for (const portal of portals)
      for (const candidate of portal.pages)
        for (const procedure of candidate.procedures) {
          const guidance = guidanceFor({ portal, page: candidate }, procedure);
          expect(guidance.instructions.length, `${portal.id}/${candidate.id}`).toBeGreaterThan(0);
          expect(guidance.steps.length, `${portal.id}/${candidate.id}`).toBeGreaterThan(0);
        }
  });

  it('falls back to the page’s first procedure when the remembered one is not served here', () => {
    expect(pickProcedure(page('medimail', 'login').page, '000-distrilog')).toBe('002-medimail-bal-org');
    expect(seedOf('003-certificats-dp')).toBe('003');
  });
});
