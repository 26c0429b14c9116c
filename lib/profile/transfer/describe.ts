/** File problems and field paths in the user's words: « Établissement 2 (« CH Démo ») — SIRET : … ». */
import type { MessageKey } from '../../i18n/catalog';
import { t, tm } from '../../i18n/t';
import { itemLabelKeyOf, labelKeyOf } from '../field-labels';
import type { FileProblem } from './parse';

/** The file's own keys, around the establishments, and those of the encrypted envelope. */
const fileLabels: Record<string, MessageKey> = {
  format: 'importFieldFormat',
  version: 'importFieldVersion',
  exportedAt: 'importFieldExportedAt',
  establishments: 'importFieldEstablishments',
  kdf: 'importFieldKdf',
  'kdf.name': 'importFieldAlgorithm',
  'kdf.hash': 'importFieldHash',
  'kdf.iterations': 'importFieldIterations',
  'kdf.salt': 'importFieldSalt',
  cipher: 'importFieldCipher',
  'cipher.name': 'importFieldAlgorithm',
  'cipher.length': 'importFieldKeyLength',
  'cipher.iv': 'importFieldIv',
  data: 'importFieldData',
};

/**
 * "Contacts › Contact 2 › Numéro RPPS". A number is an item's position; a string after
 * contacts/certificates that is not a field names the item (diffs match items by name).
 */
export function describePath(path: readonly PropertyKey[], inEstablishment = true): string {
  const labelKey = inEstablishment ? labelKeyOf : (key: string) => (Object.hasOwn(fileLabels, key) ? fileLabels[key] : undefined);
  const parts: string[] = [];
  /** The path walked so far, without positions nor item names: 'contacts.phone'. */
  let generic = '';
  for (const segment of path) {
    const itemKey = inEstablishment ? itemLabelKeyOf(generic) : undefined;
    if (typeof segment === 'number') {
      const previous = parts.pop();
      parts.push(itemKey ? t('importItem', t(itemKey), segment + 1) : `${previous ?? ''} ${segment + 1}`.trim());
      continue;
    }
    const name = String(segment);
    const child = generic ? `${generic}.${name}` : name;
    const key = labelKey(child);
    if (itemKey && !key) {
      parts.pop();
      parts.push(t('importItemNamed', t(itemKey), name));
      continue;
    }
    parts.push(key ? t(key) : name);
    generic = child;
  }
  return parts.join(t('importPathSeparator'));
}

/** "Établissement 2 (« CH Démo ») — SIRET : Le SIRET doit compter 14 chiffres ; vous en avez saisi 13." */
export function describeProblem(problem: FileProblem): string {
  const message = tm(problem.message);
  const { establishment } = problem;
  if (!establishment && problem.path.length === 0) return message;
  const where = !establishment
    ? t('importWhereFile')
    : establishment.label
      ? t('importWhereEstablishmentLabelled', establishment.position, establishment.label)
      : t('importWhereEstablishment', establishment.position);
  const field = describePath(problem.path, establishment !== undefined);
  return field ? t('importProblemField', where, field, message) : t('importProblemNoField', where, message);
}

