/**
 * « Lire cette fiche » in the guide frame (issue 16), the background's answers and the content
 * script's click judgement stubbed: nothing is asked before the click and the label does not say
 * whether the profile holds the record; the preview says where each value comes from, leaves the
 * status and category to the user and saves an establishment without people; a comparison saves
 * only the values the user chose to take, on the revision it compared, or only the day checked;
 * every save waits for the click to be judged as « Remplir » is (review findings 1, 3, 10a, 10b).
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import type { LabelValue } from '../../lib/dom/label-values';
import { finessMatch, finessSave, type FinessMatch } from '../../lib/overlay/finess';
import type { GuideAction, GuideView, RecordClickVerdict } from '../../lib/overlay/guide-channel';
import { establishmentFromRecord, readFinessRecord, today } from '../../lib/portals/finess-record';
import { sampleEstablishment } from '../../lib/profile/sample';
import type { Establishment } from '../../lib/profile/schema';
import { FinessRecordSection } from './FinessRecordSection';
import { bindFrenchSpaces } from '../../lib/i18n/typography';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const pairs: LabelValue[] = [
  { label: 'Numéro FINESS', value: '750100125' },
  { label: 'FINESS juridique', value: '750712184 - ASSISTANCE PUBLIQUE HOPITAUX DE PARIS' },
  { label: 'Raison sociale', value: 'GROUPE HOSPITALIER PITIE-SALPETRIERE' },
  { label: 'Téléphone', value: '01.42.16.00.00' },
  { label: 'Catégorie', value: '101 - Centre Hospitalier Régional (C.H.R.)' },
  { label: 'Statut juridique', value: '13 - Etablissement Public Régional d’Hospitalisation' },
];

/**
 * The section with the background answering `match` and the content script judging each save
 * click `verdict`; `saved` collects what the background was asked to save, `sent` what the frame sent.
 */
function setup(match: FinessMatch, verdict: RecordClickVerdict = 'ok') {
  const saved: Parameters<typeof finessSave.send>[0][] = [];
  vi.spyOn(finessMatch, 'send').mockResolvedValue(match);
  vi.spyOn(finessSave, 'send').mockImplementation(async (request) => {
    saved.push(request);
    return { id: (request.establishment as Establishment).id, label: (request.establishment as Establishment).label };
  });
  const sent: GuideAction[] = [];
  let record: GuideView['record'];
  let judged: GuideView['recordClick'];
  const view = () => (
    <FinessRecordSection record={record} verdict={judged} send={send} visibleFor={() => null} isTrusted={() => true} />
  );
  function send(action: GuideAction) {
    sent.push(action);
    if (action.type !== 'judgeRecordClick') return;
    judged = { request: action.request, verdict };
    queueMicrotask(() => rendered.rerender(view()));
  }
  const rendered = render(view());
  return {
    user: userEvent.setup(),
    sent,
    saved,
    deliver: (read: GuideView['record']) => {
      record = read;
      rendered.rerender(view());
    },
  };
}

const readButton = () => screen.findByRole('button', { name: 'Lire cette fiche' });

