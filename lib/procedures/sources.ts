/**
 * The five seed documents as a reader knows them: by their title, never by their number (a
 * hospital secretary has never seen « fiche 000 »). Titles are the documents' own, in French in
 * every language: they name French documents. Where a document has no title line (000, 003),
 * its first sentence's subject is used.
 */
import type { SeedRef } from '../portals/schema';
import { bindFrenchSpaces } from '../i18n/typography';

const titles: Readonly<Record<SeedRef['seed'], string>> = {
  '000': 'Distrilog-santé : habilitation sur Plage de l’ATIH',
  '001': 'Note d’information DGOS/PF2/2022/205 du 29 août 2022 (accès précoce et compassionnel)',
  '002': 'Création d’une boîte organisationnelle Medimail (BAL ORG)',
  '003': 'Obtention des certificats de personne physique (PRO) IGC Santé pour le Dossier Pharmaceutique',
  '004': 'Webinaire Prérequis',
};

/** Shown in Balise's French, with its non-breaking spaces (../i18n/typography.ts). */
export const seedTitles = Object.fromEntries(Object.entries(titles).map(([seed, title]) => [seed, bindFrenchSpaces(title)])) as typeof titles;

/** A seed's section as a reader sees it: the seeds' capitals « ETAPE 3 » become « Étape 3 ». */
export function sectionName(section: string): string {
  return section.replace(/\bETAPES? (\d)/g, (match, n: string) => `${match.startsWith('ETAPES') ? 'Étapes' : 'Étape'} ${n}`);
}

/** The distinct sources of some texts, in their first order: one line each in « D’où vient ce conseil ? ». */
export function distinctSources(refs: readonly SeedRef[]): SeedRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = `${ref.seed}\u0000${ref.section}\u0000${ref.advice ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
