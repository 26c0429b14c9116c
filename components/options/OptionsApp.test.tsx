import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../lib/store/db';
import { shownValue } from '../../lib/profile/identifiers';
import { sampleEstablishment } from '../../lib/profile/sample';
import { readSettings } from '../../lib/store/profile';
import { editingKey } from '../../lib/store/storage';
import { syncReminders } from '../../lib/procedures/reminders';
import { remindersReplanned } from '../../test/reminders-watch';
import { OptionsApp } from './OptionsApp';
import { bindFrenchSpaces } from '../../lib/i18n/typography';

vi.mock('../../lib/procedures/reminders', async (original) => (await import('../../test/reminders-watch')).watchReplans(original));

const sample = sampleEstablishment();

beforeEach(async () => {
  await db.delete();
  await db.open();
  sessionStorage.clear();
});

const setup = () => ({ user: userEvent.setup({ delay: null }), ...render(<OptionsApp />) });
const rowActions = (label: string) => screen.findByRole('group', { name: bindFrenchSpaces(`Actions pour « ${label} »`) });

it('guides a first-time user to create an establishment, which becomes the current one', async () => {
  const { user } = setup();
  expect(await screen.findByRole('heading', { name: 'Aucun établissement pour l’instant' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Créer mon établissement' }));
  expect(await screen.findByRole('heading', { name: 'Nouvel établissement' })).toBeTruthy();

  await user.click(screen.getByRole('textbox', { name: 'Libellé court' }));
  await user.paste('CH Nord');
  await user.click(screen.getByRole('textbox', { name: 'Raison sociale (dénomination)' }));
  await user.paste('Centre hospitalier du Nord');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Statut' }), 'private');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Catégorie' }), 'clinique');
  await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe(bindFrenchSpaces('Établissement « CH Nord » enregistré.')));
  const [saved] = await db.establishments.toArray();
  await waitFor(async () => expect((await readSettings()).currentEstablishmentId).toBe(saved!.id));
  await remindersReplanned(syncReminders);

  await user.click(screen.getByRole('button', { name: /Retour à la liste/ }));
  const row = (await screen.findByRole('rowheader', { name: /CH Nord/ })).closest('tr')!;
  expect(within(row).getByText('utilisé sur ce poste')).toBeTruthy();
  expect(within(row).getByText('Privé')).toBeTruthy();
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Établissements' }));
});

it('asks before deleting, naming the establishment; Escape keeps it', async () => {
  await db.establishments.put(sample);
  const { user } = setup();
  const deleteButton = within(await rowActions(sample.label)).getByRole('button', {
    name: 'Supprimer',
  });

  await user.click(deleteButton);
  const dialog = screen.getByRole('alertdialog', { name: bindFrenchSpaces(`Supprimer « ${sample.label} » ?`) });
  expect(dialog.textContent).toContain('Cette action est définitive');
  expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Annuler' }));
  // Focus stays in the dialog.
  await user.tab();
  expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Supprimer' }));
  await user.tab();
  expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Annuler' }));
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(document.activeElement).toBe(deleteButton);
  expect(await db.establishments.count()).toBe(1);

  await user.click(deleteButton);
  await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Supprimer' }));
  await waitFor(async () => expect(await db.establishments.count()).toBe(0));
  expect(await screen.findByRole('heading', { name: 'Aucun établissement pour l’instant' })).toBeTruthy();
  expect(screen.getByRole('status').textContent).toBe(bindFrenchSpaces(`Établissement « ${sample.label} » supprimé.`));
  await remindersReplanned(syncReminders);
});

it('duplicates an establishment as an unsaved copy without its own identifiers, stored on « Enregistrer » (issue 18, N7)', async () => {
  await db.establishments.put(sample);
  const { user } = setup();
  await user.click(within(await rowActions(sample.label)).getByRole('button', { name: 'Dupliquer' }));
  expect(await screen.findByRole('heading', { name: bindFrenchSpaces(`Copie de « ${sample.label} », pas encore enregistrée`) })).toBeTruthy();
  expect(screen.getByRole('status').textContent).toBe(bindFrenchSpaces(`Copie de « ${sample.label} » ouverte : rien n’est enregistré avant « Enregistrer ».`));
  expect(screen.getByRole('textbox', { name: 'Libellé court' })).toHaveProperty('value', `Copie de ${sample.label}`);
  // The establishment's own identifiers are to type; the legal entity's and the rest are kept.
  expect(screen.getByRole('textbox', { name: /^FINESS géographique/ })).toHaveProperty('value', '');
  expect(screen.getByRole('textbox', { name: /^SIRET/ })).toHaveProperty('value', '');
  expect(screen.getByRole('textbox', { name: /^FINESS juridique/ })).toHaveProperty('value', sample.finessEj);
  expect(screen.getByRole('textbox', { name: /^Raison sociale/ })).toHaveProperty('value', sample.legalName);
  const copyId = sessionStorage.getItem(editingKey)!;
  expect(copyId).not.toBe(sample.id);
  expect(await db.establishments.count()).toBe(1);

  await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe(bindFrenchSpaces(`Établissement « Copie de ${sample.label} » enregistré.`)));
  const copy = await db.establishments.get(copyId);
  expect(copy).toMatchObject({ label: `Copie de ${sample.label}`, legalName: sample.legalName, finessEj: sample.finessEj });
  expect([copy?.finessEt, copy?.siret]).toEqual([undefined, undefined]);
  expect(await screen.findByRole('heading', { name: bindFrenchSpaces(`Modifier « Copie de ${sample.label} »`) })).toBeTruthy();
  // The save re-plans the reminders: awaited here, not left to land after the test.
  await remindersReplanned(syncReminders);
});

