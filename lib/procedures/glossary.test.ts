import { glossary, glossText } from './glossary';
import { sectionName } from './sources';

const everyTime = () => true;

describe('glossText', () => {
  it('expands an acronym at its first occurrence only, and never inside a word', () => {
    expect(glossText('Saisissez le code OTP : le OTP expire. DPI, DP-x et DP.', 'fr', everyTime)).toEqual([
      'Saisissez le code ',
      { term: 'OTP', title: 'code à usage unique' },
      ' : le OTP expire. DPI, DP-x et ',
      { term: 'DP', title: 'Dossier Pharmaceutique' },
      '.',
    ]);
  });

  it('takes the longest term (« PRO AUTH » over nothing, « MSSanté » over « MSS ») and the language asked', () => {
    expect(glossText('un certificat PRO AUTH, une adresse MSSanté', 'en', everyTime)).toEqual([
      'un certificat ',
      { term: 'PRO AUTH', title: 'personal certificate for authentication: to consult the DP' },
      ', une adresse ',
      { term: 'MSSanté', title: 'secure health messaging' },
    ]);
  });

  it('leaves an acronym plain when the page already expanded it elsewhere', () => {
    expect(glossText('Une carte CPx ou CDE.', 'fr', (term) => term !== 'CPx')).toEqual(['Une carte CPx ou ', { term: 'CDE', title: 'carte de directeur d’établissement' }, '.']);
  });
});

describe('glossary', () => {
  it.each(glossary.map((entry) => [entry.term]))('finds %s on its own, with an expansion in both languages', (term) => {
    for (const language of ['fr', 'en'] as const) {
      const [piece] = glossText(term, language, everyTime);
      expect(piece).toMatchObject({ term });
      expect(typeof piece === 'object' && piece.title.length > term.length).toBe(true);
    }
  });
});

describe('sectionName', () => {
  it('writes the seeds’ capitals as a reader reads them', () => {
    expect(sectionName('ETAPE 3')).toBe('Étape 3');
    expect(sectionName('Création d’un compte APE, ETAPE 4')).toBe('Création d’un compte APE, Étape 4');
    expect(sectionName('Annexe, action 2')).toBe('Annexe, action 2');
  });
});
