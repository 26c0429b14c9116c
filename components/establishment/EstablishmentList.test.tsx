import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EstablishmentList, PAGE_SIZE, type EstablishmentSummary } from './EstablishmentList';
import { bindFrenchSpaces } from '../../lib/i18n/typography';

/** `Établissement 001` … : zero-padded, so that the French order is the order of creation. */
const many = (count: number): EstablishmentSummary[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `id-${i + 1}`,
    label: `Établissement ${String(i + 1).padStart(3, '0')}`,
    legalName: `Centre hospitalier n° ${i + 1}`,
    finessEt: `31000${String(i + 1).padStart(4, '0')}`,
    status: 'public',
  }));

const noop = () => {};
const setup = (establishments: readonly EstablishmentSummary[]) => ({
  user: userEvent.setup({ delay: null }),
  ...render(
    <EstablishmentList
      establishments={establishments}
      currentId={undefined}
      onCreate={noop}
      onOpen={noop}
      onDuplicate={noop}
      onDelete={noop}
    />,
  ),
});

/** Types into the filter at once: one keystroke per render would only slow the test down. */
async function search(user: ReturnType<typeof userEvent.setup>, text: string) {
  const filter = screen.getByRole('searchbox', { name: 'Rechercher un établissement' });
  await user.clear(filter);
  await user.click(filter);
  await user.paste(text);
}

const rowLabels = () => screen.queryAllByRole('rowheader').map((th) => th.textContent);
const count = () => document.querySelector('[aria-live="polite"]')?.textContent;

it('draws the rows a screen holds first, the rest of the page once painted, and counts the page from the start', async () => {
  setup(many(120));
  expect(rowLabels()).toHaveLength(15);
  expect(count()).toBe(bindFrenchSpaces('Établissements affichés : 50 sur 120'));
  await waitFor(() => expect(rowLabels()).toHaveLength(PAGE_SIZE));
  expect(rowLabels().at(-1)).toBe('Établissement 050');
  expect(count()).toBe(bindFrenchSpaces('Établissements affichés : 50 sur 120'));
});

it('shows 50 of 120 establishments, then the next 50, then the last 20, telling how many are shown', async () => {
  const { user } = setup(many(120).reverse());
  await waitFor(() => expect(rowLabels()).toHaveLength(PAGE_SIZE));
  expect(rowLabels()[0]).toBe('Établissement 001');
  expect(count()).toBe(bindFrenchSpaces('Établissements affichés : 50 sur 120'));

  await user.click(screen.getByRole('button', { name: 'Afficher la suite (50)' }));
  expect(rowLabels()).toHaveLength(100);
  expect(count()).toBe(bindFrenchSpaces('Établissements affichés : 100 sur 120'));
  // The focus goes to the first row added, from which the user reads on.
  expect([document.activeElement?.localName, document.activeElement?.textContent]).toEqual(['th', 'Établissement 051']);

  await user.click(screen.getByRole('button', { name: 'Afficher la suite (20)' }));
  expect(rowLabels()).toHaveLength(120);
  expect(rowLabels().at(-1)).toBe('Établissement 120');
  expect(count()).toBe(bindFrenchSpaces('Établissements affichés : 120 sur 120'));
  expect(screen.queryByRole('button', { name: /Afficher les/ })).toBeNull();
  expect([document.activeElement?.localName, document.activeElement?.textContent]).toEqual(['th', 'Établissement 101']);
});

it('finds an establishment by its FINESS, with or without spaces, even beyond the first page', async () => {
  const { user } = setup(many(120));
  await search(user, '310 000 117');
  expect(rowLabels()).toEqual(['Établissement 117']);
  expect(count()).toBe('1 établissement trouvé sur 120');
  expect(within(screen.getByRole('group', { name: bindFrenchSpaces('Actions pour « Établissement 117 »') })).getByRole('button', { name: 'Modifier' })).toBeTruthy();
});

it('finds establishments by label or legal name, whatever the case and accents, and says when none matches', async () => {
  const establishments = [
    ...many(60),
    { id: 'sj', label: 'EHPAD Saint-Jean', legalName: 'Résidence Saint-Jean', finessEj: '2A0000011', status: 'private' as const },
  ];
  const { user } = setup(establishments);

  await search(user, 'residence');
  expect(rowLabels()).toEqual(['EHPAD Saint-Jean']);
  await search(user, 'etablissement 0');
  expect(rowLabels()).toHaveLength(PAGE_SIZE);
  expect(count()).toBe('60 établissements trouvés sur 61, 50 affichés');
  await search(user, '2a00');
  expect(rowLabels()).toEqual(['EHPAD Saint-Jean']);

  await search(user, 'Clinique du Lac');
  expect(screen.queryByRole('table')).toBeNull();
  expect(count()).toBe(bindFrenchSpaces('Aucun établissement ne correspond à « Clinique du Lac ».'));

  // Clearing the filter starts again from the first page.
  await user.clear(screen.getByRole('searchbox'));
  expect(rowLabels()).toHaveLength(PAGE_SIZE);
  expect(count()).toBe(bindFrenchSpaces('Établissements affichés : 50 sur 61'));
});

it('starts a new filter from its first page', async () => {
  const { user } = setup(many(120));
  await waitFor(() => expect(rowLabels()).toHaveLength(PAGE_SIZE));
  await user.click(screen.getByRole('button', { name: 'Afficher la suite (50)' }));
  expect(rowLabels()).toHaveLength(100);
  await search(user, 'Centre');
  expect(rowLabels()).toHaveLength(PAGE_SIZE);
  expect(count()).toBe('120 établissements trouvés sur 120, 50 affichés');
});

it('sorts in French order and keeps a short list plain: no filter, no count', () => {
  setup([
    { id: 'b', label: 'Équipe mobile', legalName: 'B', status: 'public' },
    { id: 'c', label: 'Foyer', legalName: 'C', status: 'public' },
    { id: 'a', label: 'clinique', legalName: 'A', status: 'private', managed: true },
  ]);
  expect(rowLabels()).toEqual(['cliniquegéré par votre DSI', 'Équipe mobile', 'Foyer']);
  expect(screen.queryByRole('searchbox')).toBeNull();
  expect(count()).toBeUndefined();
  expect(screen.queryByRole('button', { name: /Afficher les/ })).toBeNull();
});

describe('each FINESS number opens its record in the annuaire FINESS (issue 16)', () => {
  it('links the EJ and the ET to their records, and shows the day the profile was compared with the directory', () => {
    setup([{ id: 'a', label: 'Pitié', legalName: 'AP-HP', finessEj: '750712184', finessEt: '750100125', status: 'public', finessReadOn: '2026-11-30' }]);
    const record = 'https://finess.esante.gouv.fr/fininter/jsp/actionDetailEtablissement.do?noFiness=';
    const ej = screen.getByRole('link', { name: 'Fiche FINESS EJ 750712184 dans l’annuaire (nouvel onglet)' });
    const et = screen.getByRole('link', { name: 'Fiche FINESS ET 750100125 dans l’annuaire (nouvel onglet)' });
    expect([ej.getAttribute('href'), et.getAttribute('href')]).toEqual([`${record}750712184`, `${record}750100125`]);
    expect(et.getAttribute('target')).toBe('_blank');
    expect(screen.getByText('d’après l’annuaire FINESS du 30/11/2026')).toBeTruthy();
  });
});
