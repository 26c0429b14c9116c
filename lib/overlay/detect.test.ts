import { describe, expect, it } from 'vitest';
import { fixtureHtml } from '../../test/fixtures/load';
import { fixtures } from '../../test/fixtures/load';
import { hasVisibleField, readPage, worthShowing } from './detect';

const documentOf = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const everyElementShown = () => true;
const fixture = (portal: string, page: string) => fixtures.find((f) => f.portal === portal && f.page === page)!;

describe('readPage', () => {
  it('recognises a fixture page at its URL', () => {
    const f = fixture('plage', 'accountForm');
    const reading = readPage(f.url, documentOf(fixtureHtml(f)), everyElementShown);
    expect(reading?.portal.id).toBe('plage');
    expect(reading?.match?.page.id).toBe('accountForm');
    expect(reading?.hasVisibleField()).toBe(true);
    expect(worthShowing(reading)).toBe(true);
  });

  it('gives nothing off the portal hosts, even for a portal page’s HTML', () => {
    const f = fixture('plage', 'accountForm');
    expect(readPage('https://plage.atih.sante.fr.evil.test/compte/creation', documentOf(fixtureHtml(f)), everyElementShown)).toBeNull();
    expect(worthShowing(null)).toBe(false);
  });

  it('on an unknown page of a portal: worth showing only with a visible field', () => {
    const url = 'https://medimail.mipih.fr/inconnue';
    const withField = readPage(url, documentOf('<p>Texte</p><input id="a">'), everyElementShown);
    expect(withField?.match).toBeNull();
    expect(worthShowing(withField)).toBe(true);
    expect(worthShowing(readPage(url, documentOf('<p>Texte</p><input type="hidden"><button>OK</button>'), everyElementShown))).toBe(false);
    expect(worthShowing(readPage(url, documentOf('<input id="a">'), () => false))).toBe(false);
  });
});

describe('hasVisibleField', () => {
  it('ignores hidden, disabled and button-like inputs', () => {
    const doc = documentOf('<input type="hidden"><input disabled><input type="submit"><input type="button"><select disabled></select>');
    expect(hasVisibleField(doc, everyElementShown)).toBe(false);
    expect(hasVisibleField(documentOf('<textarea></textarea>'), everyElementShown)).toBe(true);
  });

  it('finds the field of a web component in its open shadow root', () => {
    const doc = documentOf('<ds-input id="host"><span slot="label">Nom</span></ds-input>');
    expect(hasVisibleField(doc, everyElementShown)).toBe(false);
    doc.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<label><slot name="label"></slot></label><input>';
    expect(hasVisibleField(doc, everyElementShown)).toBe(true);
  });
});
