/**
 * Seed 003, item by item: the 003 procedure's questions and checklist for the answers that
 * lead to each step (and those that do not), form 413's sheet, the IGC-Santé pages' guidance,
 * and the plan of the product step's fields.
 */
import { expect, vi } from 'vitest';
import { analysePage, planLines } from '../../../lib/autofill/engine';
import { forFill } from '../../../lib/autofill/resolve';
import { guidanceFor } from '../../../lib/overlay/guidance';
import { findPage, findPortal } from '../../../lib/portals';
import { cardReader } from '../../../lib/portals/igc-sante.portal';
import type { ProcedureId } from '../../../lib/portals/schema';
import { buildChecklist, missingRoles, questionsToAsk } from '../../../lib/procedures/checklist';
import { findProcedure } from '../../../lib/procedures/index';
import type { Answers } from '../../../lib/procedures/schema';
import { form413Download, part3Note, sheet413, usageText } from '../../../lib/procedures/sheet413';
import { certificateExpiry } from '../../../lib/profile/certificates';
import { sampleEstablishment } from '../../../lib/profile/sample';
import type { Contact, Establishment } from '../../../lib/profile/schema';
import { fixtureOf, loadFixture } from '../../fixtures/load';
import { fixtureEstablishment, fixtureMe } from '../../fixtures/profile';
import { items } from './003.items';
import { describeSeed } from './seed-items';
import { patience } from '../../patience';

const certificats = findProcedure('003-certificats-dp')!;
/** Answers that reach form 413 with nothing before it but the vendor: a single site with its contract, a carded staff admin. */
const ready: Answers = { organisation: 'privateSingle', hasContract: 'yes', techAdmin: 'staff', techAdminHasCard: 'yes', feedDp: 'yes' };

const keys = (answers: Answers, establishment: Establishment = sampleEstablishment()) => buildChecklist(certificats, answers, establishment).map((i) => i.key);
const asked = (answers: Answers, establishment: Establishment = sampleEstablishment()) => questionsToAsk(certificats, answers, establishment);
const suggestion = (key: string, answers: Answers, establishment: Establishment) => asked(answers, establishment).find((q) => q.key === key)?.suggested;
const step = (id: string) => certificats.steps.find((s) => s.id === id)!;
/** Everything a step tells, in French. */
const told = (id: string) => [step(id).title, ...step(id).details].map((text) => text.fr).join(' ');
const guidance = (page: string) => guidanceFor(findPage('igc-sante', page)!, '003-certificats-dp');

const person = (n: number, fields: Partial<Contact>): Contact => ({
  id: `3b0e4f7a-1d2c-4e3b-8a9f-5c6d7e8f9b0${n}`,
  lastName: `Utilisateur${n}`,
  firstName: 'Dp',
  roles: ['utilisateurDp'],
  ...fields,
});
const pharmacist = person(1, { profession: 'Pharmacien', card: 'CPS' });
const physician = person(2, { profession: 'Médecin', card: 'CPS' });
const agent = person(3, { profession: 'Agent d’admission', card: 'CPE' });
const withPeople = (...people: Contact[]): Establishment => ({ ...sampleEstablishment(), contacts: [...sampleEstablishment().contacts, ...people] });
const dpTeam = withPeople(pharmacist, physician, agent);
/** Per-person answers for every DP user of `dpTeam`. */
const each = (question: string, value: (c: Contact) => string): Answers =>
  Object.fromEntries([pharmacist, physician, agent].map((c) => [`${question}:${c.id}`, value(c)]));
const functions = each('dpFunction', (c) => (c === pharmacist ? 'pharmacien' : c === physician ? 'medecin' : 'agentAdmission'));

/** The IGC-Santé fixture of `page`, its widgets set up. */
async function open(page: string) {
  const fixture = fixtureOf('igc-sante', page);
  const dom = loadFixture(fixture, fixture.url);
  const doc = dom.window.document;
  await vi.waitFor(() => expect(Array.from(doc.querySelectorAll<HTMLElement>('.ui-selectonemenu')).every((w) => w.dataset.ready === '1')).toBe(true), patience);
  return { window: dom.window, doc, url: fixture.url };
}

