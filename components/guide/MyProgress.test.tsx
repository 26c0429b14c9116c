import { render, screen } from '@testing-library/react';
import { baliseAdvice, fromSeed } from '../../lib/portals/schema';
import type { ProgressSummary } from '../../lib/procedures/summary';
import { MyProgress } from './MyProgress';
import { bindFrenchSpaces } from '../../lib/i18n/typography';

const title = (fr: string) => ({ fr, en: fr });
const step = (fr: string) => fromSeed('000', 'Essai', fr, fr);
const base: ProgressSummary = { procedureId: '000-distrilog', title: title('Accès à Distrilog'), done: 2, total: 5, settled: true, onThisPage: [] };

describe('MyProgress', () => {
  it('shows the count and, for a next step elsewhere, a link to where it starts', () => {
    render(
      <MyProgress
        summary={{ ...base, next: { key: 'k', index: 3, title: step('Valider la demande'), onThisPage: false, page: { name: title('Mes profils'), href: 'https://plage.atih.sante.fr/mon-compte/profils' } } }}
        shownAbove={false}
      />,
    );
    expect(screen.getByRole('region', { name: 'Votre avancement' }).textContent).toContain('Accès à Distrilog · 2 sur 5 faites');
    expect(screen.getByText(/Prochaine étape/).closest('p')?.textContent).toContain(bindFrenchSpaces('Prochaine étape (3 sur 5) : Valider la demande'));
    expect(screen.getByRole('link', { name: bindFrenchSpaces('Aller à : Mes profils') }).getAttribute('href')).toBe('https://plage.atih.sante.fr/mon-compte/profils');
  });

  it('says when the next step is on this page and names its person', () => {
    render(<MyProgress summary={{ ...base, next: { key: 'k', index: 2, title: step('Créer le compte'), person: 'Anne Martin', onThisPage: true } }} shownAbove={false} />);
    expect(screen.getByText(/Prochaine étape/).closest('p')?.textContent).toContain(bindFrenchSpaces('Prochaine étape (2 sur 5) : Créer le compte (Anne Martin) C’est sur cette page.'));
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('does not repeat what the panel lists above: the procedure’s name, a next step of this page', () => {
    render(<MyProgress summary={{ ...base, next: { key: 'k', index: 2, title: step('Créer le compte'), onThisPage: true } }} shownAbove />);
    const region = screen.getByRole('region', { name: 'Votre avancement' });
    expect(region.textContent).not.toContain('Accès à Distrilog');
    expect(region.textContent).not.toContain('Créer le compte');
    expect(screen.getByText(/Prochaine étape/).closest('p')?.textContent).toBe(bindFrenchSpaces('Prochaine étape (2 sur 5) : sur cette page, ci-dessus.'));
  });

  it('says when every step is done, and when the next one is off the portals', () => {
    const { rerender } = render(<MyProgress summary={base} shownAbove />);
    expect(screen.getByText('Toutes les étapes sont faites.')).toBeTruthy();
    rerender(<MyProgress summary={{ ...base, next: { key: 'k', index: 5, title: step('Envoyer le formulaire'), onThisPage: false } }} shownAbove />);
    expect(screen.getByText(/Hors des portails/)).toBeTruthy();
  });

  it('tags Balise’s advice as such in the next step', () => {
    const next = { key: 'k', index: 2, title: baliseAdvice('000', 'Essai', 'Vérifier le profil', 'Check the profile'), onThisPage: false };
    render(<MyProgress summary={{ ...base, next }} shownAbove={false} />);
    expect(screen.getByText(/Prochaine étape/).closest('p')?.textContent).toContain(bindFrenchSpaces('Prochaine étape (2 sur 5) : Conseil de Balise : Vérifier le profil'));
  });

  it('while questions that decide the steps are unanswered: no count, no number, no « all done » (they would change)', () => {
    const { rerender } = render(<MyProgress summary={{ ...base, settled: false, next: { key: 'k', index: 1, title: step('Se connecter'), onThisPage: false } }} shownAbove={false} />);
    const region = screen.getByRole('region', { name: 'Votre avancement' });
    expect(region.textContent).toContain('Des questions restent sans réponse');
    expect(region.textContent).not.toMatch(/sur 5/);
    expect(screen.getByText(/Prochaine étape/).closest('p')?.textContent).toContain(bindFrenchSpaces('Prochaine étape connue : Se connecter'));
    rerender(<MyProgress summary={{ ...base, settled: false }} shownAbove={false} />);
    expect(screen.queryByText('Toutes les étapes sont faites.')).toBeNull();
  });
});
