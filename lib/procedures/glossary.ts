/**
 * The acronyms of the seeds, each with the expansion a seed gives for it (the seed is named,
 * so that every expansion can be checked), and the function that marks their first use on a
 * page: a hospital secretary reads « OTP » or « CPx » once with its meaning, then plainly.
 * The words of public-key certificates the seeds use without defining (CSR, bi-clé) take theirs
 * from the standard that defines them; other acronyms the seeds never expand (INS, DMP…) are left
 * out rather than guessed.
 */
import type { Language } from '../i18n/catalog';
import type { SeedRef, Text } from '../portals/schema';
import { frenchTextsBound } from '../i18n/typography';

export type GlossaryEntry = { term: string; expansion: Text } & ({ seed: SeedRef['seed'] } | { standard: string });

export const glossary: readonly GlossaryEntry[] = frenchTextsBound([
  { term: 'ANS', seed: '003', expansion: { fr: 'Agence du numérique en santé', en: 'Agence du numérique en santé, the French digital health agency' } },
  { term: 'APE', seed: '000', expansion: { fr: 'administrateur principal d’établissement', en: 'administrateur principal d’établissement, the establishment’s main Plage administrator' } },
  { term: 'ATIH', seed: '001', expansion: { fr: 'Agence technique de l’information sur l’hospitalisation', en: 'Agence technique de l’information sur l’hospitalisation, the hospital data agency' } },
  { term: 'BAL ORG', seed: '002', expansion: { fr: 'boîte aux lettres organisationnelle, compte partagé par plusieurs professionnels', en: 'organisational mailbox, an account shared by several professionals' } },
  {
    term: 'bi-clé',
    standard: 'RFC 5280',
    expansion: { fr: 'paire de clés : une clé privée, gardée secrète, et la clé publique que porte le certificat', en: 'key pair: a private key kept secret, and the public key the certificate carries' },
  },
  { term: 'CDE', seed: '004', expansion: { fr: 'carte de directeur d’établissement', en: 'establishment director’s card' } },
  { term: 'CPA', seed: '003', expansion: { fr: 'carte d’un technicien de l’éditeur ou de l’intégrateur', en: 'card of a technician of the software vendor or integrator' } },
  { term: 'CPE', seed: '003', expansion: { fr: 'carte des non-professionnels de santé de la structure : agents d’admission…', en: 'card of the structure’s staff who are not health professionals: admission staff…' } },
  { term: 'CPS', seed: '003', expansion: { fr: 'carte des professionnels de santé', en: 'health professional card' } },
  { term: 'CPx', seed: '003', expansion: { fr: 'carte CPS, CPE ou CPA', en: 'CPS, CPE or CPA card' } },
  {
    term: 'CSR',
    standard: 'RFC 2986 (PKCS #10)',
    expansion: {
      fr: 'demande de signature de certificat, le fichier que l’autorité de certification signe pour délivrer le certificat',
      en: 'certificate signing request, the file the certification authority signs to issue the certificate',
    },
  },
  { term: 'DP', seed: '003', expansion: { fr: 'Dossier Pharmaceutique', en: 'Dossier Pharmaceutique, the pharmaceutical record' } },
  { term: 'ESMS', seed: '004', expansion: { fr: 'établissements et services médico-sociaux', en: 'medico-social establishments and services' } },
  { term: 'GRADeS', seed: '002', expansion: { fr: 'Groupement régional d’appui au développement de la e-santé', en: 'regional e-health support group' } },
  { term: 'MIE', seed: '004', expansion: { fr: 'moyens d’identification électronique', en: 'electronic identification means' } },
  { term: 'MSS', seed: '002', expansion: { fr: 'messagerie sécurisée de santé', en: 'secure health messaging' } },
  { term: 'MSSanté', seed: '002', expansion: { fr: 'messagerie sécurisée de santé', en: 'secure health messaging' } },
  { term: 'OTP', seed: '002', expansion: { fr: 'code à usage unique', en: 'one-time code' } },
  { term: 'PRO AUTH', seed: '003', expansion: { fr: 'certificat de personne physique, usage authentification : pour consulter le DP', en: 'personal certificate for authentication: to consult the DP' } },
  { term: 'PRO SIGN', seed: '003', expansion: { fr: 'certificat de personne physique, usage signature : pour alimenter le DP', en: 'personal certificate for signing: to feed the DP' } },
  { term: 'PS', seed: '003', expansion: { fr: 'professionnels de santé', en: 'health professionals' } },
  { term: 'UPN', seed: '003', expansion: { fr: 'nom principal d’utilisateur', en: 'user principal name' } },
]);

/**
 * A piece of text: plain — which holds an acronym's first use on the page written out, « UPN (nom
 * principal d’utilisateur) », read by every reader and keyboard — or an acronym whose first use the
 * text itself follows with words in brackets, or that stands in brackets: there its expansion is
 * only the <abbr>'s title, so that no bracket follows or holds another.
 */
export type Glossed = string | { term: string; title: string };

const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so that « PRO AUTH » wins over a shorter term; never inside a word (« DP » in « DPI »).
const termsPattern = new RegExp(
  `(?<![\\p{L}\\p{N}-])(${[...glossary]
    .sort((a, b) => b.term.length - a.term.length)
    .map((entry) => escape(entry.term))
    .join('|')})(?![\\p{L}\\p{N}-])`,
  'gu',
);
const byTerm = new Map(glossary.map((entry) => [entry.term, entry]));

/** Whether `index` of `text` falls between an opening bracket and its closing one. */
function insideBrackets(text: string, index: number): boolean {
  let depth = 0;
  for (const char of text.slice(0, index)) depth += char === '(' ? 1 : char === ')' ? -1 : 0;
  return depth > 0;
}

/**
 * `text` cut at the glossary's acronyms. An acronym gets its expansion (in `language`) at its
 * first occurrence in `text` when `claim(term)` grants it the page's first use: written after it
 * in brackets, or as a title piece when the text brackets words of its own there, the acronym
 * stands in brackets already or bears a possessive ’s; every other
 * occurrence stays plain. Adjacent plain pieces are joined.
 */
export function glossText(text: string, language: Language, claim: (term: string) => boolean): Glossed[] {
  const out: Glossed[] = [];
  const done = new Set<string>();
  const push = (piece: string) => {
    if (!piece) return;
    if (typeof out.at(-1) === 'string') out[out.length - 1] += piece;
    else out.push(piece);
  };
  let last = 0;
  for (const match of text.matchAll(termsPattern)) {
    const term = match[0];
    push(text.slice(last, match.index));
    last = match.index + term.length;
    if (!done.has(term) && claim(term)) {
      const title = byTerm.get(term)!.expansion[language];
      // Brackets there already, or an English possessive (« ATIH’s Plage site »), which brackets would split.
      if (/^(\s*\(|['’]s\b)/.test(text.slice(last)) || insideBrackets(text, match.index)) out.push({ term, title });
      else push(`${term} (${title})`);
    } else push(term);
    done.add(term);
  }
  push(text.slice(last));
  return out;
}
