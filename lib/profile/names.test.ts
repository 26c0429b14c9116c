import { byLabel } from './names';

describe('byLabel', () => {
  it('orders labels in French, numbers as numbers, whatever the case and accents', () => {
    const labels = ['Établissement 100', 'établissement 10', 'Etablissement 2', 'Établissement 1', 'CH Zola', 'Clinique Arago'];
    expect(labels.map((label) => ({ label })).sort(byLabel).map(({ label }) => label)).toEqual([
      'CH Zola',
      'Clinique Arago',
      'Établissement 1',
      'Etablissement 2',
      'établissement 10',
      'Établissement 100',
    ]);
  });
});
