/**
 * Seed 002, item by item: the checklist each answer path gives (buildChecklist, questionsToAsk),
 * what the guide says on each Medimail page (guidanceFor) and what the fill plans there.
 */
import { afterEach, expect } from 'vitest';
import { fixtureEstablishment, fixtureMe } from '../../fixtures/profile';
import { fixtureOf, loadFixture } from '../../fixtures/load';
import { analysePage } from '../../../lib/autofill/engine';
import { planFill, toFill, type FillPlan } from '../../../lib/autofill/plan';
import { guidanceFor } from '../../../lib/overlay/guidance';
import { findPage, matchPage } from '../../../lib/portals';
import type { FieldKind } from '../../../lib/profile/kinds';
import type { Establishment } from '../../../lib/profile/schema';
import type { SeedText } from '../../../lib/portals/schema';
import { buildChecklist, pageLink, questionsToAsk } from '../../../lib/procedures/checklist';
import { findProcedure } from '../../../lib/procedures/index';
import { newProgress, withStep } from '../../../lib/procedures/progress';
import { plannedReminders } from '../../../lib/procedures/reminders';
import type { Answers } from '../../../lib/procedures/schema';
import { readEstablishment } from '../../../lib/profile/fields';
import { describeSeed } from './seed-items';
import { items } from './002.items';
import { bindFrenchSpaces } from '../../../lib/i18n/typography';

const id = '002-medimail-bal-org';
const balOrg = findProcedure(id)!;

/** The answer paths of the seed's tree. */
const paths = {
  withAccount: { hasPersonalAccount: 'yes', regionOffersMedimail: 'yes', otherUsers: 'no' },
  viaAdmin: { hasPersonalAccount: 'no', structureHasMedimail: 'yes', regionOffersMedimail: 'yes', otherUsers: 'no' },
  selfMade: { hasPersonalAccount: 'no', structureHasMedimail: 'no', structureDeploysMedimail: 'no', regionOffersMedimail: 'yes', otherUsers: 'no' },
  deploying: { hasPersonalAccount: 'no', structureHasMedimail: 'no', structureDeploysMedimail: 'yes' },
  elsewhere: { hasPersonalAccount: 'yes', regionOffersMedimail: 'no' },
} satisfies Record<string, Answers>;
const onlinePaths = [paths.withAccount, paths.viaAdmin, paths.selfMade];

const keys = (answers: Answers) => buildChecklist(balOrg, answers, fixtureEstablishment).map((item) => item.key);
const step = (stepId: string) => balOrg.steps.find((s) => s.id === stepId)!;
/** Everything a checklist item says: title, details, what to prepare. */
const told = (stepId: string) => [step(stepId).title, ...step(stepId).details, ...step(stepId).prepare];
const french = (texts: readonly SeedText[]) => texts.map((text) => text.fr).join(' ');
/** The seed's own words only, not Balise's advice. */
const seedSays = (texts: readonly SeedText[]) => french(texts.filter((text) => !text.ref.advice));

const guide = (page: string) => guidanceFor(findPage('medimail', page)!, id);
const ruleFor = (page: string, kind: FieldKind) => guide(page).fields.find((rule) => rule.kind === kind)!;
const clickLabels = (page: string) => guide(page).clickNext.flatMap((target) => [target.match.label ?? []].flat());

const windows: { close(): void }[] = [];
afterEach(() => windows.splice(0).forEach((w) => w.close()));

function open(page: string): { doc: Document; url: string } {
  const fixture = fixtureOf('medimail', page);
  const dom = loadFixture(fixture, fixture.url);
  windows.push(dom.window);
  return { doc: dom.window.document, url: fixture.url };
}

/** The fill plan of a Medimail page for procedure 002, Luc Bernard at the workstation. */
function planOf(doc: Document, url: string, establishment: Establishment = fixtureEstablishment): FillPlan {
  const analysis = analysePage(doc, url, id)!;
  return planFill(analysis.fields, establishment, { meContactId: fixtureMe.id, procedure: id });
}
/** The value planned for the element at `selector`; undefined when it is left alone. */
const planned = (doc: Document, plan: FillPlan, selector: string) => toFill(plan).find((line) => line.element === doc.querySelector(selector));

const formPlan = (establishment?: Establishment) => {
  const { doc, url } = open('balOrgForm');
  return { doc, plan: planOf(doc, url, establishment) };
};

