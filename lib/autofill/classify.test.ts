import { beforeEach, describe, expect, it } from 'vitest';
import { classifyField, classifyFields, type FieldRule } from './classify';
import { collectFields } from './collect';
import type { FieldKind } from '../profile/kinds';

beforeEach(() => {
  document.body.innerHTML = '';
});

function fieldsOf(html: string) {
  document.body.innerHTML = html;
  return collectFields(document.body);
}

/** Kind of the first field of a snippet. */
function kindOf(html: string, rules: FieldRule[] = []): FieldKind | null {
  const [field] = fieldsOf(html);
  if (!field) throw new Error(`no field in ${html}`);
  return classifyField(field, rules)?.kind ?? null;
}

const labelled = (label: string, attributes = ''): string => `<label for="f">${label}</label><input id="f" ${attributes}>`;

describe('lexicon families, by label', () => {
  it.each<[string, FieldKind]>([
    ['Raison sociale', 'legalName'],
    ['Dénomination', 'legalName'],
    ["Nom de l'établissement", 'legalName'],
    ['Nom de la structure', 'legalName'],
    ['Société', 'legalName'],
    ['Adresse électronique', 'email'],
    ['Courriel', 'email'],
    ['Mél :', 'email'],
    ['E-mail', 'email'],
    ['Adresse électronique générique', 'orgMailboxEmail'],
    ['Description', 'orgMailboxDescription'],
    ['Nom de domaine de messagerie', 'mailDomain'],
    ['N° SIRET', 'siret'],
    ['Numéro SIREN', 'siren'],
    ['N° FINESS juridique', 'finessEj'],
    ['FINESS EJ', 'finessEj'],
    ['N° FINESS géographique', 'finessEt'],
    ['FINESS ET', 'finessEt'],
    ['n° FINESS', 'finess'],
    ["Type d'identifiant", 'establishmentIdentifierType'],
    ['Type d’identifiant établissement', 'establishmentIdentifierType'],
    ['Type de numéro', 'establishmentIdentifierType'],
    ['Identifiant établissement', 'finessEt'],
    ["Identifiant de l'établissement", 'finessEt'],
    ['N° RPPS', 'rpps'],
    ['Numéro ADELI', 'adeli'],
    ['Profession', 'profession'],
    ['Service', 'service'],
    ['Région', 'region'],
    ['Département', 'departement'],
    ['Code postal', 'postalCode'],
    ['Commune', 'city'],
    ['Ville', 'city'],
    ['Téléphone portable', 'mobile'],
    ['Mobile', 'mobile'],
    ['Téléphone fixe', 'phone'],
    ['Numéro de téléphone', 'phone'],
    ["Téléphone de l'établissement", 'establishmentPhone'],
    ['Confirmation de l’adresse électronique', 'emailConfirmation'],
    ['Saisir à nouveau votre courriel', 'emailConfirmation'],
    ['Civilité', 'civility'],
    ['Nom', 'lastName'],
    ['Nom de naissance', 'lastName'],
    ["Nom d'usage", 'lastName'],
    ['Prénom', 'firstName'],
    ['Nom et prénom', 'fullName'],
    ['Fonction', 'jobTitle'],
    ['Éditeur du logiciel', 'softwareVendor'],
    ['Solution', 'softwareProduct'],
    ['Version du logiciel', 'softwareVersion'],
    ["Complément d'adresse", 'addressComplement'],
    ['Numéro et libellé de voie', 'street'],
    ['Adresse', 'street'],
    ["Adresse de l'établissement", 'street'],
    ['First name', 'firstName'],
    ['Last name', 'lastName'],
    ['Company', 'legalName'],
    ['Zip code', 'postalCode'],
  ])('%s → %s', (label, kind) => {
    expect(kindOf(labelled(label))).toBe(kind);
  });

  it('normalises case, accents, apostrophes and "N°"', () => {
    expect(kindOf(labelled('NOM DE L’ÉTABLISSEMENT'))).toBe('legalName');
    expect(kindOf(labelled('nº finess géographique'))).toBe('finessEt');
    expect(kindOf(labelled('COMPLÉMENT D‘ADRESSE'))).toBe('addressComplement');
  });

  it('leaves fields that are not in the profile alone', () => {
    for (const label of ['Numéro', 'Date de naissance', 'Pays', 'Cedex', 'Lieu-dit', 'Type de société', 'Identifiant', 'Fax', 'Titre d’appel'])
      expect(kindOf(labelled(label)), label).toBeNull();
    expect(kindOf(labelled('Nom complet du détenteur de la carte'))).toBeNull();
  });
});

