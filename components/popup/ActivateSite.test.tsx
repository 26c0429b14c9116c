import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { siteRequested } from '../../lib/overlay/messages';
import { pendingSite, siteChoices } from '../../lib/store/storage';
import { ActivateSite } from './ActivateSite';
import { bindFrenchSpaces } from '../../lib/i18n/typography';

const origin = 'https://tom-nouveau.esante.gouv.fr';
const activeTab = (url: string) => fakeBrowser.tabs.create({ url, active: true });

let granted: string[];
beforeEach(() => {
  granted = [];
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o))) as never);
  vi.spyOn(siteRequested, 'send').mockResolvedValue(false);
});
afterEach(() => vi.restoreAllMocks());

const section = () => screen.findByRole('region', { name: 'Balise n’est pas actif sur ce site' });

describe('ActivateSite', () => {
  it('offers to switch Balise on for a page of the e-health domains it does not know, the portals without a host first', async () => {
    await activeTab(`${origin}/accueil?x=1`);
    render(<ActivateSite />);
    await section();
    expect(screen.getByText(/tom-nouveau\.esante\.gouv\.fr fait partie des domaines nationaux/)).toBeTruthy();
    const select = screen.getByRole('combobox', { name: bindFrenchSpaces('Ce site est :') });
    const names = Array.from((select as HTMLSelectElement).options).map((o) => o.textContent);
    expect(names[0]).toBe('— Choisir le portail —');
    expect(names.slice(1, 4).sort()).toEqual(['Contrat de structure ANS', 'eRPPS et e-CPS', 'MesHabilitations (ANS)'].sort());
    expect(names).toContain('TOM (téléservice ANS)');
    expect(screen.getByRole('button', { name: 'Activer Balise sur ce site' })).toBeTruthy();
  });

  it('asks the browser in the click itself, with nothing awaited before, for this exact origin; the choice waits for the grant', async () => {
    await activeTab(`${origin}/accueil`);
    let resolve: (granted: boolean) => void = () => {};
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((() => new Promise<boolean>((r) => (resolve = r))) as never);
    render(<ActivateSite />);
    await section();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: bindFrenchSpaces('Ce site est :') }), 'ans-tom');
    fireEvent.click(screen.getByRole('button', { name: 'Activer Balise sur ce site' }));
    // Synchronously, within the click's dispatch: Firefox refuses a request made after an await.
    expect(request).toHaveBeenCalledWith({ origins: [`${origin}/*`] });
    await waitFor(async () => expect(await pendingSite().getValue()).toMatchObject({ origin, portalId: 'ans-tom' }));
    await waitFor(() => expect(siteRequested.send).toHaveBeenCalled());
    // Nothing is stored as switched on before the browser grants (the background does it then).
    expect(await siteChoices().getValue()).toEqual({});
    resolve(true);
    expect(await screen.findByText('Balise est actif sur ce site : la page se recharge avec le guide.')).toBeTruthy();
  });

  it('says so clearly when the user refuses, and keeps nothing', async () => {
    await activeTab(`${origin}/accueil`);
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    render(<ActivateSite />);
    await section();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: bindFrenchSpaces('Ce site est :') }), 'erpps');
    await userEvent.click(screen.getByRole('button', { name: 'Activer Balise sur ce site' }));
    expect((await screen.findByRole('alert')).textContent).toBe(bindFrenchSpaces('Vous n’avez pas autorisé Balise sur ce site : rien n’a changé. Vous pouvez réessayer quand vous voulez.'));
    await waitFor(async () => expect(await pendingSite().getValue()).toBeNull());
    expect(await siteChoices().getValue()).toEqual({});
  });

  it('asks for the portal first, without asking the browser', async () => {
    await activeTab(`${origin}/accueil`);
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    render(<ActivateSite />);
    await section();
    await userEvent.click(screen.getByRole('button', { name: 'Activer Balise sur ce site' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choisissez d’abord le portail de ce site.');
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: bindFrenchSpaces('Ce site est :') }));
    expect(request).not.toHaveBeenCalled();
  });

  it.each([
    'https://plage.atih.sante.fr/compte',
    'http://tom-nouveau.esante.gouv.fr/',
    'https://tom-nouveau.esante.gouv.fr:8443/',
    'https://esante.gouv.fr.evil.test/',
    'https://example.org/',
  ])('offers nothing on %s', async (url) => {
    await activeTab(url);
    const { container } = render(<ActivateSite />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.innerHTML).toBe('');
  });

  it('offers nothing once the site is on (granted and its portal chosen); offers again when only one of the two holds', async () => {
    await activeTab(`${origin}/accueil`);
    granted = [`${origin}/*`];
    await siteChoices().setValue({ [origin]: 'ans-tom' });
    const on = render(<ActivateSite />);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(on.container.innerHTML).toBe('');
    on.unmount();
    // Revoked in the browser's own UI: the storage alone does not make it on.
    granted = [];
    render(<ActivateSite />);
    await section();
  });
});
