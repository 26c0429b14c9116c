import { beforeEach, describe, expect, it } from 'vitest';
import type { NameSource } from '../dom/accessible-name';
import { collectFields, enhancedWidget, type CollectedField } from './collect';

beforeEach(() => {
  document.body.innerHTML = '';
});

function collect(html: string): CollectedField[] {
  document.body.innerHTML = html;
  return collectFields(document);
}

function part(field: CollectedField | undefined, source: NameSource): string | undefined {
  return field?.nameParts.find((p) => p.source === source)?.text;
}

describe('which elements are fields', () => {
  it('keeps typed inputs, selects, textareas, comboboxes and editing hosts, in document order', () => {
    const fields = collect(`
      <input id="a"><input id="h" type="hidden"><input type="submit"><input type="button"><input type="image">
      <input type="reset"><input type="file"><select id="b"></select><textarea id="c"></textarea>
      <div role="combobox" id="d"></div><div contenteditable="true" id="e"><p contenteditable>inner</p></div>
      <div contenteditable="false"></div><input type="checkbox" id="f"><input type="radio" id="g">`);
    expect(fields.map((f) => f.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(fields.map((f) => f.control)).toEqual(['input', 'select', 'textarea', 'combobox', 'textbox', 'input', 'input']);
  });

  it('takes a select a plugin replaced as one field: its proxy combobox and shown text are not fields of their own', () => {
    const fields = collect(`
      <select id="s2" tabindex="-1" aria-hidden="true"><option>Aude</option></select>
      <span class="select2"><span role="combobox" aria-haspopup="true"><span role="textbox" aria-readonly="true" id="shown">Aude</span></span>
        <span class="dropdown"><input type="search" id="search" aria-autocomplete="list"></span></span>
      <div class="ui-selectonemenu"><div class="ui-helper-hidden-accessible"><select id="pf" tabindex="-1"><option>PRO</option></select></div>
        <label class="ui-selectonemenu-label">PRO</label><div class="ui-selectonemenu-trigger"></div></div>
      <select id="plain"><option>A</option></select><div role="combobox" id="free"></div>`);
    expect(fields.map((f) => f.id)).toEqual(['s2', 'pf', 'plain', 'free']);
    const [s2, pf, plain] = ['s2', 'pf', 'plain'].map((id) => document.getElementById(id)!);
    expect(enhancedWidget(s2!)?.className).toBe('select2');
    expect(enhancedWidget(pf!)?.className).toBe('ui-selectonemenu-label');
    expect(enhancedWidget(plain!)).toBeNull();
  });

  it('does not count an ARIA 1.1 combobox wrapper twice', () => {
    const fields = collect('<div role="combobox"><input id="inner"></div>');
    expect(fields.map((f) => f.id)).toEqual(['inner']);
  });

  it('reads the descriptors', () => {
    const [field] = collect(
      '<input id="x" name="siret" placeholder="14 chiffres" autocomplete="off" maxlength="14" inputmode="numeric" pattern="\\d{14}" readonly aria-describedby="hint"><p id="hint">Sans espaces</p>',
    );
    expect(field).toMatchObject({
      name: 'siret',
      id: 'x',
      type: 'text',
      placeholder: '14 chiffres',
      autocomplete: 'off',
      maxLength: 14,
      inputMode: 'numeric',
      pattern: '\\d{14}',
      readOnly: true,
      disabled: false,
      hint: 'Sans espaces',
    });
  });

  it('reads select options and disabled state, through a disabled fieldset too', () => {
    const [select, inFieldset] = collect(
      '<select disabled><option value="">--</option><option>Bretagne</option></select><fieldset disabled><input></fieldset>',
    );
    expect(select?.options).toEqual(['--', 'Bretagne']);
    expect(select?.disabled).toBe(true);
    expect(inFieldset?.disabled).toBe(true);
  });
});

describe('names', () => {
  it('reads label[for], wrapping label, aria-label, aria-labelledby and title', () => {
    const [forLabel, wrapped, aria, labelledBy, titled] = collect(`
      <label for="a">Raison sociale</label><input id="a">
      <label>Ville <input></label>
      <input aria-label="Code postal">
      <span id="l1">Numéro</span><span id="l2">FINESS</span><input aria-labelledby="l1 l2">
      <input title="Courriel">`);
    expect(part(forLabel, 'labelFor')).toBe('Raison sociale');
    expect(part(wrapped, 'wrappingLabel')).toBe('Ville');
    expect(part(aria, 'ariaLabel')).toBe('Code postal');
    expect(part(labelledBy, 'labelledBy')).toBe('Numéro FINESS');
    expect(part(titled, 'title')).toBe('Courriel');
  });

  it('leaves the options of a wrapped select out of its label', () => {
    const [field] = collect('<label>Civilité <select><option>Madame</option><option>Monsieur</option></select></label>');
    expect(part(field, 'wrappingLabel')).toBe('Civilité');
  });

  it('does not give a wrapping label to a control its for= does not name', () => {
    const [first, second] = collect('<label for="a">Prénom <input id="b"></label><input id="a">');
    expect(part(first, 'wrappingLabel')).toBeUndefined();
    expect(part(second, 'labelFor')).toBe('Prénom');
  });

  it('reads a label that both wraps its field and names it by for= once', () => {
    const [field] = collect('<label for="username"><input id="username"><span>Identifiant :</span></label>');
    expect(field?.nameParts.filter((p) => p.source === 'labelFor' || p.source === 'wrappingLabel').map((p) => p.text)).toEqual(['Identifiant :']);
  });

  it('pairs duplicated ids with the nearest following field', () => {
    const fields = collect(`
      <label for="tel">Téléphone fixe</label><input id="tel">
      <label for="tel">Téléphone portable</label><input id="tel">`);
    expect(fields.map((f) => part(f, 'labelFor'))).toEqual(['Téléphone fixe', 'Téléphone portable']);
  });

  it('uses an orphan label (for= naming nothing) as neighbouring text', () => {
    const [field] = collect('<label for="tel-1">Numéro de téléphone</label><input id="tel-1422">');
    expect(part(field, 'labelFor')).toBeUndefined();
    expect(part(field, 'previousText')).toBe('Numéro de téléphone');
  });

  it('reads previous text, climbing out of a wrapper, but not past another field', () => {
    const [first, second, , third] = collect(`
      <p>Nom de l'établissement : <input id="a"></p>
      <div><span>Commune</span><div><input id="b"></div></div>
      <input id="d"><div><label for="d">x</label><input id="c"></div>`);
    expect(part(first, 'previousText')).toBe("Nom de l'établissement :");
    expect(part(second, 'previousText')).toBe('Commune');
    expect(part(third, 'previousText')).toBeUndefined();
  });

  it('reads the preceding cell and the column header of a table', () => {
    const fields = collect(`
      <table><thead><tr><th></th><th>Nom</th><th>Prénom</th></tr></thead>
      <tbody><tr><td>Représentant légal</td><td><input></td><td><input></td></tr></tbody></table>`);
    expect(part(fields[0], 'rowCell')).toBe('Représentant légal');
    expect(part(fields[0], 'columnHeader')).toBe('Nom');
    expect(part(fields[1], 'columnHeader')).toBe('Prénom');
    // Past the first field's cell, the row is still named by its header cell.
    expect(part(fields[1], 'rowCell')).toBe('Représentant légal');
  });

  it('reads a row header past other fields, column headers under colspans and a th corner', () => {
    const fields = collect(`
      <table><tr><td></td><th colspan="2">Représentant légal</th><th>DSI</th></tr>
      <tr><th scope="row">Courriel</th><td><input id="a"></td><td><input id="b"></td><td><input id="c"></td></tr></table>`);
    expect(fields.map((f) => part(f, 'rowCell'))).toEqual(['Courriel', 'Courriel', 'Courriel']);
    expect(fields.map((f) => part(f, 'columnHeader'))).toEqual(['Représentant légal', 'Représentant légal', 'DSI']);
  });

  it('reads the label that follows a field nothing names before it (CSS floating labels, no for=)', () => {
    const fields = collect(`
      <form id="j_idt12">
        <div class="fl"><input id="j_idt12:j_idt15" placeholder=" "><label>Nom</label></div>
        <div class="fl"><span class="ctl"><input id="j_idt12:j_idt18"></span><span class="label">Prénom</span></div>
        <p><input id="x"><label>Ville</label><input id="y"><label>Code postal</label></p>
        <p>Courriel <input id="z"> <button>Vérifier</button></p>
      </form>`);
    expect(fields.map((f) => part(f, 'nextText'))).toEqual(['Nom', 'Prénom', 'Ville', 'Code postal', undefined]);
    // In a container that opens with a field, the text before a field is the previous field's.
    expect(fields.map((f) => part(f, 'previousText'))).toEqual([undefined, undefined, undefined, undefined, 'Courriel']);
  });

  it('never reads the next field’s label after a field', () => {
    const fields = collect(`
      <div><input id="a"></div><label for="b">Ville</label><input id="b">
      <div><input id="c"></div><div><label>Prénom</label><input id="d"></div>`);
    expect(fields.map((f) => part(f, 'nextText'))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('splits aria-labelledby into the name and its help sentences', () => {
    const [birth, finess, helpOnly] = collect(`
      <div id="l1">Nom de naissance *</div><div id="h1">Tel qu'il figure sur votre pièce d'identité.</div>
      <input aria-labelledby="h1 l1">
      <span id="n1">Numéro</span><span id="n2">FINESS</span><input aria-labelledby="n1 n2">
      <p id="s1">Indiquez le numéro.</p><p id="s2">Sans espace.</p><input aria-labelledby="s1 s2">`);
    expect(part(birth, 'labelledBy')).toBe('Nom de naissance *');
    expect(part(birth, 'help')).toBe("Tel qu'il figure sur votre pièce d'identité.");
    expect(part(finess, 'labelledBy')).toBe('Numéro FINESS');
    expect(part(helpOnly, 'labelledBy')).toBe('Indiquez le numéro. Sans espace.');
    expect(part(helpOnly, 'help')).toBeUndefined();
  });

  it('reads the section heading (h2–h6) a field sits under, not the page title nor a closed section', () => {
    const fields = collect(`
      <h1>Demande d'habilitation</h1>
      <section><div class="titre"><h2>Représentant légal</h2></div><label for="a">Nom</label><input id="a"></section>
      <section><h2>DSI</h2><label for="b">Nom</label><input id="b"></section>
      <section><h3>Notes</h3><p>Aucune.</p></section><label for="c">Commentaire</label><textarea id="c"></textarea>`);
    expect(fields.map((f) => part(f, 'heading'))).toEqual(['Représentant légal', 'DSI', undefined]);
  });

  it('reads nested legends, innermost first', () => {
    const [field] = collect('<fieldset><legend>Représentant légal</legend><fieldset><legend>Adresse</legend><label for="v">Ville</label><input id="v"></fieldset></fieldset>');
    expect(field?.nameParts.filter((p) => p.source === 'legend').map((p) => p.text)).toEqual(['Adresse', 'Représentant légal']);
  });

  it('reads the fieldset legend as context, even for labelled fields', () => {
    const [field] = collect('<fieldset><legend>Représentant légal</legend><label for="n">Nom</label><input id="n"></fieldset>');
    expect(part(field, 'legend')).toBe('Représentant légal');
    expect(part(field, 'previousText')).toBeUndefined();
  });
});

describe('shadow roots and frames', () => {
  it('enters open shadow roots in document order and reads labels inside them', () => {
    document.body.innerHTML = '<input id="before"><div id="host"></div><input id="after">';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<label for="in">Courriel</label><input id="in">';
    const closedHost = document.createElement('div');
    closedHost.attachShadow({ mode: 'closed' }).innerHTML = '<input id="secret">';
    document.body.append(closedHost);
    const fields = collectFields(document);
    expect(fields.map((f) => f.id)).toEqual(['before', 'in', 'after']);
    expect(part(fields[1], 'labelFor')).toBe('Courriel');
  });

  it('reads a label slotted into a web component, and the host’s own label', () => {
    document.body.innerHTML = `
      <ds-field id="nom"><span slot="label">Nom d'usage</span></ds-field>
      <label for="pre">Prénom</label><ds-input id="pre"></ds-input>
      <p>Ville</p><ds-input id="ville"></ds-input>`;
    document.getElementById('nom')!.attachShadow({ mode: 'open' }).innerHTML =
      '<label for="i"><slot name="label">Libellé</slot></label><input id="i">';
    for (const id of ['pre', 'ville']) document.getElementById(id)!.attachShadow({ mode: 'open' }).innerHTML = '<div class="box"><input></div>';
    const [nom, pre, ville] = collectFields(document);
    expect(part(nom, 'labelFor')).toBe("Nom d'usage");
    expect(part(pre, 'labelFor')).toBe('Prénom');
    expect(part(ville, 'previousText')).toBe('Ville');
  });

  it('can leave shadow roots aside', () => {
    document.body.innerHTML = '<div id="host"></div>';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<input>';
    expect(collectFields(document, { shadowRoots: false })).toHaveLength(0);
  });

  it('enters same-origin iframes, skips sandboxed ones and survives cross-origin errors', () => {
    document.body.innerHTML = '<input id="top"><iframe id="same"></iframe><iframe id="boxed" sandbox></iframe><iframe id="far"></iframe>';
    const same = document.getElementById('same') as HTMLIFrameElement;
    same.contentDocument!.body.innerHTML = '<label for="v">Ville</label><input id="v">';
    (document.getElementById('boxed') as HTMLIFrameElement).contentDocument!.body.innerHTML = '<input id="boxed-field">';
    Object.defineProperty(document.getElementById('far'), 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    });
    const fields = collectFields(document);
    expect(fields.map((f) => f.id)).toEqual(['top', 'v']);
    expect(part(fields[1], 'labelFor')).toBe('Ville');
    expect(collectFields(document, { frames: false }).map((f) => f.id)).toEqual(['top']);
  });

  it('enters a shadow root carried by the starting element or by a field, once', () => {
    document.body.innerHTML = '<div id="start"><input id="a"><div id="editor" contenteditable><input id="inner"></div><input id="b"></div>';
    const start = document.getElementById('start')!;
    start.attachShadow({ mode: 'open' }).innerHTML = '<input id="in-start"><slot></slot>';
    document.getElementById('editor')!.attachShadow({ mode: 'open' }).innerHTML = '<input id="in-editor">';
    expect(collectFields(start).map((f) => f.id)).toEqual(['in-start', 'a', 'editor', 'in-editor', 'inner', 'b']);
    expect(collectFields(document.getElementById('editor')!).map((f) => f.id)).toEqual(['editor', 'in-editor', 'inner']);
  });

  it('starts from any element', () => {
    document.body.innerHTML = '<input id="out"><form id="f"><input id="in"></form>';
    expect(collectFields(document.getElementById('f')!).map((f) => f.id)).toEqual(['in']);
  });
});

describe('speed', () => {
  it('collects 20 000 labelled fields without layout calls', () => {
    const rows: string[] = [];
    for (let i = 0; i < 5000; i++)
      rows.push(
        `<div><label for="n${i}">Nom</label><input id="n${i}"></div><label>Ville <input></label><p>Code postal</p><input><select><option>a</option></select>`,
      );
    document.body.innerHTML = `<form>${rows.join('')}</form>`;
    const layoutCalls = { count: 0 };
    const original = window.getComputedStyle;
    const originalRect = Element.prototype.getBoundingClientRect;
    window.getComputedStyle = (...args) => {
      layoutCalls.count++;
      return original(...args);
    };
    Element.prototype.getBoundingClientRect = function (this: Element) {
      layoutCalls.count++;
      return originalRect.call(this);
    };
    try {
      // No time bound here: on a loaded machine it failed with nothing wrong; the bench times detection on a big page.
      const fields = collectFields(document);
      expect(fields).toHaveLength(20000);
      expect(layoutCalls.count).toBe(0);
    } finally {
      window.getComputedStyle = original;
      Element.prototype.getBoundingClientRect = originalRect;
    }
  }, 60000);
});
