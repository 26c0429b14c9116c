import { afterEach, describe, expect, it } from 'vitest';
import { fixtures, loadFixture } from '../../test/fixtures/load';
import { sampleEstablishment } from '../profile/sample';
import type { Establishment } from '../profile/schema';
import { classifyFields } from './classify';
import { collectFields } from './collect';
import { analysePage } from './engine';
import type { FieldKind } from '../profile/kinds';
import { fillsNothing, planFill, portalDefaults, toFill, type FillPlan, type PlanField } from './plan';

const sample = sampleEstablishment();
const [claire, luc, sophie] = sample.contacts;
/** Luc Bernard uses the workstation; Sophie Petit holds the BAL ORG. */
const settings = { meContactId: luc!.id };

/** What the sample establishment gives each kind, in the shape the fixture fields ask for. */
const expectedValue: Partial<Record<FieldKind, string>> = {
  lastName: 'Bernard',
  firstName: 'Luc',
  email: 'luc.bernard@hopital-demo.fr',
  emailConfirmation: 'luc.bernard@hopital-demo.fr',
  phone: '01 40 27 50 02',
  finess: '750712184',
  finessEt: '750100125',
  street: "47-83 boulevard de l'Hôpital",
  city: 'Paris',
  postalCode: '75013',
  region: 'Île-de-France',
  departement: 'Paris',
  orgMailboxEmail: 'pharmacie@hopital-demo.fr',
  orgMailboxDescription: 'Pharmacie à usage intérieur, Pitié-Salpêtrière, Paris, 75013',
  establishmentIdentifierType: 'FINESS géographique',
  service: 'Pharmacie',
  establishmentPhone: '01 40 27 50 00',
  profession: 'Pharmacien',
  rpps: '10101010101',
};
/** On the BAL ORG form the person fields are the responsible pharmacist's. */
const balOrgPerson: Partial<Record<FieldKind, string>> = { lastName: 'Petit', firstName: 'Sophie' };

const windows: { close(): void }[] = [];
afterEach(() => windows.splice(0).forEach((w) => w.close()));

function open(file: string, url: string): Document {
  const dom = loadFixture({ file }, url);
  windows.push(dom.window);
  return dom.window.document;
}

function planOf(doc: Document, url: string, establishment: Establishment = sample, extra = {}): FillPlan {
  const analysis = analysePage(doc, url);
  expect(analysis).not.toBeNull();
  return planFill(analysis!.fields, establishment, { ...settings, ...extra });
}

describe('planFill on every fixture', () => {
  it.each(fixtures.map((f) => [`${f.portal}/${f.page}`, f] as const))('%s: plans every fillable field with its value, nothing else', (_name, fixture) => {
    const doc = open(fixture.file, fixture.url);
    const plan = planOf(doc, fixture.url);
    const planned = toFill(plan);
    for (const field of fixture.fields) {
      const element = doc.querySelector(field.selector);
      const line = planned.find((l) => l.element === element);
      if (!field.fill) {
        expect(line, field.selector).toBeUndefined();
        continue;
      }
      const want = (fixture.page === 'balOrgForm' ? balOrgPerson[field.kind!] : undefined) ?? expectedValue[field.kind!];
      // A list is promised its own option naming the value (« 75 - Paris »); one that has none gets no promise, and says so.
      const option = element?.localName === 'select' ? Array.from((element as HTMLSelectElement).options).find((o) => o.value && o.text.includes(want!)) : undefined;
      if (element?.localName === 'select' && !option) {
        expect(plan.lines.find((l) => l.element === element)?.skipped, field.selector).toBe('noOption');
        continue;
      }
      expect(line?.value, field.selector).toBe(option?.text ?? want);
      expect(line?.kind, field.selector).toBe(field.kind);
    }
    // Nothing planned outside the answer key.
    const known = fixture.fields.map((f) => doc.querySelector(f.selector));
    for (const line of planned) expect(known, line.label).toContain(line.element);
  });
});