it('creates: one neutral label, nothing asked before the click, each value with its row, status and category chosen by the user', async () => {
  const { user, sent, saved, deliver } = setup({ finess: '750100125', establishment: null });
  const read = await readButton();
  expect(sent).toEqual([]);
  expect(finessMatch.send).not.toHaveBeenCalled();
  await user.click(read);
  expect(sent).toEqual([{ type: 'readRecord' }]);
  deliver({ id: 1, pairs });

  const phone = await screen.findByText('0142160000');
  expect(phone.closest('li')?.textContent).toContain(bindFrenchSpaces('lu sous « Téléphone »'));
  // The page's words are said, never chosen for the user.
  const status = screen.getByRole('combobox', { name: 'Statut' }) as HTMLSelectElement;
  const category = screen.getByRole('combobox', { name: 'Catégorie' }) as HTMLSelectElement;
  expect([status.value, category.value]).toEqual(['', '']);
  expect(screen.getByText(/la fiche dit, sous « Statut juridique » : 13 - Etablissement Public/).textContent).toContain(bindFrenchSpaces('Balise y lit « Public »'));
  await user.click(screen.getByRole('button', { name: 'Enregistrer l’établissement' }));
  expect(saved).toEqual([]);
  expect(sent.filter((action) => action.type === 'judgeRecordClick')).toEqual([]);

  await user.selectOptions(status, 'public');
  await user.selectOptions(category, 'hopital');
  await user.click(screen.getByRole('button', { name: 'Enregistrer l’établissement' }));
  await screen.findByText(/est enregistré dans votre profil, d’après l’annuaire FINESS du/);
  expect(sent.at(-1)).toMatchObject({ type: 'judgeRecordClick', request: expect.any(String), visibleFor: null });
  expect(saved).toHaveLength(1);
  expect(saved[0]!.basedOn).toBe('new');
  expect(saved[0]!.establishment).toMatchObject({ finessEt: '750100125', finessEj: '750712184', phone: '0142160000', status: 'public', category: 'hopital', contacts: [], certificates: [] });
});

it.each([
  ['covered', /recouvert, déplacé ou caché par la page\u00a0: rien n’a été enregistré/],
  ['early', /vient d’apparaître\u00a0: rien n’a été enregistré/],
  ['doubt', /ne peut pas vérifier que vous voyez ce panneau/],
] as const)('saves nothing when the content script judges the click %s', async (verdict, said) => {
  const { user, saved, deliver } = setup({ finess: '750100125', establishment: null }, verdict);
  await user.click(await readButton());
  deliver({ id: 1, pairs });
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Statut' }), 'public');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Catégorie' }), 'hopital');
  await user.click(screen.getByRole('button', { name: 'Enregistrer l’établissement' }));
  expect((await screen.findByRole('alert')).textContent).toMatch(said);
  expect(saved).toEqual([]);
  expect((screen.getByRole('button', { name: 'Enregistrer l’établissement' }) as HTMLButtonElement).disabled).toBe(false);
});

it('sends no save for a click that is not a person’s', async () => {
  vi.spyOn(finessMatch, 'send').mockResolvedValue({ finess: '750100125', establishment: null });
  const sent: GuideAction[] = [];
  const { rerender } = render(<FinessRecordSection record={undefined} send={(action) => sent.push(action)} visibleFor={() => null} isTrusted={() => false} />);
  await userEvent.click(await readButton());
  rerender(<FinessRecordSection record={{ id: 1, pairs }} send={(action) => sent.push(action)} visibleFor={() => null} isTrusted={() => false} />);
  await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Statut' }), 'public');
  await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Catégorie' }), 'hopital');
  await userEvent.click(screen.getByRole('button', { name: 'Enregistrer l’établissement' }));
  expect(sent).toEqual([{ type: 'readRecord' }]);
});

it('compares: the same label before the click, lists the differences and saves only the value taken, on the revision compared', async () => {
  const mine = { ...sampleEstablishment(), updatedAt: '2026-11-01T08:00:00.000Z' };
  const { user, saved, deliver } = setup({ finess: '750100125', establishment: mine, revision: mine.updatedAt });
  await user.click(await readButton());
  deliver({ id: 1, pairs });

  await screen.findByText('2 différences.');
  expect(document.querySelector('section')?.className).toBe('finess-record finess-open');
  const phoneChoice = screen.getByRole('group', { name: bindFrenchSpaces('Téléphone du standard : que garder ?') });
  expect((within(phoneChoice).getByRole('radio', { name: 'Garder la mienne' }) as HTMLInputElement).checked).toBe(true);
  expect(screen.getByText(/Conseil départemental/)).toBeTruthy();
  await user.click(within(phoneChoice).getByRole('radio', { name: 'Prendre la valeur de l’annuaire' }));
  await user.click(screen.getByRole('button', { name: 'Enregistrer mes choix' }));

  await screen.findByText(/1 valeur reprise de l’annuaire/);
  expect(saved[0]!.basedOn).toEqual({ revision: '2026-11-01T08:00:00.000Z' });
  expect(saved[0]!.establishment).toMatchObject({ phone: '0142160000', legalName: mine.legalName, contacts: mine.contacts });
});

