import { render } from '@testing-library/react';
import { baliseAdvice, fromSeed } from '../../lib/portals/schema';
import { analysePage } from '../../lib/autofill/engine';
import { planFill } from '../../lib/autofill/plan';
import { buildChecklist } from '../../lib/procedures/checklist';
import { findProcedure } from '../../lib/procedures/index';
import { sampleEstablishment } from '../../lib/profile/sample';
import { loadFixture } from '../../test/fixtures/load';
import { fixtures } from '../../test/fixtures/load';
import { shownValue } from '../../lib/profile/identifiers';
import { Checklist } from './Checklist';
import { bindFrenchSpaces } from '../../lib/i18n/typography';

const distrilog = findProcedure('000-distrilog')!;
/** The branch where the EPI order manager creates a Plage account: the step asks for the entity's FINESS. */
const answers = { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'yes', severalEstablishments: 'no' };

describe('Checklist', () => {
  it.each([
    ['public', '750712184'],
    ['private', '750100125'],
  ] as const)('shows the FINESS that the fill writes on the step’s pages (%s structure)', (status, finess) => {
    const establishment = { ...sampleEstablishment(), status };
    const item = buildChecklist(distrilog, answers, establishment).find((i) => i.step.uses.includes('finess'))!;
    const { container } = render(<Checklist procedure={distrilog} establishment={establishment} checklist={[item]} progress={undefined} settled onToggle={() => {}} />);
    expect(container.querySelector('[data-kind="finess"]')?.textContent).toBe(bindFrenchSpaces(`FINESS (EJ si public, ET si privé) : ${finess}`));

    const stepFixtures = fixtures.filter((f) => item.pages.some((m) => m.portal.id === f.portal && m.page.id === f.page));
    const written = stepFixtures.flatMap((fixture) => {
      const dom = loadFixture(fixture, fixture.url);
      const analysis = analysePage(dom.window.document, fixture.url)!;
      const lines = planFill(analysis.fields, establishment).lines.filter((line) => line.kind === 'finess');
      dom.window.close();
      return lines.map((line) => line.value);
    });
    expect(written.length).toBeGreaterThan(0);
    for (const value of written) expect(value).toBe(finess);
  });
});

describe('Checklist sources', () => {
  it('marks Balise’s own advice as such, and shows a seed’s words plainly', () => {
    const establishment = sampleEstablishment();
    const [item] = buildChecklist(distrilog, answers, establishment);
    const step = {
      ...item!.step,
      details: [baliseAdvice('000', 'Essai', 'Une déduction de Balise.', 'An inference.'), fromSeed('000', 'Essai', 'Un fait de la fiche.', 'A fact.')],
    };
    const { getByText } = render(
      <Checklist procedure={distrilog} establishment={establishment} checklist={[{ ...item!, step }]} progress={undefined} settled onToggle={() => {}} />,
    );
    expect(getByText('Une déduction de Balise.', { exact: false }).closest('li')?.textContent).toBe(bindFrenchSpaces('Conseil de Balise : Une déduction de Balise.'));
    expect(getByText('Un fait de la fiche.').closest('li')?.textContent).toBe('Un fait de la fiche.');
  });

  it('tags a step title that is Balise’s advice (003: the mandataire e-CPS step)', () => {
    const certificates = findProcedure('003-certificats-dp')!;
    const step = certificates.steps.find((s) => s.id === 'mandataireECps')!;
    expect(step.title.ref.advice).toBe(true);
    const establishment = sampleEstablishment();
    const [item] = buildChecklist(distrilog, answers, establishment);
    const { container } = render(
      <Checklist procedure={certificates} establishment={establishment} checklist={[{ ...item!, step }]} progress={undefined} settled onToggle={() => {}} />,
    );
    expect(container.querySelector('.checklist__title')?.textContent).toBe(bindFrenchSpaces(` Conseil de Balise : ${step.title.fr}`));
  });
});

describe('Checklist « Qui »', () => {
  // Issue 18: the roles' long labels, with their duties in brackets, made each line of the column wrap.
  it('names a role nobody holds yet by its short name', () => {
    const establishment = { ...sampleEstablishment(), contacts: [] };
    const checklist = buildChecklist(distrilog, answers, establishment);
    const { container } = render(<Checklist procedure={distrilog} establishment={establishment} checklist={checklist} progress={undefined} settled onToggle={() => {}} />);
    const nobody = [...container.querySelectorAll('.checklist__who')].map((p) => p.textContent).filter((text) => text?.includes('personne dans le profil'));
    expect(nobody).toContain(bindFrenchSpaces('Qui : Responsable de commande d’EPI — personne dans le profil'));
    // The duties the long label gives in closing brackets (« Responsable de commande d’EPI (Distrilog-santé) ») are left out.
    for (const text of nobody) expect(text).not.toMatch(/\) — personne dans le profil$/);
  });
});

describe('Checklist « À préparer »', () => {
  // Newcomer report, low items: a SIRET shown « 26750045200524 » here and « 267 500 452 00524 » in the editor and the sheet.
  it('shows the SIRET grouped as the editor and the 413 sheet do', () => {
    const establishment = sampleEstablishment();
    const certificates = findProcedure('003-certificats-dp')!;
    const item = buildChecklist(certificates, {}, establishment).find((i) => i.step.uses.includes('siret'))!;
    const { container } = render(<Checklist procedure={certificates} establishment={establishment} checklist={[item]} progress={undefined} settled onToggle={() => {}} />);
    expect(container.querySelector('[data-kind="siret"]')?.textContent).toBe(bindFrenchSpaces(`SIRET : ${shownValue('siret', establishment.siret!)}`));
  });
});
