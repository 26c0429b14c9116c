// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Layout } from '../dom/layout';
import { sampleEstablishment } from '../profile/sample';
import type { Lesson } from '../profile/schema';
import { collectFields } from './collect';
import { analysePage, planPage, teachableFields } from './engine';
import { applyLessons, signatureOf, teachableSignature } from './lessons';
import type { PlanField } from './plan';
import { forFill } from './resolve';

const origin = 'https://plage.atih.sante.fr';
const url = `${origin}/compte/structure`;

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

const fieldsOf = (html: string) => collectFields(page(html));
const unread = (html: string): PlanField[] => fieldsOf(html).map((field) => ({ field, classification: null }));

const flat: Layout = {
  style: (element) => getComputedStyle(element),
  rect: () => ({ left: 10, top: 10, right: 110, bottom: 30, width: 100, height: 20 }),
  hitTest: () => null,
  viewport: () => ({ width: 1000, height: 800, scrollX: 0, scrollY: 0 }),
};

const lesson = (signature: string, kind: Lesson['kind'], at = origin): Lesson => ({ origin: at, signature, label: 'Code structure', kind });

describe('signatureOf', () => {
  it('reads what describes the field, not where it stands: a field added before it changes nothing', () => {
    const html = '<form aria-label="Structure"><fieldset><legend>Votre établissement</legend><label for="c">Code de la structure</label><input id="c" name="j_idt45:code"></fieldset></form>';
    const [alone] = fieldsOf(html);
    const moved = fieldsOf(html.replace('<fieldset>', '<fieldset><label for="x">Autre</label><input id="x">')).at(-1)!;
    expect(signatureOf(alone!)).toBe('text|code de la structure|votre etablissement||j idt code|c|structure');
    expect(signatureOf(moved)).toBe(signatureOf(alone!));
  });

  it('leaves out generated digits of names and ids, which change between visits', () => {
    const [a] = fieldsOf('<label for="mat-input-3">Code</label><input id="mat-input-3" name="f12">');
    const [b] = fieldsOf('<label for="mat-input-7">Code</label><input id="mat-input-7" name="f40">');
    expect(signatureOf(a!)).toBe(signatureOf(b!));
  });

  it('tells apart the same label in two sections, and gives none to a field nothing describes', () => {
    const [first, second, bare] = fieldsOf(
      '<fieldset><legend>Directeur</legend><label>Nom <input></label></fieldset><fieldset><legend>DPO</legend><label>Nom <input></label></fieldset><input>',
    );
    expect(signatureOf(first!)).not.toBe(signatureOf(second!));
    expect(signatureOf(bare!)).toBeNull();
  });
});

describe('applyLessons', () => {
  const html = '<label for="c">Code de la structure</label><input id="c"><label for="p">Mot de passe</label><input id="p" type="password">';

  it('gives a taught field its kind with full confidence, before the lexicon and the portal rule', () => {
    const fields = unread(html);
    fields[0]!.classification = { kind: 'city', confidence: 0.65, reason: 'lexicon' };
    fields[0]!.rule = { match: { selector: '#c' }, kind: 'city' } as PlanField['rule'];
    const [taught] = applyLessons(fields, [lesson(signatureOf(fields[0]!.field)!, 'finessEt')], origin);
    expect(taught).toEqual({ field: fields[0]!.field, classification: { kind: 'finessEt', confidence: 1, reason: 'lesson "Code structure"' }, taught: true });
  });

  it('« never »: the field has no kind any more', () => {
    const fields = unread(html);
    fields[0]!.classification = { kind: 'city', confidence: 0.9, reason: 'lexicon' };
    expect(applyLessons(fields, [lesson(signatureOf(fields[0]!.field)!, 'never')], origin)[0]!.classification).toBeNull();
  });

  it('never applies on another origin, not even a subdomain or another port', () => {
    const fields = unread(html);
    const signature = signatureOf(fields[0]!.field)!;
    for (const other of ['https://evil.plage.atih.sante.fr', 'https://plage.atih.sante.fr:8443', 'https://medimail.mipih.fr'])
      expect(applyLessons(fields, [lesson(signature, 'finessEt', other)], origin)[0]!.classification).toBeNull();
  });

  it('never makes Balise fill a password, a one-time code, a box or a field the portal leaves empty', () => {
    const fields = unread(`${html}<label for="o">Code reçu par SMS</label><input id="o"><label><input type="checkbox" id="k"> Code</label><label for="e">Code établissement</label><input id="e">`);
    const [, password, otp, box, left] = fields;
    otp!.classification = { kind: 'oneTimeCode', confidence: 1, reason: 'lexicon' };
    left!.rule = { match: { selector: '#e' }, leaveEmpty: true } as PlanField['rule'];
    for (const planField of [password!, otp!, box!, left!]) expect(teachableSignature(planField)).toBeNull();
    const lessons = [password!, otp!, left!].map((f) => lesson(signatureOf(f.field)!, 'finessEt'));
    const applied = applyLessons(fields, lessons, origin);
    expect(applied.slice(1)).toEqual(fields.slice(1));
  });
});

describe('analysePage with lessons', () => {
  const establishment = forFill(sampleEstablishment());

  it('corrects a misread field once taught: « Code de la structure » is the site\'s FINESS, not the legal name', () => {
    const doc = page('<label for="c">Code de la structure</label><input id="c" name="codeStruct">');
    const before = planPage(analysePage(doc, url)!, establishment, {}, flat);
    expect(before.lines.map((line) => line.kind)).toEqual(['legalName']);
    const signature = teachableFields(analysePage(doc, url)!, before, flat).signatures.get(before.lines[0]!.element)!;

    const taught = lesson(signature, 'finessEt');
    const after = planPage(analysePage(doc, url, undefined, null, undefined, [taught])!, establishment, {}, flat);
    expect(after.lines.map((line) => [line.label, line.value, line.selected])).toEqual([['Code de la structure', establishment.finessEt, true]]);
    expect(analysePage(doc, 'https://medimail.mipih.fr/x', undefined, null, undefined, [taught])!.fields[0]!.classification?.kind).toBe('legalName');
  });

  it('a lesson on a field a person cannot see still leaves it empty (the layout check comes after)', () => {
    const doc = page('<div style="display:none"><label for="r">Référence Hexagone</label><input id="r"></div>');
    const [field] = collectFields(doc);
    const taught = lesson(signatureOf(field!)!, 'siret');
    const plan = planPage(analysePage(doc, url, undefined, null, undefined, [taught])!, establishment, {}, flat);
    expect(plan.lines.map((line) => [line.kind, line.skipped, line.selected])).toEqual([['siret', 'notDisplayed', false]]);
  });

  it('lists a missed field as left out, and fills it once taught', () => {
    const doc = page('<label for="r">Référence Hexagone</label><input id="r"><input type="hidden" name="h"><input id="gone" style="display:none" placeholder="Piège">');
    const analysis = analysePage(doc, url)!;
    const plan = planPage(analysis, establishment, {}, flat);
    const { leftOut } = teachableFields(analysis, plan, flat);
    expect(plan.lines).toEqual([]);
    expect(leftOut.map((field) => field.label)).toEqual(['Référence Hexagone']);

    const after = planPage(analysePage(doc, url, undefined, null, undefined, [lesson(leftOut[0]!.signature, 'siret')])!, establishment, {}, flat);
    expect(after.lines.map((line) => line.value)).toEqual([establishment.siret]);
  });
});