describe('traps generic autofills fall into', () => {
  it('reads "raison sociale" and "nom de l’établissement" as the legal name, never a person’s name', () => {
    for (const label of ['Raison sociale', "Nom de l'établissement", 'Nom de la structure', 'Dénomination'])
      expect(kindOf(labelled(label, 'name="nom" autocomplete="family-name"')), label).toBe('legalName');
  });

  it('reads "adresse électronique" as an e-mail, never a street', () => {
    expect(kindOf(labelled('Adresse électronique', 'name="adresse"'))).toBe('email');
    expect(kindOf(labelled('Adresse électronique', 'autocomplete="address-line1"'))).toBe('email');
  });

  it('keeps a person’s name apart from the establishment after "nom du responsable de l’établissement"', () => {
    expect(kindOf(labelled("Nom du responsable de l'établissement"))).toBe('lastName');
  });

  it('does not take a city out of "commune déléguée" nor a postal code out of a cedex', () => {
    expect(kindOf(labelled('Lieu-dit, commune déléguée ou boîte postale'))).toBeNull();
    expect(kindOf(labelled('Cedex', 'name="business-postal-code"'))).toBeNull();
  });
});

describe('names the lexicon misread (issue 14)', () => {
  it('never fills the UPN of a certificate order, on any page (domain audit W1, seed 003 l.240-269)', () => {
    for (const label of ['Nom principal d’utilisateur (UPN)', 'UPN', 'User principal name'])
      expect(kindOf(labelled(label, 'name="upn"')), label).toBeNull();
    expect(kindOf('<fieldset><legend>Informations de produit</legend><p>Nom principal d’utilisateur (UPN)</p><input name="j_idt4"></fieldset>')).toBeNull();
  });

  it('reads « Identifiant établissement » as the FINESS number and the type as the type (domain audit W2, seed 002 l.99-103)', () => {
    document.body.innerHTML = `
      <label for="t">Type d’identifiant établissement *</label><select id="t"><option>FINESS géographique</option><option>SIRET</option></select>
      <label for="n">Identifiant établissement *</label><input id="n">`;
    const kinds = classifyFields(collectFields(document.body)).map((c) => c.kind);
    expect(kinds).toEqual(['establishmentIdentifierType', 'finessEt']);
  });

  it('takes the kind from the label of an aria-labelledby, never from its help text', () => {
    const withHelp = (label: string, help: string, attributes = '') =>
      `<div id="l">${label}</div><div id="h">${help}</div><input aria-labelledby="l h" ${attributes}>`;
    expect(kindOf(withHelp('Nom de naissance *', 'Tel qu’il figure sur votre pièce d’identité.'))).toBe('lastName');
    expect(kindOf(withHelp('Prénom *', 'Tel qu’inscrit à l’état civil, sans abréviation.'))).toBe('firstName');
    expect(kindOf(withHelp('Nom *', 'Indiquez l’adresse postale de l’établissement si vous n’en avez pas.'))).toBe('lastName');
    expect(kindOf(withHelp('Téléphone', 'Celui du service, pas le standard de l’établissement.'))).toBe('phone');
    // Help before the label: the order of the ids does not matter.
    expect(kindOf(`<div id="h">Telle qu’indiquée sur votre carte CPS.</div><div id="l">Profession</div><input aria-labelledby="h l">`)).toBe('profession');
    // A help text alone decides nothing.
    expect(kindOf(`<div id="h">Tel qu’il figure sur votre pièce d’identité.</div><input aria-labelledby="h">`)).toBeNull();
  });

  it('does not read « tel que » as a phone, in a label, a placeholder or neighbouring text', () => {
    expect(kindOf(labelled('Nom de naissance (tel qu’il figure sur votre pièce d’identité)'))).toBe('lastName');
    expect(kindOf(labelled('Nom d’usage, tel que déclaré dans l’annuaire RPPS'))).toBe('lastName');
    expect(kindOf('<input placeholder="Tel qu’inscrit sur la carte CPS">')).toBeNull();
    expect(kindOf('<p>Prénom, tel qu’à l’état civil <input></p>')).toBe('firstName');
  });

  it('reads a floating label after its field, and a placeholder when nothing else names it', () => {
    expect(kindOf('<div class="fl"><input name="j_idt12:j_idt15" placeholder=" "><label>Nom</label></div>')).toBe('lastName');
    expect(kindOf('<div class="fl"><input name="j_idt12:j_idt21" placeholder=" "><span>Adresse électronique</span></div>')).toBe('email');
    expect(kindOf('<input name="j_idt9" placeholder="Prénom">')).toBe('firstName');
    expect(kindOf('<input name="q7" placeholder="Code postal (5 chiffres)">')).toBe('postalCode');
  });

  it('does not take the e-mail of another column of a table for a confirmation', () => {
    document.body.innerHTML = `<table><tr><td></td><th>Vous-même</th><th>Représentant légal</th></tr>
      <tr><th>Courriel</th><td><input name="c5"></td><td><input name="c6"></td></tr></table>
      <p>Courriel</p><input name="m1"><input name="m2" type="email">`;
    expect(classifyFields(collectFields(document.body)).map((c) => c.kind)).toEqual(['email', 'email', 'email', 'emailConfirmation']);
  });

  it('keeps help texts and section headings as context only', () => {
    expect(kindOf('<section><h2>Téléphone et courriel</h2><div><label for="a">Commentaire</label><input id="a"></div></section>')).toBeNull();
    expect(kindOf('<div id="l">Commentaire</div><div id="h">Précisez votre téléphone et votre courriel si besoin.</div><input aria-labelledby="l h">')).toBeNull();
  });
});

