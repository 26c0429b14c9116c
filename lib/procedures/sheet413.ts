/**
 * Form 413 (seed 003, §5), parts 1 and 4, filled from the establishment's profile: each value
 * with the wording of the form, whether the form requires it, and where the profile keeps it
 * (for the "fix it" link). Part 3 (visa and stamp) is signed by hand: only described.
 */
import { fromSeed, type SeedText } from '../portals/schema';
import { establishmentPath, readEstablishment } from '../profile/fields';
import { shownValue } from '../profile/identifiers';
import type { EstablishmentKind } from '../profile/kinds';
import type { Contact, Establishment } from '../profile/schema';

const c5 = '5. Comment procéder pour remplir le formulaire 413';

export const form413Address = 'monserviceclient.certificats@asipsante.fr';
export const form413Download = 'https://esante.gouv.fr/documents/413';

export type Sheet413FieldId =
  | 'denomination'
  | 'siret'
  | 'finessEt'
  | 'postalCode'
  | 'commune'
  | 'usage'
  | 'software'
  | 'offer'
  | 'mailDomain';

export interface Sheet413Field {
  id: Sheet413FieldId;
  part: 1 | 4;
  label: SeedText;
  value: string | undefined;
  /** The value as Balise shows it everywhere (an identifier grouped, `shownValue`), when that differs: the copy button still gives `value`, which portals and PDF fields take. */
  shown?: string;
  /** A box to tick on the paper, not a text to type: the sheet says which, with nothing to copy. */
  tick?: true;
  /** Marked * on the form: a missing value is flagged. */
  required: boolean;
  /** What the seed says about it. */
  note?: SeedText;
  /** Profile path to edit in the options page when the value is missing or wrong; none for fixed texts. */
  profilePath?: string;
}

export interface TechnicalAdmin {
  contact: Contact;
  /** Details the form asks for that the profile lacks. */
  missing: ('email' | 'phone' | 'card')[];
}

export interface Sheet413 {
  establishmentId: string;
  fields: Sheet413Field[];
  technicalAdmins: TechnicalAdmin[];
  /** Fields and admins that need fixing before printing. */
  problems: number;
  sendTo: string;
}

/** The exact usage text the seed asks for in part 4. */
export const usageText = 'accès au DP en authentification avec un certificat de personne physique';
export const offerText = 'Offre certificat logiciel PRO (personne physique) usage AUTH, SIGN, CONF';

export function softwareLine(establishment: Establishment): string | undefined {
  const parts = (['softwareVendor', 'softwareProduct', 'softwareVersion'] as const).map((kind) => readEstablishment(kind, establishment)).filter(Boolean);
  return parts.length > 0 ? parts.join(' — ') : undefined;
}

export function sheet413(establishment: Establishment): Sheet413 {
  /** A value of the profile, as Balise shows it when that differs, with where to fix it. */
  const kept = (kind: EstablishmentKind) => {
    const value = readEstablishment(kind, establishment);
    const shown = value && shownValue(kind, value);
    return { value, ...(shown !== value ? { shown } : {}), profilePath: establishmentPath(kind, establishment) };
  };
  const fields: Sheet413Field[] = [
    {
      id: 'denomination',
      part: 1,
      label: fromSeed('003', c5, 'Dénomination de la structure', 'Name of the structure'),
      ...kept('legalName'),
      required: true,
      note: fromSeed('003', c5, 'Sa raison sociale.', 'Its registered name.'),
    },
    {
      id: 'siret',
      part: 1,
      label: fromSeed('003', c5, 'N° SIRET', 'SIRET number'),
      ...kept('siret'),
      required: true,
    },
    {
      id: 'finessEt',
      part: 1,
      label: fromSeed('003', c5, 'FINESS géographique', 'Geographic FINESS'),
      ...kept('finessEt'),
      // The form marks it *, but the seed says to leave it blank when the structure has none.
      required: false,
      note: fromSeed('003', c5, 'Si la structure n’a pas de numéro FINESS, ne rien indiquer.', 'If the structure has no FINESS number, leave it blank.'),
    },
    {
      id: 'postalCode',
      part: 1,
      label: fromSeed('003', c5, 'Code postal', 'Postcode'),
      ...kept('postalCode'),
      required: true,
      note: fromSeed('003', c5, 'Du site de la structure.', 'Of the structure’s site.'),
    },
    { id: 'commune', part: 1, label: fromSeed('003', c5, 'Commune', 'Town'), ...kept('city'), required: true },
    {
      id: 'usage',
      part: 4,
      label: fromSeed('003', c5, 'Précisions sur l’usage des certificats et sur votre projet', 'Details on the use of the certificates and your project'),
      value: usageText,
      required: true,
    },
    {
      id: 'software',
      part: 4,
      label: fromSeed('003', c5, 'Éditeur de logiciel DP et/ou de la passerelle proxy, solution et version déployée', 'DP software and/or proxy gateway vendor, product and deployed version'),
      ...kept('softwareVendor'),
      value: softwareLine(establishment),
      // The seed asks to give it (« Précisez ensuite ») but quotes no asterisk for it, unlike part 1 and the mail domain.
      required: false,
      note: fromSeed('003', c5, 'Précisez-les ensuite ; exemple : logiciel FAST.', 'Give them next; example: FAST software.'),
    },
    {
      id: 'offer',
      part: 4,
      label: fromSeed('003', c5, 'Case à cocher', 'Box to tick'),
      value: offerText,
      tick: true,
      required: true,
    },
    {
      id: 'mailDomain',
      part: 4,
      label: fromSeed('003', c5, 'Nom de domaine ou de sous-domaine de messagerie', 'Mail domain or sub-domain'),
      ...kept('mailDomain'),
      required: true,
      note: fromSeed(
        '003',
        c5,
        'Obligatoire pour être habilité à commander les certificats de l’offre PRO.',
        'Mandatory to be allowed to order the PRO offer’s certificates.',
      ),
    },
  ];
  const technicalAdmins = establishment.contacts
    .filter((c) => c.roles.includes('administrateurTechnique'))
    .map((contact) => ({
      contact,
      missing: (['email', 'phone', 'card'] as const).filter((key) => !contact[key]),
    }));
  const problems =
    fields.filter((f) => f.required && !f.value).length +
    (technicalAdmins.length === 0 ? 1 : technicalAdmins.filter((a) => a.missing.length > 0).length);
  return { establishmentId: establishment.id, fields, technicalAdmins, problems, sendTo: form413Address };
}

export const technicalAdminNote = fromSeed(
  '003',
  c5,
  'Les coordonnées des personnes ayant le rôle d’administrateur technique : votre éditeur à qui vous avez confié ce rôle, ou une personne de la DSI du groupe qui dispose d’une carte CPx au sein de la structure.',
  'The details of the people acting as technical admin: the vendor you entrusted with it, or someone from the group’s IT department holding a CPx card in the structure.',
);

export const part3Note = fromSeed(
  '003',
  c5,
  'Partie 3 (visa et cachet), à remplir à la main : l’identité du représentant légal ou de son mandataire (carte CPS ou CPx en cours de validité) et le cachet de la structure. Les 2 pages sont signées par le représentant légal ou le mandataire.',
  'Part 3 (visa and stamp), by hand: the identity of the legal representative or of the mandataire (the person they appoint to act for them), with a valid CPS or CPx card, and the structure’s stamp. Both pages are signed by the legal representative or the mandataire.',
);