describe('a page with nothing to fill, told from the page alone', () => {
  // What the third walk met (NEW-8, NEW-6): a confirmation, Plage's home, IGC-Santé's order whose only field is the UPN.
  // Medimail's login is not one: its « Adresse mail » takes the user's, which depends on the establishment.
  const nothing = ['medimail/balOrgSubmitted', 'plage/home', 'igc-sante/productOrder'];

  it.each(fixtures.map((f) => [`${f.portal}/${f.page}`, f] as const))('%s: the same with or without an establishment', (name, fixture) => {
    const { fields } = analysePage(open(fixture.file, fixture.url), fixture.url)!;
    const withNone = fillsNothing(planFill(fields, null, settings));
    expect(withNone).toBe(fillsNothing(planFill(fields, sample, settings)));
    if (nothing.includes(name)) expect(withNone).toBe(true);
    if (['medimail/balOrgForm', 'medimail/login', 'plage/accountForm'].includes(name)) expect(withNone).toBe(false);
  });

  it('a line the profile would fill is something to fill, even with no value yet; one left by rule is not', () => {
    const plan = (lines: Partial<FillPlan['lines'][number]>[]) => ({ lines, questions: [] }) as unknown as FillPlan;
    expect(fillsNothing(plan([]))).toBe(true);
    expect(fillsNothing(plan([{ skipped: 'leaveEmpty' }, { skipped: 'portalLocked' }, { skipped: 'secret' }]))).toBe(true);
    expect(fillsNothing(plan([{ skipped: 'leaveEmpty' }, { skipped: 'noValue' }]))).toBe(false);
    expect(fillsNothing(plan([{ skipped: 'leaveEmpty' }, { skipped: 'covered' }]))).toBe(false);
    expect(fillsNothing(plan([{ selected: true }]))).toBe(false);
  });
});

