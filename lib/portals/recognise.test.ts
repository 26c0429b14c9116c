/**
 * Recognition by content over every fixture: the same page wherever its host serves it, after an
 * SPA swap, and nothing on another portal's host. Plus the rules a page's signs follow.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { elsewhere, fixtureHtml, fixtures, loadFixture, type Fixture } from '../../test/fixtures/load';
import { findPage, matchPage, portals } from './index';
import { locateAll } from './match';
import { readSightings, recognise } from './recognise';
import { definePortal, fromSeed } from './schema';

const windows: { close(): void }[] = [];
afterEach(() => windows.splice(0).forEach((w) => w.close()));

function open(fixture: Fixture, url: string): Document {
  const dom = loadFixture(fixture, url);
  windows.push(dom.window);
  return dom.window.document;
}

const named = (fixture: Fixture) => [`${fixture.portal}/${fixture.page}`, fixture] as const;

describe('every fixture page', () => {
  it.each(fixtures.map(named))('%s: recognised at its URL and at other URLs of its host, with every hint found', (_name, fixture) => {
    const { page } = findPage(fixture.portal, fixture.page)!;
    for (const url of [fixture.url, ...elsewhere(fixture)]) {
      const doc = open(fixture, url);
      expect(matchPage(url, doc)?.page.id, url).toBe(page.id);
      for (const rule of page.fields) expect(locateAll(doc, rule.match), `${url} ${JSON.stringify(rule.match)}`).toHaveLength(1);
    }
  });

  it.each(fixtures.map(named))('%s: recognised after an SPA swap from another page of its portal', (_name, fixture) => {
    const other = fixtures.find((f) => f.portal === fixture.portal && f.page !== fixture.page) ?? fixtures.find((f) => f.portal !== fixture.portal)!;
    const doc = open(other, fixture.url);
    const next = new DOMParser().parseFromString(fixtureHtml(fixture), 'text/html');
    doc.title = next.title;
    doc.body.replaceWith(doc.importNode(next.body, true));
    expect(matchPage(fixture.url, doc)?.page.id).toBe(fixture.page);
  });

  it.each(fixtures.map(named))('%s: served on another portal’s host, recognised as nothing', (_name, fixture) => {
    // One page, moved from host to host (jsdom changes its URL in place): loading it again for each
    // portal made this the slowest contract test on a loaded machine.
    const dom = loadFixture(fixture, fixture.url);
    windows.push(dom.window);
    for (const portal of portals.filter((p) => p.id !== fixture.portal && p.hosts.length > 0)) {
      const url = `https://${portal.hosts[0]}/`;
      dom.reconfigure({ url });
      expect(matchPage(url, dom.window.document)?.page.id, url).toBeUndefined();
    }
  });
});

describe('pages of portals whose host is unknown', () => {
  // They are met on a site the user switches Balise on for (./sites.ts): recognised by what they show.
  it('are recognised from the ANS guides’ wording', () => {
    const meshab = portals.find((p) => p.id === 'ans-meshabilitations')!;
    const doc = new DOMParser().parseFromString(
      '<title>Portail Mes Habilitations</title><nav><a href="#">Habilitations de vos collaborateurs</a><a href="#">Structures et contrats</a></nav><button>Ajouter une habilitation</button>',
      'text/html',
    );
    expect(recognise(meshab.pages, new URL('https://habilitations.esante.gouv.fr/accueil'), readSightings(doc))?.id).toBe('home');
    const elsewhere = new DOMParser().parseFromString('<title>Accueil</title><h1>Bienvenue</h1><button>Ajouter</button>', 'text/html');
    expect(recognise(meshab.pages, new URL('https://habilitations.esante.gouv.fr/'), readSightings(elsewhere))).toBeNull();
  });
});

describe('recognise', () => {
  const hint = fromSeed('000', 'test', 'Consigne.', 'Instruction.');
  const portal = definePortal({
    id: 'essai',
    name: { fr: 'Essai', en: 'Test' },
    hosts: ['essai.example.fr'],
    hostRefs: [{ seed: '000', section: 'test' }],
    pages: [
      { id: 'connexion', name: { fr: 'Connexion', en: 'Login' }, path: '/', samples: [], instructions: [hint], fields: [{ match: { label: 'Adresse mail' }, hint }, { match: { label: 'Mot de passe' }, kind: 'password', hint }] },
      { id: 'formulaire', name: { fr: 'Formulaire', en: 'Form' }, path: '/formulaire', samples: [], instructions: [hint], shows: [{ title: ['Création de la boîte', 'Nouvelle boîte'] }], fields: [{ match: { label: 'Adresse mail' }, hint }, { match: { label: 'Nom de la boîte' }, hint }] },
      { id: 'dialogue', name: { fr: 'Dialogue', en: 'Dialog' }, samples: [], instructions: [hint], shows: [{ title: 'Confirmer la création' }, { button: 'Confirmer' }] },
      { id: 'jumeauA', name: { fr: 'A', en: 'A' }, path: '/a', samples: [], instructions: [hint], shows: [{ title: 'Page jumelle' }] },
      { id: 'jumeauB', name: { fr: 'B', en: 'B' }, path: '/b', samples: [], instructions: [hint], shows: [{ title: 'Page jumelle' }] },
      { id: 'enregistree', name: { fr: 'Enregistrée', en: 'Saved' }, samples: [], instructions: [hint], shows: [{ title: 'Demande' }, { text: 'Votre demande est enregistrée' }] },
    ],
  });
  const at = (html: string, url = 'https://essai.example.fr/ailleurs') => recognise(portal.pages, new URL(url), readSightings(new DOMParser().parseFromString(html, 'text/html')))?.id ?? null;

  it('tolerates case, accents, punctuation, asterisks, elisions, plurals and word order', () => {
    expect(at('<label>ADRESSE MAIL *<input></label><label>Mot de passe :<input type=password></label>')).toBe('connexion');
    expect(at('<legend>Étape 2 — création des boîtes</legend><label>Adresse mail<input></label><label>Nom boîte<input></label>')).toBe('formulaire');
    expect(at('<h2>Nouvelles boîtes</h2><label>Adresse mail<input></label>')).toBe('formulaire');
  });

  it('needs the title or two signs: one shared label is not a page', () => {
    expect(at('<label>Adresse mail<input></label>')).toBe(null);
  });

  it('sees only an open modal dialog, not the page behind it', () => {
    const form = '<h1>Création de la boîte</h1><label>Adresse mail<input></label><label>Nom de la boîte<input></label>';
    expect(at(form)).toBe('formulaire');
    expect(at(`${form}<div role="dialog" aria-modal="true" aria-labelledby="t"><h2 id="t">Confirmer la création</h2><button>Confirmer</button></div>`)).toBe('dialogue');
  });

  it('leaves the page in view behind a non-modal dialog, and reads no script nor hidden text', () => {
    const form = '<h1>Création de la boîte</h1><label>Adresse mail<input></label><label>Nom de la boîte<input></label>';
    expect(at(`${form}<div role="alertdialog"><p>Ce site utilise des cookies</p><button>Confirmer</button></div>`)).toBe('formulaire');
    expect(at('<p>Page</p><script>var t = "Confirmer la création"</script><div hidden><h2>Confirmer la création</h2></div><button>Confirmer</button>')).toBe(null);
  });

  it('breaks a tie by the URL, else recognises nothing', () => {
    expect(at('<h1>Page jumelle</h1>', 'https://essai.example.fr/b')).toBe('jumeauB');
    expect(at('<h1>Page jumelle</h1>', 'https://essai.example.fr/#/a')).toBe('jumeauA');
    expect(at('<h1>Page jumelle</h1>')).toBe(null);
  });

  it('reads labels from every source a name may come from: hidden text, aria-label, words glued by markup', () => {
    expect(at('<span hidden id="m">Adresse mail</span><input aria-labelledby="m"><input type=password aria-label="Mot de passe">')).toBe('connexion');
    expect(at('<label>Adresse<b>Mail</b><input></label><input type=password aria-label="Mot de passe">')).toBe('connexion');
  });

  it('walks the page’s text and names its buttons only for a sign whose words the document has', () => {
    const read: string[] = [];
    const spied = (html: string) => {
      const seen = readSightings(new DOMParser().parseFromString(html, 'text/html'));
      return { ...seen, text: () => (read.push('text'), seen.text()), buttons: () => (read.push('buttons'), seen.buttons()) };
    };
    expect(recognise(portal.pages, new URL('https://essai.example.fr/'), spied('<h1>Bonjour</h1><p>Un long texte.</p><button>Annuler</button>'))).toBe(null);
    expect(read).toEqual([]);
    expect(recognise(portal.pages, new URL('https://essai.example.fr/'), spied('<h1>Demande</h1><p>Votre demande est bien enregistrée.</p>'))?.id).toBe('enregistree');
    expect(read).toEqual(['text']);
  });

  it('ignores what is not displayed', () => {
    const doc = new DOMParser().parseFromString('<h1 class="x">Création de la boîte</h1><label>Adresse mail<input></label>', 'text/html');
    const hidden = (el: Element) => !el.classList.contains('x');
    expect(recognise(portal.pages, new URL('https://essai.example.fr/'), readSightings(doc, hidden))).toBe(null);
  });
});
