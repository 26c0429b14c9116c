import { glossary, glossText } from './glossary';
import { sectionName } from './sources';

const everyTime = () => true;

describe('glossText', () => {
  it('writes an acronym’s expansion after its first occurrence only, and never inside a word', () => {
    expect(glossText('Saisissez le code OTP : le OTP expire. DPI, DP-x et DP.', 'fr', everyTime)).toEqual([
      'Saisissez le code OTP (code à usage unique) : le OTP expire. DPI, DP-x et DP (Dossier Pharmaceutique).',
    ]);
  });

  it('takes the longest term (« PRO AUTH » over nothing, « MSSanté » over « MSS ») and the language asked', () => {
    expect(glossText('un certificat PRO AUTH, une adresse MSSanté', 'en', everyTime)).toEqual([
      'un certificat PRO AUTH (personal certificate for authentication: to consult the DP), une adresse MSSanté (secure health messaging)',
    ]);
  });

  it('where the text brackets words of its own after the acronym, or holds it in brackets, its expansion is a title only: no bracket after or in another', () => {
    expect(glossText('une carte CPx (CPS pour les pharmaciens) puis OTP', 'fr', everyTime)).toEqual([
      'une carte ',
      { term: 'CPx', title: 'carte CPS, CPE ou CPA' },
      ' (',
      { term: 'CPS', title: 'carte des professionnels de santé' },
      ' pour les pharmaciens) puis OTP (code à usage unique)',
    ]);
  });

  it('an English possessive keeps its acronym whole: the expansion is a title only (no « ATIH (…)’s »)', () => {
    expect(glossText('on ATIH’s Plage site, then OTP', 'en', everyTime)).toEqual([
      'on ',
      { term: 'ATIH', title: glossary.find((entry) => entry.term === 'ATIH')!.expansion.en },
      '’s Plage site, then OTP (one-time code)',
    ]);
  });

  it('leaves an acronym plain when the page already expanded it elsewhere', () => {
    expect(glossText('Une carte CPx ou CDE.', 'fr', (term) => term !== 'CPx')).toEqual(['Une carte CPx ou CDE (carte de directeur d’établissement).']);
  });
});

describe('glossary', () => {
  it.each(glossary.map((entry) => [entry.term]))('finds %s on its own, with an expansion in both languages', (term) => {
    for (const language of ['fr', 'en'] as const) {
      const [piece] = glossText(term, language, everyTime);
      // One bracket, never one inside another.
      expect(piece).toMatch(new RegExp(`^${term} \\([^()]{${term.length + 1},}\\)$`));
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
