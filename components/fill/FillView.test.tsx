/** What the fill view says of each line: before (a field an earlier line opens) and after (what the page kept). */
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fillEstablishments, openOptions } from '../../lib/autofill/messages';
import { GuidePlace } from '../guide/DockChoice';
import { FillView, type FillViewProps } from './FillView';
import { bindFrenchSpaces } from '../../lib/i18n/typography';

afterEach(cleanup);
const noop = () => {};
type Preview = Extract<FillViewProps['view'], { state: 'preview' }>;
/** A preview of these lines, for one establishment, with nothing asked, on a page with something to fill. */
const preview = (lines: Preview['lines'], more: Partial<Preview> = {}): Preview => ({
  state: 'preview',
  revision: 1,
  several: false,
  chooseEstablishment: false,
  fillsNothing: false,
  questions: [],
  persons: {},
  leftOut: [],
  busy: false,
  lines,
  ...more,
});
const goButton = () => screen.getByRole('button', { name: 'Remplir cette page' }) as HTMLButtonElement;

it('after the fill, each line says what the page kept: kept, refused (the field is shown), or skipped and why', () => {
  render(
    <FillView
      view={{ state: 'done', filled: [{ label: 'Courriel', value: 'a@b.fr' }], skipped: [{ label: 'Téléphone', value: '01 40 27 50 00', reason: 'rejected' }, { label: 'Mot de passe', value: '', reason: 'secret' }], portalDefaults: [] }}
      send={noop}
      visibleFor={() => null}
    />,
  );
  const lines = screen.getAllByRole('listitem').map((item) => item.textContent);
  expect(lines).toEqual([
    'Courrielrempli ✓',
    bindFrenchSpaces('Téléphonevaleur refusée par la page : le champ est encadré en orange, saisissez-le vous-même'),
    bindFrenchSpaces('Mot de passesecret : Balise ne le remplit jamais'),
  ]);
});

it('a preview with nothing ticked greys « Remplir cette page » and says why beside it', () => {
  const line = { id: 0, label: 'Nom', value: '', action: 'type' as const, ticked: false, skipped: 'notListed' as const };
  render(
    <FillView
      view={preview([line])}
      send={noop}
      visibleFor={() => null}
    />,
  );
  expect(goButton().disabled).toBe(true);
  expect(goButton().getAttribute('aria-describedby')).toBe('balise-fill-none-ticked');
  expect(document.getElementById('balise-fill-none-ticked')?.textContent).toBe(bindFrenchSpaces('Aucune case cochée : rien à remplir. Chaque ligne dit pourquoi ; cochez celles à remplir.'));
});

describe('a preview line’s « Pas le bon champ ? »', () => {
  const view = (teach?: { signature: string; request: number }) =>
    preview(
      [
        { id: 0, label: 'Ville', value: 'Paris', action: 'type', ticked: true, signature: 'ville' },
        { id: 1, label: 'Courriel', value: 'a@b.fr', action: 'type', ticked: true, signature: 'courriel' },
      ],
      teach ? { teach } : {},
    );
  const wrongField = (label: string) => screen.getByRole('button', { name: bindFrenchSpaces(`Pas le bon champ ? (${label})`) });

  it('folds « Ce champ est : … » until asked, for that line only, from the keyboard; the list then has the focus', async () => {
    render(<FillView view={view()} send={noop} visibleFor={() => null} />);
    expect(screen.queryAllByRole('combobox')).toEqual([]);
    expect(wrongField('Ville').getAttribute('aria-expanded')).toBe('false');
    expect(wrongField('Ville').textContent).toBe(bindFrenchSpaces('Pas le bon champ ?'));

    // The list of lines, then the first line's box, then its « Pas le bon champ ? ».
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('list', { name: bindFrenchSpaces('Balise remplira les champs cochés :') }));
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement).toBe(wrongField('Ville'));
    await userEvent.keyboard('{Enter}');
    expect(wrongField('Ville').getAttribute('aria-expanded')).toBe('true');
    const picker = screen.getByRole('combobox', { name: bindFrenchSpaces('Ce champ est : … (Ville)') });
    expect(document.activeElement).toBe(picker);
    expect(wrongField('Ville').getAttribute('aria-controls')).toBe(picker.id);
    expect(wrongField('Courriel').getAttribute('aria-expanded')).toBe('false');
    expect(screen.getAllByRole('combobox')).toHaveLength(1);

    await userEvent.click(wrongField('Ville'));
    expect(screen.queryAllByRole('combobox')).toEqual([]);
  });

  it('opens for the field the user asked about from the page’s « Balise : ce champ est… », with the focus in its list', () => {
    const { rerender } = render(<FillView view={view()} send={noop} visibleFor={() => null} />);
    rerender(<FillView view={view({ signature: 'courriel', request: 1 })} send={noop} visibleFor={() => null} />);
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: bindFrenchSpaces('Ce champ est : … (Courriel)') }));
    expect(wrongField('Courriel').getAttribute('aria-expanded')).toBe('true');
    expect(wrongField('Ville').getAttribute('aria-expanded')).toBe('false');
  });
});

