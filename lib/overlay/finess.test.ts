/**
 * The background side of the FINESS record → profile (issue 16): only the guide frame in a tab of
 * the annuaire FINESS asks; an ET record is its site's establishment, an EJ record the entity's
 * own (no site number); the save goes through the one write path, revisions included.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MessageType } from '../messaging';
import { finessRecordUrl } from '../portals/finess-links';
import { sampleEstablishment } from '../profile/sample';
import { BaliseDb } from '../store/db';
import { saveEstablishment, StaleRevisionError } from '../store/profile';
import { finessMatch, finessSave, registerFinessHandlers } from './finess';

type Sender = Browser.runtime.MessageSender;

let database: BaliseDb;
beforeEach(() => {
  database = new BaliseDb(`finess-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await database.delete();
  vi.restoreAllMocks();
});

/** The guide frame in a tab showing `url`. */
const guideFrame = (url: string): Sender => ({ id: fakeBrowser.runtime.id, tab: { id: 3, url } as Browser.tabs.Tab, frameId: 2, url: fakeBrowser.runtime.getURL('/guide.html') });
const onRecord = guideFrame(finessRecordUrl('750100125'));

function registered() {
  const handlers = new Map<string, (request: unknown, sender: Sender) => unknown>();
  for (const message of [finessMatch, finessSave] as MessageType<never, unknown>[])
    vi.spyOn(message, 'handle').mockImplementation((handler) => void handlers.set(message.name, handler as never));
  registerFinessHandlers(database);
  return async <Request, Response>(message: MessageType<Request, Response>, request: Request, sender: Sender) =>
    (await handlers.get(message.name)!(request, sender)) as Response;
}

describe('finessMatch', () => {
  it('finds the site by the number read on its record, and the entity only where no site number is kept', async () => {
    const ask = registered();
    const site = await saveEstablishment(sampleEstablishment(), database);
    expect(await ask(finessMatch, { finess: '750100125', type: 'et' }, onRecord)).toMatchObject({ finess: '750100125', establishment: { id: site.id }, revision: site.updatedAt });
    expect(await ask(finessMatch, {} as never, onRecord)).toEqual({ finess: null, establishment: null });
    // The EJ record is not the site's establishment, though it holds the same EJ.
    expect(await ask(finessMatch, { finess: '750712184', type: 'ej' }, onRecord)).toEqual({ finess: '750712184', establishment: null });
  });

  it('answers only the guide frame in a tab of the annuaire FINESS', async () => {
    const ask = registered();
    await expect(ask(finessMatch, { finess: '750100125', type: 'et' }, guideFrame('https://plage.atih.sante.fr/compte/creation'))).rejects.toThrow(/sender not allowed/);
    await expect(ask(finessMatch, { finess: '750100125', type: 'et' }, { ...onRecord, url: finessRecordUrl('750100125'), frameId: 0 })).rejects.toThrow(/sender not allowed/);
  });
});

describe('finessSave', () => {
  it('creates through the one write path, refusing an invalid establishment and a stale revision', async () => {
    const ask = registered();
    const created = await ask(finessSave, { establishment: sampleEstablishment(), basedOn: 'new' }, onRecord);
    expect(created).toEqual({ id: sampleEstablishment().id, label: sampleEstablishment().label });
    await expect(ask(finessSave, { establishment: { ...sampleEstablishment(), id: crypto.randomUUID(), finessEt: '750100126' }, basedOn: 'new' }, onRecord)).rejects.toThrow();
    await expect(ask(finessSave, { establishment: { ...sampleEstablishment(), phone: '0142160000' }, basedOn: { revision: '2020-01-01T00:00:00.000Z' } }, onRecord)).rejects.toBeInstanceOf(StaleRevisionError);
    expect((await database.establishments.get(sampleEstablishment().id))?.phone).toBe('0140275000');
  });
});
