import { render, screen } from '@testing-library/react';
import Dexie from 'dexie';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { db } from '../../lib/store/db';
import { OptionsApp } from '../options/OptionsApp';
import { PopupApp } from '../popup/PopupApp';
import { SidePanelApp } from '../procedures/SidePanelApp';
import { ErrorBoundary } from './ErrorBoundary';
import { bindFrenchSpaces } from '../../lib/i18n/typography';

const unavailable =
  "Le stockage de Balise dans le navigateur n’a pas pu être ouvert (navigation privée, profil du navigateur endommagé ou disque plein). Rien n’a été effacé.";

beforeEach(async () => {
  await fakeBrowser.windows.create({ focused: true });
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.open();
});

describe('when the database cannot open (corrupt store, private mode)', () => {
  it.each([
    ['options page', OptionsApp],
    ['popup', PopupApp],
    ['side panel', SidePanelApp],
  ])('the %s says so in French instead of loading forever', async (_page, App) => {
    db.close();
    vi.spyOn(db, 'open').mockRejectedValue(new Dexie.OpenFailedError('UnknownError: Internal error opening backing store'));
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Balise ne peut pas afficher cette page');
    expect(alert.textContent).toContain(unavailable);
    expect(alert.textContent).toContain('Ce que vous étiez en train de saisir reste gardé dans cet onglet');
    expect(screen.getByRole('button', { name: 'Recharger la page' })).toBeTruthy();
  });
});

it('shows a render failure instead of a blank page', () => {
  const Broken = () => {
    throw new TypeError('boom');
  };
  render(
    <ErrorBoundary>
      <Broken />
    </ErrorBoundary>,
  );
  expect(screen.getByRole('alert').textContent).toContain(bindFrenchSpaces("Une erreur inattendue s’est produite ; rien n’a été effacé."));
  expect(screen.getByRole('alert').textContent).toContain(bindFrenchSpaces('Détail technique : TypeError: boom'));
});
