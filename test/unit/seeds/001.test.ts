import { afterEach, expect } from 'vitest';
import { fixtureOf, loadFixture } from '../../fixtures/load';
import { analysePage } from '../../../lib/autofill/engine';
import { planFill, type FillPlan } from '../../../lib/autofill/plan';
import { guidanceFor } from '../../../lib/overlay/guidance';
import { findPage } from '../../../lib/portals';
import type { ProcedureId, SeedText } from '../../../lib/portals/schema';
import { answerKey, buildChecklist, questionsToAsk, type ChecklistItem } from '../../../lib/procedures/checklist';
import { findProcedure } from '../../../lib/procedures/index';
import type { Answers, ProcedureStep } from '../../../lib/procedures/schema';
import { readEstablishment } from '../../../lib/profile/fields';
import { sampleEstablishment } from '../../../lib/profile/sample';
import type { Contact, Establishment } from '../../../lib/profile/schema';
import { describeSeed } from './seed-items';
import { items } from './001.items';

const medAcces = findProcedure('001-med-acces')!;
const sample = sampleEstablishment();
/** Luc Bernard is at the workstation and is the Plage administrator; Sophie Petit, a pharmacist, collects MED-ACCES data. */
const luc = sample.contacts.find((c) => c.lastName === 'Bernard')!;
const sophie = sample.contacts.find((c) => c.lastName === 'Petit')!;
const doctor: Contact = { id: '5a5a5a5a-1d2c-4e3b-8a9f-5c6d7e8f9a09', lastName: 'Durand', firstName: 'Paul', profession: 'Médecin', roles: ['utilisateurMedAcces'] };
const withDoctor: Establishment = { ...sample, contacts: [...sample.contacts, doctor] };

/** One person's answers, keyed as the wizard stores them. */
const answersOf = (person: Contact, answers: Record<string, string>): Answers =>
  Object.fromEntries(Object.entries(answers).map(([question, value]) => [answerKey(question, person.id), value]));
const newcomer = answersOf(sophie, { medAccesRole: 'pharmacien', hasPasrelAccount: 'no', severalSites: 'no' });
const profileHere = answersOf(sophie, { medAccesRole: 'pharmacien', hasPasrelAccount: 'yes', hasProfileHere: 'yes', severalSites: 'no' });
const profileElsewhere = answersOf(sophie, { medAccesRole: 'pharmacien', hasPasrelAccount: 'yes', hasProfileHere: 'no', severalSites: 'yes' });

const checklist = (answers: Answers, establishment: Establishment = sample) => buildChecklist(medAcces, answers, establishment, luc.id);
const stepIds = (answers: Answers, establishment: Establishment = sample) => checklist(answers, establishment).map((item) => item.step.id);
const itemOf = (answers: Answers, stepId: string): ChecklistItem => checklist(answers).find((item) => item.step.id === stepId)!;
const step = (stepId: string): ProcedureStep => medAcces.steps.find((s) => s.id === stepId)!;
const says = (texts: readonly SeedText[]) => texts.map((text) => text.fr).join(' ');
const pageIds = (s: ProcedureStep) => s.pages.map(({ portal, page }) => `${portal}/${page}`);

const guide = (pageId: string, procedure: ProcedureId, portal = 'plage') => guidanceFor(findPage(portal, pageId)!, procedure);
const hints = (pageId: string, procedure: ProcedureId, label: string) =>
  guide(pageId, procedure).fields.filter((rule) => rule.match.label === label).map((rule) => rule.hint.fr);
const clicks = (pageId: string, procedure: ProcedureId) => guide(pageId, procedure).clickNext.map((target) => target.match.label);

const windows: { close(): void }[] = [];
afterEach(() => windows.splice(0).forEach((w) => w.close()));

/** What Balise plans on the fixture of a Plage page while the user follows `procedure`. */
function planOn(pageId: string, procedure: ProcedureId, establishment: Establishment = sample): FillPlan {
  const fixture = fixtureOf('plage', pageId);
  const dom = loadFixture(fixture, fixture.url);
  windows.push(dom.window);
  const analysis = analysePage(dom.window.document, fixture.url, procedure)!;
  return planFill(analysis.fields, establishment, { meContactId: luc.id, procedure });
}
const lineOf = (plan: FillPlan, id: string) => plan.lines.find((line) => line.element.id === id);
/** The applications Balise ticks for the procedure. */
const ticked = (plan: FillPlan) =>
  plan.lines.filter((line) => line.source.type === 'procedure' && line.action === 'check' && line.selected).map((line) => (line.element as HTMLInputElement).value);