/**
 * The plan of a product field, for every procedure, on the page as served and with its block's
 * title turned into plain text (no heading): never a value, and the classifier alone would.
 */
async function neverFilled(page: string, label: string, classifierAlone: string | null) {
  const { window, doc, url } = await open(page);
  try {
    for (const headed of [true, false]) {
      if (!headed) doc.querySelectorAll('legend').forEach((legend) => legend.replaceWith(Object.assign(doc.createElement('p'), { textContent: legend.textContent })));
      const field = Array.from(doc.querySelectorAll('label')).find((l) => l.textContent === label)!.control!;
      const bare = analysePage(doc, url)!;
      expect(bare.fields.find((f) => f.field.element === field)?.classification?.kind ?? null).toBe(classifierAlone);
      for (const procedure of [undefined, '003-certificats-dp', '004-prerequis'] as (ProcedureId | undefined)[]) {
        const analysis = analysePage(doc, url, procedure)!;
        expect(analysis.match?.page.id, `${procedure} headed=${headed}`).toBe(page);
        const line = planLines(analysis, forFill(fixtureEstablishment), { meContactId: fixtureMe.id }).lines.find((l) => l.element === field);
        expect(line === undefined || line.skipped === 'leaveEmpty', `${procedure} headed=${headed}`).toBe(true);
      }
    }
  } finally {
    window.close();
  }
}

