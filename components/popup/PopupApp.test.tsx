import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { browser } from 'wxt/browser';
import { db } from '../../lib/store/db';
import { sampleEstablishment } from '../../lib/profile/sample';
import { copyOf, readSettings, setMe, writeSetting } from '../../lib/store/profile';
import { PopupApp } from './PopupApp';

const sample = sampleEstablishment();
const other = copyOf(sample, 'Clinique Sud');

beforeEach(async () => {
  await db.delete();
  await db.open();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const setup = () => ({ user: userEvent.setup(), ...render(<PopupApp />) });

it('sends a first-time user straight to the form of a new establishment (newcomer report P11)', async () => {
  const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
  const { user } = setup();
  expect(await screen.findByRole('heading', { name: 'Bienvenue dans Balise' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Créer mon établissement' }));
  expect(create).toHaveBeenCalledExactlyOnceWith({ url: expect.stringMatching(/\/options\.html#new$/) });
});

it('switches the current establishment and remembers it', async () => {
  await db.establishments.bulkPut([sample, other]);
  const { user } = setup();
  const select = await screen.findByRole('combobox', { name: 'Établissement en cours' });
  // Nothing chosen yet: the user is asked, and told why, nothing is picked behind their back.
  expect(select).toHaveProperty('value', '');
  expect(select.getAttribute('aria-describedby')).toBe(screen.getByText('Choisissez l’établissement pour lequel vous travaillez sur ce poste.').id);
  expect(screen.queryByRole('combobox', { name: 'Sur ce poste, je suis…' })).toBeNull();

  // The other establishments are listed once the popup is painted (PopupApp).
  await screen.findByRole('option', { name: 'Clinique Sud' });
  await user.selectOptions(select, 'Clinique Sud');
  await waitFor(async () => expect((await readSettings()).currentEstablishmentId).toBe(other.id));
  await waitFor(() => expect(select).toHaveProperty('value', other.id));
  expect(within(select).queryByText('— Choisir un établissement —')).toBeNull();
});

it('saves who "I" am among the contacts of the current establishment', async () => {
  await db.establishments.bulkPut([sample, other]);
  await writeSetting('currentEstablishmentId', sample.id);
  const { user } = setup();
  const me = await screen.findByRole('combobox', { name: 'Sur ce poste, je suis…' });
  expect(me).toHaveProperty('value', '');
  expect(me.getAttribute('aria-describedby')).toBeTruthy();

  const [first, second] = sample.contacts;
  await user.selectOptions(me, second!.id);
  await waitFor(async () => expect((await readSettings()).me).toEqual({ [sample.id]: second!.id }));
  expect(screen.getByRole('option', { name: new RegExp(`^${first!.firstName} ${first!.lastName}`) })).toBeTruthy();

  // Each establishment has its own "me": switching shows the other one's choice.
  await setMe(other.id, other.contacts[0]!.id);
  // The other establishments are listed once the popup is painted (PopupApp).
  await screen.findByRole('option', { name: 'Clinique Sud' });
  await user.selectOptions(screen.getByRole('combobox', { name: 'Établissement en cours' }), other.id);
  await waitFor(() =>
    expect(screen.getByRole('combobox', { name: 'Sur ce poste, je suis…' })).toHaveProperty('value', other.contacts[0]!.id),
  );
});

it('keeps « Je ne figure pas dans la liste » apart from « not said yet » (newcomer report P1)', async () => {
  await db.establishments.put(sample);
  await writeSetting('currentEstablishmentId', sample.id);
  const { user } = setup();
  const me = await screen.findByRole('combobox', { name: 'Sur ce poste, je suis…' });
  expect(within(me).getByRole('option', { name: '— Choisir qui vous êtes —' })).toBeTruthy();

  await user.selectOptions(me, '— Je ne figure pas dans la liste —');
  await waitFor(async () => expect((await readSettings()).me).toEqual({ [sample.id]: null }));
  // Said: the « not said yet » line goes, and the choice shows again on the next opening.
  await waitFor(() => expect(within(me).queryByRole('option', { name: '— Choisir qui vous êtes —' })).toBeNull());
  expect(me).toHaveProperty('selectedOptions.0.textContent', '— Je ne figure pas dans la liste —');
});

it('opens the options page to manage establishments', async () => {
  await db.establishments.put(sample);
  const openOptionsPage = vi.spyOn(browser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
  const { user } = setup();
  await user.click(await screen.findByRole('button', { name: 'Gérer les établissements' }));
  expect(openOptionsPage).toHaveBeenCalledOnce();
});
