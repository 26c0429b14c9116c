import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildChecklist } from '../../lib/procedures/checklist';
import { findProcedure } from '../../lib/procedures/index';
import { sampleEstablishment } from '../../lib/profile/sample';
import { Checklist } from './Checklist';
import { Sheet413 } from './Sheet413';
import { Sheet413Page } from './Sheet413Page';
import { bindFrenchSpaces } from '../../lib/i18n/typography';
import { shownValue } from '../../lib/profile/identifiers';

const valueOf = (container: HTMLElement, id: string) => container.querySelector(`[data-field="${id}"] .sheet__value`)?.textContent ?? null;

describe('Sheet413', () => {
  it('shows exactly the profile’s values, each with a copy button, and the address to send it to', () => {
    const { container } = render(<Sheet413 establishment={sampleEstablishment()} />);
    expect(['denomination', 'siret', 'finessEt', 'postalCode', 'commune', 'usage', 'software', 'offer', 'mailDomain'].map((id) => valueOf(container, id))).toEqual([
      'Assistance Publique – Hôpitaux de Paris',
      shownValue('siret', sampleEstablishment().siret!),
      '750100125',
      '75013',
      'Paris',
      'accès au DP en authentification avec un certificat de personne physique',
      'Éditeur Démo — DUI Démo — 4.2',
      'Offre certificat logiciel PRO (personne physique) usage AUTH, SIGN, CONF',
      'hopital-demo.fr',
    ]);
    expect(screen.getByRole('button', { name: bindFrenchSpaces('Copier : N° SIRET') })).toBeTruthy();
    expect(container.querySelector('.sheet__admins')?.textContent).toContain(`Luc Bernard — luc.bernard@hopital-demo.fr — ${shownValue('phone', '0140275002')} — CPE`);
    expect(screen.getByText(/monserviceclient\.certificats@asipsante\.fr/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  // Issue 18: shown grouped as on the options page, copied as the digits a portal's or a PDF's field takes.
  it('copies the SIRET as its digits', async () => {
    const user = userEvent.setup();
    render(<Sheet413 establishment={sampleEstablishment()} />);
    await user.click(screen.getByRole('button', { name: bindFrenchSpaces('Copier : N° SIRET') }));
    expect(await navigator.clipboard.readText()).toBe('26750045200524');
  });

  it('flags a missing mail domain with a link to fix it in the options page', () => {
    const { container } = render(<Sheet413 establishment={{ ...sampleEstablishment(), mailDomain: undefined }} />);
    const row = container.querySelector<HTMLElement>('[data-field="mailDomain"]')!;
    expect(row.className).toContain('sheet__field--missing');
    expect(within(row).getByText('Manquant')).toBeTruthy();
    const link = within(row).getByRole('link', { name: 'Compléter dans les options' });
    expect(link.getAttribute('href')).toMatch(/options\.html#establishment=7d0f5d8e-3c1b-4a8e-9a57-2f4d1c6b9e01&field=mailDomain$/);
    expect(screen.getByRole('alert').textContent).toBe('1 valeur à compléter avant d’imprimer.');
  });

  it('says « Manquant » for a software the profile lacks, as the side panel does, with the link, neither flagged nor counted (issue 18, N8)', () => {
    const establishment = { ...sampleEstablishment(), software: undefined };
    const { container } = render(<Sheet413 establishment={establishment} />);
    const row = container.querySelector<HTMLElement>('[data-field="software"]')!;
    expect(row.className).not.toContain('sheet__field--missing');
    expect(row.querySelector('dd')!.textContent).toMatch(/^Manquant Compléter dans les options/);
    expect(within(row).getByRole('link', { name: 'Compléter dans les options' }).getAttribute('href')).toMatch(/&field=software\.vendor$/);
    expect(screen.queryByRole('alert')).toBeNull();

    const certificats = findProcedure('003-certificats-dp')!;
    const step = buildChecklist(certificats, {}, establishment).filter((item) => item.step.sheet413);
    const panel = render(<Checklist procedure={certificats} establishment={establishment} checklist={step} progress={undefined} settled onToggle={() => {}} />);
    expect(panel.container.querySelector('[data-kind="softwareVendor"] a')?.textContent).toBe('Manquant — compléter le profil');
  });

  it('says « parties 1, 3 et 4 » as it shows them, and counts what is missing in words', () => {
    const { container } = render(<Sheet413 establishment={{ ...sampleEstablishment(), mailDomain: undefined, siret: undefined }} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Formulaire 413 — parties 1, 3 et 4');
    expect([...container.querySelectorAll('h2')].map((h) => h.textContent?.match(/^Partie \d/)?.[0])).toEqual(['Partie 1', 'Partie 3', 'Partie 4']);
    expect(screen.getByRole('alert').textContent).toBe('2 valeurs à compléter avant d’imprimer.');
  });

  it('says to tick the offer box, with nothing to copy', () => {
    const { container } = render(<Sheet413 establishment={sampleEstablishment()} />);
    const row = container.querySelector<HTMLElement>('[data-field="offer"]')!;
    expect(row.querySelector('dd')!.textContent).toBe(bindFrenchSpaces('Cochez : Offre certificat logiciel PRO (personne physique) usage AUTH, SIGN, CONF'));
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('links the blank form, and marks every « Compléter dans les options » link as not printed', () => {
    const { container } = render(<Sheet413 establishment={{ ...sampleEstablishment(), mailDomain: undefined, contacts: [] }} />);
    expect(screen.getByRole('link', { name: 'https://esante.gouv.fr/documents/413' }).getAttribute('href')).toBe('https://esante.gouv.fr/documents/413');
    const fixes = screen.getAllByRole('link', { name: 'Compléter dans les options' });
    expect(fixes).toHaveLength(2);
    for (const link of fixes) expect(link.className).toBe('sheet__fix');
    expect(container.querySelector('.sheet__paper-label')).toBeNull();
  });
});

describe('Sheet413Page', () => {
  it('without a known establishment, says why and links to the options, where the establishments are', async () => {
    render(<Sheet413Page establishmentId="no-such-establishment" />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Établissement introuvable\u00a0: .*«\u202fCertificats IGC-Santé pour le Dossier Pharmaceutique\u202f»/);
    expect(screen.getByRole('link', { name: 'Ouvrir les options de Balise' }).getAttribute('href')).toMatch(/options\.html$/);
  });
});
