import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../lib/store/db';
import { sampleEstablishment } from '../../lib/profile/sample';
import { buildProfileFile } from '../../lib/profile/transfer';
import { exportProfile } from '../../lib/store/profile';
import { clinic } from '../../lib/profile/transfer.fixtures';
import { downloadText } from './download';
import { TransferActions } from './TransferActions';
import { bindFrenchSpaces } from '../../lib/i18n/typography';

vi.mock('./download', () => ({ downloadText: vi.fn() }));

const clean = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const fileOf = (text: string, name = 'profil.balise.json') => new File([text], name, { type: 'application/json' });

beforeEach(async () => {
  vi.mocked(downloadText).mockClear();
  await db.establishments.clear();
  await db.settings.clear();
});

async function chooseFile(file: File) {
  const user = userEvent.setup();
  render(<TransferActions />);
  await user.upload(screen.getByLabelText('Fichier de profil Balise à importer'), file);
  return user;
}

/** The export dialog, opened as the user does. */
async function openExport() {
  const user = userEvent.setup();
  render(<TransferActions />);
  await user.click(screen.getByRole('button', { name: 'Exporter' }));
  return { user, dialog: await screen.findByRole('dialog', { name: 'Exporter des établissements' }) };
}

describe('TransferActions', () => {
  it('shows the « Exporter » and « Importer » buttons, the file input hidden behind the latter', () => {
    render(<TransferActions />);
    expect(screen.getByRole('button', { name: 'Exporter' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Importer' })).toBeTruthy();
    expect(screen.getByLabelText('Fichier de profil Balise à importer')).toHaveProperty('type', 'file');
  });

  it('imports a file: preview of a new establishment, then written to the database', async () => {
    const user = await chooseFile(fileOf(JSON.stringify(buildProfileFile([clinic()]))));
    const dialog = await screen.findByRole('dialog', { name: 'Importer des établissements' });
    expect(await within(dialog).findByText('Nouvel établissement')).toBeTruthy();
    expect((within(dialog).getByRole('radio', { name: 'Ajouter' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Importer les établissements choisis' }));
    expect(await within(dialog).findByText('Import terminé : 1 ajouté, 0 remplacé, 0 laissé de côté.')).toBeTruthy();
    expect(await db.establishments.toArray()).toEqual([{ ...clean(clinic()), updatedAt: expect.any(String) }]);
  });

  it('shows the differences with an existing establishment and replaces it only when asked', async () => {
    await db.establishments.put(clean(clinic()));
    const theirs = { ...clinic(), legalName: 'Clinique Démo SAS' };
    const user = await chooseFile(fileOf(JSON.stringify(buildProfileFile([theirs]))));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Déjà présent sur ce poste (même FINESS géographique) : « Clinique Démo »')).toBeTruthy();
    const row = within(dialog).getByRole('row', { name: /Raison sociale/ });
    expect(within(row).getByText('Clinique Démo SAS')).toBeTruthy();
    expect((within(dialog).getByRole('radio', { name: 'Garder le mien' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(dialog).getByRole('radio', { name: 'Remplacer le mien' }));
    await user.click(within(dialog).getByRole('button', { name: 'Importer les établissements choisis' }));
    await within(dialog).findByText(/Import terminé : 0 ajouté, 1 remplacé/);
    expect((await db.establishments.get(clinic().id))?.legalName).toBe('Clinique Démo SAS');
  });

  it('renders HTML and scripts from the file as plain text', async () => {
    const hostile = { ...clinic(), label: '<img src=x onerror=alert(1)>', legalName: '<script>alert(2)</script><b>gras</b>' };
    await chooseFile(fileOf(JSON.stringify(buildProfileFile([hostile]))));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByRole('heading', { name: '<img src=x onerror=alert(1)>' })).toBeTruthy();
    expect(within(dialog).getByText('<script>alert(2)</script><b>gras</b>')).toBeTruthy();
    expect(document.querySelector('img, script, b')).toBeNull();
  });

  it('explains in French why a file is refused, and changes nothing', async () => {
    await db.establishments.put(clean(sampleEstablishment()));
    const wrong = { ...clinic(), siret: '2675004520001' };
    await chooseFile(fileOf(JSON.stringify({ ...buildProfileFile([clinic()]), establishments: [clinic(), { ...wrong, id: crypto.randomUUID() }] })));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(bindFrenchSpaces("Ce fichier ne peut pas être importé ; rien n’a été modifié."));
    expect(alert.textContent).toContain(bindFrenchSpaces('Établissement 2 (« Clinique Démo ») — SIRET : Le SIRET doit compter 14 chiffres ; vous en avez saisi 13.'));
    expect(await db.establishments.toArray()).toEqual([clean(sampleEstablishment())]);
  });

  it('asks for the passphrase of an encrypted file, and after a wrong one keeps it, selected, to be typed over', async () => {
    await db.establishments.put(clean(clinic()));
    const { name, text } = await exportProfile([clinic().id], 'trois mots suffisent ici');
    expect(name).toMatch(/-chiffre\.balise\.json$/);
    await db.establishments.clear();
    const user = await chooseFile(fileOf(text, name));
    const field = (await screen.findByLabelText('Phrase de passe')) as HTMLInputElement;
    await user.type(field, 'mauvaise phrase');
    await user.click(screen.getByRole('button', { name: 'Ouvrir le fichier' }));
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toContain('Cette phrase de passe n’ouvre pas le fichier');
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.value).toBe('mauvaise phrase');
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 'mauvaise phrase'.length]);
    // Typing replaces the selected text, as in any field.
    await user.keyboard('trois mots suffisent ici');
    expect(field.value).toBe('trois mots suffisent ici');
    await user.click(screen.getByRole('button', { name: 'Ouvrir le fichier' }));
    expect(await screen.findByText('Nouvel établissement', {}, { timeout: 5000 })).toBeTruthy();
  });

  it('shows the passphrase typed on « Afficher », then says « Masquer » to hide it again (issue 18, N11)', async () => {
    await db.establishments.put(clean(clinic()));
    const { text } = await exportProfile([clinic().id], 'trois mots suffisent ici');
    const user = await chooseFile(fileOf(text));
    const field = await screen.findByLabelText('Phrase de passe');
    expect(field.getAttribute('type')).toBe('password');
    await user.click(screen.getByRole('button', { name: 'Afficher' }));
    expect(field.getAttribute('type')).toBe('text');
    const hide = screen.getByRole('button', { name: 'Masquer' });
    // A label switch, not a toggle state as well.
    expect(hide.hasAttribute('aria-pressed')).toBe(false);
    await user.click(hide);
    expect(field.getAttribute('type')).toBe('password');
    expect(screen.getByRole('button', { name: 'Afficher' })).toBeTruthy();
  });

  it('ends the wait with a message on an unexpected decryption failure, and lets the user try again', async () => {
    await db.establishments.put(clean(clinic()));
    const { text } = await exportProfile([clinic().id], 'trois mots suffisent ici');
    await db.establishments.clear();
    const user = await chooseFile(fileOf(text));
    vi.spyOn(crypto.subtle, 'deriveKey').mockRejectedValueOnce(new DOMException('Out of memory', 'OperationError'));
    await user.type(await screen.findByLabelText('Phrase de passe'), 'trois mots suffisent ici');
    await user.click(screen.getByRole('button', { name: 'Ouvrir le fichier' }));
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toMatch(
      /^Le fichier n’a pas pu être déchiffré \(.*Out of memory\)\u202f; rien n’a été modifié\. Vous pouvez réessayer\.$/,
    );
    expect(screen.queryByText('Déchiffrement…')).toBeNull();
    // The passphrase was not at fault: it is still there, to try again at once.
    expect((screen.getByLabelText('Phrase de passe') as HTMLInputElement).value).toBe('trois mots suffisent ici');
    await user.click(screen.getByRole('button', { name: 'Ouvrir le fichier' }));
    expect(await screen.findByText('Nouvel établissement', {}, { timeout: 5000 })).toBeTruthy();
  });

  it('refuses a file over 10 MB', async () => {
    await chooseFile(fileOf('x'.repeat(10 * 1024 * 1024 + 1)));
    expect((await screen.findByRole('alert')).textContent).toContain(bindFrenchSpaces("Ce fichier pèse 10241 Ko : Balise n’importe que des fichiers de 10 Mo au plus."));
  });

  it('sums up the file at the top, says what « Importer » will do with the choices, and offers it before the cards (issue 18, N3)', async () => {
    const identical = clean({ ...sampleEstablishment(), label: 'CH Démo' });
    await db.establishments.bulkPut([clean(clinic()), identical]);
    const theirs = { ...clinic(), legalName: 'Clinique Démo SAS' };
    const fresh = { ...clinic(), id: crypto.randomUUID(), label: 'Clinique Neuve', finessEt: undefined, siret: undefined };
    const user = await chooseFile(fileOf(JSON.stringify(buildProfileFile([theirs, identical, fresh]))));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Par rapport à ce poste : 1 nouveau, 1 différent de votre version, 1 identique.')).toBeTruthy();
    expect(within(dialog).getByText('Avec les choix ci-dessous : 1 ajouté, 0 remplacé, 2 laissés de côté.')).toBeTruthy();
    await user.click(within(within(dialog).getByRole('region', { name: 'Clinique Démo' })).getByRole('radio', { name: 'Remplacer le mien' }));
    expect(within(dialog).getByText('Avec les choix ci-dessous : 1 ajouté, 1 remplacé, 1 laissé de côté.')).toBeTruthy();
    // Reached before the cards, by Tab as by eye.
    const confirm = within(dialog).getByRole('button', { name: 'Importer les établissements choisis' });
    const firstCard = within(dialog).getAllByRole('region')[0]!;
    expect(confirm.compareDocumentPosition(firstCard) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(confirm);
    expect(await within(dialog).findByText('Import terminé : 1 ajouté, 1 remplacé, 1 laissé de côté.')).toBeTruthy();
  });

  it('shows a progress bar, with its label, while a long file is checked', async () => {
    const many = Array.from({ length: 120 }, (_, index) => ({ ...clinic(), id: crypto.randomUUID(), label: `Clinique ${index + 1}`, finessEt: undefined, siret: undefined }));
    // The wall clock jumps 1 s at each reading: every slice is long enough to notice.
    let now = Date.now();
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000));
    await chooseFile(fileOf(JSON.stringify(buildProfileFile(many))));
    // Both read from the same render: once the clock is real again the check may end at any moment.
    const [bar, status] = await waitFor(() => [screen.getByRole('progressbar', { name: 'Établissements vérifiés' }), screen.getByRole('status')] as const);
    vi.mocked(Date.now).mockRestore();
    expect(Number(bar.getAttribute('max'))).toBe(120);
    expect(status.textContent).toBe('Lecture du fichier…');
    expect(await screen.findByText("Aperçu de l’import : 120 établissements dans le fichier")).toBeTruthy();
  });

  it("draws a group's preview in batches until every establishment has its card", async () => {
    const many = Array.from({ length: 45 }, (_, index) => ({ ...clinic(), id: crypto.randomUUID(), label: `Clinique ${index + 1}`, finessEt: undefined, siret: undefined, contacts: [], certificates: [] }));
    await chooseFile(fileOf(JSON.stringify(buildProfileFile(many))));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByRole('region', { name: 'Clinique 45' })).toBeTruthy();
    expect(within(dialog).getAllByRole('region')).toHaveLength(45);
  });

  it('imports a file dropped on the page', async () => {
    render(<TransferActions />);
    const file = fileOf(JSON.stringify(buildProfileFile([clinic()])));
    act(() => {
      fireEvent.dragOver(window, { dataTransfer: { types: ['Files'], files: [file] } });
    });
    expect(screen.getByText('Déposez le fichier Balise (.balise.json) pour l’importer.')).toBeTruthy();
    act(() => {
      fireEvent.drop(window, { dataTransfer: { types: ['Files'], files: [file] } });
    });
    expect(await screen.findByText('Nouvel établissement')).toBeTruthy();
  });

  it('exports the chosen establishments, with a passphrase strength hint when encrypting', async () => {
    await db.establishments.bulkPut([clean(clinic()), clean({ ...sampleEstablishment(), label: 'CH Démo' })]);
    const { user, dialog } = await openExport();
    await user.click(await within(dialog).findByRole('checkbox', { name: 'CH Démo' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Chiffrer le fichier avec une phrase de passe' }));
    await user.type(within(dialog).getByLabelText('Phrase de passe'), 'azerty');
    expect(within(dialog).getByText(/Robustesse : faible/)).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Phrase de passe, une seconde fois'), 'azertx');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le fichier' }));
    expect(within(dialog).getByRole('alert').textContent).toContain('Cette phrase de passe est trop faible pour protéger le fichier');
    await user.type(within(dialog).getByLabelText('Phrase de passe'), ' trois mots');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le fichier' }));
    expect(within(dialog).getByRole('alert').textContent).toContain('Les deux saisies de la phrase de passe diffèrent.');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Chiffrer le fichier avec une phrase de passe' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le fichier' }));
    await waitFor(() => expect(downloadText).toHaveBeenCalledTimes(1));
    const [name, text] = vi.mocked(downloadText).mock.calls[0]!;
    expect(name).toMatch(/^balise-clinique-demo-\d{4}-\d\d-\d\d\.balise\.json$/);
    expect(JSON.parse(text).establishments.map((e: { label: string }) => e.label)).toEqual(['Clinique Démo']);
  });

  it('shows each export passphrase field on its own « Afficher », as the import does (third walk, NEW-9)', async () => {
    await db.establishments.put(clean(clinic()));
    const { user, dialog } = await openExport();
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Chiffrer le fichier avec une phrase de passe' }));
    const [first, second] = [within(dialog).getByLabelText('Phrase de passe'), within(dialog).getByLabelText('Phrase de passe, une seconde fois')];
    const [showFirst, showSecond] = within(dialog).getAllByRole('button', { name: 'Afficher' });
    await user.click(showSecond!);
    expect([first.getAttribute('type'), second.getAttribute('type')]).toEqual(['password', 'text']);
    await user.click(showFirst!);
    expect(first.getAttribute('type')).toBe('text');
    expect(within(dialog).getAllByRole('button', { name: 'Masquer' })).toHaveLength(2);
  });

  it('clears an error as soon as the user types, and names an encrypted export « …-chiffre.balise.json »', async () => {
    await db.establishments.put(clean(clinic()));
    const { user, dialog } = await openExport();
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Chiffrer le fichier avec une phrase de passe' }));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le fichier' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Saisissez une phrase de passe.');
    await user.type(within(dialog).getByLabelText('Phrase de passe'), 't');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    await user.type(within(dialog).getByLabelText('Phrase de passe'), 'rois mots suffisent ici');
    await user.type(within(dialog).getByLabelText('Phrase de passe, une seconde fois'), 'trois mots suffisent ici');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer le fichier' }));
    await waitFor(() => expect(downloadText).toHaveBeenCalledTimes(1));
    expect(vi.mocked(downloadText).mock.calls[0]![0]).toMatch(/^balise-clinique-demo-\d{4}-\d\d-\d\d-chiffre\.balise\.json$/);
  });

  it('suggests encrypting a file that would carry e-mails or phones, and counts the people', async () => {
    const withoutContacts = { ...clean(sampleEstablishment()), label: 'CH Démo', contacts: [], certificates: [] };
    await db.establishments.bulkPut([clean(clinic()), withoutContacts]);
    const { user, dialog } = await openExport();
    const note = await within(dialog).findByRole('note');
    const people = clinic().contacts.filter((c) => c.email ?? c.phone ?? c.mobile).length;
    expect(people).toBe(1);
    expect(note.textContent).toBe(`Ce fichier contiendra le courriel ou le téléphone de 1 personne. Chiffrez-le avec une phrase de passe s’il part par courriel\u202f; sinon, ne le transmettez que par un moyen sûr.`);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Clinique Démo' }));
    expect(within(dialog).queryByRole('note')).toBeNull();
  });
});
