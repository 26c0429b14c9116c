import { render, screen, within } from '@testing-library/react';
import { sampleEstablishment } from '../../lib/profile/sample';
import { Sheet413 } from './Sheet413';

const valueOf = (container: HTMLElement, id: string) => container.querySelector(`[data-field="${id}"] .sheet__value`)?.textContent ?? null;

describe('Sheet413', () => {
  it('shows exactly the profile’s values, each with a copy button, and the address to send it to', () => {
    const { container } = render(<Sheet413 establishment={sampleEstablishment()} />);
    expect(['denomination', 'siret', 'finessEt', 'postalCode', 'commune', 'usage', 'software', 'offer', 'mailDomain'].map((id) => valueOf(container, id))).toEqual([
      'Assistance Publique – Hôpitaux de Paris',
      '26750045200524',
      '750100125',
      '75013',
      'Paris',
      'accès au DP en authentification avec un certificat de personne physique',
      'Éditeur Démo — DUI Démo — 4.2',
      'Offre certificat logiciel PRO (personne physique) usage AUTH, SIGN, CONF',
      'hopital-demo.fr',
    ]);
    expect(screen.getByRole('button', { name: 'Copier : N° SIRET' })).toBeTruthy();
    expect(container.querySelector('.sheet__admins')?.textContent).toContain('Luc Bernard — luc.bernard@hopital-demo.fr — 0140275002 — CPE');
    expect(screen.getByText(/monserviceclient\.certificats@asipsante\.fr/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('flags a missing mail domain with a link to fix it in the options page', () => {
    const { container } = render(<Sheet413 establishment={{ ...sampleEstablishment(), mailDomain: undefined }} />);
    const row = container.querySelector<HTMLElement>('[data-field="mailDomain"]')!;
    expect(row.className).toContain('sheet__field--missing');
    expect(within(row).getByText('Manquant')).toBeTruthy();
    const link = within(row).getByRole('link', { name: 'Compléter dans les options' });
    expect(link.getAttribute('href')).toMatch(/options\.html#establishment=7d0f5d8e-3c1b-4a8e-9a57-2f4d1c6b9e01&field=mailDomain$/);
    expect(screen.getByRole('alert').textContent).toBe("1 valeur(s) à compléter avant d'imprimer.");
  });
});