describeSeed('002', 'Medimail, boîte organisationnelle (BAL ORG)', items, (item) => {
  item(1, '002 summary', () => {
    const summary = seedSays([balOrg.summary]);
    for (const operator of ['Medimail', 'Lifen', 'Mailiz']) expect(summary).toContain(operator);
    expect(summary).toMatch(/tout utilisateur d’une MSS/);
  });

  item(2, '002 createPersonalAccount / personalAccountFromAdmin before startCreation · medimail login instructions', () => {
    for (const answers of [paths.viaAdmin, paths.selfMade]) {
      const list = keys(answers);
      const accountStep = list.findIndex((key) => key === 'personalAccountFromAdmin' || key === 'createPersonalAccount');
      expect(accountStep).toBeGreaterThanOrEqual(0);
      expect(accountStep).toBeLessThan(list.indexOf('startCreation'));
    }
    expect(keys(paths.withAccount)).not.toContain('createPersonalAccount');
    expect(seedSays(guide('login').instructions)).toMatch(/ne s’ouvre qu’après connexion à un compte individuel nominatif/);
  });

  item(3, '002 summary · directoryListing', () => {
    expect(seedSays([balOrg.summary])).toMatch(/adresse MSS, visible dans l’annuaire santé/);
    for (const answers of onlinePaths) expect(keys(answers)).toContain('directoryListing');
  });

  item(4, '002 summary', () => {
    expect(seedSays([balOrg.summary])).toMatch(/pharmacie qui en a une peut être contactée par les citoyens via Mon Espace Santé/);
  });

  item(5, '002 structureDeploysMedimail → connectionRequest', () => {
    expect(keys(paths.deploying)).toEqual(['connectionRequest']);
    expect(questionsToAsk(balOrg, paths.deploying, fixtureEstablishment).map((q) => q.key)).toEqual(['hasPersonalAccount', 'structureHasMedimail', 'structureDeploysMedimail']);
    for (const answers of [paths.withAccount, paths.viaAdmin, paths.selfMade]) expect(keys(answers)).not.toContain('connectionRequest');
    expect(seedSays(told('connectionRequest'))).toMatch(/demande de raccordement.*ne dispose pas encore de Medimail et souhaite le déployer/s);
  });

  item(6, '002 structureHasMedimail → personalAccountFromAdmin', () => {
    expect(keys(paths.viaAdmin)[0]).toBe('personalAccountFromAdmin');
    for (const answers of [paths.withAccount, paths.selfMade, paths.deploying]) expect(keys(answers)).not.toContain('personalAccountFromAdmin');
    expect(seedSays([step('personalAccountFromAdmin').title])).toMatch(/administrateur Medimail/);
  });

  item(7, '002 startCreation → medimail login · clickNext « Créer un compte »', () => {
    const start = buildChecklist(balOrg, paths.withAccount, fixtureEstablishment).find((i) => i.key === 'startCreation')!;
    expect(pageLink(start.pages[0]!)).toBe('https://medimail.mipih.fr/');
    const { doc, url } = open('login');
    expect(matchPage(url, doc)?.page.id).toBe('login');
    expect(clickLabels('login')).toContain('Créer un compte');
  });

  item(8, '002 summary', () => {
    expect(seedSays([balOrg.summary])).toMatch(/partagé par plusieurs professionnels, qu’ils aient un identifiant RPPS ou non/);
  });

  item(9, '002 createPersonalAccount.title · personalAccountFromAdmin.details', () => {
    expect(seedSays([step('createPersonalAccount').title])).toContain(bindFrenchSpaces('« Création d’un compte individuel nominatif »'));
    expect(seedSays(step('personalAccountFromAdmin').details)).toMatch(/préférable de créer les comptes individuels nominatifs avant la BAL ORG/);
  });

  item(10, '002 createPersonalAccount / personalAccountFromAdmin details (BAL PER)', () => {
    for (const stepId of ['createPersonalAccount', 'personalAccountFromAdmin'])
      expect(seedSays(step(stepId).details)).toMatch(/BAL PER, pour un professionnel de santé qui a un identifiant RPPS, donne une adresse de l’annuaire MSSanté national, visible de tous/);
    // Told where a personal account is still to be made, not to one who has it.
    expect(keys(paths.withAccount).filter((key) => french(told(key)).includes('BAL PER'))).toEqual([]);
  });

  item(11, '002 createPersonalAccount / personalAccountFromAdmin details (BAL INT)', () => {
    for (const stepId of ['createPersonalAccount', 'personalAccountFromAdmin'])
      expect(seedSays(step(stepId).details)).toMatch(/BAL INT, pour un professionnel de santé qui attend son RPPS \(étranger ou en formation\), peut aussi donner une adresse/);
  });

  item(12, 'medimail region · rule region (plan) · 002 startCreation.uses', () => {
    const { doc, url } = open('region');
    expect(planned(doc, planOf(doc, url), '#region')?.value).toBe(fixtureEstablishment.address.region);
    expect(step('startCreation').uses).toContain('region');
  });

  item(13, '002 regionOffersMedimail → regionUnavailable', () => {
    expect(keys(paths.elsewhere)).toEqual(['regionUnavailable']);
    expect(keys({ ...paths.selfMade, regionOffersMedimail: 'no' })).toEqual(['regionUnavailable']);
    for (const answers of onlinePaths) expect(keys(answers)).not.toContain('regionUnavailable');
    expect(seedSays(guide('region').instructions)).toMatch(/régions où Medimail a été choisi comme messagerie sécurisée de santé pour les libéraux/);
  });

  item(14, 'medimail accountType clickNext', () => {
    expect(clickLabels('accountType')).toContain('Nous créons un compte partagé organisationnel');
  });

  item(15, 'medimail personalAccountQuestion clickNext « Oui » · 002 startCreation', () => {
    expect(clickLabels('personalAccountQuestion')).toEqual(['Oui']);
    expect(seedSays([step('startCreation').title])).toMatch(/puis «\u202fOui\u202f», puisque vous avez un compte individuel/);
  });

  item(16, '002 createPersonalAccount before the « Oui » and the linking, for one without an account (W8)', () => {
    const list = keys(paths.selfMade);
    expect(list.slice(0, 3)).toEqual(['createPersonalAccount', 'startCreation', 'linkPersonalAccount']);
    // Without a personal account and without a way to get one now, no « Oui » nor linking.
    for (const answers of [paths.deploying, { ...paths.selfMade, regionOffersMedimail: 'no' }])
      expect(keys(answers).filter((key) => key === 'startCreation' || key === 'linkPersonalAccount')).toEqual([]);
  });

  item(17, 'medimail personalAccountQuestion instructions · 002 startCreation.details', () => {
    const consequence = /«\u202fNon\u202f» crée un compte non visible dans l’annuaire/;
    expect(seedSays(guide('personalAccountQuestion').instructions)).toMatch(consequence);
    expect(seedSays(step('startCreation').details)).toMatch(consequence);
  });

  item(18, 'medimail personalAccountLogin: e-mail planned, password never · clickNext « Valider »', () => {
    const { doc, url } = open('personalAccountLogin');
    const plan = planOf(doc, url);
    expect(planned(doc, plan, '#nominatif-mail')?.value).toBe(fixtureMe.email);
    expect(planned(doc, plan, '#nominatif-pwd')).toBeUndefined();
    expect(clickLabels('personalAccountLogin')).toEqual(['Valider']);
  });

  item(19, 'medimail personalAccountLogin / loginFailed instructions (I6)', () => {
    for (const page of ['personalAccountLogin', 'loginFailed']) {
      const said = seedSays(guide(page).instructions);
      expect(said).toMatch(/oublié\u00a0: il peut être réinitialisé/);
      // The seed's sentence stops before saying where.
      expect(said).not.toMatch(/réinitialise[^.]*(page|depuis)/);
    }
  });

  item(20, 'medimail associationCode: code never planned, « Renvoyer le code », « Valider »', () => {
    const { doc, url } = open('associationCode');
    expect(matchPage(url, doc)?.page.id).toBe('associationCode');
    expect(ruleFor('associationCode', 'oneTimeCode')).toBeDefined();
    expect(planned(doc, planOf(doc, url), 'input[name="code"]')).toBeUndefined();
    expect(seedSays([ruleFor('associationCode', 'oneTimeCode').hint!])).toContain(bindFrenchSpaces('« Renvoyer le code »'));
    expect(clickLabels('associationCode')).toEqual(['Valider']);
  });

  item(21, 'medimail balOrgForm instructions', () => {
    expect(seedSays(guide('balOrgForm').instructions)).toMatch(/Vérifiez les informations déjà saisies.*seuls les champs marqués \(\*\) sont obligatoires/s);
  });

  item(22, 'medimail balOrgForm rule orgMailboxEmail (plan)', () => {
    const { doc, plan } = formPlan();
    expect(planned(doc, plan, '#org-mail')?.value).toBe(fixtureEstablishment.orgMailbox!.email);
    expect(seedSays([ruleFor('balOrgForm', 'orgMailboxEmail').hint!])).toMatch(/adresse mail générique/);
  });

  item(23, 'medimail balOrgForm rule orgMailboxDescription (plan)', () => {
    const { doc, plan } = formPlan();
    expect(planned(doc, plan, '#org-desc')?.value).toBe(fixtureEstablishment.orgMailbox!.description);
    expect(seedSays([ruleFor('balOrgForm', 'orgMailboxDescription').hint!])).toMatch(/service, structure, ville, code postal.*annuaire/s);
  });

  item(24, 'medimail balOrgForm rule establishmentIdentifierType (plan)', () => {
    const { doc, plan } = formPlan();
    expect(planned(doc, plan, 'select[name="typeIdentifiant"]')?.value).toBe('FINESS géographique');
  });

  item(25, 'medimail balOrgForm rule finessEt (plan), and the lexicon when the page is not recognised (W2)', () => {
    const { doc, plan } = formPlan();
    expect(planned(doc, plan, 'input[name="identifiant"]')?.value).toBe(fixtureEstablishment.finessEt);
    expect(seedSays([ruleFor('balOrgForm', 'finessEt').hint!])).toMatch(/FINESS géographique \(vérifiez son exactitude\)/);
    // The same two fields alone: no page recognised, the lexicon decides, and still the number goes in the identifier.
    const alone = open('balOrgForm').doc;
    alone.title = '';
    alone.body.innerHTML = `<form><span id="t">Type d’identifiant établissement *</span><select aria-labelledby="t" name="typeIdentifiant">
      <option value="">Sélectionner</option><option value="FINESS">FINESS géographique</option><option value="SIRET">SIRET</option></select>
      <span id="i">Identifiant établissement *</span><input aria-labelledby="i" name="identifiant"></form>`;
    expect(analysePage(alone, 'https://medimail.mipih.fr/', id)!.match).toBeNull();
    const fallback = planOf(alone, 'https://medimail.mipih.fr/');
    expect(planned(alone, fallback, 'input[name="identifiant"]')?.value).toBe(fixtureEstablishment.finessEt);
    expect(planned(alone, fallback, 'select[name="typeIdentifiant"]')?.value).not.toBe(planned(alone, fallback, 'input[name="identifiant"]')?.value);
  });

  item(26, 'medimail balOrgForm: without a FINESS ET, the SIRET and its type (plan)', () => {
    const { finessEt: _none, ...withoutEt } = fixtureEstablishment;
    const { doc, plan } = formPlan(withoutEt as Establishment);
    expect(planned(doc, plan, 'input[name="identifiant"]')?.value).toBe(fixtureEstablishment.siret);
    expect(planned(doc, plan, 'select[name="typeIdentifiant"]')?.value).toBe('SIRET');
  });

  item(27, 'medimail balOrgForm rule street (plan)', () => {
    const { doc, plan } = formPlan();
    expect(planned(doc, plan, '#adr')?.value).toBe(fixtureEstablishment.address.street);
  });

  item(28, '002 fillForm uses legalName · a « Raison sociale » field on the BAL ORG form (plan)', () => {
    expect(readEstablishment('legalName', fixtureEstablishment)).toBe(fixtureEstablishment.legalName);
    expect(step('fillForm').uses).toContain('legalName');
    expect(seedSays(step('fillForm').details)).toMatch(/sa raison sociale/);
    const { doc, url } = open('balOrgForm');
    doc.querySelector('#service')!.closest('.field')!.insertAdjacentHTML('beforebegin', '<div class="field"><label for="rs">Raison sociale</label><input id="rs"></div>');
    expect(planned(doc, planOf(doc, url), '#rs')?.value).toBe(fixtureEstablishment.legalName);
  });

  item(29, 'medimail balOrgForm rule service (plan)', () => {
    const { doc, plan } = formPlan();
    expect(planned(doc, plan, '#service')?.value).toBe(fixtureEstablishment.orgMailbox!.service);
    expect(seedSays([ruleFor('balOrgForm', 'service').hint!])).toMatch(/s’il y en a un/);
  });

  item(30, 'medimail balOrgForm rule establishmentPhone (plan)', () => {
    const { doc, plan } = formPlan();
    expect(planned(doc, plan, '#tel1')?.value.replace(/\s/g, '')).toBe(fixtureEstablishment.phone);
    expect(planned(doc, plan, '#tel2')).toBeUndefined();
    expect(seedSays([ruleFor('balOrgForm', 'establishmentPhone').hint!])).toMatch(/deuxième numéro/);
  });

  item(31, 'medimail balOrgForm rules city, postalCode (plan)', () => {
    const { doc, plan } = formPlan();
    expect([planned(doc, plan, '#ville')?.value, planned(doc, plan, '#cp')?.value]).toEqual([fixtureEstablishment.address.city, fixtureEstablishment.address.postalCode]);
  });

  item(32, 'medimail balOrgForm rules region, departement (plan)', () => {
    const { doc, plan } = formPlan();
    expect(planned(doc, plan, 'select[name="region"]')?.value).toBe('Occitanie');
    expect(planned(doc, plan, '#dep')?.value).toMatch(/^31\b|Haute-Garonne/);
  });

  item(33, 'medimail balOrgForm hints street, orgMailboxDescription · 002 fillForm.details', () => {
    expect(seedSays([ruleFor('balOrgForm', 'street').hint!])).toMatch(/aide à vous retrouver dans l’annuaire/);
    expect(seedSays(step('fillForm').details)).toMatch(/c’est par elle qu’on vous retrouve dans l’annuaire/);
  });

  item(34, 'medimail balOrgForm instructions · person rules for responsableBalOrg (plan)', () => {
    expect(seedSays(guide('balOrgForm').instructions)).toMatch(/sous la responsabilité d’un professionnel de santé/);
    const { doc, plan } = formPlan();
    const responsible = fixtureEstablishment.contacts.find((c) => c.roles.includes('responsableBalOrg'))!;
    expect(responsible.id).not.toBe(fixtureMe.id);
    expect(planned(doc, plan, 'input[name="responsableNom"]')?.value).toBe(responsible.lastName);
  });

  item(35, 'medimail balOrgForm rules firstName, profession, rpps of responsableBalOrg (plan) · 002 fillForm.prepare', () => {
    const { doc, plan } = formPlan();
    const responsible = fixtureEstablishment.contacts.find((c) => c.roles.includes('responsableBalOrg'))!;
    expect(planned(doc, plan, 'input[name="responsablePrenom"]')?.value).toBe(responsible.firstName);
    expect(planned(doc, plan, 'select[name="responsableProfession"]')?.value).toBe(responsible.profession);
    expect(planned(doc, plan, 'input[name="responsableRpps"]')?.value).toBe(responsible.rpps);
    expect(seedSays(step('fillForm').prepare)).toMatch(/nom, prénom, profession et identifiant RPPS/);
  });

  item(36, 'medimail balOrgForm dematerialisation expected checked (plan)', () => {
    const { doc, url } = open('balOrgForm');
    const box = doc.querySelector<HTMLInputElement>('input[name="dematerialisation"]')!;
    expect(box.checked).toBe(true);
    expect(planned(doc, planOf(doc, url), 'input[name="dematerialisation"]')).toBeUndefined();
    box.checked = false;
    expect(planned(doc, planOf(doc, url), 'input[name="dematerialisation"]')?.action).toBe('check');
  });

  item(37, 'medimail balOrgForm directory box: hint, left as it is (plan)', () => {
    const { doc, plan } = formPlan();
    expect(planned(doc, plan, '#annuaire')).toBeUndefined();
    const hint = guide('balOrgForm').fields.find((rule) => [rule.match.label].flat().some((l) => l?.includes('annuaire Medimail')))!.hint!;
    expect(seedSays([hint])).toMatch(/Par défaut, votre adresse mail est visible dans l’annuaire Medimail/);
  });

  item(38, 'medimail balOrgForm clickNext « Valider » · 002 fillForm.proof', () => {
    expect(clickLabels('balOrgForm')).toEqual(['Valider']);
    expect(step('fillForm').proof).toEqual({ portal: 'medimail', page: 'balOrgSubmitted' });
  });

  item(39, '002 validationMail after fillForm · medimail balOrgSubmitted', () => {
    const list = keys(paths.withAccount);
    expect(list.indexOf('validationMail')).toBe(list.indexOf('fillForm') + 1);
    expect(seedSays([step('validationMail').title])).toMatch(/mail envoyé une fois le compte validé/);
    expect(guide('balOrgSubmitted').steps.map((s) => s.id)).toContain('validationMail');
  });

  item(40, '002 validationMail.remindAfter 72 h until directoryListing (W11)', () => {
    const est = fixtureEstablishment;
    const submitted = withStep(newProgress(est.id, id), 'fillForm', true, 'page', new Date('2025-03-03T09:00:00Z'));
    expect(plannedReminders([est], [submitted])).toEqual([]);
    const validated = withStep(submitted, 'validationMail', true, 'user', new Date('2025-03-05T09:00:00Z'));
    expect(plannedReminders([est], [validated]).map((r) => [r.kind, r.dueAt])).toEqual([['balOrgDirectory', '2025-03-08T09:00:00.000Z']]);
    expect(plannedReminders([est], [withStep(validated, 'directoryListing', true)])).toEqual([]);
    expect(seedSays(told('directoryListing'))).toMatch(/72 h.*Centre de Services du GRADeS a fini le paramétrage, dont l’adresse MSSanté/s);
  });

  item(41, '002 directoryListing.details · medimail balOrgSubmitted instructions', () => {
    const example = /pharmacie\.du\.centre\.81000\.albi@pharmacien\.oc\.mssante\.fr/;
    expect(seedSays(step('directoryListing').details)).toMatch(example);
    expect(seedSays(guide('balOrgSubmitted').instructions)).toMatch(/nom, code postal, commune \+ domaine pharmacien/);
  });

  item(42, 'medimail login: e-mail of « me » planned, password never', () => {
    const { doc, url } = open('login');
    const plan = planOf(doc, url);
    expect(planned(doc, plan, 'input[name="login"]')?.value).toBe(fixtureMe.email);
    expect(planned(doc, plan, 'input[name="password"]')).toBeUndefined();
    expect(seedSays(guide('login').instructions)).toMatch(/adresse mail de votre compte individuel et son mot de passe/);
  });

  item(43, 'medimail loginCode: OTP never planned', () => {
    const { doc, url } = open('loginCode');
    expect(planned(doc, planOf(doc, url), 'input[name="otp"]')).toBeUndefined();
    expect(seedSays(guide('loginCode').instructions)).toMatch(/code OTP \(code à usage unique\) envoyé sur votre adresse mail/);
  });

  item(44, 'medimail switchAccount clickNext « Changer de compte », top right · 002 switchToBalOrg', () => {
    const { doc, url } = open('switchAccount');
    expect(matchPage(url, doc)?.page.id).toBe('switchAccount');
    const [target] = guide('switchAccount').clickNext;
    expect([target!.match.label, target!.where?.fr]).toEqual(['Changer de compte', 'menu du compte, en haut à droite']);
    expect(seedSays(step('switchToBalOrg').details)).toMatch(/On arrive sur le compte individuel/);
  });

  item(45, '002 otherUsers → addUsers', () => {
    for (const answers of onlinePaths) {
      expect(keys({ ...answers, otherUsers: 'yes' }).at(-1)).toBe('addUsers');
      expect(keys(answers)).not.toContain('addUsers');
    }
    expect(keys({ ...paths.elsewhere, otherUsers: 'yes' })).not.toContain('addUsers');
    expect(seedSays(told('addUsers'))).toMatch(/une fois le compte partagé validé.*«\u202fAjout d’un compte utilisateur à une boite organisationnelle \(BAL ORG\)\u202f»/s);
  });

  item(46, '002 directoryListing.details: GRADeS Occitanie, Balise’s advice that it is regional', () => {
    const details = step('directoryListing').details;
    expect(seedSays(details)).toMatch(/GRADeS Occitanie, «\u202fAssistance e-Santé Occitanie\u202f»/);
    const advice = details.filter((text) => text.ref.advice);
    expect(french(advice)).toMatch(/celui de l’Occitanie/);
  });
});