it('keeps an unsaved copy across a reload, and stores nothing when it is closed', async () => {
  await db.establishments.put(sample);
  const first = setup();
  await first.user.click(within(await rowActions(sample.label)).getByRole('button', { name: 'Dupliquer' }));
  const heading = bindFrenchSpaces(`Copie de « ${sample.label} », pas encore enregistrée`);
  await screen.findByRole('heading', { name: heading });
  first.unmount();

  const { user } = setup();
  expect(await screen.findByRole('heading', { name: heading })).toBeTruthy();
  expect(screen.queryByText(/Brouillon restauré/)).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Fermer' }));
  await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Abandonner les modifications' }));
  expect(await screen.findByRole('heading', { name: 'Établissements' })).toBeTruthy();
  expect(await db.establishments.count()).toBe(1);
});

it('reopens the establishment that was being edited after a reload', async () => {
  await db.establishments.put(sample);
  sessionStorage.setItem(editingKey, sample.id);
  setup();
  expect(await screen.findByRole('heading', { name: bindFrenchSpaces(`Modifier « ${sample.label} »`) })).toBeTruthy();
  expect(screen.getByRole('textbox', { name: 'SIRET' })).toHaveProperty('value', shownValue('siret', sample.siret!));
});

it('shows establishments pushed by the DSI read-only, without delete', async () => {
  await db.establishments.put({ ...sample, managed: true } as typeof sample);
  const { user } = setup();
  const actions = await rowActions(sample.label);
  expect(screen.getByText('géré par votre DSI')).toBeTruthy();
  expect(within(actions).queryByRole('button', { name: 'Supprimer' })).toBeNull();
  await user.click(within(actions).getByRole('button', { name: 'Consulter' }));
  expect(await screen.findByRole('heading', { name: /Consulter «\u202f/ })).toBeTruthy();
  expect(screen.getByRole('textbox', { name: 'SIRET' })).toHaveProperty('disabled', true);
});

it('opens the establishment and focuses the field a deep link names', async () => {
  await db.establishments.put(sample);
  location.hash = `#establishment=${sample.id}&field=mailDomain`;
  try {
    setup();
    const field = await screen.findByRole('textbox', { name: /Nom de domaine de messagerie/ });
    await waitFor(() => expect(document.activeElement).toBe(field));
  } finally {
    location.hash = '';
  }
});

it('opens the form of a new establishment at #new, and a reload keeps that one (newcomer report P11)', async () => {
  await db.establishments.put(sample);
  location.hash = '#new';
  try {
    const first = setup();
    expect(await screen.findByRole('heading', { name: 'Nouvel établissement' })).toBeTruthy();
    // The hash is used up: a reload reopens this draft, not yet another new establishment.
    expect(location.hash).toBe('');
    const id = sessionStorage.getItem(editingKey);
    first.unmount();
    setup();
    expect(await screen.findByRole('heading', { name: 'Nouvel établissement' })).toBeTruthy();
    expect(sessionStorage.getItem(editingKey)).toBe(id);
  } finally {
    location.hash = '';
  }
});

it('shows the first 50 of 60 establishments, then finds and opens one beyond them', async () => {
  await db.establishments.bulkPut(
    Array.from({ length: 60 }, (_, i) => ({
      ...sample,
      id: `id-${i + 1}`,
      label: `Site ${String(i + 1).padStart(2, '0')}`,
      finessEt: `31000${String(i + 1).padStart(4, '0')}`,
    })),
  );
  const { user } = setup();
  await waitFor(() => expect(screen.getByText('Établissements affichés : 50 sur 60')).toBeTruthy());
  // The rows below the fold follow the first paint (EstablishmentList).
  await waitFor(() => expect(screen.getAllByRole('rowheader')).toHaveLength(50));
  expect(screen.getAllByRole('rowheader')[0]!.textContent).toBe('Site 01');
  // One primary action on the screen, not one per row (third walk, NEW-11).
  const quiet = ['button--secondary', 'button--tertiary'];
  const primary = screen.getAllByRole('button').filter((button) => !quiet.some((name) => button.classList.contains(name)));
  expect(primary.map((button) => button.textContent)).toEqual(['Nouvel établissement']);

  await user.click(screen.getByRole('searchbox', { name: 'Rechercher un établissement' }));
  await user.paste('310000055');
  await waitFor(() => expect(screen.getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['Site 55']));
  await user.click(within(await rowActions('Site 55')).getByRole('button', { name: 'Modifier' }));
  expect(await screen.findByRole('heading', { name: bindFrenchSpaces('Modifier « Site 55 »') })).toBeTruthy();
  expect(screen.getByRole('textbox', { name: 'SIRET' })).toHaveProperty('value', shownValue('siret', sample.siret!));
});
