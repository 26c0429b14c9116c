import { render, screen } from '@testing-library/react';
import type { ProgressSummary } from '../../lib/procedures/summary';
import { MyProgress } from './MyProgress';

const title = (fr: string) => ({ fr, en: fr });
const base: ProgressSummary = { procedureId: '000-distrilog', title: title('Accès à Distrilog'), done: 2, total: 5, onThisPage: [] };

describe('MyProgress', () => {
  it('shows the count and, for a next step elsewhere, a link to where it starts', () => {
    render(<MyProgress summary={{ ...base, next: { key: 'k', index: 3, title: title('Valider la demande'), onThisPage: false, page: { name: title('Mes profils'), href: 'https://plage.atih.sante.fr/mon-compte/profils' } } }} />);
    expect(screen.getByRole('region', { name: 'Votre avancement' }).textContent).toContain('Accès à Distrilog · 2 sur 5 faites');
    expect(screen.getByText(/Prochaine étape/).closest('p')?.textContent).toContain('Étape 3 sur 5 : Valider la demande');
    expect(screen.getByRole('link', { name: 'Aller à : Mes profils' }).getAttribute('href')).toBe('https://plage.atih.sante.fr/mon-compte/profils');
  });

  it('says when the next step is on this page and names its person', () => {
    render(<MyProgress summary={{ ...base, next: { key: 'k', index: 2, title: title('Créer le compte'), person: 'Anne Martin', onThisPage: true } }} />);
    expect(screen.getByText(/Prochaine étape/).closest('p')?.textContent).toContain('Étape 2 sur 5 : Créer le compte (Anne Martin) C’est sur cette page.');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('says when every step is done, and when the next one is off the portals', () => {
    const { rerender } = render(<MyProgress summary={base} />);
    expect(screen.getByText('Toutes les étapes sont faites.')).toBeTruthy();
    rerender(<MyProgress summary={{ ...base, next: { key: 'k', index: 5, title: title('Envoyer le formulaire'), onThisPage: false } }} />);
    expect(screen.getByText(/Hors des portails/)).toBeTruthy();
  });
});
