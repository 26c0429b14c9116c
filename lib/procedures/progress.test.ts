import { BaliseDb } from '../store/db';
import type { Progress } from '../store/rows';
import { sampleEstablishment } from '../profile/sample';
import { buildChecklist } from './checklist';
import { findProcedure } from './index';
import {
  currentState,
  itemProvedBy,
  loadProgress,
  newProgress,
  nextItem,
  progressOf,
  stateOf,
  updateProgress,
  withAnswer,
  withStep,
} from './progress';

const distrilog = findProcedure('000-distrilog')!;
const establishment = sampleEstablishment();
const t0 = new Date('2025-03-01T10:00:00.000Z');
const t1 = new Date('2025-03-02T10:00:00.000Z');
const apePath = { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no', managerIsApe: 'no', severalEstablishments: 'no' };

describe('progress updates', () => {
  it('records answers and ticks with their dates, and unticks', () => {
    let progress = newProgress(establishment.id, '000-distrilog', t0);
    progress = withAnswer(progress, distrilog, establishment, 'managerHasPlageAccount', 'yes', t1);
    expect(progress).toMatchObject({ answers: { managerHasPlageAccount: 'yes' }, startedAt: t0.toISOString(), updatedAt: t1.toISOString() });
    progress = withStep(progress, 'requestRight', true, 'user', t1);
    expect(progress.done).toEqual({ requestRight: { at: t1.toISOString(), by: 'user' } });
    expect(withStep(progress, 'requestRight', false, 'user', t1).done).toEqual({});
  });

  it('gives the next step in checklist order', () => {
    let progress = newProgress(establishment.id, '000-distrilog', t0);
    for (const [key, value] of Object.entries(apePath)) progress = withAnswer(progress, distrilog, establishment, key, value, t0);
    const checklist = buildChecklist(distrilog, progress.answers, establishment);
    expect(nextItem(checklist, progress)?.key).toBe('designateApe');
    expect(nextItem(checklist, withStep(progress, 'designateApe', true))?.key).toBe('apeAccount');
  });

  it('a proof page ticks one step: the one of the person at this workstation, else the earliest', () => {
    const progress = { ...newProgress(establishment.id, '000-distrilog', t0), answers: apePath };
    const checklist = buildChecklist(distrilog, apePath, establishment);
    const ape = establishment.contacts.find((c) => c.lastName === 'Bernard')!.id;
    const manager = establishment.contacts.find((c) => c.lastName === 'Petit')!.id;
    expect(itemProvedBy(checklist, progress, 'plage', 'requestConfirmation')?.key).toBe('apeAccount');
    expect(itemProvedBy(checklist, progress, 'plage', 'requestConfirmation', ape)?.key).toBe('apeAccount');
    expect(itemProvedBy(checklist, progress, 'plage', 'requestConfirmation', manager)?.key).toBe('managerAccount');
    expect(itemProvedBy(checklist, withStep(progress, 'apeAccount', true), 'plage', 'requestConfirmation')?.key).toBe('managerAccount');
    expect(itemProvedBy(checklist, progress, 'plage', 'home')).toBeUndefined();
  });

  it('the current procedure is the one worked on last that is not finished', () => {
    const answers = { managerHasPlageAccount: 'yes', managerProfileHere: 'yes', severalEstablishments: 'no' };
    let done: Progress = { ...newProgress(establishment.id, '000-distrilog', t0), answers };
    for (const item of buildChecklist(distrilog, answers, establishment)) done = withStep(done, item.key, true, 'user', t1);
    expect(stateOf(done, establishment)?.finished).toBe(true);
    const balOrg = { ...newProgress(establishment.id, '002-medimail-bal-org', t0), answers: { hasPersonalAccount: 'yes' } };
    expect(currentState([done, balOrg], establishment)?.procedure.id).toBe('002-medimail-bal-org');
    expect(currentState([done], establishment)).toBeUndefined();
    const unanswered = { ...done, answers: { managerHasPlageAccount: 'no' }, done: {} };
    expect(stateOf(unanswered, establishment)?.finished).toBe(false);
  });
});

describe('progress storage', () => {
  it('survives closing and reopening the database, per establishment and procedure', async () => {
    const name = 'progress-test';
    const first = new BaliseDb(name);
    await updateProgress(establishment.id, '000-distrilog', (p) => withStep(withAnswer(p, distrilog, establishment, 'managerHasPlageAccount', 'yes', t0), 'requestRight', true, 'page', t0), first, t0);
    await updateProgress('other-establishment', '000-distrilog', (p) => p, first, t0);
    first.close();

    const second = new BaliseDb(name);
    const stored = await loadProgress(establishment.id, '000-distrilog', second);
    expect(stored).toEqual({
      establishmentId: establishment.id,
      procedureId: '000-distrilog',
      answers: { managerHasPlageAccount: 'yes' },
      done: { requestRight: { at: t0.toISOString(), by: 'page' } },
      startedAt: t0.toISOString(),
      updatedAt: t0.toISOString(),
    });
    expect((await progressOf(establishment.id, second)).map((p) => p.procedureId)).toEqual(['000-distrilog']);
    expect(await progressOf('other-establishment', second)).toHaveLength(1);
    second.close();
    await second.delete();
  });
});
