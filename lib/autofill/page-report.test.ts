import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureOf, fixtures, loadFixture, type Fixture } from '../../test/fixtures/load';
import { fixtureProfileTexts } from '../../test/fixtures/profile';
import { matchPage } from '../portals/index';
import { analysePage } from './engine';
import { describePage, maxTextLength, reportUrl, withoutValues } from './page-report';

const windows: { close(): void }[] = [];
afterEach(() => windows.splice(0).forEach((w) => w.close()));

function open(fixture: Pick<Fixture, 'file' | 'url'>): Document {
  const dom = loadFixture(fixture, fixture.url);
  windows.push(dom.window);
  return dom.window.document;
}

function openHtml(html: string, url = 'https://medimail.mipih.fr/?m=inconnue'): Document {
  const dom = new JSDOM(html, { url, runScripts: 'dangerously', pretendToBeVisual: true });
  windows.push(dom.window);
  return dom.window.document;
}

/** The report as the content script builds it (Overlay.tsx). */
function report(doc: Document, url = doc.location.href, privateValues: readonly string[] = []): string {
  const analysis = analysePage(doc, url);
  if (!analysis) throw new Error(`${url} is no portal page`);
  return describePage({ url, doc, fields: analysis.fields, match: analysis.match, version: '9.8.7', privateValues });
}

const profileValues = fixtureProfileTexts;

const distinctive = (i: number) => `Zq${i}xValeurSaisie${i}`;

/** Puts a value in every field of the page as a person would leave it: text typed, the last option chosen, every box ticked. */
function fillEverything(doc: Document, valueFor: (i: number, element: Element) => string): string[] {
  const written: string[] = [];
  analysePage(doc, doc.location.href)!.fields.forEach(({ field }, i) => {
    const element = field.element;
    const value = valueFor(i, element);
    if (element instanceof element.ownerDocument.defaultView!.HTMLSelectElement) {
      const option = element.options[element.options.length - 1];
      if (option) {
        element.selectedIndex = option.index;
        written.push(option.text);
      }
    } else if (element.localName === 'input' && ['checkbox', 'radio'].includes((element as HTMLInputElement).type)) {
      (element as HTMLInputElement).checked = true;
    } else if (element.localName === 'input' || element.localName === 'textarea') {
      (element as HTMLInputElement).value = value;
      written.push(value);
    } else {
      element.textContent = value;
      written.push(value);
    }
  });
  return written;
}

describe('describePage on every fixture', () => {
  it.each(fixtures.map((f) => [`${f.portal}/${f.page}`, f] as const))('%s: the same text whatever the fields hold, none of it in the report', (_id, fixture) => {
    const doc = open(fixture);
    const empty = report(doc);
    const written = fillEverything(doc, distinctive);
    const filled = report(doc);
    for (const value of written.filter((v) => v.startsWith('Zq'))) expect(filled).not.toContain(value);
    // Nothing of what was typed, chosen or ticked changes a word of it.
    expect(filled).toBe(empty);
    // Not an empty shell: every field is there, by name or id.
    const fields = analysePage(doc, fixture.url)!.fields;
    expect(filled).toContain(`Champs (${fields.length}) :`);
    for (const { field } of fields) if (field.name || field.id) expect(filled).toContain(field.name ? `name="${field.name}"` : `id="${field.id}"`);
  });

  it.each(fixtures.map((f) => [`${f.portal}/${f.page}`, f] as const))('%s: filled from the profile, no profile value in the report', (_id, fixture) => {
    const doc = open(fixture);
    const byField = new Map(fixture.fields.flatMap((f) => (f.filled === undefined ? [] : [[doc.querySelector(f.selector), f.filled] as const])));
    fillEverything(doc, (i, element) => byField.get(element) ?? profileValues[i % profileValues.length]!);
    // Without the fill preview's values (the overlay passes them too): what the fields hold is enough.
    const text = report(doc, fixture.url);
    const lower = text.toLowerCase();
    expect(profileValues.filter((value) => lower.includes(value.toLowerCase()))).toEqual([]);
  });
});