describe('planFill choices', () => {
  const requestProfile = fixtures.find((f) => f.page === 'requestProfile')!;

  it('Plage entity: the EJ for a public structure, the ET for a private one', () => {
    const doc = open(requestProfile.file, requestProfile.url);
    const entity = (plan: FillPlan) => plan.lines.find((l) => l.element.id === 'entite');
    expect(entity(planOf(doc, requestProfile.url))?.value).toBe(sample.finessEj);
    expect(entity(planOf(doc, requestProfile.url, { ...sample, status: 'private' }))?.value).toBe(sample.finessEt);
    expect(entity(planOf(doc, requestProfile.url))?.action).toBe('pick');
  });

  it('secrets, locked and explain-only fields: listed as skipped or not at all, never ticked', () => {
    const accountForm = fixtures.find((f) => f.page === 'accountForm')!;
    const doc = open(accountForm.file, accountForm.url);
    const pwd = planOf(doc, accountForm.url).lines.filter((l) => l.kind === 'password' || l.kind === 'passwordConfirmation');
    expect(pwd.map((l) => [l.skipped, l.selected])).toEqual([
      ['secret', false],
      ['secret', false],
    ]);
    const locked = planOf(open(requestProfile.file, requestProfile.url), requestProfile.url).lines.filter((l) => l.skipped === 'portalLocked');
    expect(locked.map((l) => l.kind)).toEqual(['lastName', 'firstName']);
  });

  it('the UPN on the IGC-Santé order is left empty even when the classifier recognises an e-mail field', () => {
    const order = fixtures.find((f) => f.portal === 'igc-sante' && f.page === 'productOrder')!;
    const doc = open(order.file, order.url);
    const plan = planOf(doc, order.url);
    expect(toFill(plan)).toEqual([]);
    // A JSF page: the field's id and name are generated (j_idt…), its label says what it is.
    expect(plan.lines.filter((l) => l.skipped === 'leaveEmpty').map((l) => l.label)).toContain('Nom principal d’utilisateur (UPN)');
  });

  it('application checkboxes are offered unticked while the procedure is unknown', () => {
    const doc = open(requestProfile.file, requestProfile.url);
    const plan = planOf(doc, requestProfile.url);
    const offered = plan.lines.filter((l) => l.caution === 'suggestedChoice');
    expect(offered.map((l) => [(l.element as HTMLInputElement).value, l.action, l.selected])).toEqual([
      ['DISTRILOG', 'check', false],
      ['MED_ACCES', 'check', false],
    ]);
  });

  it.each([
    ['000-distrilog', 'DISTRILOG'],
    ['001-med-acces', 'MED_ACCES'],
  ] as const)('within procedure %s, the application it asks for is ticked and the other not offered', (procedure, application) => {
    const doc = open(requestProfile.file, requestProfile.url);
    const analysis = analysePage(doc, requestProfile.url, procedure)!;
    const plan = planFill(analysis.fields, sample, { ...settings, procedure });
    const applications = plan.lines.filter((l) => l.source.type === 'procedure' && l.action === 'check');
    expect(applications.map((l) => [(l.element as HTMLInputElement).value, l.selected, l.caution])).toEqual([[application, true, undefined]]);
  });

  it('a field the user typed into starts unticked', () => {
    const doc = open(requestProfile.file, requestProfile.url);
    const adresse = doc.getElementById('adresse')!;
    const plan = planOf(doc, requestProfile.url, sample, { typed: (el: Element) => el === adresse });
    const line = plan.lines.find((l) => l.element === adresse)!;
    expect([line.caution, line.selected, line.value]).toEqual(['userTyped', false, sample.address.street]);
  });

  it('several contacts for a role: asks, then uses the one picked', () => {
    const balOrg = fixtures.find((f) => f.page === 'balOrgForm')!;
    const doc = open(balOrg.file, balOrg.url);
    const two: Establishment = { ...sample, contacts: [claire!, luc!, { ...sophie!, id: sophie!.id }, { ...sophie!, id: crypto.randomUUID(), lastName: 'Roux', firstName: 'Anne' }] };
    const asked = planOf(doc, balOrg.url, two);
    expect(asked.questions).toEqual([{ role: 'responsableBalOrg', candidates: [expect.objectContaining({ name: 'Sophie Petit' }), expect.objectContaining({ name: 'Anne Roux' })] }]);
    expect(asked.lines.filter((l) => l.skipped === 'choosePerson')).toHaveLength(4);
    const anne = two.contacts[3]!.id;
    const answered = planOf(doc, balOrg.url, two, { persons: { responsableBalOrg: anne } });
    expect(answered.questions).toEqual([]);
    expect(answered.lines.find((l) => (l.element as HTMLInputElement).name === 'responsableNom')?.value).toBe('Roux');
  });

  it('Medimail without a FINESS ET: the identifier becomes the SIRET and its type follows', () => {
    const balOrg = fixtures.find((f) => f.page === 'balOrgForm')!;
    const doc = open(balOrg.file, balOrg.url);
    const { finessEt: _none, ...withoutEt } = sample;
    const plan = planOf(doc, balOrg.url, withoutEt as Establishment);
    const byName = (name: string) => plan.lines.find((l) => (l.element as HTMLInputElement).name === name);
    expect(byName('identifiant')?.value).toBe(sample.siret);
    expect(byName('typeIdentifiant')?.value).toBe('SIRET');
  });

  it('without a portal rule, a person field says whose it is; low-confidence guesses start unticked', () => {
    document.body.innerHTML = `<form>
      <fieldset><legend>Représentant légal</legend><label for="a">Nom</label><input id="a"></fieldset>
      <fieldset><legend>Administrateur technique</legend><label for="b">Courriel</label><input id="b" type="email"></fieldset>
      <input id="c" inputmode="numeric" maxlength="14">
    </form>`;
    const fields: PlanField[] = classifyFields(collectFields(document)).map((c) => ({ field: c.field, classification: c }));
    const plan = planFill(fields, sample, settings);
    const byId = (id: string) => plan.lines.find((l) => l.element.id === id)!;
    expect([byId('a').value, byId('a').source]).toEqual(['Martin', { type: 'person', role: 'representantLegal', contactId: claire!.id }]);
    expect(byId('b').value).toBe(luc!.email);
    expect([byId('c').kind, byId('c').value, byId('c').caution, byId('c').selected]).toEqual(['siret', sample.siret, 'lowConfidence', false]);
  });

  const planOfHtml = (html: string, establishment: Establishment = sample, extra = {}) => {
    document.body.innerHTML = html;
    const fields: PlanField[] = classifyFields(collectFields(document)).map((c) => ({ field: c.field, classification: c }));
    return planFill(fields, establishment, { ...settings, ...extra });
  };

  it('identical blocks told apart by their headings: each takes its role, the unheld role asks, « vous » is me', () => {
    const plan = planOfHtml(`<h1>Interlocuteurs</h1>
      <h2>Responsable légal</h2><label for="a">Nom</label><input id="a">
      <h2>Mandataire</h2><label for="b">Nom</label><input id="b">
      <h2>Vos coordonnées</h2><label for="c">Nom</label><input id="c">`);
    const byId = (id: string) => plan.lines.find((l) => l.element.id === id)!;
    expect(byId('a').value).toBe(claire!.lastName);
    // Nobody holds « mandataire » in the sample: the line waits for the user's pick, unticked.
    expect([byId('b').skipped, byId('b').selected, byId('b').value]).toEqual(['choosePerson', false, '']);
    expect(plan.questions.map((q) => q.role)).toEqual(['mandataire']);
    expect(byId('c').value).toBe(luc!.lastName);
  });

  it('a shared account’s form takes the organisational mailbox and the structure’s phone, its person fields the responsible’s', () => {
    const plan = planOfHtml(`<div role="dialog" aria-labelledby="t"><h2 id="t">Créer la boîte aux lettres organisationnelle</h2>
      <label for="m">Adresse électronique</label><input id="m" type="email">
      <label for="p">Téléphone</label><input id="p" type="tel">
      <label for="n">Nom</label><input id="n"></div>`);
    const byId = (id: string) => plan.lines.find((l) => l.element.id === id)!;
    expect([byId('m').kind, byId('m').value]).toEqual(['orgMailboxEmail', sample.orgMailbox!.email]);
    expect([byId('p').kind, byId('p').source]).toEqual(['establishmentPhone', { type: 'establishment' }]);
    expect(byId('n').value).toBe(sophie!.lastName);
    // Without an organisational mailbox in the profile, nothing personal takes its place.
    const { orgMailbox: _none, ...withoutMailbox } = sample;
    const bare = planOfHtml(document.body.innerHTML, withoutMailbox as Establishment);
    expect(bare.lines.find((l) => l.element.id === 'm')?.skipped).toBe('noValue');
  });

  it('« Je ne figure pas dans la liste »: the user’s own fields stay empty with the reason; unsaid, a lone contact is only offered', () => {
    const html = '<h1>Demande de création de compte</h1><label for="a">Nom</label><input id="a"><label for="b">Courriel</label><input id="b" type="email">';
    const notListed = planOfHtml(html, { ...sample, contacts: [luc!] }, { meContactId: null });
    expect(notListed.lines.map((l) => [l.skipped, l.selected])).toEqual([
      ['notListed', false],
      ['notListed', false],
    ]);
    expect(notListed.questions).toEqual([]);
    const unsaid = planOfHtml(html, { ...sample, contacts: [luc!] }, { meContactId: undefined });
    expect(unsaid.lines.map((l) => l.skipped)).toEqual(['choosePerson', 'choosePerson']);
    expect(unsaid.questions).toEqual([{ role: 'me', candidates: [{ id: luc!.id, name: 'Luc Bernard' }] }]);
  });
});