it('compares with no difference: the user can still mark the day the record was checked', async () => {
  const read = readFinessRecord(pairs)!;
  const mine = { ...establishmentFromRecord(read, { id: crypto.randomUUID(), status: 'public', category: 'hopital', readOn: '2026-01-05' }), updatedAt: '2026-11-01T08:00:00.000Z' };
  const { user, saved, deliver } = setup({ finess: '750100125', establishment: mine, revision: mine.updatedAt });
  await user.click(await readButton());
  deliver({ id: 1, pairs });

  await screen.findByText('Aucune différence : votre profil dit la même chose que la fiche.');
  expect(document.querySelector('section')?.className).toBe('finess-record finess-open');
  await user.click(screen.getByRole('button', { name: 'Noter la fiche comme vérifiée aujourd’hui' }));
  await screen.findByText(/fiche vérifiée, d’après l’annuaire FINESS du .*Aucune valeur changée/);
  expect(saved).toHaveLength(1);
  expect(saved[0]!.basedOn).toEqual({ revision: '2026-11-01T08:00:00.000Z' });
  expect(saved[0]!.establishment).toEqual({ ...mine, finessReadOn: today() });
});

it('says so when the page shows no FINESS number', async () => {
  const { user, deliver } = setup({ finess: null, establishment: null });
  await user.click(await readButton());
  deliver({ id: 1, pairs: [{ label: 'Raison sociale', value: 'X' }] });
  expect((await screen.findByRole('alert')).textContent).toBe(bindFrenchSpaces('Balise ne trouve pas de numéro FINESS sur cette page : rien n’a été lu.'));
});

it('asks whether the record is a site’s or a legal entity’s when the page has no « FINESS juridique » row', async () => {
  const { user, saved, deliver } = setup({ finess: '750712184', establishment: null });
  await user.click(await readButton());
  deliver({ id: 1, pairs: pairs.filter((pair) => pair.label !== 'FINESS juridique').map((pair) => (pair.label === 'Numéro FINESS' ? { ...pair, value: '750712184' } : pair)) });

  const question = await screen.findByRole('group', { name: /n’a pas de ligne «\u202fFINESS juridique\u202f»/ });
  const go = within(question).getByRole('button', { name: 'Continuer' }) as HTMLButtonElement;
  expect(go.disabled).toBe(true);
  expect(finessMatch.send).not.toHaveBeenCalled();
  await user.click(within(question).getByRole('radio', { name: /une entité juridique/ }));
  await user.click(go);

  await screen.findByText(/d’après la fiche FINESS 750712184 \(entité juridique\)/);
  expect(finessMatch.send).toHaveBeenLastCalledWith({ finess: '750712184', type: 'ej' });
  expect(saved).toEqual([]);
});

it('does not take a verdict the content script still holds from an earlier frame for its own click', async () => {
  vi.spyOn(finessMatch, 'send').mockResolvedValue({ finess: '750100125', establishment: null });
  const save = vi.spyOn(finessSave, 'send');
  const sent: GuideAction[] = [];
  // An « ok » left from a save in a frame since folded and re-created.
  const stale = { request: '1', verdict: 'ok' as const };
  const view = (record?: GuideView['record']) => (
    <FinessRecordSection record={record} verdict={{ ...stale }} send={(action) => sent.push(action)} visibleFor={() => null} isTrusted={() => true} />
  );
  const { rerender } = render(view());
  await userEvent.click(await readButton());
  rerender(view({ id: 1, pairs }));
  await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Statut' }), 'public');
  await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Catégorie' }), 'hopital');
  await userEvent.click(screen.getByRole('button', { name: 'Enregistrer l’établissement' }));
  // Another view arrives before the content script judged this click, still carrying the old verdict.
  rerender(view({ id: 1, pairs }));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(sent.at(-1)?.type).toBe('judgeRecordClick');
  expect(save).not.toHaveBeenCalled();
});