describeSeed('001', 'MED-ACCES par Pasrel / Plage (note DGOS et annexe)', items, (item) => {
  item(1, '001 summary · every step’s pages on Plage or Pasrel', () => {
    expect(medAcces.summary.ref.seed).toBe('001');
    expect(medAcces.summary.fr).toMatch(/compte Pasrel personnel/);
    expect(new Set(medAcces.steps.flatMap((s) => s.pages.map((page) => page.portal)))).toEqual(new Set(['plage', 'pasrel']));
  });

  item(2, '001 organiseSupport.details · the same checklist for an overseas establishment', () => {
    const martinique: Establishment = { ...sample, address: { ...sample.address, postalCode: '97200', city: 'Fort-de-France', departement: '972', region: 'Martinique' } };
    expect(stepIds(newcomer, martinique)).toEqual(stepIds(newcomer));
    const scope = says(step('organiseSupport').details);
    for (const place of ['outre-mer', 'Saint-Barthélemy', 'Saint-Martin']) expect(scope).toContain(place);
  });

  item(3, '001 organiseSupport (representantLegal), first whatever the answers', () => {
    for (const answers of [{}, newcomer, profileHere]) expect(stepIds(answers)[0]).toBe('organiseSupport');
    const organise = itemOf({}, 'organiseSupport');
    expect(organise.assignees.map((c) => c.lastName)).toEqual(['Martin']);
    expect(says(organise.step.details)).toMatch(/pharmaciens hospitaliers participent/);
    expect(organise.step.title.fr).toMatch(/prescripteurs et des pharmaciens/);
  });

  item(4, '001 summary · openEPlatforms on pasrel/login · Pasrel login guidance', () => {
    expect(medAcces.summary.fr).toMatch(/une seule fois pour toutes les e-plateformes/);
    expect(pageIds(step('openEPlatforms'))).toEqual(['pasrel/login']);
    expect(says(guide('login', '001-med-acces', 'pasrel').instructions)).toMatch(/une seule identification/);
  });

  item(5, '001 questions per utilisateurMedAcces: medAccesRole, hasPasrelAccount, hasProfileHere', () => {
    const asked = questionsToAsk(medAcces, {}, withDoctor);
    expect(asked.filter((q) => q.question.id === 'medAccesRole').map((q) => q.contact?.lastName)).toEqual(['Petit', 'Durand']);
    expect(asked.some((q) => q.contact?.id === luc.id)).toBe(false);
    const hasProfile = (answers: Answers) => questionsToAsk(medAcces, answers, sample).some((q) => q.question.id === 'hasProfileHere');
    expect([hasProfile(newcomer), hasProfile(profileHere)]).toEqual([false, true]);
  });

  item(6, '001 openEPlatforms per person, last, on every path', () => {
    for (const answers of [newcomer, profileHere, profileElsewhere]) {
      const list = checklist(answers);
      expect(list.at(-1)?.key).toBe(`openEPlatforms:${sophie.id}`);
      expect(list.at(-1)?.assignees).toEqual([sophie]);
    }
    expect(step('openEPlatforms').title.fr).toMatch(/une fois par Pasrel.*d’une e-plateforme de laboratoire à l’autre/);
  });

  item(7, '001 createAccount (when hasPasrelAccount = no)', () => {
    expect(stepIds(newcomer)).toContain('createAccount');
    expect(stepIds(profileHere)).not.toContain('createAccount');
    expect(itemOf(newcomer, 'createAccount').assignees).toEqual([sophie]);
    expect(says(step('createAccount').details)).toMatch(/sollicite auprès de l’administrateur Plage de l’établissement/);
  });

  item(8, '001 requestProfile.uses finess = plage requestProfile entity plan (EJ public, ET private)', () => {
    const request = step('requestProfile');
    expect(request.uses).toContain('finess');
    expect(request.uses).not.toContain('finessEt');
    for (const establishment of [sample, { ...sample, status: 'private' as const }]) {
      const shown = readEstablishment('finess', establishment);
      expect(lineOf(planOn('requestProfile', '001-med-acces', establishment), 'entite')?.value).toBe(shown);
    }
    expect(readEstablishment('finess', sample)).toBe(sample.finessEj);
  });

  item(9, '001 severalSites → otherProfiles · plage myAccount guidance', () => {
    const several = answersOf(doctor, { medAccesRole: 'medecin', hasPasrelAccount: 'no', severalSites: 'yes' });
    const single = answersOf(doctor, { medAccesRole: 'medecin', hasPasrelAccount: 'no', severalSites: 'no' });
    const keys = (answers: Answers) => checklist(answers, withDoctor).map((i) => i.key);
    expect(keys(several)).toContain(`otherProfiles:${doctor.id}`);
    expect(keys(single)).not.toContain(`otherProfiles:${doctor.id}`);
    expect(says(step('otherProfiles').details)).toMatch(/change ensuite de profil au cours d’une même session/);
    expect(says(guide('myAccount', '001-med-acces').instructions)).toMatch(/changement de profil est possible au cours d’une même session/);
  });

  item(10, '001 medAccesRole: three roles, suggested from the profession, shown on the requests', () => {
    const role = medAcces.questions.find((q) => q.id === 'medAccesRole')!;
    expect(role.choices.map((c) => c.label.fr)).toEqual(['Médecin', 'Pharmacien', 'Personnel non médical']);
    expect(questionsToAsk(medAcces, {}, withDoctor).filter((q) => q.question.id === 'medAccesRole').map((q) => q.suggested)).toEqual(['pharmacien', 'medecin']);
    expect(role.informs).toEqual(expect.arrayContaining(['requestProfile', 'extraRight']));
  });

  item(11, '001 createAccount.details, requestProfile.details, extraRight.details', () => {
    for (const [answers, id] of [[newcomer, 'createAccount'], [profileElsewhere, 'requestProfile'], [profileHere, 'extraRight']] as const)
      expect(says(itemOf(answers, id).step.details)).toMatch(/ou bien en contactant directement un administrateur Plage/);
  });

  item(12, '001 createAccount.details, requestProfile.details, extraRight.details (ATIH tutorial)', () => {
    const tutorial = 'https://atih.atlassian.net/wiki/spaces/PUBLIC/pages/2979692685/Plage';
    for (const [answers, id] of [[newcomer, 'createAccount'], [profileElsewhere, 'requestProfile'], [profileHere, 'extraRight']] as const)
      expect(says(itemOf(answers, id).step.details)).toContain(tutorial);
  });

  item(13, '001 openEPlatforms.details', () => {
    const notice = step('openEPlatforms').details.find((text) => /comptes antérieurs/.test(text.fr))!;
    expect(notice.fr).toMatch(/page d’accueil de chaque e-plateforme/);
    expect(notice.fr).toMatch(/données saisies/);
    expect(notice.ref).toEqual({ seed: '001', section: expect.stringMatching(/^II\. b\)/) });
  });

  item(14, '001 createAccount starts on plage home · « Créer un compte »', () => {
    const home = itemOf(newcomer, 'createAccount').pages[0]!;
    expect(home.page.id).toBe('home');
    expect(new URL(home.page.samples[0]!).hostname).toBe('plage.atih.sante.fr');
    expect(clicks('home', '001-med-acces')).toContain('Créer un compte');
  });

  item(15, 'plage accountForm plan within 001', () => {
    const plan = planOn('accountForm', '001-med-acces');
    const filled = plan.lines.filter((line) => line.selected && !line.skipped);
    expect(filled.map((line) => [line.kind, line.value])).toEqual([
      ['lastName', 'Bernard'],
      ['firstName', 'Luc'],
      ['email', luc.email],
      ['emailConfirmation', luc.email],
    ]);
    expect(plan.lines.filter((line) => line.skipped === 'secret').map((line) => line.kind)).toEqual(['password', 'passwordConfirmation']);
  });

  item(16, 'plage accountForm guidance for 001 · createAccount.details', () => {
    expect(says(guide('accountForm', '001-med-acces').instructions)).toMatch(/critères de complexité/);
    expect(says(step('createAccount').details)).toMatch(/critères de complexité/);
  });

  item(17, 'plage accountForm guidance for 001 · pasrel login « Identifiant » hint', () => {
    expect(says(guide('accountForm', '001-med-acces').instructions)).toMatch(/e-mail vous communique aussi votre identifiant/);
    const identifier = guide('login', '001-med-acces', 'pasrel').fields.find((rule) => rule.kind === undefined)!;
    expect(identifier.hint.fr).toMatch(/communiqué par e-mail à la création du compte/);
  });

  item(18, 'plage home: « S’identifier » for 001 only, then pasrel login', () => {
    expect(clicks('home', '001-med-acces')).toContain('S’identifier');
    expect(clicks('home', '000-distrilog')).not.toContain('S’identifier');
    // The seed names the button, not where it sits.
    expect(guide('home', '001-med-acces').clickNext.find((target) => target.match.label === 'S’identifier')?.where).toBeUndefined();
    expect(pageIds(step('requestProfile')).slice(0, 2)).toEqual(['plage/home', 'pasrel/login']);
  });

  item(19, 'plage myAccount « Gérer mes profils » · myProfiles « + Demander un profil » · requestProfile.pages', () => {
    expect(clicks('myAccount', '001-med-acces')).toContain('Gérer mes profils');
    expect(clicks('myProfiles', '001-med-acces')).toContain('+ Demander un profil');
    expect(pageIds(step('requestProfile')).slice(-2)).toEqual(['plage/myProfiles', 'plage/requestProfile']);
  });

  item(20, '001 requestProfile.details · plage requestProfile entity picked from the suggestions', () => {
    expect(says(step('requestProfile').details)).toMatch(/au moins trois lettres/);
    expect(lineOf(planOn('requestProfile', '001-med-acces'), 'entite')?.action).toBe('pick');
  });

  item(21, 'plage requestProfile and firstProfile « Libellé » hint for 001', () => {
    for (const page of ['requestProfile', 'firstProfile']) {
      expect(hints(page, '001-med-acces', 'Libellé')).toEqual(['Libellé facultatif.']);
      expect(hints(page, '000-distrilog', 'Libellé').join(' ')).not.toMatch(/facultatif/);
    }
    expect(says(step('requestProfile').details)).toMatch(/le libellé est facultatif/);
  });

  item(22, 'plage requestProfile plan within 001: professional e-mail, phone, address', () => {
    const plan = planOn('requestProfile', '001-med-acces');
    expect(lineOf(plan, 'courriel')?.value).toBe(luc.email);
    expect(lineOf(plan, 'tel')?.value).toBe('01 40 27 50 02');
    expect(lineOf(plan, 'adresse')?.value).toBe(sample.address.street);
    expect(hints('requestProfile', '001-med-acces', 'Téléphone')).toEqual(['Votre téléphone professionnel.']);
    expect(hints('requestProfile', '001-med-acces', 'Adresse')).toEqual(['Votre adresse professionnelle.']);
  });

  item(23, 'plage requestProfile plan: MED-ACCES ticked within 001, not within 000', () => {
    expect(ticked(planOn('requestProfile', '001-med-acces'))).toEqual(['MED_ACCES']);
    expect(ticked(planOn('requestProfile', '000-distrilog'))).toEqual(['DISTRILOG']);
  });

  item(24, 'plage requestProfile « Commentaire » hint for 001 · medAccesRole informs requestProfile', () => {
    const [comment] = hints('requestProfile', '001-med-acces', 'Commentaire');
    for (const role of ['médecin', 'pharmacien', 'personnel non médical']) expect(comment).toContain(role);
    expect(hints('requestProfile', '000-distrilog', 'Commentaire')).toEqual([]);
    expect(lineOf(planOn('requestProfile', '001-med-acces'), 'commentaire')?.selected ?? false).toBe(false);
  });

  item(25, 'plage requestProfile « Envoyer »', () => {
    expect(clicks('requestProfile', '001-med-acces')).toEqual(['Envoyer']);
  });

  item(26, '001 otherProfiles.details · plage requestProfile guidance for 001', () => {
    expect(says(step('otherProfiles').details)).toMatch(/même identifiant et même mot de passe/);
    expect(says(guide('requestProfile', '001-med-acces').instructions)).toMatch(/un profil pour chaque établissement d’exercice, avec le même identifiant et mot de passe/);
  });

  item(27, '001 adminValidates (apePlage) · createAccount.details, requestProfile.details (accountholders only)', () => {
    const validation = itemOf(newcomer, 'adminValidates');
    expect(validation.assignees).toEqual([luc]);
    for (const [answers, id] of [[newcomer, 'createAccount'], [profileElsewhere, 'requestProfile']] as const)
      expect(says(itemOf(answers, id).step.details)).toMatch(/doit valider la demande\u202f; il vous contactera si nécessaire/);
    // One profile request per person and establishment: a newcomer makes it while creating the account (Plage's firstProfile page).
    expect(stepIds(newcomer)).toContain('createAccount');
    expect(stepIds(newcomer)).not.toContain('requestProfile');
    expect(pageIds(step('createAccount'))).toContain('plage/firstProfile');
    expect(stepIds(profileElsewhere)).toContain('requestProfile');
  });

  item(28, '001 hasProfileHere → extraRight · plage myProfiles « Demander une habilitation » bottom right', () => {
    expect(stepIds(profileHere)).toContain('extraRight');
    expect(stepIds(profileHere)).not.toContain('requestProfile');
    expect(stepIds(profileElsewhere)).toEqual(expect.arrayContaining(['requestProfile']));
    expect(stepIds(profileElsewhere)).not.toContain('extraRight');
    expect(says(step('extraRight').details)).toMatch(/en bas à droite sur l’icône silhouette orange «\u202fdemander une habilitation\u202f»/);
    const target = guide('myProfiles', '001-med-acces').clickNext.find((c) => c.match.label === 'Demander une habilitation')!;
    expect(target.where?.fr).toBe('en bas à droite');
  });

  item(29, 'plage extraHabilitation within 001: MED-ACCES, role comment, « Envoyer », validation', () => {
    expect(ticked(planOn('extraHabilitation', '001-med-acces'))).toEqual(['MED_ACCES']);
    expect(hints('extraHabilitation', '001-med-acces', 'Commentaire').join(' ')).toMatch(/médecin, pharmacien ou personnel non médical/);
    expect(clicks('extraHabilitation', '001-med-acces')).toEqual(['Envoyer']);
    expect(says(guide('extraHabilitation', '001-med-acces').instructions)).toMatch(/doit valider la demande/);
    expect(pageIds(step('extraRight')).at(-1)).toBe('plage/extraHabilitation');
  });

  item(30, '001 checkActivation per person on plage myAccount', () => {
    const check = itemOf(newcomer, 'checkActivation');
    expect(check.assignees).toEqual([sophie]);
    expect(check.pages.map((m) => m.page.id)).toEqual(['myAccount']);
    expect(says(guide('myAccount', '001-med-acces').instructions)).toMatch(/vos profils, leur état d’activation et votre rôle/);
  });

  item(31, '001 createAccount.pages ∋ plage firstProfile · its guidance and plan within 001', () => {
    expect(itemOf(newcomer, 'createAccount').pages.map((m) => m.page.id)).toContain('firstProfile');
    expect(medAcces.questions.find((q) => q.id === 'medAccesRole')!.informs).toContain('createAccount');
    const first = guide('firstProfile', '001-med-acces');
    expect(first.procedure).toBe('001-med-acces');
    expect(first.instructions.every((text) => text.ref.seed === '001')).toBe(true);
    expect(first.instructions.some((text) => text.ref.advice)).toBe(true);
    expect(says(first.instructions)).not.toMatch(/obligatoires|DISTRILOG/);
    expect(first.fields.map((rule) => rule.match.label)).not.toContain('DISTRILOG');
    expect(hints('firstProfile', '001-med-acces', 'Commentaire').join(' ')).toMatch(/rôle demandé/);
    expect(ticked(planOn('firstProfile', '001-med-acces'))).toEqual(['MED_ACCES']);
    expect(lineOf(planOn('firstProfile', '001-med-acces'), 'tel')?.value).toBe('01 40 27 50 02');
    // Seed 000's users keep their own rules there.
    expect(ticked(planOn('firstProfile', '000-distrilog'))).toEqual(['DISTRILOG']);
    expect(says(guide('firstProfile', '000-distrilog').instructions)).toMatch(/libellé et applications sont obligatoires/);
  });
});
