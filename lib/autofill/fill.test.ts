import { afterEach, describe, expect, it } from 'vitest';
import { fixtures, loadFixture } from '../../test/fixtures/load';
import { sampleEstablishment } from '../profile/sample';
import { analysePage } from './engine';
import { executeFill, keptText, undo } from './fill';
import { planFill, toFill, type FillLine } from './plan';
import type { Layout } from '../dom/layout';

/** jsdom has no geometry: every box is 100×20 at the top left, nothing covers anything; styles are jsdom's. */
const layout: Layout = {
  style: (element) => (element.ownerDocument.defaultView as Window).getComputedStyle(element),
  rect: () => ({ left: 10, top: 10, right: 110, bottom: 30, width: 100, height: 20 }),
  hitTest: () => null,
  viewport: () => ({ width: 1000, height: 800, scrollX: 0, scrollY: 0 }),
};

const line = (element: HTMLElement, value: string, extra: Partial<FillLine> = {}): FillLine => ({
  id: 0,
  element,
  kind: 'city',
  label: 'x',
  value,
  alternatives: [],
  action: 'type',
  source: { type: 'establishment' },
  selected: true,
  ...extra,
});

const windows: { close(): void }[] = [];
afterEach(() => {
  windows.splice(0).forEach((w) => w.close());
  document.body.innerHTML = '';
});

/**
 * A React-like controlled input: the instance's `value` is wrapped to track what the page
 * set; an input event whose value differs from the tracked one updates the state; a
 * re-render (on blur) writes the state back. Setting `el.value` naively is lost.
 */
function controlledInput(): HTMLInputElement {
  document.body.innerHTML = '<input id="ctl">';
  const input = document.getElementById('ctl') as HTMLInputElement;
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
  let tracked = '';
  let state = '';
  Object.defineProperty(input, 'value', {
    configurable: true,
    get: () => native.get!.call(input),
    set: (v: string) => {
      tracked = v;
      native.set!.call(input, v);
    },
  });
  input.addEventListener('input', () => {
    const actual = native.get!.call(input) as string;
    if (actual !== tracked) state = tracked = actual;
  });
  const render = () => native.set!.call(input, state);
  input.addEventListener('blur', render);
  input.addEventListener('change', render);
  return input;
}

