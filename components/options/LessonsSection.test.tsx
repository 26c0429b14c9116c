import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sampleEstablishment } from '../../lib/profile/sample';
import { deleteEstablishment, readEstablishment, saveEstablishment, teachLesson } from '../../lib/store/profile';
import { LessonsSection } from './LessonsSection';
import { bindFrenchSpaces } from '../../lib/i18n/typography';

const plage = 'https://plage.atih.sante.fr';
const lesson = (label: string, kind: 'finessEt' | 'never', origin = plage) => ({ origin, signature: `text|${label.toLowerCase()}||||||`, label, kind });

let id: string;
beforeEach(async () => {
  id = (await saveEstablishment({ ...sampleEstablishment(), id: crypto.randomUUID(), label: 'CH du Lauragais' })).id;
});
afterEach(() => deleteEstablishment(id));

describe('LessonsSection', () => {
  it('says when nothing was taught', async () => {
    render(<LessonsSection announce={() => {}} />);
    expect(await screen.findByText('Aucun champ appris.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Champs appris' })).toBeTruthy();
  });

  it('lists the lessons by establishment and site, by the profile field’s French name, and deletes one from the keyboard', async () => {
    await teachLesson(id, lesson('Code structure', 'finessEt'));
    await teachLesson(id, lesson('Fax', 'never'));
    await teachLesson(id, lesson('Code', 'finessEt', 'https://medimail.mipih.fr'));
    const announce = vi.fn();
    render(<LessonsSection announce={announce} />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Code structureFINESS géographique (ET)Supprimer',
      'FaxNe jamais remplirSupprimer',
      'CodeFINESS géographique (ET)Supprimer',
    ]);
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['plage.atih.sante.fr', 'medimail.mipih.fr']);
    screen.getByRole('button', { name: bindFrenchSpaces('Supprimer la leçon « Fax » sur plage.atih.sante.fr') }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    expect((await readEstablishment(id))!.lessons!.map((l) => l.label)).toEqual(['Code structure', 'Code']);
    expect(announce).toHaveBeenCalledWith(bindFrenchSpaces('Leçon supprimée : « Fax ».'));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Champs appris' }));
  });
});
