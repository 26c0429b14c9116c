import { describe, expect, it } from 'vitest';
import { procedures } from './index';
import { outlines, proceduresOnPage, stepsOnPage, type ProcedureOutline } from './catalog';

/** What ./catalog.json must hold: the modules' names and the steps that happen on a portal page, nothing else. */
const derived: ProcedureOutline[] = procedures.map((procedure) => ({
  id: procedure.id,
  title: procedure.title,
  steps: procedure.steps.filter((step) => step.pages.length > 0).map((step) => ({
    id: step.id,
    title: step.title,
    pages: [...new Set(step.pages.map((ref) => `${ref.portal}/${ref.page}`))],
  })),
}));

describe('the procedure catalogue', () => {
  it('is the procedure modules’ names and steps (run `npx vitest run lib/procedures/catalog.test.ts --update` after editing a module)', async () => {
    await expect(`${JSON.stringify(derived, null, 1)}\n`).toMatchFileSnapshot('./catalog.json');
  });

  it('is what the content script reads', () => {
    expect(outlines).toEqual(derived);
  });

  it('finds the steps and procedures of a page', () => {
    expect(stepsOnPage('000-distrilog', 'distrilog', 'home').map((s) => s.id)).toEqual(['openDistrilog']);
    expect(proceduresOnPage('plage', 'home')).toEqual(['000-distrilog', '001-med-acces']);
    expect(proceduresOnPage('plage', 'nowhere')).toEqual([]);
  });
});