describe('executeFill', () => {
  it('reaches a framework-controlled input: the value survives blur and re-render', async () => {
    const input = controlledInput();
    const { results } = await executeFill([line(input, 'Paris')], { layout });
    expect(results.map((r) => r.status)).toEqual(['filled']);
    input.dispatchEvent(new Event('blur'));
    expect(input.value).toBe('Paris');
  });

  it('a naive assignment is lost on such an input (the imitation is faithful)', () => {
    const input = controlledInput();
    input.value = 'Paris';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('blur'));
    expect(input.value).toBe('');
  });

  it('fires input, change and blur', async () => {
    document.body.innerHTML = '<input id="a">';
    const input = document.getElementById('a') as HTMLInputElement;
    const seen: string[] = [];
    for (const type of ['input', 'change', 'blur']) input.addEventListener(type, () => seen.push(type));
    await executeFill([line(input, 'x')], { layout });
    expect(seen).toEqual(['input', 'change', 'blur']);
  });

  it('chooses select options by text, value or name without code; says when none matches', async () => {
    document.body.innerHTML = `<select id="dep"><option value="">Choisir</option><option value="13">13 - Bouches-du-Rhône</option><option value="75">75 - Paris</option></select>
      <select id="reg"><option value="">Choisir</option><option>Corse</option></select>`;
    const dep = document.getElementById('dep') as HTMLSelectElement;
    const reg = document.getElementById('reg') as HTMLSelectElement;
    let changed = 0;
    dep.addEventListener('change', () => changed++);
    const { results } = await executeFill(
      [line(dep, 'Paris', { action: 'choose', alternatives: ['75'] }), line(reg, 'Île-de-France', { action: 'choose' })],
      { layout },
    );
    expect([dep.value, changed]).toEqual(['75', 1]);
    expect(results.map((r) => r.reason ?? r.status)).toEqual(['filled', 'noOption']);
    expect(reg.selectedIndex).toBe(0);
  });

  it('ticks checkboxes and radios, and undo puts every previous value back', async () => {
    document.body.innerHTML = `<form><input id="t" value="avant"><textarea id="d">ancienne</textarea>
      <input type="checkbox" id="c"><input type="radio" name="r" id="r1" checked><input type="radio" name="r" id="r2">
      <select id="s"><option value="a">A</option><option value="b">B</option></select></form>`;
    const $ = (id: string) => document.getElementById(id) as HTMLInputElement;
    const { results, snapshot } = await executeFill(
      [
        line($('t'), 'après'),
        line($('d'), 'nouvelle'),
        line($('c'), 'DISTRILOG', { action: 'check', kind: null }),
        line($('r2'), 'Non', { action: 'check', kind: null }),
        line($('s') as unknown as HTMLElement, 'B', { action: 'choose' }),
      ],
      { layout },
    );
    expect(results.every((r) => r.status === 'filled')).toBe(true);
    expect([$('t').value, $('d').value, $('c').checked, $('r2').checked, $('r1').checked, ($('s') as unknown as HTMLSelectElement).value]).toEqual(['après', 'nouvelle', true, true, false, 'b']);
    undo(snapshot);
    expect([$('t').value, $('d').value, $('c').checked, $('r2').checked, $('r1').checked, ($('s') as unknown as HTMLSelectElement).value]).toEqual(['avant', 'ancienne', false, false, true, 'a']);
  });

  it('refuses passwords, one-time codes, hidden, readonly and disabled fields whatever the plan says', async () => {
    document.body.innerHTML = `<input id="p" type="password"><input id="o" autocomplete="one-time-code"><input id="h" style="display:none">
      <input id="ro" readonly><input id="di" disabled><input id="v" style="visibility:hidden"><input id="op" style="opacity:0">`;
    const ids = ['p', 'o', 'h', 'ro', 'di', 'v', 'op'];
    const { results } = await executeFill(ids.map((id) => line(document.getElementById(id)!, 'fuite', { kind: 'email' })), { layout });
    expect(results.map((r) => r.reason)).toEqual(['secret', 'secret', 'notDisplayed', 'readonly', 'disabled', 'invisible', 'transparent']);
    for (const id of ids) expect((document.getElementById(id) as HTMLInputElement).value).toBe('');
  });

  it('skips a line the plan skipped, and fills nothing on it', async () => {
    document.body.innerHTML = '<input id="a">';
    const input = document.getElementById('a') as HTMLInputElement;
    const { results } = await executeFill([line(input, 'x', { skipped: 'leaveEmpty' })], { layout });
    expect([results[0]?.reason, input.value]).toEqual(['leaveEmpty', '']);
  });
});

