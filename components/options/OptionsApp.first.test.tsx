import { render, screen, waitFor, within } from '@testing-library/react';
import { sampleEstablishment } from '../../lib/profile/sample';
import { db } from '../../lib/store/db';
import { readFirstScreen } from '../../lib/store/firstScreen';
import { saveEstablishment, writeSetting } from '../../lib/store/profile';
import { PopupApp } from '../popup/PopupApp';
import { preloadTransferDialogs } from '../transfer/TransferActions';
import { OptionsApp } from './OptionsApp';

vi.setConfig({ testTimeout: 20_000 });

const sample = sampleEstablishment();
const other = { ...sampleEstablishment(), id: crypto.randomUUID(), label: 'EHPAD Les Tilleuls' };

beforeEach(async () => {
  await db.delete();
  await db.open();
  sessionStorage.clear();
  await db.establishments.put(sample);
  await writeSetting('currentEstablishmentId', sample.id);
});

describe('the first screen, drawn from the read started before the page code', () => {
  it('options: the list is in the first render, then follows the database', async () => {
    const first = await readFirstScreen();
    const { unmount } = render(<OptionsApp first={first} />);
    // No wait: nothing was read through Dexie yet.
    expect(screen.getByRole('rowheader', { name: (name) => name.startsWith(sample.label) }).textContent).toContain('utilisé sur ce poste');

    await saveEstablishment(other);
    expect(await screen.findByRole('rowheader', { name: (name) => name.startsWith(other.label) })).toBeTruthy();
    // The code the page fetches after its first paint arrives before the test ends: under load it
    // outlived the file and failed to load once the environment was gone.
    await Promise.all([import('./EditorPane'), import('../../lib/store/profile'), preloadTransferDialogs()]);
    unmount();
  });

  it('popup: the choices are in the first render, then follow the database', async () => {
    const first = await readFirstScreen((settings) => [settings.currentEstablishmentId!]);
    const { unmount } = render(<PopupApp first={first} />);
    const establishment = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Établissement en cours' });
    expect(establishment.value).toBe(sample.id);
    expect(screen.getByRole('combobox', { name: 'Sur ce poste, je suis…' })).toBeTruthy();

    await saveEstablishment(other);
    expect(await screen.findByRole('option', { name: other.label })).toBeTruthy();
    unmount();
  });

  it('popup: the closed list of establishments holds its choice alone until the first paint, then every one', async () => {
    await db.establishments.put(other);
    const first = await readFirstScreen((settings) => [settings.currentEstablishmentId!]);
    const { unmount } = render(<PopupApp first={first} />);
    const establishment = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Établissement en cours' });
    const options = () => within(establishment).getAllByRole('option').map((option) => option.textContent);
    expect(options()).toEqual([sample.label]);
    await waitFor(() => expect(options()).toEqual([other.label, sample.label].sort((a, b) => a.localeCompare(b, 'fr'))));
    expect(establishment.value).toBe(sample.id);
    unmount();
  });
});
