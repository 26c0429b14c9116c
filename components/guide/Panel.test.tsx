import { render } from '@testing-library/react';
import { findPage } from '../../lib/portals';
import { guidanceFor } from '../../lib/overlay/guidance';
import { Panel } from './Panel';

const noop = () => {};

describe('Panel sources', () => {
  it('tags the page’s step titles that are Balise’s advice, from the catalogue the page side sends (003 on MesHabilitations)', () => {
    const match = findPage('ans-meshabilitations', 'home')!;
    const guidance = guidanceFor(match, '003-certificats-dp');
    expect(guidance.procedure).toBe('003-certificats-dp');
    const { container } = render(
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
    const titles = [...container.querySelectorAll('[data-balise-step="mandataireECps"] .step-title')].map((h) => h.textContent);
    expect(titles).toHaveLength(1);
    expect(titles[0]).toMatch(/^Conseil de Balise : Déclarer le mandataire/);
  });
});
