import { findProcedure } from './index';
import { fromSeed } from '../portals/schema';
import type { Progress } from '../store/rows';
import { newProgress, stateOf, withAnswer, withStep } from './progress';
import { stateForPage, summarize, withoutPersons, type ProgressSummary } from './summary';
import { sampleEstablishment } from '../profile/sample';

const distrilog = findProcedure('000-distrilog')!;
const establishment = sampleEstablishment();
const at = new Date('2025-03-01T10:00:00.000Z');
const apePath = { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no', managerIsApe: 'no', severalEstablishments: 'no' };

function progressWith(done: string[]): Progress {
  let progress = newProgress(establishment.id, '000-distrilog', at);
  for (const [key, value] of Object.entries(apePath)) progress = withAnswer(progress, distrilog, establishment, key, value, at);
  for (const key of done) progress = withStep(progress, key, true, 'page', at);
  return progress;
}
const summaryOf = (done: string[], here?: { portalId: string; pageId: string }) => summarize(stateOf(progressWith(done), establishment)!, here);

describe('the summary the popup and the overlay show', () => {
  it('counts the steps done and names the next one, with where it starts when that is another page', () => {
    const summary = summaryOf(['designateApe'], { portalId: 'distrilog', pageId: 'home' });
    expect(summary).toMatchObject({ procedureId: '000-distrilog', title: distrilog.title, done: 1, total: 5 });
    expect(summary.next).toEqual({
      key: 'apeAccount',
      index: 2,
      title: distrilog.steps.find((s) => s.id === 'apeAccount')!.title,
      onThisPage: false,
      page: { name: expect.objectContaining({ fr: expect.any(String) }), href: 'https://plage.atih.sante.fr/' },
    });
    // Distrilog's home is where the last step happens, not done yet.
    expect(summary.onThisPage).toEqual([{ key: 'openDistrilog', index: 5, title: distrilog.steps.find((s) => s.id === 'openDistrilog')!.title }]);
  });

  it('says when the next step happens on this page, and lists the steps done here with their date', () => {
    const summary = summaryOf(['designateApe', 'apeAccount'], { portalId: 'plage', pageId: 'requestConfirmation' });
    expect(summary.next).toMatchObject({ key: 'managerAccount', onThisPage: true });
    expect(summary.next).not.toHaveProperty('page');
    expect(summary.onThisPage.map((item) => [item.key, item.index, item.doneAt])).toEqual([
      ['apeAccount', 2, at.toISOString()],
      ['managerAccount', 3, undefined],
    ]);
  });

  it('has no next step once all are done, and nothing on a page of no step', () => {
    const summary = summaryOf(['designateApe', 'apeAccount', 'managerAccount', 'adminValidates', 'openDistrilog'], { portalId: 'medimail', pageId: 'login' });
    expect(summary).toMatchObject({ done: 5, total: 5, onThisPage: [] });
    expect(summary).not.toHaveProperty('next');
    // Off any page (the popup), the next step still has its page.
    expect(summaryOf([]).next).toMatchObject({ key: 'designateApe', onThisPage: false });
    expect(summaryOf(['designateApe']).next).toMatchObject({ key: 'apeAccount', page: { href: 'https://plage.atih.sante.fr/' } });
  });
});

describe('stateForPage', () => {
  const distrilogState = stateOf(progressWith([]), establishment)!;
  const medAccesState = stateOf(newProgress(establishment.id, '001-med-acces', at), establishment)!;
  const plageHome = { portalId: 'plage', pageId: 'home' };

  it('takes the procedure chosen on the page, else the latest with a step here, else the latest', () => {
    expect(stateForPage([distrilogState, medAccesState], plageHome, '001-med-acces')?.procedure.id).toBe('001-med-acces');
    expect(stateForPage([medAccesState, distrilogState], plageHome)?.procedure.id).toBe('001-med-acces');
    expect(stateForPage([medAccesState, distrilogState], { portalId: 'distrilog', pageId: 'home' }, '001-med-acces')?.procedure.id).toBe('000-distrilog');
    expect(stateForPage([medAccesState, distrilogState], { portalId: 'medimail', pageId: 'login' })?.procedure.id).toBe('001-med-acces');
    expect(stateForPage([], plageHome)).toBeUndefined();
  });
});

describe('withoutPersons', () => {
  it('keeps the procedure and the steps, and drops every name', () => {
    const named: ProgressSummary = {
      ...summaryOf([]),
      next: { key: 'a', index: 1, title: fromSeed('000', 'Essai', 'Compte', 'Account'), person: 'Sophie Petit', onThisPage: true },
      onThisPage: [{ key: 'b', index: 2, title: fromSeed('000', 'Essai', 'Carte', 'Card'), person: 'Luc Bernard', doneAt: at.toISOString() }],
    };
    const anonymous = withoutPersons(named);
    expect(JSON.stringify(anonymous)).not.toMatch(/Sophie|Luc/);
    expect(anonymous).toEqual({
      ...named,
      next: { key: 'a', index: 1, title: named.next!.title, onThisPage: true },
      onThisPage: [{ key: 'b', index: 2, title: fromSeed('000', 'Essai', 'Carte', 'Card'), doneAt: at.toISOString() }],
    });
  });
});
