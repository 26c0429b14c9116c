import { describe, expect, it } from 'vitest';
import { createSectionReader } from './section';

function titlesIn(html: string, selector = '#f'): string[] {
  document.body.innerHTML = html;
  return createSectionReader().titlesOf(document.querySelector(selector)!);
}

describe('createSectionReader: the titles a person reads over a field, innermost first', () => {
  it('a fieldset legend, then the page heading', () => {
    expect(titlesIn('<h1>Commande de cartes</h1><form><fieldset><legend>Contact technique</legend><label>Nom <input id="f"></label></fieldset></form>')).toEqual([
      'Contact technique',
      'Commande de cartes',
    ]);
  });

  it('a flat form: the last heading before the field ends the previous one’s section, the higher rank stays', () => {
    const html = '<h1>Interlocuteurs</h1><h2>Responsable légal</h2><input id="a"><h2>Contact technique</h2><h3>Coordonnées</h3><input id="f">';
    expect(titlesIn(html)).toEqual(['Coordonnées', 'Contact technique', 'Interlocuteurs']);
    expect(titlesIn(html, '#a')).toEqual(['Responsable légal', 'Interlocuteurs']);
  });

  it('a heading inside an earlier block titles that block only', () => {
    const html = '<section><h2>Représentant légal</h2><input id="a"></section><section><div><input id="f"></div></section><h1>Après</h1>';
    expect(titlesIn(html)).toEqual([]);
  });

  it('a table caption, a named group or region, a dialog', () => {
    expect(titlesIn('<table><caption>Administrateur technique</caption><tr><td>Nom</td><td><input id="f"></td></tr></table>')).toEqual([
      'Administrateur technique',
    ]);
    expect(titlesIn('<span id="t">Responsable du compte</span><div role="group" aria-labelledby="t"><input id="f"></div>')).toEqual(['Responsable du compte']);
    expect(titlesIn('<div role="dialog" aria-label="Compte partagé"><div role="region" aria-label="Demandeur"><input id="f"></div></div>')).toEqual([
      'Demandeur',
      'Compte partagé',
    ]);
  });

  it('a heading inside a named block is inner to the block’s own name', () => {
    expect(titlesIn('<h1>Page</h1><fieldset><legend>Interlocuteurs</legend><h3>Demandeur</h3><input id="f"></fieldset>')).toEqual([
      'Demandeur',
      'Interlocuteurs',
      'Page',
    ]);
  });

  it('a field in a shadow root belongs to the sections around its host', () => {
    document.body.innerHTML = '<fieldset><legend>Représentant légal</legend><x-field></x-field></fieldset>';
    const root = document.querySelector('x-field')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<input id="f">';
    expect(createSectionReader().titlesOf(root.querySelector('#f')!)).toEqual(['Représentant légal']);
  });
});
