import { departementByCode, departements, regionByCode, regionOfDepartement, regions } from './departements';

describe('départements and régions (INSEE COG)', () => {
  it('lists the 101 départements and 18 régions once each', () => {
    expect(departements).toHaveLength(101);
    expect(new Set(departements.map((d) => d.code)).size).toBe(101);
    expect(regions).toHaveLength(18);
    expect(new Set(regions.map((r) => r.code)).size).toBe(18);
  });

  it('puts every département in an existing région, and every région has some', () => {
    for (const d of departements) expect(regionByCode(d.regionCode), d.code).toBeDefined();
    const counts = Object.fromEntries(regions.map((r) => [r.name, departements.filter((d) => d.regionCode === r.code).length]));
    expect(counts).toMatchObject({
      'Auvergne-Rhône-Alpes': 12,
      'Bourgogne-Franche-Comté': 8,
      Bretagne: 4,
      'Centre-Val de Loire': 6,
      Corse: 2,
      'Grand Est': 10,
      'Hauts-de-France': 5,
      'Île-de-France': 8,
      Normandie: 5,
      'Nouvelle-Aquitaine': 12,
      Occitanie: 13,
      'Pays de la Loire': 5,
      "Provence-Alpes-Côte d'Azur": 6,
      Guadeloupe: 1,
      Mayotte: 1,
    });
  });

  it('numbers metropolitan départements 01 to 95 without 20', () => {
    const twoDigits = departements.filter((d) => /^\d\d$/.test(d.code)).map((d) => Number(d.code));
    expect(twoDigits).toHaveLength(94);
    expect(twoDigits).not.toContain(20);
    expect(Math.min(...twoDigits)).toBe(1);
    expect(Math.max(...twoDigits)).toBe(95);
  });

  it('finds a département and its région by code', () => {
    expect(departementByCode('2A')).toEqual({ code: '2A', name: 'Corse-du-Sud', regionCode: '94' });
    expect(departementByCode('75')?.name).toBe('Paris');
    expect(departementByCode('20')).toBeUndefined();
    expect(departementByCode('975')).toBeUndefined();
    expect(regionOfDepartement('2B')?.name).toBe('Corse');
    expect(regionOfDepartement('69')?.name).toBe('Auvergne-Rhône-Alpes');
    expect(regionOfDepartement('976')).toEqual({ code: '06', name: 'Mayotte' });
    expect(regionOfDepartement('99')).toBeUndefined();
  });
});