describeSeed('003', 'Certificats IGC-Santé PRO pour le Dossier Pharmaceutique (formulaire 413)', items, (item) => {
  item(1, 'igc-sante requestStart · Offre expected PRO (003)', () => {
    const offre = guidance('requestStart').fields.find((f) => f.match.label === 'Offre');
    expect(offre?.expected).toEqual({ option: 'PRO' });
  });

  item(2, '003 organisation · suggested from status and group', () => {
    const labels = asked({}).find((q) => q.key === 'organisation')!.question.choices.map((c) => c.label.fr).join(' ');
    expect(labels).toMatch(/EHPAD/);
    expect(labels).toMatch(/cliniques/);
    expect(suggestion('organisation', {}, sampleEstablishment())).toBe('publicGht');
    expect(suggestion('organisation', {}, { ...sampleEstablishment(), status: 'private', group: undefined })).toBe('privateSingle');
    expect(suggestion('organisation', {}, { ...sampleEstablishment(), status: 'private', group: 'Groupe' })).toBe('privateGroup');
  });

  item(3, '003 dpUserAuth per utilisateurDp (pharmacien, medecin)', () => {
    const list = keys({ ...ready, ...functions, ...each('dpAuth', () => 'no') }, dpTeam);
    expect(list).toEqual(expect.arrayContaining([`dpUserAuth:${pharmacist.id}`, `dpUserAuth:${physician.id}`]));
    expect(keys({ ...ready, ...functions, ...each('dpAuth', () => 'yes') }, dpTeam).filter((k) => k.startsWith('dpUserAuth'))).toEqual([]);
  });

  item(4, '003 dpSign asked and dpUserSign listed for pharmacists only, when the DP is fed', () => {
    const answers = { ...ready, ...functions, ...each('dpAuth', () => 'yes'), ...each('dpSign', () => 'no') };
    expect(keys(answers, dpTeam).filter((k) => k.startsWith('dpUserSign'))).toEqual([`dpUserSign:${pharmacist.id}`]);
    expect(asked({ ...ready, ...functions }, dpTeam).filter((q) => q.question.id === 'dpSign').map((q) => q.contact?.id)).toEqual([pharmacist.id]);
    expect(asked({ ...ready, feedDp: 'no', ...functions }, dpTeam).some((q) => q.question.id === 'dpSign')).toBe(false);
  });

  item(5, '003 dpFunction agentAdmission · suggested from the profession', () => {
    const question = asked({}, dpTeam).find((q) => q.key === `dpFunction:${agent.id}`)!;
    expect(question.suggested).toBe('agentAdmission');
    expect(question.question.choices.find((c) => c.value === 'agentAdmission')?.label.fr).toMatch(/ajoute ou retire l’identifiant des patients/);
    const list = keys({ ...ready, ...functions, ...each('dpAuth', () => 'no'), ...each('dpSign', () => 'no') }, dpTeam);
    expect(list).toContain(`dpUserAuth:${agent.id}`);
    expect(list).not.toContain(`dpUserSign:${agent.id}`);
  });

  item(6, '003 orderAuth (every answer) + dpUserAuth per DP user', () => {
    expect(keys(ready)).toContain('orderAuth');
    expect(keys({ ...ready, feedDp: 'no' })).toContain('orderAuth');
    expect(step('orderAuth').title.fr).toMatch(/PRO usage AUTH pour chaque utilisateur/);
    const list = keys({ ...ready, ...functions, ...each('dpAuth', () => 'no') }, dpTeam);
    expect(list.filter((k) => k.startsWith('dpUserAuth'))).toHaveLength(3);
  });

  item(7, '003 orderSign when feedDp = yes', () => {
    expect(keys(ready)).toContain('orderSign');
    expect(keys({ ...ready, feedDp: 'no' })).not.toContain('orderSign');
    expect(step('orderSign').title.fr).toMatch(/PRO usage SIGN pour chaque pharmacien/);
  });

  item(8, '003 dpCard (suggested from contact.card) → dpUserCps / dpUserCpe', () => {
    expect(suggestion(`dpCard:${pharmacist.id}`, {}, dpTeam)).toBe('yes');
    expect(suggestion(`dpCard:${agent.id}`, {}, dpTeam)).toBe('yes');
    const wrongCards = withPeople({ ...pharmacist, card: 'CPE' }, { ...agent, card: 'CPS' });
    expect(suggestion(`dpCard:${pharmacist.id}`, {}, wrongCards)).toBeUndefined();
    expect(suggestion(`dpCard:${agent.id}`, {}, wrongCards)).toBeUndefined();
    const lacking = keys({ ...ready, ...functions, ...each('dpCard', () => 'no'), ...each('dpAuth', () => 'yes') }, dpTeam);
    expect(lacking.filter((k) => k.startsWith('dpUserCp'))).toEqual([`dpUserCps:${pharmacist.id}`, `dpUserCps:${physician.id}`, `dpUserCpe:${agent.id}`]);
    expect(step('dpUserCps').cards).toEqual(['CPS']);
    expect(step('dpUserCpe').cards).toEqual(['CPE']);
    expect(keys({ ...ready, ...functions, ...each('dpCard', () => 'yes') }, dpTeam).some((k) => k.startsWith('dpUserCp'))).toBe(false);
  });

  item(9, '003 form413 (representantLegal) declares the technical admin', () => {
    expect(step('form413').who).toBe('representantLegal');
    expect(step('form413').title.fr).toMatch(/déclare le ou les administrateurs techniques/);
    expect(keys(ready)).toContain('form413');
    expect(sheet413(sampleEstablishment()).technicalAdmins.map((a) => a.contact.lastName)).toEqual(['Bernard']);
  });

  item(10, '003 orderAuth, orderSign, retrieve by administrateurTechnique, CPS/CPE/CPA', () => {
    for (const id of ['orderAuth', 'orderSign', 'retrieve']) expect(step(id).who).toBe('administrateurTechnique');
    expect(step('orderAuth').cards).toEqual(['CPS', 'CPE', 'CPA']);
    const item = buildChecklist(certificats, ready, sampleEstablishment()).find((i) => i.key === 'orderAuth')!;
    expect(item.assignees.map((c) => c.lastName)).toEqual(['Bernard']);
  });

  item(11, '003 techAdmin professional / staff / vendor · suggested from the admin’s card', () => {
    const withAdminCard = (card: Contact['card']) => ({
      ...sampleEstablishment(),
      contacts: sampleEstablishment().contacts.map((c) => (c.roles.includes('administrateurTechnique') ? { ...c, card } : c)),
    });
    expect(suggestion('techAdmin', {}, withAdminCard('CPS'))).toBe('professional');
    expect(suggestion('techAdmin', {}, withAdminCard('CPE'))).toBe('staff');
    expect(suggestion('techAdmin', {}, withAdminCard('CPA'))).toBe('vendor');
    expect(suggestion('techAdmin', {}, withAdminCard(undefined))).toBeUndefined();
  });

  item(12, '003 techAdminHasCard asked for every admin kind → techAdminCard / techAdminCps / techAdminCpa', () => {
    for (const techAdmin of ['professional', 'staff', 'vendor']) expect(asked({ ...ready, techAdmin }).map((q) => q.key)).toContain('techAdminHasCard');
    const missing = (techAdmin: string) => keys({ ...ready, techAdmin, techAdminHasCard: 'no' }).filter((k) => k.startsWith('techAdminC'));
    expect([missing('staff'), missing('professional'), missing('vendor')]).toEqual([['techAdminCard'], ['techAdminCps'], ['techAdminCpa']]);
    expect(keys({ ...ready, techAdmin: 'vendor' }).some((k) => k.startsWith('techAdminC'))).toBe(false);
  });

  item(13, '003 organisation → inventory / contract / contractPerSite', () => {
    const noContract = { ...ready, hasContract: 'no', mandataire: 'none' };
    const paperwork = (organisation: string) => keys({ ...noContract, organisation }).filter((k) => ['inventory', 'contract', 'contractPerSite'].includes(k));
    expect([paperwork('privateSingle'), paperwork('publicGht'), paperwork('privateGroup')]).toEqual([['contract'], ['inventory', 'contractPerSite'], ['inventory', 'contractPerSite']]);
  });

  item(14, '003 hasContract = yes → no contract or mandataire, straight to form413', () => {
    expect(asked(ready).map((q) => q.key)).not.toContain('mandataire');
    expect(keys(ready)).toEqual(['involveVendor', 'form413', 'send413', 'csr', 'orderAuth', 'orderSign', 'retrieve']);
    expect(certificats.questions.find((q) => q.id === 'hasContract')?.help?.fr).toMatch(/formulaire 413/);
  });

  item(15, '003 hasContract · suggested from the legal representative’s CDE card', () => {
    expect(suggestion('hasContract', {}, sampleEstablishment())).toBe('yes');
    const noCde = { ...sampleEstablishment(), contacts: sampleEstablishment().contacts.map((c) => (c.card === 'CDE' ? { ...c, card: undefined } : c)) };
    expect(suggestion('hasContract', {}, noCde)).toBeUndefined();
  });

  item(16, '003 contract (hasContract = no, privateSingle): contratStructure + f101, « Vos Commandes »', () => {
    expect(keys({ ...ready, hasContract: 'no', mandataire: 'none' })).toContain('contract');
    expect(keys(ready)).not.toContain('contract');
    expect(step('contract').forms).toEqual(['contratStructure', 'f101']);
    expect(told('contract')).toMatch(/Vos Commandes/);
    expect(certificats.questions.find((q) => q.id === 'hasContract')?.prompt.fr).toMatch(/CPS responsable/);
  });

  item(17, '003 mandataire.help (asked when hasContract = no)', () => {
    expect(asked({ ...ready, hasContract: 'no' }).map((q) => q.key)).toContain('mandataire');
    const help = certificats.questions.find((q) => q.id === 'mandataire')!.help!.fr;
    expect(help).toMatch(/jusqu’à son terme/);
    expect(help).toMatch(/cycle de vie des produits de certification/);
  });

  item(18, '003 mandataire = newCpe → mandataireF301 (f301, CPE, « mandat »)', () => {
    expect(keys({ ...ready, hasContract: 'no', mandataire: 'newCpe' })).toContain('mandataireF301');
    expect(keys({ ...ready, hasContract: 'no', mandataire: 'tom' })).not.toContain('mandataireF301');
    expect([step('mandataireF301').forms, step('mandataireF301').cards]).toEqual([['f301'], ['CPE']]);
    expect(step('mandataireF301').title.fr).toMatch(/case «\u202fmandat\u202f»/);
  });

  item(19, '003 mandataire = hasCard → mandataireF502 (f502)', () => {
    expect(keys({ ...ready, hasContract: 'no', mandataire: 'hasCard' })).toContain('mandataireF502');
    expect(keys({ ...ready, hasContract: 'no', mandataire: 'newCpe' })).not.toContain('mandataireF502');
    expect(step('mandataireF502').forms).toEqual(['f502']);
  });

  item(20, '003 mandataireF301, mandataireF502 details: « Vos démarches »', () => {
    for (const id of ['mandataireF301', 'mandataireF502']) expect(told(id)).toMatch(/cartes professionnels de santé \/ Vos démarches/);
  });

  item(21, '003 mandataire = tom → mandataireTom on ans-tom home', () => {
    const tom = buildChecklist(certificats, { ...ready, hasContract: 'no', mandataire: 'tom' }, sampleEstablishment()).find((i) => i.key === 'mandataireTom')!;
    expect(tom.pages.map((m) => m.page.samples[0])).toEqual(['https://tom.eservices.esante.gouv.fr/']);
  });

  item(22, '003 mandataire: « none » choice, any card, no mandataire role needed (W5)', () => {
    const none = keys({ ...ready, hasContract: 'no', mandataire: 'none' });
    expect(none.filter((k) => k.startsWith('mandataire'))).toEqual([]);
    expect(suggestion('mandataire', { hasContract: 'no' }, sampleEstablishment())).toBe('none');
    const withMandataire = withPeople(person(4, { card: 'CPS', roles: ['mandataire'] }));
    expect(suggestion('mandataire', { hasContract: 'no' }, withMandataire)).toBe('hasCard');
    expect(certificats.questions.find((q) => q.id === 'mandataire')!.help!.fr).toMatch(/CPS, CPE ou CPA/);
    expect(missingRoles(certificats, { ...ready, hasContract: 'no', mandataire: 'none' }, sampleEstablishment(), buildChecklist(certificats, { ...ready, hasContract: 'no', mandataire: 'none' }, sampleEstablishment()))).not.toContain('mandataire');
  });

  item(23, 'sheet413 technicalAdmins: every admin of the profile', () => {
    const twoAdmins = withPeople(person(5, { email: 'a@hopital-demo.fr', phone: '0140275009', card: 'CPA', roles: ['administrateurTechnique'] }));
    expect(sheet413(twoAdmins).technicalAdmins.map((a) => a.contact.lastName)).toEqual(['Bernard', 'Utilisateur5']);
  });

  item(24, '003 retrieve (withdraw pages, tracking) · igc-sante certificateTracking instructions', () => {
    const retrieve = buildChecklist(certificats, ready, sampleEstablishment()).find((i) => i.key === 'retrieve')!;
    expect(retrieve.pages.map((m) => m.page.id)).toEqual(['home', 'withdrawSearch', 'withdrawRevocation', 'withdrawDownload', 'certificateTracking']);
    expect(step('retrieve').title.fr).toMatch(/retrait, révocation et suivi/);
    expect(guidance('certificateTracking').instructions.map((t) => t.fr).join(' ')).toMatch(/demande, retrait, révocation et suivi/);
  });

  item(25, '003 techAdmin = staff, no card → techAdminCard (representantLegal; f301)', () => {
    const card = buildChecklist(certificats, { ...ready, techAdminHasCard: 'no' }, sampleEstablishment()).find((i) => i.key === 'techAdminCard')!;
    expect(card.assignees.map((c) => c.lastName)).toEqual(['Martin']);
    expect(card.step.forms).toEqual(['f301']);
    expect(told('techAdminCard')).toMatch(/représentant légal ou le mandataire/);
  });

  item(26, '003 techAdminCard pages: ans-tom home', () => {
    expect(step('techAdminCard').pages).toEqual([{ portal: 'ans-tom', page: 'home' }]);
    expect(step('techAdminCard').title.fr).toMatch(/téléservice TOM/);
  });

  item(27, '003 contractPerSite (publicGht, no contract)', () => {
    expect(keys({ ...ready, organisation: 'publicGht', hasContract: 'no', mandataire: 'none' })).toContain('contractPerSite');
    expect(keys({ ...ready, organisation: 'publicGht' })).not.toContain('contractPerSite');
  });

  item(28, '003 contractPerSite title: only the sites without one', () => {
    expect(step('contractPerSite').title.fr).toMatch(/chaque site qui n’en a pas/);
    expect(told('inventory')).toMatch(/déjà un contrat et d’autres pas/);
  });

  item(29, '003 inventory (dsi) for a GHT', () => {
    const inventory = buildChecklist(certificats, { ...ready, organisation: 'publicGht' }, sampleEstablishment()).find((i) => i.key === 'inventory')!;
    expect(inventory.assignees.map((c) => c.lastName)).toEqual(['Bernard']);
    expect(told('inventory')).toMatch(/DSI du GHT/);
  });

  item(30, '003 inventory title: the ANS customer service', () => {
    expect(step('inventory').title.fr).toMatch(/état des lieux des contrats.*monserviceclient\.certificats@asipsante\.fr/);
  });

  const vendorFor = (organisation: string) => {
    const vendor = buildChecklist(certificats, { ...ready, organisation }, sampleEstablishment()).find((i) => i.key === 'involveVendor');
    expect(vendor?.step.uses).toEqual(['softwareVendor']);
    expect(vendor?.step.title.fr).toMatch(/éditeur de logiciel.*contractualisation/);
  };
  item(31, '003 involveVendor (publicGht)', () => vendorFor('publicGht'));

  item(32, '003 privateSingle → contract, no inventory nor per-site contract', () => {
    const list = keys({ ...ready, hasContract: 'no', mandataire: 'none' });
    expect(list).toContain('contract');
    expect(list).not.toContain('inventory');
    expect(list).not.toContain('contractPerSite');
    expect(told('contract')).toMatch(/mono-site suit la procédure administrative/);
    // … and only them: GHTs and groups never read it.
    const said = (answers: Answers) => buildChecklist(certificats, answers, sampleEstablishment()).filter((i) => [i.step.title, ...i.step.details].some((t) => /mono-site/.test(t.fr)));
    expect(said({ ...ready, hasContract: 'no', mandataire: 'none' }).map((i) => i.key)).toEqual(['contract']);
    for (const organisation of ['publicGht', 'privateGroup'])
      for (const hasContract of ['yes', 'no']) expect(said({ ...ready, organisation, hasContract, mandataire: 'none' })).toEqual([]);
  });

  item(33, '003 involveVendor (privateSingle)', () => vendorFor('privateSingle'));

  item(34, '003 privateGroup → inventory, contractPerSite', () => {
    const list = keys({ ...ready, organisation: 'privateGroup', hasContract: 'no', mandataire: 'none' });
    expect(list.slice(0, 3)).toEqual(['inventory', 'involveVendor', 'contractPerSite']);
  });

  item(35, '003 involveVendor (privateGroup)', () => vendorFor('privateGroup'));

  item(36, 'sheet413 download address · 003 form413.sheet413', () => {
    expect(form413Download).toBe('https://esante.gouv.fr/documents/413');
    expect(step('form413').sheet413).toBe(true);
    expect(step('form413').forms).toEqual(['f413']);
  });

  item(37, '003 form413 details · sheet413 part3Note: 2 pages, legal rep or mandataire', () => {
    for (const text of [told('form413'), part3Note.fr]) expect(text).toMatch(/2 pages sont signées par le représentant légal ou (par )?le mandataire/);
  });

  const part1 = (id: string, establishment: Establishment = sampleEstablishment()) => sheet413(establishment).fields.find((f) => f.id === id)!;
  item(38, 'sheet413 part 1 denomination = legalName, required', () => {
    expect([part1('denomination').value, part1('denomination').required, part1('denomination').note?.fr]).toEqual(['Assistance Publique – Hôpitaux de Paris', true, 'Sa raison sociale.']);
  });

  item(39, 'sheet413 part 1 siret', () => {
    expect([part1('siret').value, part1('siret').required]).toEqual(['26750045200524', true]);
  });

  item(40, 'sheet413 part 1 finessEt, blank without a problem', () => {
    expect(part1('finessEt').value).toBe('750100125');
    const none = sheet413({ ...sampleEstablishment(), finessEt: undefined });
    expect([none.fields.find((f) => f.id === 'finessEt')?.value, none.problems]).toEqual([undefined, 0]);
  });

  item(41, 'sheet413 part 1 postalCode, commune', () => {
    expect([part1('postalCode').value, part1('commune').value]).toEqual(['75013', 'Paris']);
    const noCity = sheet413({ ...sampleEstablishment(), address: { ...sampleEstablishment().address, city: undefined } as Establishment['address'] });
    expect(noCity.problems).toBe(1);
  });

  item(42, '003 form413 details: the signer’s valid CPS or CPx', () => {
    expect(told('form413')).toMatch(/carte CPS ou CPx en cours de validité/);
    expect(part3Note.fr).toMatch(/CPS ou CPx en cours de validité/);
  });

  item(43, '003 form413 details · part3Note: the stamp', () => {
    expect(told('form413')).toMatch(/cachet de la structure/);
    expect(part3Note.fr).toMatch(/cachet de la structure/);
  });

  item(44, '003 form413 details: part 4 by the DP / proxy vendor', () => {
    expect(told('form413')).toMatch(/partie 4 peut être complétée par votre éditeur de logiciel DP ou de la passerelle proxy/);
  });

  item(45, 'sheet413 part 4 usage', () => {
    expect(part1('usage').value).toBe(usageText);
    expect(usageText).toBe('accès au DP en authentification avec un certificat de personne physique');
  });

  item(46, 'sheet413 part 4 software: vendor — product — version, asked but not required (I9)', () => {
    expect([part1('software').value, part1('software').required]).toEqual(['Éditeur Démo — DUI Démo — 4.2', false]);
    expect(part1('software').note?.fr).toMatch(/FAST/);
    expect(sheet413({ ...sampleEstablishment(), software: undefined }).problems).toBe(0);
  });

  item(47, 'sheet413 part 4 offer box', () => {
    expect(part1('offer').value).toBe('Offre certificat logiciel PRO (personne physique) usage AUTH, SIGN, CONF');
  });

  item(48, 'sheet413 part 4 mailDomain, required', () => {
    expect([part1('mailDomain').value, part1('mailDomain').required]).toEqual(['hopital-demo.fr', true]);
    expect(sheet413({ ...sampleEstablishment(), mailDomain: undefined }).problems).toBe(1);
  });

  item(49, 'sheet413 technicalAdmins: a card missing is flagged', () => {
    const noCard = { ...sampleEstablishment(), contacts: sampleEstablishment().contacts.map((c) => (c.roles.includes('administrateurTechnique') ? { ...c, card: undefined } : c)) };
    const sheet = sheet413(noCard);
    expect([sheet.technicalAdmins[0]?.missing, sheet.problems]).toEqual([['card'], 1]);
  });

  item(50, '003 send413 (administrateurTechnique) · sheet413 sendTo', () => {
    expect(step('send413').who).toBe('administrateurTechnique');
    expect(step('send413').title.fr).toMatch(/monserviceclient\.certificats@asipsante\.fr/);
    expect(told('send413')).toMatch(/structure ou l’administrateur technique/);
    expect(sheet413(sampleEstablishment()).sendTo).toBe('monserviceclient.certificats@asipsante.fr');
  });

  item(51, '003 csr: once habilitated, after send413 and before the orders (W7)', () => {
    const list = keys(ready);
    expect(list.indexOf('send413')).toBeLessThan(list.indexOf('csr'));
    expect(list.indexOf('csr')).toBeLessThan(list.indexOf('orderAuth'));
    expect(step('csr').title.fr).toMatch(/^Une fois habilité, générer/); // the seed's words: no « par l’ANS »
    expect(step('csr').title.fr).toMatch(/http:\/\/integrateurs-cps\.asipsante\.fr\/.*«\u202fIGC Santé\u202f» puis «\u202fPortail Web\u202f»/);
    expect(step('csr').title.fr).toMatch(/CSR et la bi-clé/);
  });

  item(52, '003 csr details: the IHM guide and its address', () => {
    expect(told('csr')).toMatch(/ASIP_IGC-Sante_Guide-IHM/);
    expect(told('csr')).toMatch(/https:\/\/integrateurs-cps\.asipsante\.fr\/sites\/default\/files\/ASIP_IGC-Sante_Guide-IHM_160128_v1\.0\.0\.pdf/);
  });

  item(53, 'igc-sante home instructions · 003 orderAuth details: a smart-card reader', () => {
    expect(guidance('home').instructions.map((t) => t.fr).join(' ')).toMatch(/lecteur de carte à puce/);
    expect(told('orderAuth')).toMatch(/lecteur de carte à puce/);
    // Said once, by the IGC-Santé module.
    for (const id of ['orderAuth', 'orderSign']) expect(step(id).details).toContainEqual(cardReader);
    expect(guidance('home').instructions).toContainEqual(cardReader);
  });

  item(54, 'igc-sante hosts: pfc-auth.eservices.esante.gouv.fr', () => {
    expect(findPortal('https://pfc-auth.eservices.esante.gouv.fr/')?.id).toBe('igc-sante');
    expect(told('orderAuth')).toMatch(/https:\/\/pfc-auth\.eservices\.esante\.gouv\.fr/);
  });

  item(55, 'plan of igc-sante productOrder · UPN left empty, every procedure, headed or not', () => neverFilled('productOrder', 'Nom principal d’utilisateur (UPN)', null));

  item(56, 'plan of igc-sante productOrderSign · e-mail left empty, every procedure, headed or not (W1)', () => neverFilled('productOrderSign', 'Adresse email', 'email'));

  item(57, 'igc-sante productOrder, productOrderSign instructions and field hints (003)', () => {
    expect(guidance('productOrder').instructions.map((t) => t.fr).join(' ')).toMatch(/Dossier Pharmaceutique, il est conseillé de ne rien indiquer dans le champ UPN/);
    const hints = [...guidance('productOrder').fields, ...guidance('productOrderSign').fields].map((f) => [f.match.label, f.leaveEmpty, f.hint.fr]);
    expect(hints).toEqual([
      ['Nom principal d’utilisateur (UPN)', true, expect.stringMatching(/pour le DP, laissez-le vide/)],
      ['Adresse email', true, expect.stringMatching(/Dossier Pharmaceutique, laissez-la vide/)],
    ]);
  });

  // Issue 18: « PRO AUTH » alone did not tell a newcomer which line of the usage list to tick.
  item(6, 'igc-sante productOrder instructions · the usage line to tick, in the list\'s words', () => {
    const [first] = guidance('productOrder').instructions;
    expect(first?.fr).toMatch(/cochez la ligne «\u202fAUTH — Authentification\u202f»\u00a0: ce certificat sert à consulter le DP/);
    expect(first?.fr).toMatch(/pharmacien, médecin, agent d’admission/);
  });

  item(7, 'igc-sante productOrderSign instructions · the usage line to tick, in the list\'s words', () => {
    const [first] = guidance('productOrderSign').instructions;
    expect(first?.fr).toMatch(/cochez la ligne «\u202fSIGN — Signature\u202f»\u00a0: ce certificat sert à alimenter le DP. Il en faut un par pharmacien/);
  });

  item(58, 'certificateExpiry (PRO only, I8) · 003 retrieve details', () => {
    expect(certificateExpiry('2025-03-01', 'PRO AUTH')).toBe('2028-03-01');
    expect(certificateExpiry('2025-03-01', 'ORG')).toBe('');
    expect(told('retrieve')).toMatch(/valable 3 ans à compter de son obtention/);
    // The seed gives the 3 years; the reminder is Balise's.
    for (const text of step('retrieve').details) expect(text.ref.advice === true).toBe(/Balise/.test(text.fr));
  });

  item(59, '003 csr details: esante.gouv.fr cartes et certificats', () => {
    expect(told('csr')).toMatch(/https:\/\/esante\.gouv\.fr\/securite\/cartes-et-certificats/);
  });

  item(60, '003 csr details: the customer service', () => {
    expect(told('csr')).toMatch(/Service client\u00a0: monserviceclient\.certificats@asipsante\.fr/);
  });
});