describe('autocomplete comboboxes', () => {
  const open = (page: string) => {
    const fixture = fixtures.find((f) => f.portal === 'plage' && f.page === page)!;
    const dom = loadFixture(fixture, fixture.url);
    windows.push(dom.window);
    return { doc: dom.window.document, url: fixture.url };
  };

  it.each(['firstProfile', 'requestProfile'])('Plage %s: types the FINESS, waits for the suggestions, picks the matching entity', async (page) => {
    const { doc, url } = open(page);
    const plan = planFill(analysePage(doc, url)!.fields, sampleEstablishment(), { meContactId: sampleEstablishment().contacts[1]!.id });
    const entity = toFill(plan).filter((l) => l.element.id === 'entite');
    const { results } = await executeFill(entity, { layout });
    expect(results.map((r) => r.status)).toEqual(['filled']);
    expect((doc.getElementById('entite-finess') as HTMLInputElement).value).toBe('750712184');
    expect((doc.getElementById('entite') as HTMLInputElement).value).toMatch(/^750712184 - ASSISTANCE PUBLIQUE/);
  });

  it('gives up after the timeout when no suggestion matches, and leaves the field as it was', async () => {
    const { doc } = open('firstProfile');
    const input = doc.getElementById('entite') as HTMLInputElement;
    const started = Date.now();
    const { results, snapshot } = await executeFill([line(input, '999999999', { action: 'pick', kind: 'finess' })], { layout, comboboxTimeout: 600 });
    expect(results[0]?.reason).toBe('comboboxTimeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    expect(input.value).toBe('');
    expect(snapshot.entries).toEqual([]);
  });
});

describe('layout is read before anything is written', () => {
  it('measures every line first, then writes: no layout read between two writes', async () => {
    document.body.innerHTML = '<input id="a"><input id="b"><select id="c"><option>A</option><option>B</option></select>';
    const log: string[] = [];
    const spying: Layout = {
      ...layout,
      rect: (element) => {
        log.push(`measure ${element.id}`);
        return layout.rect(element);
      },
    };
    for (const id of ['a', 'b', 'c']) document.getElementById(id)!.addEventListener('input', () => log.push(`write ${id}`));
    const $ = (id: string) => document.getElementById(id)!;
    await executeFill([line($('a'), '1'), line($('b'), '2'), line($('c'), 'B', { action: 'choose' })], { layout: spying });
    const firstWrite = log.findIndex((entry) => entry.startsWith('write'));
    expect(log.slice(firstWrite)).toEqual(['write a', 'write b', 'write c']);
    expect(log.slice(0, firstWrite)).toEqual(expect.arrayContaining(['measure a', 'measure b', 'measure c']));
  });

  it('writes every line without yielding: reactions queued in microtasks run after the last write', async () => {
    document.body.innerHTML = '<input id="a"><input id="b"><input id="c">';
    const log: string[] = [];
    const $ = (id: string) => document.getElementById(id) as HTMLInputElement;
    for (const id of ['a', 'b', 'c']) $(id).addEventListener('focus', () => {
      log.push(`write ${id}`);
      queueMicrotask(() => log.push(`render ${id}`));
    });
    await executeFill([line($('a'), '1'), line($('b'), '2'), line($('c'), '3')], { layout });
    expect(log).toEqual(['write a', 'write b', 'write c', 'render a', 'render b', 'render c']);
  });

  it('skips a field an earlier write disabled or removed, as the page decided', async () => {
    document.body.innerHTML = '<input type="checkbox" id="same"><input id="adresse"><input id="ville">';
    const $ = (id: string) => document.getElementById(id) as HTMLInputElement;
    $('same').addEventListener('change', () => {
      $('adresse').disabled = true;
      $('ville').remove();
    });
    const { results, snapshot } = await executeFill(
      [line($('same'), 'Identique', { action: 'check', kind: null }), line($('adresse'), '1 rue'), line($('ville'), 'Paris')],
      { layout },
    );
    expect(results.map((r) => r.reason ?? r.status)).toEqual(['filled', 'disabled', 'detached']);
    expect($('adresse').value).toBe('');
    expect(snapshot.entries).toHaveLength(1);
  });
});

describe('pages that listen to keys', () => {
  it('a validator that reads the field on keyup only gets the value', async () => {
    document.body.innerHTML = '<input id="mail"><button id="go" disabled>Envoyer</button>';
    const input = document.getElementById('mail') as HTMLInputElement;
    const model = { mail: '' };
    input.addEventListener('keyup', () => {
      model.mail = input.value;
      (document.getElementById('go') as HTMLButtonElement).disabled = !input.value.includes('@');
    });
    await executeFill([line(input, 'camille.durand@ch-lauragais.fr', { kind: 'email' })], { layout });
    expect([model.mail, (document.getElementById('go') as HTMLButtonElement).disabled]).toEqual(['camille.durand@ch-lauragais.fr', false]);
  });

  it('keydown and keypress come before the value, keyup after it, as when a person types', async () => {
    document.body.innerHTML = '<input id="a">';
    const input = document.getElementById('a') as HTMLInputElement;
    const seen: string[] = [];
    for (const type of ['keydown', 'keypress', 'input', 'keyup', 'change']) input.addEventListener(type, () => seen.push(`${type}:${input.value}`));
    await executeFill([line(input, 'ab')], { layout });
    expect(seen).toEqual(['keydown:', 'keypress:', 'input:ab', 'keyup:ab', 'change:ab']);
  });

  it('a mask that writes the same number its own way (+33, spaces) keeps it; one that changes the digits refuses it', async () => {
    document.body.innerHTML = '<input id="intl"><input id="cut">';
    const $ = (id: string) => document.getElementById(id) as HTMLInputElement;
    // Masks of the jQuery era rewrite the field on keyup.
    $('intl').addEventListener('keyup', () => ($('intl').value = `+33 ${$('intl').value.replace(/\D/g, '').slice(1).replace(/(\d)(\d{2})(\d{2})(\d{2})(\d{2})/, '$1 $2 $3 $4 $5')}`));
    $('cut').addEventListener('keyup', () => ($('cut').value = $('cut').value.replace(/\D/g, '').slice(0, 8)));
    const { results } = await executeFill([line($('intl'), '04 68 23 45 80', { kind: 'phone' }), line($('cut'), '04 68 23 45 80', { kind: 'phone' })], { layout });
    expect($('intl').value).toBe('+33 4 68 23 45 80');
    expect(results.map((r) => r.reason ?? r.status)).toEqual(['filled', 'rejected']);
  });

  it.each([
    ['04 68 23 45 80', '0468234580', 'phone', true],
    ['+33 4 68 23 45 80', '04 68 23 45 80', 'phone', true],
    ['+33 (0)4 68 23 45 80', '0468234580', 'phone', true],
    ['04 68 23 45 8', '04 68 23 45 80', 'phone', false],
    ['266 11 400', '26611400', 'siret', true],
    ['Castelnaudary', 'CASTELNAUDARY', 'city', false],
  ] as const)('keptText(%j, %j, %s) = %s', (found, wanted, kind, expected) => {
    expect(keptText(found, wanted, kind)).toBe(expected);
  });
});

/** A select a plugin replaced: hidden the select2 way, with a widget after it; `listens`: the widget re-renders on the select's change. */
function enhancedSelect(listens: boolean): { select: HTMLSelectElement; shown: HTMLElement } {
  document.body.innerHTML = `<label for="dep">Département</label>
    <select id="dep" tabindex="-1" aria-hidden="true" style="position:absolute;clip:rect(0 0 0 0);width:1px;height:1px">
      <option value=""></option><option value="11">11 - Aude</option><option value="31">31 - Haute-Garonne</option></select>
    <div class="widget chosen-container" id="dep_chosen"><a class="chosen-single trigger"><span class="shown">Choisir</span></a><ul class="drop" hidden></ul></div>`;
  const select = document.getElementById('dep') as HTMLSelectElement;
  const shown = document.querySelector('.shown') as HTMLElement;
  const drop = document.querySelector('.drop') as HTMLElement;
  const render = () => (shown.textContent = select.selectedIndex > 0 ? select.options[select.selectedIndex]!.text : 'Choisir');
  if (listens) select.addEventListener('change', render);
  // No roles, options drawn on opening (chosen's way), chosen on mouseup.
  document.querySelector('.trigger')!.addEventListener('mousedown', () => {
    drop.hidden = false;
    drop.replaceChildren(
      ...Array.from(select.options).slice(1).map((option) => {
        const li = document.createElement('li');
        li.textContent = option.text;
        li.addEventListener('mouseup', () => {
          select.value = option.value;
          render();
          drop.hidden = true;
        });
        return li;
      }),
    );
  });
  return { select, shown };
}

describe('selects a plugin replaced (select2, chosen, PrimeFaces)', () => {
  it('a widget that follows the select’s change shows the choice: chosen natively', async () => {
    const { select, shown } = enhancedSelect(true);
    const { results } = await executeFill([line(select, 'Aude', { action: 'choose', kind: 'departement', alternatives: ['11'] })], { layout });
    expect([results[0]?.status, select.value, shown.textContent]).toEqual(['filled', '11', '11 - Aude']);
  });

  it('a widget that does not follow it is opened and its option pressed: select and widget agree', async () => {
    const { select, shown } = enhancedSelect(false);
    const { results } = await executeFill([line(select, 'Aude', { action: 'choose', kind: 'departement', alternatives: ['11'] })], { layout, comboboxTimeout: 300 });
    expect([results[0]?.status, select.value, shown.textContent]).toEqual(['filled', '11', '11 - Aude']);
  });

  it('a widget that never shows the choice: the select is put back and the page said no', async () => {
    const { select, shown } = enhancedSelect(false);
    document.querySelector('.trigger')!.replaceWith(document.createElement('span'));
    const { results } = await executeFill([line(select, 'Aude', { action: 'choose', kind: 'departement' })], { layout, comboboxTimeout: 100 });
    expect([results[0]?.reason, select.value, shown.textContent]).toEqual(['rejected', '', 'Choisir']);
  });

  it('a combobox without a text input is opened and its option pressed, never written into', async () => {
    document.body.innerHTML = `<div id="cb" role="combobox" aria-controls="lb" aria-expanded="false" tabindex="0"><span class="v">Sélectionnez</span><i class="arrow"></i></div>
      <ul id="lb" role="listbox" hidden><li role="option">Médecin</li><li role="option">Pharmacien</li></ul>`;
    const combobox = document.getElementById('cb')!;
    const listbox = document.getElementById('lb')!;
    combobox.addEventListener('click', () => (listbox.hidden = false));
    for (const option of listbox.querySelectorAll('li'))
      option.addEventListener('click', () => {
        combobox.querySelector('.v')!.textContent = option.textContent;
        listbox.hidden = true;
      });
    const { results } = await executeFill([line(combobox, 'Pharmacien', { action: 'choose', kind: 'profession' })], { layout, comboboxTimeout: 300 });
    expect(results[0]?.status).toBe('filled');
    expect(combobox.querySelector('.v')?.textContent).toBe('Pharmacien');
    expect(combobox.querySelector('.arrow')).not.toBeNull();
  });

  it('a hidden select nothing marks as replaced is judged on itself: its neighbour is never clicked nor read as its widget', async () => {
    document.body.innerHTML = `<form><label for="trap">Département</label>
      <select id="trap" style="display:none"><option value=""></option><option value="11">11 - Aude</option></select>
      <div><p>Nos bureaux dans l’Aude</p><button type="button" id="del">Supprimer le compte</button><a id="lnk" href="#x">lien</a></div></form>`;
    const select = document.getElementById('trap') as HTMLSelectElement;
    const clicks: string[] = [];
    for (const id of ['del', 'lnk']) document.getElementById(id)!.addEventListener('click', (event) => (event.preventDefault(), clicks.push(id)));
    const { results } = await executeFill([line(select, 'Aude', { action: 'choose', kind: 'departement', alternatives: ['11'] })], { layout, comboboxTimeout: 100 });
    expect([results[0]?.reason, select.value, clicks]).toEqual(['notDisplayed', '', []]);
  });

  it('a combobox that names no listbox presses only an option of its own list, never one of another field’s', async () => {
    document.body.innerHTML = `<div id="cb" role="combobox" tabindex="0"><span class="v">Sélectionnez</span></div>
      <div id="other"><span class="v">Médecin</span><ul role="listbox" style="display:none"><li role="option">Pharmacien</li></ul></div>`;
    const combobox = document.getElementById('cb')!;
    let pressed = '';
    document.querySelector('#other li')!.addEventListener('click', () => (pressed = 'other'));
    const { results } = await executeFill([line(combobox, 'Pharmacien', { action: 'choose', kind: 'profession' })], { layout, comboboxTimeout: 100 });
    expect([results[0]?.reason, pressed, document.querySelector('#other .v')?.textContent]).toEqual(['noOption', '', 'Médecin']);
  });
});

describe('fields that depend on an earlier one', () => {
  it('waits for a field the previous write enables, later than at once, then fills it', async () => {
    document.body.innerHTML = '<input id="mail"><input id="confirm" disabled>';
    const $ = (id: string) => document.getElementById(id) as HTMLInputElement;
    $('mail').addEventListener('change', () => setTimeout(() => ($('confirm').disabled = false), 30));
    const { results } = await executeFill([line($('mail'), 'a@b.fr', { kind: 'email' }), line($('confirm'), 'a@b.fr', { kind: 'emailConfirmation', enabledLater: true })], { layout });
    expect(results.map((r) => r.status)).toEqual(['filled', 'filled']);
    expect($('confirm').value).toBe('a@b.fr');
  });

  it('gives up with a reason when it stays disabled, waiting once, not for every such field', async () => {
    document.body.innerHTML = '<input id="a"><input id="b" disabled><input id="c" disabled>';
    const $ = (id: string) => document.getElementById(id) as HTMLInputElement;
    const started = Date.now();
    const { results } = await executeFill([line($('a'), '1'), line($('b'), '2'), line($('c'), '3')], { layout, comboboxTimeout: 200 });
    expect(results.map((r) => r.reason ?? r.status)).toEqual(['filled', 'disabled', 'disabled']);
    expect(Date.now() - started).toBeLessThan(380);
    expect([$('b').value, $('c').value]).toEqual(['', '']);
  });

  it('waits for a list the parent choice loads, then chooses in it', async () => {
    document.body.innerHTML = `<select id="region"><option value=""></option><option value="76">Occitanie</option></select>
      <select id="dept"><option value="">Choisissez d’abord une région</option></select>`;
    const region = document.getElementById('region') as HTMLSelectElement;
    const dept = document.getElementById('dept') as HTMLSelectElement;
    region.addEventListener('change', () => setTimeout(() => dept.append(new Option('11 - Aude', '11'), new Option('31 - Haute-Garonne', '31')), 30));
    const { results } = await executeFill(
      [line(region, 'Occitanie', { action: 'choose', kind: 'region' }), line(dept, 'Aude', { action: 'choose', kind: 'departement', alternatives: ['11'] })],
      { layout },
    );
    expect(results.map((r) => r.status)).toEqual(['filled', 'filled']);
    expect(dept.value).toBe('11');
  });
});
