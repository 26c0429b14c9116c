/** The schema's closed lists, each value with its French label for selects and checkboxes. */
import type { MessageKey } from '../../lib/i18n/catalog';
import { t } from '../../lib/i18n/t';
import { departements, regions } from '../../lib/profile/departements';
import { shownValue } from '../../lib/profile/identifiers';
import { cards, categories, certificateKinds, civilities, roles, statuses } from '../../lib/profile/schema';
import type { Option } from './fields';
import { statusLabels } from './status';

type Labels<T extends string> = Record<T, MessageKey>;


const categoryLabels: Labels<(typeof categories)[number]> = {
  hopital: 'categoryHopital',
  clinique: 'categoryClinique',
  ehpad: 'categoryEhpad',
  esms: 'categoryEsms',
  pharmacie: 'categoryPharmacie',
  autre: 'categoryAutre',
};

const civilityLabels: Labels<(typeof civilities)[number]> = { madame: 'civilityMadame', monsieur: 'civilityMonsieur' };

const cardLabels: Labels<(typeof cards)[number]> = {
  CPS: 'cardCps',
  CPE: 'cardCpe',
  CPA: 'cardCpa',
  CDE: 'cardCde',
  'e-CPS': 'cardEcps',
};

const roleLabels: Labels<(typeof roles)[number]> = {
  representantLegal: 'roleRepresentantLegal',
  mandataire: 'roleMandataire',
  administrateurTechnique: 'roleAdministrateurTechnique',
  apePlage: 'roleApePlage',
  responsableEpi: 'roleResponsableEpi',
  responsableBalOrg: 'roleResponsableBalOrg',
  gestionnaireRppsPlus: 'roleGestionnaireRppsPlus',
  dsi: 'roleDsi',
  editeur: 'roleEditeur',
  utilisateurMedAcces: 'roleUtilisateurMedAcces',
  utilisateurDp: 'roleUtilisateurDp',
};

const certificateKindLabels: Labels<(typeof certificateKinds)[number]> = {
  'PRO AUTH': 'certProAuth',
  'PRO SIGN': 'certProSign',
  'PRO CONF': 'certProConf',
  ORG: 'certOrg',
  SERV: 'certServ',
};

/** Built on first use only: the UI language does not change while a page is open. */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

const optionsOf = <T extends string>(values: readonly T[], labels: Labels<T>) =>
  once((): Option[] => values.map((value) => ({ value, label: t(labels[value]) })));

export const statusOptions = optionsOf(statuses, statusLabels);
export const categoryOptions = optionsOf(categories, categoryLabels);
export const civilityOptions = optionsOf(civilities, civilityLabels);
export const cardOptions = optionsOf(cards, cardLabels);
export const roleOptions = optionsOf(roles, roleLabels);
export const certificateKindOptions = optionsOf(certificateKinds, certificateKindLabels);

export const departementOptions = once((): Option[] =>
  departements.map((d) => ({ value: d.code, label: `${d.code} — ${shownValue('departement', d.name)}` })),
);

/** The profile keeps the région's name, as the portals' forms show it; Balise shows it with its own apostrophe. */
export const regionOptions = once((): Option[] =>
  [...regions].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((r) => ({ value: r.name, label: shownValue('region', r.name) })),
);
