import { afterEach, describe, expect, it } from 'vitest';
import { watchDom, type DomWatch } from './dom-watch';

let watch: DomWatch | undefined;
afterEach(() => {
  watch?.stop();
  document.body.innerHTML = '';
});

function page() {
  document.body.innerHTML = '<form><label for="city">Ville</label><input id="city"><div id="host"></div></form><div id="balise"><p>Aperçu</p></div>';
  const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
  shadow.innerHTML = '<label>Code postal <input id="cp"></label>';
  return { shadow, balise: document.getElementById('balise')! };
}

describe('watchDom', () => {
  it('sees a change made just before it is asked, before the observer is called back', () => {
    const { balise } = page();
    watch = watchDom([document], (node) => balise.contains(node));
    expect(watch.unchanged()).toBe(true);
    document.querySelector('label')!.textContent = 'SIRET';
    expect(watch.unchanged()).toBe(false);
  });

  it.each([
    ['an attribute', () => document.getElementById('city')!.setAttribute('aria-label', 'SIRET')],
    ['a node added', () => document.querySelector('form')!.append(document.createElement('input'))],
    ['a text', () => ((document.querySelector('label')!.firstChild as Text).data = 'SIRET')],
  ])('counts %s in the document', (_, change) => {
    const { shadow, balise } = page();
    watch = watchDom([document, shadow], (node) => balise.contains(node));
    change();
    expect(watch.unchanged()).toBe(false);
  });

  it('counts a change in a shadow root it was given, which the document’s subtree does not hold', () => {
    const { shadow, balise } = page();
    watch = watchDom([document, shadow], (node) => balise.contains(node));
    (shadow.querySelector('label')!.firstChild as Text).data = 'SIRET ';
    expect(watch.unchanged()).toBe(false);
  });

  it('ignores what Balise put in the page, added, changed or removed; a change once seen stays seen', async () => {
    const { balise } = page();
    const tab = document.createElement('balise-tab');
    document.body.append(tab);
    watch = watchDom([document], (node) => balise.contains(node) || node === tab);
    balise.setAttribute('popover', 'manual');
    balise.querySelector('p')!.textContent = 'Champs remplis';
    tab.remove();
    expect(watch.unchanged()).toBe(true);
    document.getElementById('city')!.setAttribute('disabled', '');
    await Promise.resolve();
    document.getElementById('city')!.removeAttribute('disabled');
    expect(watch.unchanged()).toBe(false);
  });
});
