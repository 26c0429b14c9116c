import { describe, expect, it } from 'vitest';
import { portals } from '../portals';
import { procedures } from './index';
import { glossary } from './glossary';

type Shown = [path: string, text: string];

/** Every text a reader sees in a module, in `language`: that side of each `{ fr, en }` it holds, with where it is. */
function textsIn(language: 'fr' | 'en', value: unknown, path: string, out: Shown[] = [], seen = new Set<object>()): Shown[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  seen.add(value);
  const record = value as Record<string, unknown>;
  if (typeof record.fr === 'string' && typeof record.en === 'string') out.push([path, language === 'fr' ? record.fr : record.en]);
  for (const [key, child] of Object.entries(record)) textsIn(language, child, `${path}.${key}`, out, seen);
  return out;
}

const modules = [...portals, ...procedures];
const texts = modules.flatMap((module) => textsIn('fr', module, module.id));
const english = modules.flatMap((module) => textsIn('en', module, module.id));

// Typography a reader sees (issue 18), as the messages write it (lib/i18n/catalog.test.ts): the
// modules' French is shown beside the messages' French in one panel. Page labels used to
// recognise a portal's page are plain strings, not `{ fr, en }`: they keep the page's own spelling.
describe('the French text of the portal and procedure modules', () => {
  it('is found', () => {
    expect(texts.length).toBeGreaterThan(100);
  });

  it('uses the curly apostrophe only', () => {
    expect(texts.filter(([, text]) => text.includes("'"))).toEqual([]);
  });

  it('puts a space before a colon, semicolon, question or exclamation mark (not in addresses or times)', () => {
    expect(texts.filter(([, text]) => /[^\s\u00a0\u202f][:;?!](?=\s|$)/.test(text))).toEqual([]);
  });

  // Bound as the module is defined (definePortal, defineProcedure, fromSeed): authors type ordinary spaces.
  it('binds guillemets, colons, semicolons, question and exclamation marks to their word', () => {
    expect(texts.filter(([, text]) => /« | [»:;?!]/.test(text))).toEqual([]);
    expect(glossary.filter(({ expansion }) => / [»:;?!]/.test(expansion.fr))).toEqual([]);
  });

  it('in English, has no French spacing or guillemets, and no « (s) »', () => {
    expect(english.filter(([, text]) => /[\s\u00a0\u202f][:;?!]|[«»]|\(s\)/.test(text))).toEqual([]);
  });
});