describe('a page with nothing to fill', () => {
  const listed = vi.spyOn(fillEstablishments, 'send').mockResolvedValue({
    establishments: [
      { id: 'e1', label: 'CH du Lauragais' },
      { id: 'e2', label: 'EHPAD Les Tilleuls' },
    ],
    chosenId: null,
  });
  afterEach(() => listed.mockClear());

  it('says so, asks no establishment even with several and none chosen, and has no greyed button to puzzle over', () => {
    render(<FillView view={preview([], { several: true, fillsNothing: true })} send={noop} visibleFor={() => null} />);
    expect(screen.getByText('Aucun champ à remplir sur cette page.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Remplir cette page' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Actualiser l’aperçu' })).toBeTruthy();
    // The picker asks the background for the list, then asks the question: it is not even drawn.
    expect(listed).not.toHaveBeenCalled();
    expect(screen.queryAllByRole('combobox')).toEqual([]);
  });

  it('with something to fill, several establishments and none chosen, asks which one', async () => {
    render(<FillView view={preview([], { several: true, chooseEstablishment: true })} send={noop} visibleFor={() => null} />);
    expect(await screen.findByRole('combobox', { name: bindFrenchSpaces('Plusieurs établissements : lequel remplir ?') })).toBeTruthy();
    expect(screen.queryByText('Aucun champ à remplir sur cette page.')).toBeNull();
  });

  it('whose every field is left by rule says « Rien à remplir ici », each field with its reason, and nothing to tick or press', () => {
    const upn = { id: 0, label: 'UPN', value: '', action: 'type' as const, ticked: false, skipped: 'leaveEmpty' as const };
    render(<FillView view={preview([upn], { fillsNothing: true })} send={noop} visibleFor={() => null} />);
    expect(screen.getByText('Rien à remplir ici : ces champs restent tels quels.')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['UPNà laisser vide, selon la démarche']);
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Remplir cette page' })).toBeNull();
    expect(screen.queryByText(/Aucune case cochée/)).toBeNull();
  });
});

it('the preview keeps a field disabled now after a line that opens it, and says so', () => {
  render(
    <FillView
      view={preview([
        { id: 0, label: 'Courriel', value: 'camille.durand@ch-lauragais.fr', action: 'type', ticked: true },
        { id: 1, label: 'Confirmation du courriel', value: 'camille.durand@ch-lauragais.fr', action: 'type', ticked: true, enabledLater: true },
      ])}
      send={noop}
      visibleFor={() => null}
    />,
  );
  const confirmation = screen.getAllByRole('listitem')[1]!;
  expect(confirmation.textContent).toContain('après le champ précédent');
  expect((confirmation.querySelector('input[type=checkbox]') as HTMLInputElement).checked).toBe(true);
});

describe('what is left by hand, and the link that fixes it', () => {
  const opened = vi.spyOn(openOptions, 'send').mockResolvedValue(undefined);
  afterEach(() => opened.mockClear());

  it('each field left reads as its label, then its reason; a missing value or person links to the options on that establishment; a portal default comes first, linked to its field', async () => {
    const send = vi.fn();
    render(
      <FillView
        view={{
          state: 'done',
          filled: [],
          skipped: [
            { label: 'Adresse mail', value: '', reason: 'noValue', fix: { field: 'orgMailbox.email' } },
            { label: 'Région', value: 'Île-de-France', reason: 'noOption' },
            { label: 'Nom du responsable', value: '', reason: 'noPerson', fix: { role: 'responsableBalOrg' } },
          ],
          portalDefaults: [{ label: 'Région', value: 'Occitanie' }],
          establishmentId: 'e1',
        }}
        send={send}
        visibleFor={() => null}
      />,
    );
    const [defaults, left] = screen.getAllByRole('list').map((list) => within(list).getAllByRole('listitem'));
    const parts = left!.map((item) => [item.querySelector('.balise-fill-field')?.textContent, item.querySelector('.balise-fill-reason')?.textContent]);
    expect(parts).toEqual([
      ['Adresse mail', 'absent du profil compléter le profil'],
      ['Région', 'Île-de-France n’est pas dans la liste du portail'],
      ['Nom du responsable', 'aucune personne n’a ce rôle dans le profil (Responsable d’une boîte organisationnelle Medimail) ajouter la personne qui a ce rôle'],
    ]);
    expect(defaults!.map((item) => item.textContent)).toEqual([
      bindFrenchSpaces('Région : le portail a laissé « Occitanie », vérifiez : le champ est encadré en orange sur la page. Aller au champ « Région »'),
    ]);
    await userEvent.click(screen.getByRole('button', { name: bindFrenchSpaces('Aller au champ « Région »') }));
    expect(send).toHaveBeenCalledWith({ type: 'showPortalDefault', index: 0 });
    await userEvent.click(screen.getByRole('button', { name: 'compléter le profil' }));
    await userEvent.click(screen.getByRole('button', { name: 'ajouter la personne qui a ce rôle' }));
    expect(opened.mock.calls.map(([request]) => request.target)).toEqual([
      { establishmentId: 'e1', field: 'orgMailbox.email' },
      { establishmentId: 'e1', field: 'contacts' },
    ]);
  });

  it('the preview says at its step that the portal lacks the value, with the seed’s reason, and ticks nothing', () => {
    render(
      <FillView
        view={preview([
          {
            id: 0,
            label: 'Région d’exercice',
            value: 'Île-de-France',
            action: 'choose',
            ticked: false,
            skipped: 'noOption',
            notOffered: { fr: 'Seules certaines régions ont choisi Medimail.', en: 'Only some regions chose Medimail.', ref: { seed: '002', section: '1. Choisir la région' } },
          },
        ])}
        send={noop}
        visibleFor={() => null}
      />,
    );
    expect(screen.getByText(/Région d’exercice : Île-de-France n’est pas dans la liste du portail\./).textContent).toContain('Seules certaines régions ont choisi Medimail.');
    expect(screen.getByRole('listitem').textContent).toContain('Île-de-France n’est pas dans la liste du portail');
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
    expect(goButton().disabled).toBe(true);
  });

  it('with no establishment, « Créer mon établissement » opens a new establishment’s editor', async () => {
    render(<FillView view={{ state: 'noEstablishment' }} send={noop} visibleFor={() => null} />);
    await userEvent.click(screen.getByRole('button', { name: 'Créer mon établissement' }));
    expect(opened.mock.calls.map(([request]) => request.target)).toEqual(['new']);
  });
});

describe('fields under the floating guide', () => {
  const under = (id: number, label: string) => ({ id, label, value: '', action: 'type' as const, ticked: false, skipped: 'underBalise' as const });
  const view = preview([{ id: 0, label: 'Adresse mail', value: 'a@b.fr', action: 'type', ticked: true }, under(1, 'Identifiant établissement'), under(2, 'Ville')]);
  const offer = () => screen.queryAllByRole('button', { name: 'Placer le guide à droite' });
  const place = (dock: 'floating' | 'right', onDock: (dock: string) => void, send: FillViewProps['send']) => (
    <GuidePlace.Provider value={{ dock, onDock }}>
      <FillView view={view} send={send} visibleFor={() => null} />
    </GuidePlace.Provider>
  );

  it('one offer, on the first such line, docks the guide on the right, then has the preview planned again once it is docked', async () => {
    const docks: string[] = [];
    const send = vi.fn();
    const { rerender } = render(place('floating', (dock) => docks.push(dock), send));
    expect(offer()).toHaveLength(1);
    expect(screen.getAllByRole('listitem')[1]!.contains(offer()[0]!)).toBe(true);
    await userEvent.click(offer()[0]!);
    expect(docks).toEqual(['right']);
    expect(send).not.toHaveBeenCalled();
    rerender(place('right', (dock) => docks.push(dock), send));
    expect(send).toHaveBeenCalledWith({ type: 'refresh' });
    expect(offer()).toHaveLength(0);
  });

  it('none when the guide is docked (it covers no field then) or outside the panel', () => {
    render(place('right', noop, noop));
    expect(offer()).toHaveLength(0);
    cleanup();
    render(<FillView view={view} send={noop} visibleFor={() => null} />);
    expect(offer()).toHaveLength(0);
  });
});
