import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncSites } from '../../lib/overlay/messages';
import { siteChoices } from '../../lib/store/storage';
import { SitesSection } from './SitesSection';
import { bindFrenchSpaces } from '../../lib/i18n/typography';

let granted: string[];
beforeEach(() => {
  granted = ['https://plage.atih.sante.fr/*'];
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation((async () => ({ origins: [...granted], permissions: [] })) as never);
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation((async ({ origins }: { origins: string[] }) => {
    granted = granted.filter((o) => !origins.includes(o));
    return true;
  }) as never);
  vi.spyOn(syncSites, 'send').mockResolvedValue({});
});
afterEach(() => vi.restoreAllMocks());

describe('SitesSection', () => {
  it('says how to add a site when there is none', async () => {
    render(<SitesSection announce={() => {}} />);
    expect(await screen.findByText(/Aucun site activé\. Pour en ajouter un, ouvrez la page du portail/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Sites activés' })).toBeTruthy();
  });

  it('lists each granted site with its portal, not one the browser revoked, and removes one from the keyboard', async () => {
    await siteChoices().setValue({
      'https://tom-nouveau.esante.gouv.fr': 'ans-tom',
      'https://contrat.esante.gouv.fr': 'ans-contrat',
      'https://revoque.sante.gouv.fr': 'erpps',
    });
    granted.push('https://tom-nouveau.esante.gouv.fr/*', 'https://contrat.esante.gouv.fr/*');
    const announce = vi.fn();
    render(<SitesSection announce={announce} />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'contrat.esante.gouv.frContrat de structure ANSRetirer',
      'tom-nouveau.esante.gouv.frTOM (téléservice ANS)Retirer',
    ]);
    const remove = screen.getByRole('button', { name: 'Retirer contrat.esante.gouv.fr (Contrat de structure ANS)' });
    remove.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(1));
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: ['https://contrat.esante.gouv.fr/*'] });
    expect(await siteChoices().getValue()).not.toHaveProperty('https://contrat.esante.gouv.fr');
    expect(syncSites.send).toHaveBeenCalled();
    expect(announce).toHaveBeenCalledWith(bindFrenchSpaces('contrat.esante.gouv.fr est retiré : Balise n’y fonctionne plus.'));
    // The focus is not lost: it goes to the next site's button.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Retirer tom-nouveau.esante.gouv.fr (TOM (téléservice ANS))' })));
  });
});
