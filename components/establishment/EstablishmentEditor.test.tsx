import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { db } from '../../lib/store/db';
import { sampleEstablishment } from '../../lib/profile/sample';
import type { Establishment } from '../../lib/profile/schema';
import { deleteEstablishment, revisionOf, saveEstablishment } from '../../lib/store/profile';
import { EstablishmentEditor } from './EstablishmentEditor';
import { draftKey } from '../../lib/store/storage';
import { bindFrenchSpaces } from '../../lib/i18n/typography';
import { shownValue } from '../../lib/profile/identifiers';

const newId = '5e0c7a52-1f3b-4c8d-9e6a-7b2d1c0f4a11';

beforeEach(async () => {
  await db.delete();
  await db.open();
  sessionStorage.clear();
});

function renderEditor(props: Partial<ComponentProps<typeof EstablishmentEditor>> = {}) {
  const handlers = { announce: vi.fn(), onSaved: vi.fn(), onClose: vi.fn() };
  const user = userEvent.setup({ delay: null });
  const view = render(<EstablishmentEditor establishmentId={newId} stored={undefined} {...handlers} {...props} />);
  return { ...view, ...handlers, user };
}

/** A field by its label; required fields carry an asterisk that assistive tools do not read. */
const labelled = (label: string) => new RegExp(`^${label.replace(/[()]/g, '\\$&')}( \\*)?$`);
const field = (label: string, container: HTMLElement = document.body) => within(container).getByLabelText(labelled(label));

type User = ReturnType<typeof userEvent.setup>;

/** Types a whole value at once (a paste): each keystroke re-renders the whole form, slow in jsdom. */
async function enter(user: User, element: HTMLElement, text: string) {
  await user.click(element);
  await user.paste(text);
}

const saveButton = () => screen.getByRole('button', { name: 'Enregistrer' });

async function fillRequired(user: User) {
  await enter(user, field('Libellé court'), 'CH Nord');
  await enter(user, field('Raison sociale (dénomination)'), 'Centre hospitalier du Nord');
  await user.selectOptions(field('Statut'), 'public');
  await user.selectOptions(field('Catégorie'), 'hopital');
}