describe('a choice is promised only when the portal offers it', () => {
  const regionStep = fixtures.find((f) => f.portal === 'medimail' && f.page === 'region')!;
  const balOrg = fixtures.find((f) => f.page === 'balOrgForm')!;

  it('Medimail’s region list without Île-de-France: the line is left by hand, names the value, and carries the seed’s reason', () => {
    const doc = open(regionStep.file, regionStep.url);
    const line = planOf(doc, regionStep.url).lines.find((l) => l.kind === 'region')!;
    expect([line.skipped, line.selected, line.value]).toEqual(['noOption', false, 'Île-de-France']);
    expect(line.notOffered?.ref.seed).toBe('002');
    const toulouse: Establishment = { ...sample, address: { ...sample.address, region: 'Occitanie', departement: '31' } };
    const offered = planOf(doc, regionStep.url, toulouse).lines.find((l) => l.kind === 'region')!;
    expect([offered.skipped, offered.selected, offered.value]).toEqual([undefined, true, 'Occitanie']);
  });

  const planOfHtml = (html: string) => {
    document.body.innerHTML = html;
    const fields: PlanField[] = classifyFields(collectFields(document)).map((c) => ({ field: c.field, classification: { ...c, confidence: 1 } }));
    return planFill(fields, sample, settings);
  };

  it('the same one path for a select, a radio group and a combobox whose list is drawn: the option’s own text, or nothing promised', () => {
    const lists = (regions: string) => `
      <label for="s">Région</label><select id="s"><option value="">Choisir</option>${regions.split(',').map((r, i) => `<option value="${i + 1}">${r}</option>`).join('')}</select>
      <fieldset><legend>Région</legend>${regions.split(',').map((r, i) => `<label><input type="radio" name="g" value="${i + 1}">${r}</label>`).join('')}</fieldset>
      <label id="cl">Région</label><div role="combobox" aria-labelledby="cl" aria-controls="lb" tabindex="0">Choisir</div>
      <ul id="lb" role="listbox" hidden>${regions.split(',').map((r) => `<li role="option">${r}</li>`).join('')}</ul>`;
    const missing = planOfHtml(lists('Corse,Occitanie')).lines.filter((l) => l.kind === 'region');
    expect(missing.map((l) => [l.action, l.skipped, l.selected])).toEqual([
      ['choose', 'noOption', false],
      ['check', 'noOption', false],
      ['choose', 'noOption', false],
    ]);
    const offered = planOfHtml(lists('Corse,Région Île-de-France')).lines.filter((l) => l.kind === 'region');
    expect(offered.map((l) => [l.skipped, l.value])).toEqual([
      [undefined, 'Région Île-de-France'],
      [undefined, 'Région Île-de-France'],
      [undefined, 'Région Île-de-France'],
    ]);
    // The radio written is the one that says it.
    expect((offered[1]!.element as HTMLInputElement).value).toBe('2');
  });

  it('a list still loading (only its placeholder) is promised: the fill waits for its options', () => {
    const line = planOfHtml('<label for="s">Région</label><select id="s"><option value="">Chargement…</option></select>').lines.find((l) => l.kind === 'region')!;
    expect([line.skipped, line.selected, line.value]).toEqual([undefined, true, 'Île-de-France']);
  });

  it('after a fill, a required choice left on the portal’s default is named, unless Balise wrote it or the user chose it', () => {
    const doc = open(balOrg.file, balOrg.url);
    const { fields } = analysePage(doc, balOrg.url)!;
    const region = doc.querySelector('select[name="region"]')!;
    // With the field, which the fill marks on the page and the panel takes the user to.
    expect(portalDefaults(fields, new Set(), () => false)).toEqual([{ element: region, label: 'Région', value: 'Occitanie' }]);
    expect(portalDefaults(fields, new Set([region]), () => false)).toEqual([]);
    expect(portalDefaults(fields, new Set(), (element) => element === region)).toEqual([]);
    // Not required: the same default says nothing.
    region.removeAttribute('required');
    region.closest('label')!.firstChild!.textContent = 'Région';
    expect(portalDefaults(analysePage(doc, balOrg.url)!.fields, new Set(), () => false)).toEqual([]);
  });
});
