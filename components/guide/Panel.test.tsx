import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { findPage } from '../../lib/portals';
import { guidanceFor } from '../../lib/overlay/guidance';
import type { ProcedureId } from '../../lib/portals/schema';
import { Panel } from './Panel';
import { bindFrenchSpaces } from '../../lib/i18n/typography';

const noop = () => {};

/** The panel on a page of the catalogue (MesHabilitations' home for 003 unless told), every callback a no-op, `props` over them. */
function panelFor(
  props: Partial<ComponentProps<typeof Panel>> = {},
  [portalId, pageId, procedure]: [string, string, ProcedureId] = ['ans-meshabilitations', 'home', '003-certificats-dp'],
) {
  const match = findPage(portalId, pageId)!;
  const guidance = guidanceFor(match, procedure);
  const element = (
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
      dock="floating"
      onDock={noop}
      {...props}
    />
  );
  return { guidance, element };
}

function renderPanel(...args: Parameters<typeof panelFor>) {
  const { guidance, element } = panelFor(...args);
  return { guidance, ...render(element) };
}

describe('Panel texts', () => {
  it('folds the sources behind one « D’où vient ce conseil ? », naming the guide by its title (000 on Plage)', () => {
    const { container } = renderPanel({}, ['plage', 'accountCheck', '000-distrilog']);
    const instructions = container.querySelector('.instructions')!;
    expect(instructions.querySelectorAll('li').length).toBeGreaterThan(1);
    expect(instructions.textContent).not.toMatch(/fiche|Source/);
    const sources = container.querySelectorAll('details.sources');
    expect(sources).toHaveLength(1);
    expect(sources[0]!.querySelector('summary')!.textContent).toBe(bindFrenchSpaces('D’où vient ce conseil ?'));
    expect([...sources[0]!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([bindFrenchSpaces('Distrilog-santé : habilitation sur Plage de l’ATIH, section « Étape 3 »')]);
  });

  it('expands each acronym once on the page, at its first use (003 on the IGC-Santé product page)', () => {
    const { container } = renderPanel({}, ['igc-sante', 'productOrder', '003-certificats-dp']);
    const abbrs = [...container.querySelectorAll('abbr')].map((abbr) => abbr.textContent);
    expect(abbrs).toContain('UPN');
    expect(new Set(abbrs).size).toBe(abbrs.length);
    expect(container.querySelector('abbr')!.getAttribute('title')).toBeTruthy();
  });
});

describe('Panel sources', () => {
  it('tags the page’s step titles that are Balise’s advice, from the catalogue the page side sends (003 on MesHabilitations)', () => {
    const { guidance, container } = renderPanel();
    expect(guidance.procedure).toBe('003-certificats-dp');
    const titles = [...container.querySelectorAll('[data-balise-step="mandataireECps"] .step-title')].map((h) => h.textContent);
    expect(titles).toHaveLength(1);
    expect(titles[0]).toMatch(/^Conseil de Balise\u00a0: Déclarer le mandataire/);
  });
});

describe('Panel layout', () => {
  it('keeps the fill section out of the scrolled guide text', () => {
    const { container } = renderPanel({ fill: <button type="button">Remplir cette page</button> });
    const fill = screen.getByRole('button', { name: 'Remplir cette page' });
    expect(container.querySelector('.panel-scroll')!.contains(fill)).toBe(false);
    expect(container.querySelector('.panel-pinned')!.contains(fill)).toBe(true);
  });

  it('offers the three places of the guide in its header, seen on opening, as a labelled group of toggle buttons, the current one pressed', () => {
    const chosen: string[] = [];
    const { container } = renderPanel({ dock: 'right', onDock: (dock) => chosen.push(dock) });
    const group = screen.getByRole('group', { name: bindFrenchSpaces('Position du guide :') });
    expect(container.querySelector('header')!.contains(group)).toBe(true);
    const buttons = [...group.querySelectorAll('button')].map((b) => [b.getAttribute('aria-label'), b.getAttribute('aria-pressed'), b.title]);
    expect(buttons).toEqual([
      ['à gauche', 'false', bindFrenchSpaces('Le guide sur toute la hauteur, à gauche ; la page se décale à côté')],
      ['flottant', 'false', 'Le guide dans un coin, par-dessus la page'],
      ['à droite', 'true', bindFrenchSpaces('Le guide sur toute la hauteur, à droite ; la page se décale à côté')],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'à gauche' }));
    expect(chosen).toEqual(['left']);
  });

  it('says how to bring the guide back (its shortcut, the toolbar button) before hiding it, and hides it only when confirmed', () => {
    let dismissed = 0;
    const { container } = renderPanel({ onDismiss: () => dismissed++ });
    fireEvent.click(screen.getByRole('button', { name: 'Masquer le guide sur ce portail' }));
    expect(dismissed).toBe(0);
    expect(container.querySelector('.dismiss-confirm')!.textContent).toContain(bindFrenchSpaces('« Réafficher le guide sur MesHabilitations (ANS) »'));
    expect(container.querySelector('.dismiss-confirm')!.textContent).toContain('Alt+Maj+B sur une page de MesHabilitations (ANS)');
    const confirm = screen.getByRole('button', { name: 'Masquer le guide' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(screen.getByRole('button', { name: 'Garder le guide' }));
    expect(container.querySelector('.dismiss-confirm')).toBeNull();
    expect(dismissed).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Masquer le guide sur ce portail' }));
    fireEvent.click(screen.getByRole('button', { name: 'Masquer le guide' }));
    expect(dismissed).toBe(1);
  });

  it('shows the tip of the focused field above the fill section when its bubble found no room beside the field, and says so', () => {
    const ref = { seed: '002' as const, section: 'ETAPE 1' };
    const hints = [
      { label: 'Adresse mail', tips: [{ fr: 'Une adresse de service.', en: 'A service address.', ref }] },
      { label: 'Ville', tips: [{ fr: 'La ville du siège.', en: 'The head office’s town.', ref }, { fr: 'Elle aide l’annuaire.', en: 'It helps the directory.', ref }] },
    ];
    const { container, rerender } = renderPanel({ hints });
    expect(container.querySelector('.tip-in-panel')).toBeNull();
    rerender(panelFor({ hints, tipInPanel: 1 }).element);
    const tip = container.querySelector('.panel-pinned .tip-in-panel')!;
    expect(tip.querySelector('h3')!.textContent).toBe(bindFrenchSpaces('Conseil pour le champ « Ville »'));
    expect(tip.textContent).toContain(bindFrenchSpaces('Il n’y a pas la place à côté du champ sans cacher le formulaire : le conseil s’affiche ici.'));
    // Every tip of the field, as its one badge holds them all.
    expect(tip.textContent).toContain('La ville du siège.');
    expect(tip.textContent).toContain('Elle aide l’annuaire.');
  });

  it('says in words that a page serves several steps, and only then (002 on Medimail’s login: the account, then the mailbox)', () => {
    const several = renderPanel({}, ['medimail', 'login', '002-medimail-bal-org']);
    expect(several.guidance.steps.length).toBeGreaterThan(1);
    const steps = screen.getByRole('list', { name: bindFrenchSpaces('Cette page sert à plusieurs étapes de la démarche :') });
    expect(steps.querySelectorAll('[data-balise-step]')).toHaveLength(several.guidance.steps.length);
    several.unmount();
    const one = renderPanel({}, ['medimail', 'balOrgForm', '002-medimail-bal-org']);
    expect(one.guidance.steps).toHaveLength(1);
    expect(one.container.querySelector('.steps-here')).toBeNull();
  });

  it('folds the guide text behind one line that opens it, its state said (the fold applies floating with a fill preview or outcome, guide.css)', () => {
    const { container } = renderPanel({ fill: <ul className="balise-fill-lines balise-fill-preview" /> });
    expect(container.querySelector('.panel-body')!.getAttribute('data-dock')).toBe('floating');
    const fold = screen.getByRole('button', { name: 'Étapes et conseils de cette page' });
    const text = container.querySelector('#balise-guide-text')!;
    expect(fold.getAttribute('aria-controls')).toBe(text.id);
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    expect(text.classList.contains('folded')).toBe(true);
    fireEvent.click(fold);
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    expect(text.classList.contains('folded')).toBe(false);
  });

  it('offers the procedures of a page serving several as radios named in full, the followed one checked (003 on IGC-Santé’s product page)', () => {
    const chosen: string[] = [];
    const { guidance } = renderPanel({ onProcedure: (procedure) => chosen.push(procedure) }, ['igc-sante', 'productOrder', '003-certificats-dp']);
    expect(guidance.procedures.length).toBeGreaterThan(1);
    const group = screen.getByRole('group', { name: 'Démarche' });
    const radios = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((radio) => radio.labels![0]!.textContent!.trim())).toContain('Certificats IGC-Santé pour le Dossier Pharmaceutique');
    expect(radios.filter((radio) => radio.checked).map((radio) => radio.value)).toEqual(['003-certificats-dp']);
    fireEvent.click(radios.find((radio) => !radio.checked)!);
    expect(chosen).toHaveLength(1);
    expect(chosen[0]).not.toBe('003-certificats-dp');
  });
});
