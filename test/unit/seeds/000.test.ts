/**
 * Seed 000, item by item: the checklist the answers give, what the guide says on each Plage /
 * Pasrel / Distrilog page, and what the fill plans there for the sample establishment.
 */
import { afterEach, expect } from 'vitest';
import { analysePage } from '../../../lib/autofill/engine';
import { planFill, toFill, type FillLine } from '../../../lib/autofill/plan';
import { guidanceFor } from '../../../lib/overlay/guidance';
import { findPage, findPortal } from '../../../lib/portals';
import type { ProcedureId, SeedText } from '../../../lib/portals/schema';
import { answersComplete, buildChecklist, pageLink, questionsToAsk } from '../../../lib/procedures/checklist';
import { findProcedure } from '../../../lib/procedures';
import type { Answers } from '../../../lib/procedures/schema';
import { sampleEstablishment } from '../../../lib/profile/sample';
import type { Establishment } from '../../../lib/profile/schema';
import { fixtures, loadFixture } from '../../fixtures/load';
import { items } from './000.items';
import { describeSeed } from './seed-items';

const distrilog = findProcedure('000-distrilog')!;
const sample = sampleEstablishment();
const [claire, luc] = sample.contacts;

/** The tree's complete paths (several establishments: no). */
const paths = {
  profileHere: { managerHasPlageAccount: 'yes', managerProfileHere: 'yes' },
  profileElsewhere: { managerHasPlageAccount: 'yes', managerProfileHere: 'no' },
  apeExists: { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'yes' },
  newApe: { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no', managerIsApe: 'no' },
  managerIsApe: { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no', managerIsApe: 'yes' },
};
const one = { severalEstablishments: 'no' };

const checklist = (answers: Answers, establishment: Establishment = sample) => buildChecklist(distrilog, { ...one, ...answers }, establishment);
const stepsOf = (answers: Answers) => checklist(answers).map((item) => item.key);
const itemOf = (answers: Answers, key: string) => checklist(answers).find((item) => item.key === key)!;
const asked = (answers: Answers) => questionsToAsk(distrilog, answers, sample).map((q) => q.key);
const step = (id: string) => distrilog.steps.find((s) => s.id === id)!;
const said = (texts: readonly SeedText[]) => texts.map((text) => text.fr).join(' ');
const whoDoes = (answers: Answers, key: string) => itemOf(answers, key).assignees.map((c) => c.lastName);

const guide = (portal: string, page: string, procedure: ProcedureId = '000-distrilog') => guidanceFor(findPage(portal, page)!, procedure);
const hintOf = (portal: string, page: string, label: string, procedure?: ProcedureId) =>
  guide(portal, page, procedure).fields.find((rule) => [rule.match.label].flat().includes(label))!.hint;

const windows: { close(): void }[] = [];
afterEach(() => windows.splice(0).forEach((w) => w.close()));

/** The fill Balise plans on a Plage fixture for the sample establishment, Luc Bernard at the workstation. */
function plan(page: string, { establishment = sample, procedure = '000-distrilog' as ProcedureId | undefined, prepare = (_doc: Document) => {} } = {}) {
  const fixture = fixtures.find((f) => f.portal === 'plage' && f.page === page)!;
  const dom = loadFixture(fixture, fixture.url);
  windows.push(dom.window);
  const doc = dom.window.document;
  prepare(doc);
  const analysis = analysePage(doc, fixture.url, procedure)!;
  expect(analysis.match?.page.id).toBe(page);
  const result = planFill(analysis.fields, establishment, { meContactId: luc!.id, ...(procedure ? { procedure } : {}) });
  const at = (selector: string): FillLine | undefined => result.lines.find((line) => line.element === doc.querySelector(selector));
  return { result, at, filled: (selector: string) => toFill(result).find((line) => line.element === doc.querySelector(selector))?.value };
}

describeSeed('000', 'Distrilog par Plage / Pasrel', items, (item) => {
  item(1, 'portal distrilog (host) · step openDistrilog on every path', () => {
    expect(findPortal('https://www.distrilog-sante.fr/')?.id).toBe('distrilog');
    for (const answers of Object.values(paths)) expect(itemOf(answers, 'openDistrilog').pages.map((m) => pageLink(m))).toEqual(['https://www.distrilog-sante.fr/']);
    expect(distrilog.summary.fr).toMatch(/Distrilog-santé/);
  });

  item(2, 'question managerHasPlageAccount.help · step adminValidates done by the APE', () => {
    const help = distrilog.questions.find((q) => q.id === 'managerHasPlageAccount')!.help!;
    for (const platform of ['ePMSI', 'Qualhas', 'TDB-ESMS']) expect(help.fr).toContain(platform);
    // The establishment manages its own users: the request goes to its own administrator.
    expect(whoDoes(paths.apeExists, 'adminValidates')).toEqual(['Bernard']);
  });

  item(3, 'every path: a Plage step carrying DISTRILOG comes before openDistrilog', () => {
    for (const answers of Object.values(paths)) {
      const items = checklist(answers);
      expect(items.at(-1)!.key).toBe('openDistrilog');
      const asksDistrilog = items
        .slice(0, -1)
        .flatMap((i) => i.pages)
        .filter((m) => m.portal.id === 'plage' && m.page.fields.some((rule) => rule.match.label === 'DISTRILOG' && rule.expected));
      expect(asksDistrilog.length, JSON.stringify(answers)).toBeGreaterThan(0);
    }
  });

  item(4, 'checklist: each account situation gives its own steps', () => {
    const lists = Object.values(paths).map((answers) => stepsOf(answers).join());
    expect(new Set(lists).size).toBe(lists.length);
  });

  item(5, 'question managerHasPlageAccount: one question for the Plage / Pasrel account', () => {
    expect(asked({})).toEqual(['managerHasPlageAccount', 'severalEstablishments']);
    expect(distrilog.questions.filter((q) => /Pasrel/.test(q.prompt.fr)).map((q) => q.id)).toEqual(['managerHasPlageAccount']);
    expect(distrilog.questions.find((q) => q.id === 'managerHasPlageAccount')!.help!.ref.advice).toBe(true);
    expect(answersComplete(distrilog, { ...one, ...paths.apeExists }, sample)).toBe(true);
  });

  item(6, 'steps requestRight (profile here) / requestProfileHere (profile elsewhere)', () => {
    expect(asked({ managerHasPlageAccount: 'yes' })).toContain('managerProfileHere');
    expect(stepsOf(paths.profileHere)).toEqual(['requestRight', 'adminValidates', 'openDistrilog']);
    expect(stepsOf(paths.profileElsewhere)).toEqual(['requestProfileHere', 'adminValidates', 'openDistrilog']);
    for (const answers of [paths.apeExists, paths.newApe]) expect(stepsOf(answers)).not.toContain('requestRight');
    // The new profile on this establishment carries DISTRILOG, which Balise ticks there.
    const here = itemOf(paths.profileElsewhere, 'requestProfileHere');
    expect(here.pages.at(-1)!.page.id).toBe('requestProfile');
    expect(plan('requestProfile').filled('input[value="DISTRILOG"]')).toBe('DISTRILOG');
    expect(here.step.details.find((d) => d.fr.includes('DISTRILOG'))?.ref.advice).toBe(true);
    // Asking and requesting a profile for an existing account is Balise's inference (the new-profile procedure is seed 001's, annex 2 bis).
    expect(distrilog.questions.find((q) => q.id === 'managerProfileHere')!.prompt.ref.advice).toBe(true);
    expect(here.step.title.ref.advice).toBe(true);
    expect(here.step.details.filter((d) => !d.ref.advice).map((d) => d.fr).join(' ')).toMatch(/qu’à une seule entité/);
  });

  item(7, 'question establishmentHasPlageAccount, only without an account', () => {
    expect(asked({ managerHasPlageAccount: 'no' })).toContain('establishmentHasPlageAccount');
    expect(asked({ managerHasPlageAccount: 'yes' })).not.toContain('establishmentHasPlageAccount');
    expect(questionsToAsk(distrilog, { managerHasPlageAccount: 'no' }, sample).find((q) => q.key === 'establishmentHasPlageAccount')?.suggested).toBe('yes');
  });

  item(8, 'step managerAccount when the establishment has an APE', () => {
    expect(stepsOf(paths.apeExists)).toEqual(['managerAccount', 'adminValidates', 'openDistrilog']);
    expect(whoDoes(paths.apeExists, 'managerAccount')).toEqual(['Petit']);
    expect(itemOf(paths.apeExists, 'managerAccount').pages.map((m) => m.page.id)).toContain('firstProfile');
  });

  item(9, 'step designateApe: first, by the legal representative, not the APE', () => {
    expect(stepsOf(paths.newApe)[0]).toBe('designateApe');
    expect(whoDoes(paths.newApe, 'designateApe')).toEqual([claire!.lastName]);
    expect(step('designateApe').details.some((d) => d.ref.advice && d.fr.includes('ne dit pas qui'))).toBe(true);
    expect(stepsOf(paths.apeExists)).not.toContain('designateApe');
  });

  item(10, 'step apeAccount after designateApe, by the APE', () => {
    const keys = stepsOf(paths.newApe);
    expect(keys.indexOf('apeAccount')).toBe(keys.indexOf('designateApe') + 1);
    expect(whoDoes(paths.newApe, 'apeAccount')).toEqual(['Bernard']);
    expect(itemOf(paths.newApe, 'apeAccount').pages.map((m) => m.page.id)).toEqual(expect.arrayContaining(['apeNone', 'apeExists']));
  });

  item(11, 'question managerIsApe → managerAccount only when he is not the APE', () => {
    expect(asked({ managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no' })).toContain('managerIsApe');
    const keys = stepsOf(paths.newApe);
    expect(keys.indexOf('managerAccount')).toBeGreaterThan(keys.indexOf('apeAccount'));
    expect(stepsOf(paths.managerIsApe)).not.toContain('managerAccount');
    // Sophie Petit (EPI) is not Luc Bernard (APE) in the sample.
    expect(questionsToAsk(distrilog, { managerHasPlageAccount: 'no', establishmentHasPlageAccount: 'no' }, sample).find((q) => q.key === 'managerIsApe')?.suggested).toBe('no');
  });

  item(12, 'step apeAccount / managerAccount start at plage home', () => {
    expect(findPortal('https://plage.atih.sante.fr/')?.id).toBe('plage');
    for (const key of ['apeAccount', 'managerAccount']) expect(pageLink(itemOf(paths.newApe, key).pages[0]!)).toBe('https://plage.atih.sante.fr/');
  });

  item(13, 'plage home clickNext « Créer un compte » top right (and no invented place for « S’identifier »)', () => {
    expect(guide('plage', 'home').clickNext).toEqual([{ match: { label: 'Créer un compte' }, where: { fr: 'en haut à droite', en: 'top right' } }]);
    expect(guide('plage', 'home', '001-med-acces').clickNext.find((c) => c.match.label === 'S’identifier')?.where).toBeUndefined();
  });

  item(14, 'plage accountCheck instructions + plan (name of the person at the workstation)', () => {
    expect(said(guide('plage', 'accountCheck').instructions)).toMatch(/identifiant est envoyé/);
    const { filled } = plan('accountCheck');
    expect([filled('#chk-nom'), filled('#chk-prenom')]).toEqual(['Bernard', 'Luc']);
  });

  item(15, 'plage accountCheck: homonym → next accountForm', () => {
    const guidance = guide('plage', 'accountCheck');
    expect(said(guidance.instructions)).toMatch(/homonyme/);
    expect(guidance.next.map((n) => n.label.fr)).toEqual(['Demande de création de compte']);
  });

  item(16, 'plage accountForm plan: Nom, Prénom', () => {
    const { filled } = plan('accountForm');
    expect([filled('input[name="lastname"]'), filled('input[name="firstname"]')]).toEqual(['Bernard', 'Luc']);
  });

  item(17, 'plage accountForm plan: courriel twice, hint on the double check', () => {
    const { filled } = plan('accountForm');
    expect(filled('input[name="mail2"]')).toBe(filled('input[name="mail"]'));
    expect(filled('input[name="mail"]')).toBe(luc!.email);
    expect(hintOf('plage', 'accountForm', 'Confirmation du courriel').fr).toMatch(/format.*second champ/);
  });

  item(18, 'plage accountForm instructions: the finishing e-mail', () => {
    expect(said(guide('plage', 'accountForm').instructions)).toMatch(/e-mail est envoyé.*finaliser/);
  });

  item(19, 'plage accountForm: password never filled, hint 6 characters', () => {
    const { at } = plan('accountForm');
    expect([at('input[name="pwd"]')?.skipped, at('input[name="pwd2"]')?.skipped]).toEqual(['secret', 'secret']);
    expect(hintOf('plage', 'accountForm', 'Mot de passe').fr).toMatch(/Au moins 6 caractères/);
  });

  item(20, 'plage accountForm password hint · accountCreation details', () => {
    expect(hintOf('plage', 'accountForm', 'Mot de passe').fr).toMatch(/tous les profils/);
    expect(said(step('managerAccount').details)).toMatch(/commun à tous les profils/);
    // What Balise does with it is Balise's word, not the sheet's.
    for (const id of ['apeAccount', 'managerAccount'])
      for (const text of step(id).details) if (/Balise/.test(text.fr)) expect(text.ref.advice).toBe(true);
  });

  item(21, 'plage accountForm.next firstProfile · managerAccount pages', () => {
    expect(guide('plage', 'accountForm').next.map((n) => n.href)).toEqual([findPage('plage', 'firstProfile')!.page.samples[0]]);
    const pages = itemOf(paths.apeExists, 'managerAccount').pages.map((m) => m.page.id);
    expect(pages.indexOf('firstProfile')).toBe(pages.indexOf('accountForm') + 1);
  });

  item(22, 'plage firstProfile entity hint: the invitation e-mail', () => {
    expect(hintOf('plage', 'firstProfile', 'Entité de rattachement').fr).toMatch(/mail d’invitation/);
  });

  item(23, 'plage firstProfile entity rule finess byStatus: EJ public, ET private', () => {
    expect(plan('firstProfile').at('#entite')?.value).toBe(sample.finessEj);
    expect(plan('firstProfile', { establishment: { ...sample, status: 'private' } }).at('#entite')?.value).toBe(sample.finessEt);
    expect(hintOf('plage', 'firstProfile', 'Entité de rattachement').fr).toMatch(/juridique.*publique.*géographique.*privée/);
  });

  item(24, 'plage firstProfile entity: searched from three characters; typing the FINESS is Balise’s advice', () => {
    expect(hintOf('plage', 'firstProfile', 'Entité de rattachement').fr).toMatch(/au moins trois caractères/);
    expect(plan('firstProfile').at('#entite')?.action).toBe('pick');
    for (const page of ['firstProfile', 'requestProfile']) {
      const guidance = guide('plage', page);
      const texts = [...guidance.instructions, ...guidance.fields.map((rule) => rule.hint)];
      // Only Balise's own advice says the FINESS finds the entity, and it says what to do when it does not.
      expect(texts.filter((t) => /FINESS/.test(t.fr)).map((t) => t.ref.advice)).toEqual([true]);
      expect(texts.find((t) => /FINESS/.test(t.fr))!.fr).toMatch(/trois lettres de son nom/);
    }
  });

  item(25, 'question severalEstablishments → step otherProfiles', () => {
    for (const answers of Object.values(paths)) {
      expect(stepsOf(answers)).not.toContain('otherProfiles');
      expect(checklist({ ...answers, severalEstablishments: 'yes' }).map((i) => i.key)).toContain('otherProfiles');
    }
    expect(hintOf('plage', 'firstProfile', 'Entité de rattachement').fr).toMatch(/Une seule entité par profil/);
  });

  item(26, 'plage firstProfile rule « Administrateur principal de l’entité » (explained, never ticked)', () => {
    expect(hintOf('plage', 'firstProfile', 'Administrateur principal de l’entité').fr).toMatch(/administrateur principal/);
    expect(plan('firstProfile').at('input[name="ape"]')).toBeUndefined();
  });

  item(27, 'plage firstProfile rule Libellé (explained, not filled)', () => {
    expect(hintOf('plage', 'firstProfile', 'Libellé').fr).toMatch(/lettres et chiffres.*explicite/);
    expect(plan('firstProfile').at('#libelle')).toBeUndefined();
  });

  item(28, 'plage firstProfile: DISTRILOG ticked for 000 only', () => {
    const line = plan('firstProfile').at('input[value="DISTRILOG"]');
    expect([line?.action, line?.selected]).toEqual(['check', true]);
    expect(plan('firstProfile', { procedure: '001-med-acces' }).at('input[value="DISTRILOG"]')).toBeUndefined();
    expect(plan('firstProfile').at('input[value="EPMSI"]')).toBeUndefined();
  });

  item(29, 'plage firstProfile clickNext « Envoyer la demande » · proof requestConfirmation', () => {
    expect(guide('plage', 'firstProfile').clickNext.map((c) => c.match.label)).toEqual(['Envoyer la demande']);
    expect(itemOf(paths.apeExists, 'managerAccount').proof?.page.id).toBe('requestConfirmation');
    expect(said(guide('plage', 'requestConfirmation').instructions)).toMatch(/confirmation/);
  });

  item(30, 'step apeAccount: the account creation of managerAccount', () => {
    expect(step('apeAccount').details.slice(0, step('managerAccount').details.length)).toEqual(step('managerAccount').details);
    const pages = (key: string) => itemOf(paths.newApe, key).pages.slice(0, 3).map((m) => m.page.id);
    expect(pages('apeAccount')).toEqual(['home', 'accountCheck', 'accountForm']);
    expect(pages('apeAccount')).toEqual(pages('managerAccount'));
  });

  item(31, 'step apeAccount.details · firstProfile APE box hint', () => {
    expect(said(step('apeAccount').details)).toMatch(/Cochez «\u202fAdministrateur principal de l’entité\u202f»/);
    expect(said(step('managerAccount').details)).not.toMatch(/Administrateur principal/);
  });

  item(32, 'plage apeNone: motivate, then validate', () => {
    const guidance = guide('plage', 'apeNone');
    expect(said(guidance.instructions)).toMatch(/Aucun APE.*motiver puis valider/);
    expect(guidance.clickNext.map((c) => c.match.label)).toEqual(['Valider']);
    expect(guidance.fields.map((rule) => rule.hint.fr)).toEqual([expect.stringMatching(/Motivez/)]);
  });

  item(33, 'plage apeExists instructions', () => {
    expect(said(guide('plage', 'apeExists').instructions)).toMatch(/déjà identifié.*bien-fondé/);
  });

  item(34, 'step apeAccount proof requestConfirmation', () => {
    const ape = itemOf(paths.managerIsApe, 'apeAccount');
    expect([ape.pages.at(-1)!.page.id, ape.proof?.page.id]).toEqual(['requestConfirmation', 'requestConfirmation']);
  });

  item(35, 'plage myProfiles instructions and « + Demander un profil » · step otherProfiles pages', () => {
    const guidance = guide('plage', 'myProfiles');
    expect(said(guidance.instructions)).toMatch(/Mon compte › Mes profils \/ habilitations.*«\u202fgérer mes profils\u202f».*«\u202fdemander un profil\u202f»/);
    expect(guidance.clickNext.map((c) => c.match.label)).toContain('+ Demander un profil');
    expect(itemOf({ ...paths.profileHere, severalEstablishments: 'yes' }, 'otherProfiles').pages.map((m) => m.page.id)).toEqual(['login', 'myProfiles', 'requestProfile']);
  });

  item(36, 'plage requestProfile plan: Nom, Prénom locked by the portal', () => {
    const { at } = plan('requestProfile');
    expect([at('input[name="nom"]')?.skipped, at('input[name="prenom"]')?.skipped]).toEqual(['portalLocked', 'portalLocked']);
  });

  item(37, 'plage requestProfile entity: EJ / ET by status, picked from the list', () => {
    const line = plan('requestProfile').at('#entite');
    expect([line?.value, line?.action]).toEqual([sample.finessEj, 'pick']);
    expect(plan('requestProfile', { establishment: { ...sample, status: 'private' } }).at('#entite')?.value).toBe(sample.finessEt);
    expect(hintOf('plage', 'requestProfile', 'Entité de rattachement').fr).toMatch(/trois caractères/);
  });

  item(38, 'plage requestProfile rule Libellé', () => {
    expect(hintOf('plage', 'requestProfile', 'Libellé').fr).toMatch(/distinguer ce profil/);
    expect(plan('requestProfile').at('#libelle')).toBeUndefined();
  });

  item(39, 'plage requestProfile: DISTRILOG added, other applications left as they are', () => {
    const { result, at } = plan('requestProfile', { prepare: (doc) => void (doc.querySelector<HTMLInputElement>('input[value="MED_ACCES"]')!.checked = true) });
    expect(at('input[value="DISTRILOG"]')?.action).toBe('check');
    expect(at('input[value="MED_ACCES"]')).toBeUndefined();
    expect(result.lines.some((line) => line.action === 'uncheck')).toBe(false);
  });

  item(40, 'plage requestProfile plan: courriel and its second entry filled (editable)', () => {
    const { filled } = plan('requestProfile');
    expect([filled('#courriel'), filled('#courriel2')]).toEqual([luc!.email, luc!.email]);
    expect(hintOf('plage', 'requestProfile', 'Courriel').fr).toMatch(/pré-renseignée mais modifiable/);
  });

  item(41, 'plage requestProfile instructions · step adminValidates after a profile request', () => {
    expect(said(guide('plage', 'requestProfile').instructions)).toMatch(/administrateur de l’entité.*e-mail/);
    expect(stepsOf(paths.profileElsewhere)).toContain('adminValidates');
    expect(whoDoes(paths.profileElsewhere, 'adminValidates')).toEqual(['Bernard']);
    expect(stepsOf(paths.managerIsApe)).not.toContain('adminValidates');
  });

  item(42, 'pasrel login password hint · otherProfiles details', () => {
    expect(hintOf('pasrel', 'login', 'Mot de passe').fr).toMatch(/tous les profils/);
    expect(said(step('otherProfiles').details)).toMatch(/Identifiant et mot de passe restent les mêmes/);
    expect(plan('requestProfile').result.lines.some((line) => line.kind === 'password')).toBe(false);
  });

  item(43, 'step requestRight starts at pasrel login (the seed’s link)', () => {
    const right = itemOf(paths.profileHere, 'requestRight');
    expect(pageLink(right.pages[0]!)).toBe('https://connect-pasrel.atih.sante.fr/cas/login?service=https%3A%2F%2Fplage.atih.sante.fr%2Fplage-ws%2Flogin%2Fcas');
    expect(right.pages.slice(1).every((m) => m.portal.id === 'plage')).toBe(true);
    expect(said(guide('pasrel', 'login').instructions)).toMatch(/sur Plage.*connectez-vous d’abord par Pasrel/);
  });

  item(44, 'step requestRight via plage myProfiles · myAccount « Gérer mes profils »', () => {
    expect(itemOf(paths.profileHere, 'requestRight').pages[1]!.page.id).toBe('myProfiles');
    expect(guide('plage', 'myAccount', '001-med-acces').clickNext.map((c) => c.match.label)).toEqual(['Gérer mes profils']);
    expect(said(step('requestRight').details)).toMatch(/«\u202fgérer mes profils\u202f» \(Mon compte › Mes profils \/ habilitations\)/);
  });

  item(45, 'plage myProfiles clickNext bottom right · requestRight details', () => {
    const target = guide('plage', 'myProfiles').clickNext.find((c) => c.match.label === 'Demander une habilitation');
    expect(target?.where?.fr).toBe('en bas à droite');
    expect(said(step('requestRight').details)).toMatch(/personnage en bas à droite/);
  });

  item(46, 'plage extraHabilitation for 000: DISTRILOG expected, Commentaire = justification', () => {
    const fields = guide('plage', 'extraHabilitation').fields;
    expect(fields.filter((rule) => rule.expected).map((rule) => rule.match.label)).toEqual(['DISTRILOG']);
    expect(fields.find((rule) => rule.match.label === 'Commentaire')?.hint.fr).toMatch(/Justifiez/);
    expect(said(guide('plage', 'extraHabilitation').instructions)).toMatch(/Choisissez les nouvelles habilitations et justifiez/);
  });

  item(47, 'plage extraHabilitation instructions · step adminValidates on the right path', () => {
    expect(said(guide('plage', 'extraHabilitation').instructions)).toMatch(/administrateur de votre entité.*e-mail/);
    const keys = stepsOf(paths.profileHere);
    expect(keys.indexOf('adminValidates')).toBe(keys.indexOf('requestRight') + 1);
    expect(said(step('adminValidates').details)).toMatch(/e-mail/);
  });
});
