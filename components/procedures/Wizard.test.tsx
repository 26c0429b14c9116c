import { render, screen, within } from '@testing-library/react';
import { baliseAdvice } from '../../lib/portals/schema';
import { findProcedure } from '../../lib/procedures/index';
import { sampleEstablishment } from '../../lib/profile/sample';
import { withProfileGuesses, Wizard } from './Wizard';
import { bindFrenchSpaces } from '../../lib/i18n/typography';

const distrilog = findProcedure('000-distrilog')!;

describe('Wizard sources', () => {
  it('tags Balise’s advice in a question’s help, and shows the seed’s question plainly', () => {
    render(<Wizard procedure={distrilog} establishment={sampleEstablishment()} answers={{}} onAnswer={() => {}} />);
    const question = screen.getByRole('group', { name: /compte Plage \(Pasrel\)/ });
    expect(question.querySelector('legend')?.textContent).toBe(bindFrenchSpaces('Le responsable de commande d’EPI a-t-il un compte Plage (Pasrel) de l’ATIH ?'));
    expect(question.querySelector('.wizard__help')?.textContent).toMatch(/^Conseil de Balise\u00a0: La fiche demande «\u202fcompte Plage\u202f»/);
  });

  it('tags a question that is Balise’s own', () => {
    const [first] = distrilog.questions;
    const procedure = { ...distrilog, questions: [{ ...first!, prompt: baliseAdvice('000', 'Essai', 'Une question de Balise ?', 'A question?') }] };
    render(<Wizard procedure={procedure} establishment={sampleEstablishment()} answers={{}} onAnswer={() => {}} />);
    expect(within(screen.getByRole('group')).getByText('Une question de Balise ?', { exact: false }).closest('legend')?.textContent).toBe(
      bindFrenchSpaces('Conseil de Balise : Une question de Balise ?'),
    );
  });
});

describe('withProfileGuesses', () => {
  const certificats = findProcedure('003-certificats-dp')!;
  const establishment = sampleEstablishment();

  it('guesses what the profile says for the questions asked, and keeps the user’s own answers', () => {
    const guessed = withProfileGuesses(certificats, {}, establishment);
    expect(guessed).toMatchObject({ organisation: 'publicGht', hasContract: 'yes' });
    // The mandataire is only asked without a contract.
    expect(guessed.mandataire).toBeUndefined();
    expect(withProfileGuesses(certificats, { organisation: 'privateGroup' }, establishment).organisation).toBe('privateGroup');
  });

  it('follows a guess into the question it opens', () => {
    expect(withProfileGuesses(certificats, { hasContract: 'no' }, establishment).mandataire).toBeDefined();
  });
});