describe('describePage, what it says', () => {
  it('has a page no module describes to test « Page non reconnue » with (test/e2e/report.e2e.ts)', () => {
    const url = 'https://medimail.mipih.fr/?m=listes&id=7';
    const doc = open({ file: 'traps/unknown.html', url });
    expect(matchPage(url, doc)).toBeNull();
    expect(report(doc, url)).toContain('Page reconnue : aucune (page non reconnue)');
  });

  it('names the page, its headings, each field with its label and classification, its buttons', () => {
    const fixture = fixtureOf('medimail', 'login');
    const doc = open(fixture);
    const text = report(doc, 'https://medimail.mipih.fr/webmail/?m=login&token=abc123secret#/connexion');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Description de page — Balise 9.8.7');
    expect(lines).toContain('URL : https://medimail.mipih.fr/webmail/?m=…&token=…#/connexion');
    expect(text).not.toContain('abc123secret');
    expect(lines).toContain('Titre du document : « Medimail - La Messagerie Sécurisée de Santé publique »');
    expect(lines).toContain('Portail : medimail');
    expect(lines).toContain('Page reconnue : login');
    expect(lines).toContain('- h1 « La Messagerie Sécurisée de Santé publique »');
    expect(lines).toContain('Champs (2) :');
    expect(lines).toContain('1. input type=email name="login" id="login-mail" autocomplete="username"');
    expect(lines).toContain('   libellé : « Adresse mail »');
    expect(lines.filter((line) => line.startsWith('   classement Balise : email, confiance '))).toHaveLength(1);
    expect(lines).toContain('2. input type=password name="password" id="login-pwd" autocomplete="current-password"');
    expect(lines.filter((line) => line.startsWith('   classement Balise : password, confiance 100 %'))).toHaveLength(1);
    expect(lines).toContain('- « Connexion »');
    expect(lines).toContain('- « PRO SANTE CONNECT »');
    expect(lines).toContain('- « Créer un compte »');
  });

  it('says when the page is not recognised, and gives a select its number of options only', () => {
    const doc = openHtml(`<!doctype html><html lang="fr"><head><title>Medimail</title></head><body>
      <h2>Une page que personne ne connaît</h2>
      <fieldset><legend>Vos coordonnées</legend>
      <label for="r">Région</label><select id="r" name="region"><option>Bretagne</option><option>Occitanie</option><option selected>Normandie</option></select>
      <label><input type="checkbox" name="cgu" checked> J’accepte</label>
      </fieldset><button type="submit">Envoyer</button></body></html>`);
    const text = report(doc);
    expect(text).toContain('Page reconnue : aucune (page non reconnue)');
    expect(text).toContain('- h2 « Une page que personne ne connaît »');
    expect(text).toContain('- legend « Vos coordonnées »');
    expect(text).toContain('1. select name="region" id="r" options: 3');
    expect(text).toContain('   libellé : « Région »');
    expect(text).toContain('2. input type=checkbox name="cgu"');
    for (const option of ['Bretagne', 'Occitanie', 'Normandie']) expect(text).not.toContain(option);
    expect(text).not.toMatch(/checked|coché/i);
  });

  it('names an open modal dialog, which hides the page behind it', () => {
    const doc = openHtml(`<h1>Compte</h1><div role="dialog" aria-modal="true" aria-labelledby="t"><h2 id="t">Confirmer la suppression</h2><button>Supprimer</button></div>
      <div role="dialog" aria-label="Fermé" hidden></div>`);
    const text = report(doc);
    expect(text).toContain('Dialogues ouverts (1) :\n- dialog « Confirmer la suppression »\n');
    expect(text).not.toContain('Fermé');
    expect(report(openHtml('<h1>Compte</h1>'))).not.toContain('Dialogues');
  });

  it('clips page texts to 120 characters', () => {
    const long = 'Très long titre '.repeat(20);
    const text = report(openHtml(`<h1>${long}</h1><label for="a">${long}</label><input id="a"><button>${long}</button>`));
    for (const line of text.split('\n').filter((l) => l.includes('Très long'))) {
      const inner = /« (.*) »/.exec(line)![1]!;
      expect(inner.length).toBeLessThanOrEqual(maxTextLength);
      expect(inner.endsWith('…')).toBe(true);
    }
  });
});

describe('describePage, what the portal itself shows', () => {
  it('leaves out who is signed in and what the portal lists: menu buttons, rows, links', () => {
    const fixture = fixtureOf('medimail', 'switchAccount');
    const dom = loadFixture(fixture, fixture.url);
    const text = report(dom.window.document);
    dom.window.close();
    for (const shown of ['Marchetti', 'Compte rendu de consultation', 'Résultats de biologie', 'idk=10452']) expect(text).not.toContain(shown);
  });

  it('on a site the user switched Balise on for, names its portal and its fields', () => {
    const fixture = fixtureOf('ans-tom', 'home');
    const url = 'https://tom-nouveau.esante.gouv.fr/accueil';
    const sites = { 'https://tom-nouveau.esante.gouv.fr': 'ans-tom' };
    const dom = loadFixture(fixture, url);
    const doc = dom.window.document;
    const analysis = analysePage(doc, url, undefined, null, sites)!;
    const text = describePage({ url, doc, fields: analysis.fields, match: analysis.match, version: '1', sites });
    dom.window.close();
    expect(text).toMatch(/ans-tom/);
    expect(text).not.toMatch(/Portail : aucun/);
  });
});