describe('secrets', () => {
  it('treats type=password as a secret whatever its label says', () => {
    expect(kindOf(labelled('Adresse électronique', 'type="password"'))).toBe('password');
    expect(kindOf('<input type="password" name="x">')).toBe('password');
  });

  it('tells a password confirmation apart', () => {
    expect(kindOf(labelled('Confirmer le mot de passe', 'type="password"'))).toBe('passwordConfirmation');
    expect(kindOf(labelled('Ressaisir le mot de passe'))).toBe('passwordConfirmation');
    expect(kindOf(labelled('Confirmation', 'type="password"'))).toBe('passwordConfirmation');
  });

  it.each<[string, FieldKind]>([
    ['Mot de passe', 'password'],
    ['Code à usage unique', 'oneTimeCode'],
    ['Code de vérification', 'oneTimeCode'],
    ['OTP', 'oneTimeCode'],
    ['Code PIN', 'cardPin'],
  ])('%s → %s even in a text input', (label, kind) => {
    expect(kindOf(labelled(label, 'type="text"'))).toBe(kind);
  });

  it('wins over other words, in the label, the name or the autocomplete token', () => {
    expect(kindOf(labelled('Code reçu par courriel'))).toBe('oneTimeCode');
    expect(kindOf('<input name="otp_code">')).toBe('oneTimeCode');
    expect(kindOf('<input autocomplete="one-time-code" placeholder="Adresse électronique">')).toBe('oneTimeCode');
    expect(kindOf('<input autocomplete="current-password">')).toBe('password');
  });

  it('does not make a secret of the "show password" checkbox', () => {
    expect(kindOf('<input type="checkbox" aria-label="Afficher le mot de passe">')).toBeNull();
  });
});

describe('descriptors other than the label', () => {
  it('reads autocomplete tokens, with section and mode prefixes', () => {
    expect(kindOf('<input autocomplete="given-name">')).toBe('firstName');
    expect(kindOf('<input autocomplete="section-a billing organization">')).toBe('legalName');
    expect(kindOf('<input autocomplete="work address-level2">')).toBe('city');
    expect(kindOf('<input autocomplete="mobile tel">')).toBe('mobile');
    expect(kindOf('<input autocomplete="tel-national">')).toBe('phone');
    expect(kindOf('<input autocomplete="address-level1">')).toBe('region');
    expect(kindOf('<input autocomplete="username" name="email">')).toBeNull();
    expect(kindOf('<input autocomplete="cc-name" name="nom">')).toBeNull();
  });

  it('prefers the label to the autocomplete token and the token to the name', () => {
    expect(kindOf(labelled('Confirmez votre e-mail', 'autocomplete="email"'))).toBe('emailConfirmation');
    expect(kindOf('<input autocomplete="postal-code" name="ville">')).toBe('postalCode');
  });

  it('reads name and id attributes word by word', () => {
    expect(kindOf('<input name="raisonSociale">')).toBe('legalName');
    expect(kindOf('<input name="code_postal">')).toBe('postalCode');
    expect(kindOf('<input id="adresse2">')).toBe('addressComplement');
    expect(kindOf('<input name="finessEt">')).toBe('finessEt');
    expect(kindOf('<input name="user[firstName]">')).toBe('firstName');
    expect(kindOf('<input name="lname">')).toBe('lastName');
    // name="name" says nothing: no guess.
    expect(kindOf('<input name="name">')).toBeNull();
  });

  it('reads placeholders', () => {
    expect(kindOf('<input placeholder="Votre courriel">')).toBe('email');
  });

  it('reads the legend when nothing else names the field', () => {
    expect(kindOf('<fieldset><legend>Code postal</legend><input></fieldset>')).toBe('postalCode');
  });

  it('falls back on the input type', () => {
    expect(kindOf('<input type="email">')).toBe('email');
    expect(kindOf(labelled('Adresse', 'type="email"'))).toBe('email');
    expect(kindOf('<input type="tel">')).toBe('phone');
    expect(kindOf(labelled('Téléphone portable', 'type="tel"'))).toBe('mobile');
  });

  it('resolves a bare "Confirmation" by the field it confirms', () => {
    expect(kindOf(labelled('Confirmation', 'type="email"'))).toBe('emailConfirmation');
    expect(kindOf(labelled('Confirmation', 'name="email2"'))).toBe('emailConfirmation');
    expect(kindOf(labelled('Confirmation', 'name="montant"'))).toBeNull();
  });
});

