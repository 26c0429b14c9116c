/**
 * « Créer l’établissement depuis cette fiche » / « Comparer avec mon profil » in the guide frame
 * (issue 16), the background's answers stubbed: the record is asked for only on the click, the
 * preview says where each value comes from and saves an establishment without people, and a
 * comparison saves only the values the user chose to take, on the revision it compared.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import type { LabelValue } from '../../lib/dom/label-values';
import { finessMatch, finessSave, type FinessMatch } from '../../lib/overlay/finess';
import type { GuideAction, GuideView } from '../../lib/overlay/guide-channel';
import { sampleEstablishment } from '../../lib/profile/sample';
import type { Establishment } from '../../lib/profile/schema';
import { FinessRecordSection } from './FinessRecordSection';

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

/** The section with the background answering `match`; `saved` collects what it was asked to save. */
function setup(match: FinessMatch) {
  const saved: Parameters<typeof finessSave.send>[0][] = [];
  vi.spyOn(finessMatch, 'send').mockResolvedValue(match);
  vi.spyOn(finessSave, 'send').mockImplementation(async (request) => {
    saved.push(request);
    return { id: (request.establishment as Establishment).id, label: (request.establishment as Establishment).label };
  });
  const sent: GuideAction[] = [];
  const view = (record?: GuideView['record']) => <FinessRecordSection record={record} send={(action) => sent.push(action)} />;
  const rendered = render(view());
  return { user: userEvent.setup(), sent, saved, deliver: (record: GuideView['record']) => rendered.rerender(view(record)) };
}

it('creates: reads the record only on the click, previews each value with its row, saves without any person', async () => {
  const { user, sent, saved, deliver } = setup({ finess: '750100125', establishment: null });
  const create = await screen.findByRole('button', { name: 'Créer l’établissement depuis cette fiche' });
  expect(sent).toEqual([]);
  await user.click(create);
  expect(sent).toEqual([{ type: 'readRecord' }]);
  deliver({ id: 1, pairs });

  const phone = await screen.findByText('0142160000');
  expect(phone.closest('li')?.textContent).toContain('lu sous « Téléphone »');
  expect((screen.getByRole('combobox', { name: 'Statut' }) as HTMLSelectElement).value).toBe('public');
  expect((screen.getByRole('combobox', { name: 'Catégorie' }) as HTMLSelectElement).value).toBe('hopital');
  await user.click(screen.getByRole('button', { name: 'Enregistrer l’établissement' }));

  await screen.findByText(/est enregistré dans votre profil, d’après l’annuaire FINESS du/);
  expect(saved).toHaveLength(1);
  expect(saved[0]!.basedOn).toBe('new');
  expect(saved[0]!.establishment).toMatchObject({ finessEt: '750100125', finessEj: '750712184', phone: '0142160000', status: 'public', category: 'hopital', contacts: [], certificates: [] });
});

it('compares: lists the differences and saves only the value taken, on the revision compared', async () => {
  const mine = { ...sampleEstablishment(), updatedAt: '2026-11-01T08:00:00.000Z' };
  const { user, saved, deliver } = setup({ finess: '750100125', establishment: mine, revision: mine.updatedAt });
  await user.click(await screen.findByRole('button', { name: 'Comparer avec mon profil' }));
  deliver({ id: 1, pairs });

  await screen.findByText('2 différence(s).');
  const phoneChoice = screen.getByRole('group', { name: 'Téléphone du standard : que garder ?' });
  expect((within(phoneChoice).getByRole('radio', { name: 'Garder la mienne' }) as HTMLInputElement).checked).toBe(true);
  expect(screen.getByText(/Conseil départemental/)).toBeTruthy();
  await user.click(within(phoneChoice).getByRole('radio', { name: 'Prendre la valeur de l’annuaire' }));
  await user.click(screen.getByRole('button', { name: 'Enregistrer mes choix' }));

  await screen.findByText(/1 valeur\(s\) reprise\(s\)/);
  expect(saved[0]!.basedOn).toEqual({ revision: '2026-11-01T08:00:00.000Z' });
  expect(saved[0]!.establishment).toMatchObject({ phone: '0142160000', legalName: mine.legalName, contacts: mine.contacts });
});

it('says so when the page shows no FINESS number', async () => {
  const { user, deliver } = setup({ finess: null, establishment: null });
  await user.click(await screen.findByRole('button', { name: 'Créer l’établissement depuis cette fiche' }));
  deliver({ id: 1, pairs: [{ label: 'Raison sociale', value: 'X' }] });
  expect((await screen.findByRole('alert')).textContent).toBe('Balise ne trouve pas de numéro FINESS sur cette page : rien n’a été lu.');
});

it('asks whether the record is a site’s or a legal entity’s when the page has no « FINESS juridique » row', async () => {
  const { user, saved, deliver } = setup({ finess: '750712184', establishment: null });
  await user.click(await screen.findByRole('button', { name: 'Créer l’établissement depuis cette fiche' }));
  deliver({ id: 1, pairs: pairs.filter((pair) => pair.label !== 'FINESS juridique').map((pair) => (pair.label === 'Numéro FINESS' ? { ...pair, value: '750712184' } : pair)) });

  const question = await screen.findByRole('group', { name: /n’a pas de ligne « FINESS juridique »/ });
  const go = within(question).getByRole('button', { name: 'Continuer' }) as HTMLButtonElement;
  expect(go.disabled).toBe(true);
  expect(finessMatch.send).toHaveBeenCalledTimes(1);
  await user.click(within(question).getByRole('radio', { name: /une entité juridique/ }));
  await user.click(go);

  await screen.findByText(/d’après la fiche FINESS 750712184 \(entité juridique\)/);
  expect(finessMatch.send).toHaveBeenLastCalledWith({ finess: '750712184', type: 'ej' });
  expect(saved).toEqual([]);
});