describe('describePage on a hostile page', () => {
  const hostile = `<!doctype html><html lang="fr"><head><title>Medimail</title></head><body>
    <h1 id="echo">Bonjour</h1>
    <label id="l-notes">Notes</label>
    <div id="notes" role="textbox" contenteditable="true" aria-labelledby="l-notes notes"></div>
    <label id="l-nom" for="nom">Nom</label><input id="nom" name="nom_patient" aria-labelledby="l-nom nom">
    <label>Commentaire <textarea name="commentaire"></textarea></label>
    <label>Service <select name="service"><option value="">Choisir</option><option value="pui">Pharmacie centrale</option></select></label>
    <span id="l-pays">Pays</span><button type="button" aria-haspopup="listbox" aria-labelledby="l-pays choix" id="choix">Islande</button>
    <input type="password" name="pwd" id="pwd" aria-label="Mot de passe">
    <script>document.getElementById('nom').addEventListener('input', (e) => { document.getElementById('echo').textContent = 'Bonjour ' + e.target.value; });</script>
    </body></html>`;

  it('keeps out what is typed, even where the page echoes it in a heading or a label', () => {
    const doc = openHtml(hostile);
    const nom = doc.getElementById('nom') as HTMLInputElement;
    nom.value = 'Dupont-Secret';
    nom.dispatchEvent(new doc.defaultView!.Event('input'));
    expect(doc.getElementById('echo')!.textContent).toBe('Bonjour Dupont-Secret');
    doc.getElementById('notes')!.textContent = 'note privée du patient';
    (doc.querySelector('textarea') as HTMLTextAreaElement).value = 'commentaire privé';
    (doc.querySelector('select') as HTMLSelectElement).value = 'pui';
    (doc.getElementById('pwd') as HTMLInputElement).value = 'motdepasse-tres-secret';
    const text = report(doc);
    for (const value of ['Dupont-Secret', 'note privée', 'commentaire privé', 'Pharmacie centrale', 'pui', 'motdepasse-tres-secret', 'Islande']) expect(text).not.toContain(value);
    // The page's own texts and attributes stay: a label, a name, an id are the page's, not the user's.
    expect(text).toContain('name="nom_patient" id="nom"');
    expect(text).toContain('libellé : « Nom »');
    expect(text).toContain('libellé : « Commentaire »');
    expect(text).toContain('libellé : « Service »');
    expect(text).toContain('- h1 « Bonjour … »');
  });

  it('keeps out the values Balise would write, wherever the page shows them', () => {
    const doc = openHtml('<h1>Compte de Luc BERNARD</h1><p>FINESS 750100125</p><label for="f">FINESS</label><input id="f" name="finess">');
    const text = report(doc, doc.location.href, ['Bernard', 'Luc', '750100125']);
    expect(text).toContain('- h1 « Compte de … … »');
    expect(text).not.toMatch(/bernard/i);
  });
});

describe('reportUrl', () => {
  it.each([
    ['https://medimail.mipih.fr/?m=balorg&id=7', 'https://medimail.mipih.fr/?m=…&id=…'],
    ['https://pasrel.atih.sante.fr/plage/#/compte/creation', 'https://pasrel.atih.sante.fr/plage/#/compte/creation'],
    ['https://pasrel.atih.sante.fr/plage/#!/compte/750100125/edit?x=1', 'https://pasrel.atih.sante.fr/plage/#!/compte/…/edit?x=…'],
    ['https://finess.esante.gouv.fr/fininter/jsp/actionDetailEtablissement.do?noFiness=750100125', 'https://finess.esante.gouv.fr/fininter/jsp/actionDetailEtablissement.do?noFiness=…'],
    ['https://finess.esante.gouv.fr/fininter/jsp/index.jsp;jsessionid=0A1B2C3D4E', 'https://finess.esante.gouv.fr/fininter/jsp/index.jsp;jsessionid=…'],
    ['https://user:secret@medimail.mipih.fr/compte/luc.bernard@hopital-demo.fr', 'https://medimail.mipih.fr/compte/…'],
    ['https://medimail.mipih.fr/#access_token=eyJhbGciOi&state=42', 'https://medimail.mipih.fr/#access_token=…&state=…'],
    ['https://medimail.mipih.fr/aide#contact', 'https://medimail.mipih.fr/aide#contact'],
    ['https://medimail.mipih.fr/aide#Luc%20Bernard', 'https://medimail.mipih.fr/aide#…'],
  ])('%s → %s', (url, expected) => {
    expect(reportUrl(url)).toBe(expected);
  });
});

describe('withoutValues', () => {
  it('cuts values whatever their case and spacing, the longest first, and leaves values under 3 characters', () => {
    expect(withoutValues('Luc  Bernard, LUC, 31 rue', ['Luc Bernard', 'luc', '31'])).toBe('…, …, 31 rue');
  });
});