describe('inline validation', () => {
  it('shows a field error once the field is left, then follows the typing', async () => {
    const { user } = renderEditor();
    const siret = field('SIRET');
    expect(siret).toHaveProperty('name', 'siret');
    await user.type(siret, '2675004520001');
    // Not while typing a first time: the user has not finished.
    expect(screen.queryByText('Le SIRET doit compter 14 chiffres ; vous en avez saisi 13.')).toBeNull();
    await user.tab();
    const error = screen.getByText('Le SIRET doit compter 14 chiffres ; vous en avez saisi 13.');
    expect(siret.getAttribute('aria-invalid')).toBe('true');
    expect(siret.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    // Once touched, the message follows each keystroke.
    await user.type(siret, '1');
    expect(screen.queryByText(/Le SIRET doit compter/)).toBeNull();
    expect(siret.getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses an invisible or control character in a name, saying which', async () => {
    const { user } = renderEditor();
    await enter(user, field('Libellé court'), 'CH \u202Eeimedac\u202C');
    await user.tab();
    expect(
      screen.getByText('Ce texte contient un caractère invisible ou de contrôle (U+202E), qui peut fausser son affichage : retirez-le.'),
    ).toBeTruthy();
    expect(field('Libellé court').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows coherence warnings beside the fields without blocking the save', async () => {
    const { user, onSaved } = renderEditor();
    await fillRequired(user);
    await enter(user, field('Code postal'), '75012');
    await user.selectOptions(field('Département'), '29');
    const departement = field('Département');
    const warningId = departement.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-warning'))!;
    expect(document.getElementById(warningId)?.textContent).toMatch(/75012/);
    expect(departement.getAttribute('aria-invalid')).toBeNull();
    await user.click(saveButton());
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    expect((await db.establishments.get(newId))?.address).toMatchObject({ postalCode: '75012', departement: '29' });

    // Where the user clicked: saved, and what is left to check in one line (newcomer report P10, issue 18 N12),
    // linked to the list in the form, each warning linked to its field.
    const saved = screen.getByText('Enregistré ✓').parentElement!;
    expect(saved.textContent).toBe('Enregistré ✓ — 1 point à vérifier (enregistré quand même)');
    await user.click(within(saved).getByRole('link', { name: '1 point à vérifier (enregistré quand même)' }));
    const list = screen.getByRole('heading', { name: '1 point à vérifier (enregistré quand même)' }).parentElement!;
    expect(document.activeElement).toBe(list);
    await user.click(within(list).getByRole('link', { name: /^Département\u00a0: .*75012/ }));
    expect(document.activeElement).toBe(departement);
  });
});

describe('saving', () => {
  it('refuses an invalid profile: summary focused, links to the fields, nothing stored', async () => {
    const { user, announce, onSaved } = renderEditor();
    await enter(user, field('Libellé court'), 'CH Nord');
    await enter(user, field('SIRET'), '2675004520001');
    await user.click(saveButton());

    const summary = screen.getByRole('heading', { name: /Le formulaire contient 4 erreurs/ }).parentElement!;
    expect(document.activeElement).toBe(summary);
    expect(announce).toHaveBeenLastCalledWith(bindFrenchSpaces('Le formulaire contient 4 erreurs : rien n’a été enregistré.'));
    const link = within(summary).getByRole('link', { name: bindFrenchSpaces('SIRET : Le SIRET doit compter 14 chiffres ; vous en avez saisi 13.') });
    await user.click(link);
    expect(document.activeElement).toBe(field('SIRET'));
    await user.click(within(summary).getByRole('link', { name: bindFrenchSpaces('Statut : Ce champ est obligatoire.') }));
    expect(document.activeElement).toBe(field('Statut'));
    // After a save attempt every field shows its problem, touched or not.
    expect(field('Raison sociale (dénomination)').getAttribute('aria-invalid')).toBe('true');

    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.establishments.count()).toBe(0);
  });

  it('saves a valid profile, normalised, and says so', async () => {
    const { user, announce, onSaved } = renderEditor();
    await fillRequired(user);
    await enter(user, field('SIRET'), '267 500 452 00011');
    await user.click(saveButton());
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());

    const stored = await db.establishments.get(newId);
    expect(stored).toMatchObject({ id: newId, label: 'CH Nord', siret: '26750045200011', status: 'public' });
    expect(onSaved).toHaveBeenCalledWith(stored, true);
    expect(announce).toHaveBeenLastCalledWith(bindFrenchSpaces('Établissement « CH Nord » enregistré.'));
    // Shown as the messages show it, whatever the spacing typed; stored as digits.
    await waitFor(() => expect(field('SIRET')).toHaveProperty('value', shownValue('siret', '26750045200011')));
    expect(screen.queryByText('Modifications non enregistrées')).toBeNull();
    // Seen, not only announced (newcomer report P10), until the next change.
    expect(screen.getByText('Enregistré ✓').parentElement!.textContent).toBe('Enregistré ✓');
    await enter(user, field('Groupement (GHT, groupe)'), 'GHT Nord');
    expect(screen.queryByText('Enregistré ✓')).toBeNull();
    expect(screen.getByText('Modifications non enregistrées')).toBeTruthy();
  });

  it('derives the SIREN from the SIRET when it is empty, and says so; a SIREN of the user stays', async () => {
    const { user } = renderEditor();
    await enter(user, field('SIRET'), '26750045200011');
    expect(field('SIREN')).toHaveProperty('value', shownValue('siren', '267500452'));
    expect(screen.getByText('SIREN déduit du SIRET (ses 9 premiers chiffres). Vous pouvez le changer.')).toBeTruthy();
    await user.clear(field('SIREN'));
    await enter(user, field('SIREN'), '732829320');
    await user.clear(field('SIRET'));
    await enter(user, field('SIRET'), '26750045200011');
    expect(field('SIREN')).toHaveProperty('value', '732829320');
    expect(screen.queryByText(/SIREN déduit du SIRET/)).toBeNull();
  });
});

describe('storage full', () => {
  it('says nothing was saved and keeps what was typed, on screen and in the tab', async () => {
    const { user, announce, onSaved } = renderEditor();
    await fillRequired(user);
    const quota = Object.assign(new Error('QuotaExceededError: the quota has been exceeded'), { name: 'QuotaExceededError' });
    vi.spyOn(db.establishments, 'bulkPut').mockRejectedValueOnce(quota);
    await user.click(saveButton());
    await waitFor(() =>
      expect(announce).toHaveBeenLastCalledWith(
        bindFrenchSpaces("L’enregistrement a échoué : L’espace de stockage du navigateur est plein : rien n’a été enregistré. Libérez de l’espace disque, puis réessayez."),
      ),
    );
    expect(onSaved).not.toHaveBeenCalled();
    expect(field('Libellé court')).toHaveProperty('value', 'CH Nord');
    expect(JSON.parse(sessionStorage.getItem(draftKey(newId))!).draft.label).toBe('CH Nord');
  });
});

describe('contacts and certificates', () => {
  it('adds a contact with its roles and focuses its first field; removing it clears its certificates', async () => {
    const { user } = renderEditor();
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: 'Ajouter un contact' }));
    const contact = screen.getByRole('group', { name: bindFrenchSpaces('Contact 1 : sans nom') });
    expect(document.activeElement).toBe(field('Civilité', contact));
    await enter(user, field('Nom', contact), 'Martin');
    await enter(user, field('Prénom', contact), 'Claire');
    await user.click(within(contact).getByLabelText(/^Représentant légal \(signe le contrat ANS, carte CDE/));
    await enter(user, field('Téléphone', contact), '01.42.16.00.01');
    expect(screen.getByRole('group', { name: bindFrenchSpaces('Contact 1 : Claire Martin') })).toBe(contact);

    await user.click(screen.getByRole('button', { name: 'Ajouter un certificat' }));
    const certificate = screen.getByRole('group', { name: bindFrenchSpaces('Certificat 1 : type à choisir') });
    await user.selectOptions(field('Type de certificat', certificate), 'PRO AUTH');
    await user.selectOptions(field('Titulaire', certificate), 'Claire Martin');
    await user.type(field('Obtenu le', certificate), '2024-02-29');
    expect(field('Expire le', certificate)).toHaveProperty('value', '2027-02-28');
    await user.click(saveButton());
    await screen.findByText('Contact 1 : Claire Martin'); // still there once saved
    await waitFor(async () => expect(await db.establishments.get(newId)).toBeDefined());
    const stored = (await db.establishments.get(newId))!;
    expect(stored.contacts).toEqual([expect.objectContaining({ lastName: 'Martin', roles: ['representantLegal'], phone: '0142160001' })]);
    expect(field('Téléphone', contact)).toHaveProperty('value', shownValue('phone', '0142160001'));
    expect(stored.certificates).toEqual([
      expect.objectContaining({ kind: 'PRO AUTH', holderContactId: stored.contacts[0]!.id, expiresOn: '2027-02-28' }),
    ]);

    await user.click(screen.getByRole('button', { name: 'Retirer ce contact (Claire Martin)' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ajouter un contact' }));
    expect(field('Titulaire', certificate)).toHaveProperty('value', '');
  });

  it('shows no error on a contact added after a refused save until it is left or saved again (newcomer report)', async () => {
    const { user } = renderEditor();
    await user.click(saveButton());
    expect(screen.getByRole('heading', { name: /Le formulaire contient 4 erreurs/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ajouter un contact' }));
    const contact = screen.getByRole('group', { name: bindFrenchSpaces('Contact 1 : sans nom') });
    expect(within(contact).queryByText('Ce champ est obligatoire.')).toBeNull();
    expect(screen.getByRole('heading', { name: /Le formulaire contient 4 erreurs/ })).toBeTruthy();
    await user.click(saveButton());
    expect(within(contact).getAllByText('Ce champ est obligatoire.')).toHaveLength(2);
    expect(screen.getByRole('heading', { name: /Le formulaire contient 6 erreurs/ })).toBeTruthy();
  });
});

describe('unsaved changes', () => {
  it('closes at once when nothing changed', async () => {
    const { user, onClose } = renderEditor({ stored: sampleEstablishment(), establishmentId: sampleEstablishment().id });
    await user.click(screen.getByRole('button', { name: /Retour à la liste/ }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('asks before dropping changes, and keeps them when the user goes back to the form', async () => {
    const { user, onClose } = renderEditor();
    await enter(user, field('Libellé court'), 'CH Nord');
    await user.click(screen.getByRole('button', { name: 'Fermer' }));
    const dialog = screen.getByRole('alertdialog', { name: bindFrenchSpaces('Abandonner les modifications ?') });
    expect(dialog.textContent).toContain(bindFrenchSpaces('« CH Nord »'));
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Continuer la saisie' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    expect(field('Libellé court')).toHaveProperty('value', 'CH Nord');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Fermer' }));

    await user.click(screen.getByRole('button', { name: /Retour à la liste/ }));
    await user.click(screen.getByRole('button', { name: 'Abandonner les modifications' }));
    expect(onClose).toHaveBeenCalledOnce();
    expect(sessionStorage.getItem(draftKey(newId))).toBeNull();
  });

  it('asks the browser to confirm leaving the page only while there are changes', async () => {
    const { user } = renderEditor();
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    await enter(user, field('Libellé court'), 'CH');
    expect(leave()).toBe(true);
  });

  it('restores the draft after a reload, with a notice, and can discard it', async () => {
    const stored: Establishment = sampleEstablishment();
    const first = renderEditor({ stored, establishmentId: stored.id });
    const label = () => field('Libellé court');
    await first.user.clear(label());
    await enter(first.user, label(), 'CH Sud');
    first.unmount();

    renderEditor({ stored, establishmentId: stored.id });
    expect(screen.getByRole('status').textContent).toContain('Brouillon restauré');
    expect(label()).toHaveProperty('value', 'CH Sud');
    expect(screen.getByText('Modifications non enregistrées')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Abandonner le brouillon' }));
    expect(label()).toHaveProperty('value', stored.label);
    expect(sessionStorage.getItem(draftKey(stored.id))).toBeNull();
  });
});

describe('another page saves or deletes the same establishment', () => {
  async function editedHereAndSavedThere() {
    const stored = await saveEstablishment(sampleEstablishment());
    const view = renderEditor({ stored, establishmentId: stored.id });
    await view.user.clear(field('Libellé court'));
    await enter(view.user, field('Libellé court'), 'CH Partagé (A)');
    // Page B saves a new phone; the options page hands the newer row to this editor.
    const theirs = await saveEstablishment({ ...stored, phone: '0140279999' }, undefined, { revision: revisionOf(stored) });
    const props = { announce: view.announce, onSaved: view.onSaved, onClose: view.onClose };
    view.rerender(<EstablishmentEditor establishmentId={stored.id} stored={theirs} {...props} />);
    return { ...view, stored, theirs, props };
  }

  it('shows a banner under a dirty draft, refuses the save in French and keeps the other page\'s save', async () => {
    const { user, announce, onSaved, theirs } = await editedHereAndSavedThere();
    expect(screen.getByRole('alert').textContent).toContain('a été modifié sur une autre page pendant que vous le modifiiez ici');
    await user.click(saveButton());
    await waitFor(() =>
      expect(announce).toHaveBeenLastCalledWith(
        bindFrenchSpaces(`Enregistrement refusé : « ${theirs.label} » a été modifié sur une autre page depuis que vous l’avez ouvert. Rien n’a été écrasé ; choisissez la version à garder.`),
      ),
    );
    expect(onSaved).not.toHaveBeenCalled();
    expect(await db.establishments.get(theirs.id)).toEqual(theirs);
    expect(field('Libellé court')).toHaveProperty('value', 'CH Partagé (A)');
  });

  it('takes the other version, or overwrites it knowingly', async () => {
    const first = await editedHereAndSavedThere();
    await first.user.click(screen.getByRole('button', { name: /Reprendre l’autre version/ }));
    expect(field('Libellé court')).toHaveProperty('value', first.theirs.label);
    expect(document.querySelector('input[name="phone"]')).toHaveProperty('value', shownValue('establishmentPhone', '0140279999'));
    expect(screen.queryByRole('alert')).toBeNull();
    first.unmount();
    sessionStorage.clear();
    await db.establishments.clear();

    const second = await editedHereAndSavedThere();
    await second.user.click(screen.getByRole('button', { name: /Écraser l’autre version/ }));
    await waitFor(() => expect(second.onSaved).toHaveBeenCalledOnce());
    expect(await db.establishments.get(second.stored.id)).toMatchObject({ label: 'CH Partagé (A)' });
  });

  it('never re-creates an establishment deleted elsewhere unless asked; a reload keeps the base of the draft', async () => {
    const stored = await saveEstablishment(sampleEstablishment());
    const view = renderEditor({ stored, establishmentId: stored.id });
    await view.user.clear(field('Libellé court'));
    await enter(view.user, field('Libellé court'), 'CH Partagé (A)');
    await deleteEstablishment(stored.id);
    view.rerender(<EstablishmentEditor establishmentId={stored.id} stored={undefined} announce={view.announce} onSaved={view.onSaved} onClose={view.onClose} />);
    expect(screen.getByRole('alert').textContent).toContain('a été supprimé sur une autre page');
    await view.user.click(saveButton());
    await waitFor(() => expect(view.announce).toHaveBeenLastCalledWith(expect.stringMatching(/^Enregistrement refusé\u00a0: .* a été supprimé/)));
    expect(await db.establishments.count()).toBe(0);

    // Reloaded, the draft still knows it was based on a row that is gone.
    view.unmount();
    const reloaded = renderEditor({ stored: undefined, establishmentId: stored.id });
    expect(field('Libellé court')).toHaveProperty('value', 'CH Partagé (A)');
    expect(screen.getByRole('alert').textContent).toContain('a été supprimé sur une autre page');
    await reloaded.user.click(screen.getByRole('button', { name: 'Le recréer avec mes modifications' }));
    await waitFor(async () => expect(await db.establishments.get(stored.id)).toMatchObject({ label: 'CH Partagé (A)' }));
  });
});

describe('read-only (managed by the DSI)', () => {
  it('shows the profile with every field disabled and no way to save', () => {
    renderEditor({ stored: sampleEstablishment(), establishmentId: sampleEstablishment().id, readOnly: true });
    expect(screen.getByText('géré par votre DSI')).toBeTruthy();
    expect(field('Raison sociale (dénomination)')).toHaveProperty('disabled', true);
    expect(screen.getAllByRole('checkbox').every((box) => (box as HTMLInputElement).disabled)).toBe(true);
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Ajouter un contact|Retirer ce contact/ })).toBeNull();
  });
});
