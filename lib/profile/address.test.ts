import { describe, expect, it } from 'vitest';
import { splitStreet, streetLine } from './address';

interface Expected {
  number: string;
  repetition?: string;
  type: string;
  typeAs?: string;
  name: string;
}

describe('splitStreet', () => {
  it.each<[string, Expected]>([
    ['12 avenue du Docteur Guilhem', { number: '12', type: 'AV', typeAs: 'avenue', name: 'du Docteur Guilhem' }],
    ['4 chemin des Cèdres', { number: '4', type: 'CHE', name: 'des Cèdres' }],
    ['3 bis rue X', { number: '3', repetition: 'B', type: 'R', name: 'X' }],
    ['3B RUE X', { number: '3', repetition: 'B', type: 'R', name: 'X' }],
    ['15/17 bd de la Liberté', { number: '15', type: 'BD', name: 'de la Liberté' }],
    ["47-83 boulevard de l'Hôpital", { number: '47', type: 'BD', name: "de l'Hôpital" }],
    ['8 Av. Jean Jaurès', { number: '8', type: 'AV', typeAs: 'Av.', name: 'Jean Jaurès' }],
    ['2 rond point des Arènes', { number: '2', type: 'RPT', name: 'des Arènes' }],
    ['1 allée des Tilleuls', { number: '1', type: 'ALL', name: 'des Tilleuls' }],
  ])('%s', (line, expected) => {
    const parts = splitStreet(line);
    expect(parts.number).toBe(expected.number);
    expect(parts.repetition?.letter).toBe(expected.repetition);
    expect(parts.type?.abbreviation).toBe(expected.type);
    if (expected.typeAs) expect(parts.typeAs).toBe(expected.typeAs);
    expect(parts.name).toBe(expected.name);
  });

  it('a line without number or known type is all name: « La Canebière », « Grande Rue »', () => {
    expect(splitStreet('La Canebière')).toEqual({ line: 'La Canebière', name: 'La Canebière' });
    expect(splitStreet('Grande Rue')).toEqual({ line: 'Grande Rue', name: 'Grande Rue' });
    expect(splitStreet('12 Grande Rue')).toEqual({ line: '12 Grande Rue', number: '12', name: 'Grande Rue' });
    // "4 c…" is not the index C (quinquies) of "chemin".
    expect(splitStreet('4 chemin des Cèdres').repetition).toBeUndefined();
  });
});

describe('streetLine', () => {
  const parts = splitStreet('3 bis avenue du Docteur Guilhem');
  it('keeps the line whole where the form has one street field, the type abbreviated second', () => {
    expect(streetLine(parts, { number: false, repetition: false, type: false })).toEqual(['3 bis avenue du Docteur Guilhem', '3 bis AV du Docteur Guilhem']);
  });
  it('leaves out what the form asks for in a field of its own', () => {
    expect(streetLine(parts, { number: true, repetition: true, type: true })).toEqual(['du Docteur Guilhem']);
    expect(streetLine(parts, { number: true, repetition: true, type: false })).toEqual(['avenue du Docteur Guilhem', 'AV du Docteur Guilhem']);
    // Without an index field, the index goes with the number (« 3 bis »), not with the name.
    expect(streetLine(parts, { number: true, repetition: false, type: true })).toEqual(['du Docteur Guilhem']);
  });
});
