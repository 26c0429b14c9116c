import { afterEach, describe, expect, it } from 'vitest';
import { mayChangeFields, watchedAttributes } from './field-changes';

/** The records a change of the page makes, as the guide's observer sees them (usePageReading). */
async function recordsOf(change: () => void): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((delivered) => records.push(...delivered));
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: watchedAttributes });
  change();
  await Promise.resolve();
  records.push(...observer.takeRecords());
  observer.disconnect();
  return records;
}
const changesFields = async (change: () => void) => (await recordsOf(change)).some(mayChangeFields);
const $ = (selector: string) => document.querySelector(selector) as HTMLElement;

afterEach(() => document.body.replaceChildren());

describe('mayChangeFields', () => {
  const page = `<header><span id="clock">10:42</span><ul class="carousel"><li style="opacity:1">Actualité</li></ul></header>
    <main><h1>Mes profils</h1><button type="button" id="open">+ Demander un profil</button>
    <div role="dialog" id="dialog" hidden><form><span id="l-mail">Courriel</span><input aria-labelledby="l-mail" id="mail">
    <label for="tel">Téléphone</label><input id="tel" disabled><div class="row"><span class="near">Libellé</span><input id="libelle"></div></form></div>
    <dialog id="native"><label>Commentaire <textarea></textarea></label></dialog></main>`;

  it.each<[string, () => void]>([
    ['a dialog shown (hidden removed)', () => $('#dialog').removeAttribute('hidden')],
    ['a dialog shown by a class', () => $('#dialog').classList.add('open')],
    ['a dialog inserted with its fields', () => $('main').append(Object.assign(document.createElement('div'), { innerHTML: '<label>Nom <input></label>' }))],
    ['a step swapped by AJAX (the form replaced)', () => $('#dialog').replaceChildren(Object.assign(document.createElement('form'), { innerHTML: '<select name="offre"></select>' }))],
    ['a field removed', () => $('#libelle').remove()],
    ['a field enabled', () => ($('#tel') as HTMLInputElement).removeAttribute('disabled')],
    ['a field retyped', () => $('#tel').setAttribute('type', 'email')],
    ['a label renamed', () => ($('label[for="tel"]').textContent = 'Téléphone portable')],
    ['a label’s text edited in place', () => (($('label[for="tel"]').firstChild as Text).data = 'Portable')],
    ['the text an aria-labelledby points at', () => (($('#l-mail').firstChild as Text).data = 'Adresse électronique')],
    ['the text beside a field', () => ($('.near').textContent = 'Intitulé')],
    ['a <dialog> opened', () => $('#native').setAttribute('open', '')],
  ])('%s: may change the preview', async (_name, change) => {
    document.body.innerHTML = page;
    expect(await changesFields(change)).toBe(true);
  });

  it.each<[string, () => void]>([
    ['a clock ticking', () => ($('#clock').textContent = '10:43')],
    ['a clock’s text edited in place', () => (($('#clock').firstChild as Text).data = '10:44')],
    ['a carousel turning', () => ($('.carousel li').style.opacity = '0.5')],
    ['a message added outside the form', () => $('header').append(Object.assign(document.createElement('p'), { textContent: 'Maintenance ce soir' }))],
    ['a button restyled', () => $('#open').classList.add('hover')],
  ])('%s: does not', async (_name, change) => {
    document.body.innerHTML = page;
    expect(await changesFields(change)).toBe(false);
  });
});