describe('format cues', () => {
  it('guesses identifiers from length and digits only', () => {
    expect(kindOf('<input maxlength="14" inputmode="numeric">')).toBe('siret');
    expect(kindOf('<input maxlength="11" pattern="\\d{11}">')).toBe('rpps');
    expect(kindOf('<input maxlength="9" inputmode="numeric" aria-describedby="h"><p id="h">9 chiffres du FINESS</p>')).toBe('finess');
    expect(kindOf('<input maxlength="9" inputmode="numeric" aria-describedby="h"><p id="h">Le SIREN, 9 chiffres</p>')).toBe('siren');
  });

  it('does not guess without digits-only evidence or context', () => {
    expect(kindOf('<input maxlength="14">')).toBeNull();
    expect(kindOf('<input maxlength="9" inputmode="numeric">')).toBeNull();
  });

  it('gives format cues a low confidence', () => {
    const [field] = fieldsOf('<input maxlength="14" inputmode="numeric">');
    expect(classifyField(field!)?.confidence).toBeLessThan(0.5);
  });
});

describe('choices: selects and radios', () => {
  it('only gives a select a kind that is a choice', () => {
    expect(kindOf('<label for="f">Civilité</label><select id="f"><option>M.</option><option>Mme</option></select>')).toBe('civility');
    expect(kindOf('<label for="f">Région</label><select id="f"><option>Bretagne</option></select>')).toBe('region');
    expect(kindOf('<label for="f">Téléphone</label><select id="f"><option>+33</option></select>')).toBeNull();
  });

  it('recognises civility and identifier types from the options', () => {
    expect(kindOf('<select name="x"><option>Madame</option><option>Monsieur</option></select>')).toBe('civility');
    expect(kindOf('<select name="x"><option>FINESS</option><option>SIRET</option></select>')).toBe('establishmentIdentifierType');
  });

  it('names a radio by its group, not by its option', () => {
    const group = (legend: string, option: string) =>
      `<fieldset><legend>${legend}</legend><input type="radio" id="r" name="g"><label for="r">${option}</label></fieldset>`;
    expect(kindOf(group('Civilité', 'Madame'))).toBe('civility');
    expect(kindOf(group("Type d'identifiant", 'FINESS'))).toBe('establishmentIdentifierType');
    expect(kindOf(group('Vous êtes', 'FINESS'))).toBeNull();
    expect(kindOf(group('Vous êtes', 'Monsieur'))).toBe('civility');
  });
});

describe('portal rules', () => {
  it('come first and are matched by selector', () => {
    const rules: FieldRule[] = [{ selector: '#entite', kind: 'finessEj' }];
    expect(kindOf('<label for="entite">Nom</label><input id="entite">', rules)).toBe('finessEj');
  });

  it('skip a malformed selector', () => {
    expect(kindOf(labelled('Ville'), [{ selector: '##', kind: 'siret' }])).toBe('city');
  });
});

describe('classifyFields', () => {
  it('returns the classified fields in order, with reasons', () => {
    const fields = fieldsOf(`${labelled('Raison sociale')}<input name="x"><input name="ville">`);
    const classified = classifyFields(fields);
    expect(classified.map((c) => c.kind)).toEqual(['legalName', 'city']);
    expect(classified[0]?.reason).toContain('Raison sociale');
    expect(classified[0]?.field).toBe(fields[0]);
  });

  it('reads an e-mail typed twice as e-mail + confirmation', () => {
    const fields = fieldsOf(
      '<form><label for="a">Courriel</label><input id="a"><label for="b">Courriel</label><input id="b"></form>',
    );
    expect(classifyFields(fields).map((c) => c.kind)).toEqual(['email', 'emailConfirmation']);
  });

  it('keeps two differently labelled e-mails apart', () => {
    const fields = fieldsOf(
      '<form><label for="a">Courriel du directeur</label><input id="a"><label for="b">Courriel du DPO</label><input id="b"></form>',
    );
    expect(classifyFields(fields).map((c) => c.kind)).toEqual(['email', 'email']);
  });

  it('reads a password followed by an unlabelled password as its confirmation', () => {
    const fields = fieldsOf('<form><label for="a">Mot de passe</label><input id="a" type="password"><input type="password"></form>');
    expect(classifyFields(fields).map((c) => c.kind)).toEqual(['password', 'passwordConfirmation']);
  });
});
