import { bindFrenchSpaces, frenchTextsBound } from './typography';

describe('French spacing', () => {
  it.each([
    ['« APE »', '«\u202fAPE\u202f»'],
    ['Qui : Camille', 'Qui\u00a0: Camille'],
    ['D’où vient ce conseil ?', 'D’où vient ce conseil\u202f?'],
    ['Attention ! Deux étapes ; puis la suite', 'Attention\u202f! Deux étapes\u202f; puis la suite'],
    ['Aller au champ « {1} » : {2}', 'Aller au champ «\u202f{1}\u202f»\u00a0: {2}'],
  ])('binds the sign to its word: %s', (typed, shown) => {
    expect(bindFrenchSpaces(typed)).toBe(shown);
    expect(bindFrenchSpaces(shown)).toBe(shown);
  });

  it('leaves signs with no space before them alone: times, addresses, English', () => {
    for (const text of ['https://plage.atih.sante.fr/?a=1', '14:30', 'Who: Camille?', 'Note:']) expect(bindFrenchSpaces(text)).toBe(text);
  });

  it('binds the French side of every text of a module, not the English side nor plain strings', () => {
    const shared = { fr: 'Oui ?', en: 'Yes ?' };
    const module = frenchTextsBound({ name: { fr: 'Étape : 1', en: 'Step : 1' }, label: 'Nom :', answers: [shared, shared] });
    expect(module).toEqual({
      name: { fr: 'Étape\u00a0: 1', en: 'Step : 1' },
      label: 'Nom :',
      answers: [{ fr: 'Oui\u202f?', en: 'Yes ?' }, { fr: 'Oui\u202f?', en: 'Yes ?' }],
    });
  });
});
