import { render } from '@testing-library/react';
import { findPage } from '../../lib/portals';
import { guidanceFor } from '../../lib/overlay/guidance';
import type { ProcedureId } from '../../lib/portals/schema';
import { Panel } from './Panel';

const noop = () => {};

function renderPanel(portalId: string, pageId: string, procedure: ProcedureId) {
  const match = findPage(portalId, pageId)!;
  const guidance = guidanceFor(match, procedure);
  return render(
    <Panel
      portal={match.portal}
      page={match.page}
      guidance={guidance}
      summary={null}
      clicks={[]}
      hints={[]}
      fill={null}
      report={undefined}
      headingRef={null}
      onProcedure={noop}
      onShowClick={noop}
      onGoToField={noop}
      onCollapse={noop}
      onDismiss={noop}
      onDescribePage={noop}
    />,
  );
}

describe('Panel texts', () => {
  it('folds the sources behind one « D’où vient ce conseil ? », naming the guide by its title (000 on Plage)', () => {
    const { container } = renderPanel('plage', 'accountCheck', '000-distrilog');
    const instructions = container.querySelector('.instructions')!;
    expect(instructions.querySelectorAll('li').length).toBeGreaterThan(1);
    expect(instructions.textContent).not.toMatch(/fiche|Source/);
    const sources = container.querySelectorAll('details.sources');
    expect(sources).toHaveLength(1);
    expect(sources[0]!.querySelector('summary')!.textContent).toBe('D’où vient ce conseil ?');
    expect([...sources[0]!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Distrilog-santé : habilitation sur Plage de l’ATIH, section « Étape 3 »']);
  });

  it('expands each acronym once on the page, at its first use (003 on the IGC-Santé product page)', () => {
    const { container } = renderPanel('igc-sante', 'productOrder', '003-certificats-dp');
    const abbrs = [...container.querySelectorAll('abbr')].map((abbr) => abbr.textContent);
    expect(abbrs).toContain('UPN');
    expect(new Set(abbrs).size).toBe(abbrs.length);
    expect(container.querySelector('abbr')!.getAttribute('title')).toBeTruthy();
  });
});

describe('Panel sources', () => {
  it('tags the page’s step titles that are Balise’s advice, from the catalogue the page side sends (003 on MesHabilitations)', () => {
    expect(guidanceFor(findPage('ans-meshabilitations', 'home')!, '003-certificats-dp').procedure).toBe('003-certificats-dp');
    const { container } = renderPanel('ans-meshabilitations', 'home', '003-certificats-dp');
    const titles = [...container.querySelectorAll('[data-balise-step="mandataireECps"] .step-title')].map((h) => h.textContent);
    expect(titles).toHaveLength(1);
    expect(titles[0]).toMatch(/^Conseil de Balise : Déclarer le mandataire/);
  });
});
