import { describe, expect, it } from 'vitest';
import { fromSeed } from '../../lib/portals/schema';
import { hintsByField } from './FieldHints';

describe('hintsByField', () => {
  it('gives each field one entry, holding the tips of every rule that names it (one badge per field)', () => {
    const [libelle, courriel] = [document.createElement('input'), document.createElement('input')];
    const mandatory = fromSeed('000', 'ETAPE 4', 'Obligatoire.', 'Mandatory.');
    const explicit = fromSeed('000', 'ETAPE 4', 'Assez explicite pour distinguer vos profils.', 'Explicit enough to tell your profiles apart.');
    const mail = fromSeed('000', 'ETAPE 3', 'Un message y sera envoyé.', 'A message is sent there.');
    expect(
      hintsByField([
        { rule: { match: { label: 'Libellé' }, hint: mandatory }, element: libelle },
        { rule: { match: { label: 'Courriel' }, hint: mail }, element: courriel },
        { rule: { match: { label: ['Libellé du profil', 'Libellé'] }, hint: explicit }, element: libelle },
      ]),
    ).toEqual([
      { element: libelle, label: 'Libellé', tips: [mandatory, explicit] },
      { element: courriel, label: 'Courriel', tips: [mail] },
    ]);
  });
});
