/**
 * French typography's non-breaking spaces (issue 18; fourth walk, NEW4-3: « compte Pasrel « » at a
 * line end and « APE ». » on the next). The Lexique des règles typographiques en usage à
 * l'Imprimerie nationale binds a sign to its word with a space the line cannot break at: a narrow
 * one (espace fine insécable, U+202F) after « and before » ; ! ?, a full-width one (espace
 * insécable, U+00A0) before the colon. Authors keep typing ordinary spaces; the rule is applied
 * where Balise's French is built: the messages.json of the build and renderMessage (./catalog.ts),
 * and the portal and procedure modules' texts when they are defined (`frenchTextsBound`).
 * English has no space before these signs and is left alone.
 */
export const noBreakSpace = '\u00a0';
export const narrowNoBreakSpace = '\u202f';

/** `text` with the space after « and before » ; ! ? : made non-breaking; applied twice, it changes nothing more. */
export function bindFrenchSpaces(text: string): string {
  return text.replace(/« | ([»;!?:])/g, (_space, sign?: string) =>
    sign === undefined ? `«${narrowNoBreakSpace}` : `${sign === ':' ? noBreakSpace : narrowNoBreakSpace}${sign}`,
  );
}

/**
 * `value` with the French side of every `{ fr, en }` text in it bound (`bindFrenchSpaces`), in
 * place: a portal or procedure module, whose texts are fresh literals, once as it is defined.
 */
export function frenchTextsBound<T>(value: T, seen = new Set<object>()): T {
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  const record = value as Record<string, unknown>;
  if (typeof record.fr === 'string' && typeof record.en === 'string') record.fr = bindFrenchSpaces(record.fr);
  for (const child of Object.values(record)) frenchTextsBound(child, seen);
  return value;
}
