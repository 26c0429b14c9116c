/**
 * The README's recipe « Ajouter un portail », walked through: in a copy of the repository, a new
 * portal module and its fixture page with its answer key, and nothing else, pass the contract
 * tests; the same page without its answer key fails them, saying what is missing. The files the
 * recipe names are the ones written here.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureEstablishment } from '../fixtures/profile';

const root = path.resolve(import.meta.dirname, '../..');

/** What a new portal brings: its module, one page's replica and that page's answer key. */
const added: Record<string, string> = {
  'lib/portals/exemple-annuaire.portal.ts': `import { definePortal, fromSeed } from './schema';

export default definePortal({
  id: 'exemple-annuaire',
  name: { fr: 'Annuaire d’exemple', en: 'Example directory' },
  hosts: ['annuaire.exemple.gouv.fr'],
  hostRefs: [{ url: 'https://annuaire.exemple.gouv.fr/', note: 'Portail inventé pour la recette « Ajouter un portail ».' }],
  pages: [
    {
      id: 'recherche',
      name: { fr: 'Recherche d’un établissement', en: 'Establishment search' },
      path: '/recherche',
      shows: [{ title: 'Recherche dans l’annuaire d’exemple' }],
      samples: ['https://annuaire.exemple.gouv.fr/recherche'],
      instructions: [fromSeed('004', 'Étape 1', 'Vérifiez que l’établissement figure dans FINESS.', 'Check that the establishment is in FINESS.')],
      fields: [
        {
          match: { label: 'Numéro FINESS' },
          kind: 'finess',
          finess: 'et',
          hint: fromSeed('004', 'Étape 1', 'Le FINESS géographique de l’établissement.', 'The establishment’s geographic FINESS.'),
        },
      ],
    },
  ],
});
`,
  'test/fixtures/exemple-annuaire/recherche.html': `<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8" /><title>Annuaire d’exemple</title></head>
  <body>
    <h1>Recherche dans l’annuaire d’exemple</h1>
    <form><label for="finess">Numéro FINESS</label> <input id="finess" name="finess" /></form>
  </body>
</html>
`,
  'test/fixtures/exemple-annuaire/recherche.expected.json': `${JSON.stringify(
    { url: 'https://annuaire.exemple.gouv.fr/recherche', fields: [{ selector: '#finess', kind: 'finess', filled: fixtureEstablishment.finessEt }] },
    null,
    2,
  )}\n`,
};

/** Runs vitest on these files in the copy; answers its exit status and output. */
function contract(copy: string, ...files: string[]) {
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=verbose', ...files], {
    cwd: copy,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', FORCE_COLOR: '0' },
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('adding a portal', () => {
  let copy: string;

  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'balise-recipe-'));
    const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
    for (const file of tracked) cpSync(path.join(root, file), path.join(copy, file), { recursive: true });
    cpSync(path.join(root, '.wxt'), path.join(copy, '.wxt'), { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
    for (const [file, text] of Object.entries(added)) {
      mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      writeFileSync(path.join(copy, file), text);
    }
  });
  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('is the README’s recipe: the portal module, each page’s replica and its answer key', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const recipe = readme.slice(readme.indexOf('Ajouter un portail'), readme.indexOf('\n\n', readme.indexOf('Ajouter un portail')));
    const named = [...recipe.matchAll(/`((?:lib|test)\/[^`]*<id>[^`]*)`/g)].map((m) => m[1]);
    expect(named).toEqual(['lib/portals/<id>.portal.ts', 'test/fixtures/<id>/<page>.html', 'test/fixtures/<id>/<page>.expected.json']);
    expect(Object.keys(added)).toEqual(named.map((file) => file!.replace('<id>', 'exemple-annuaire').replace('<page>', 'recherche')));
  });

  it('passes the contract tests with nothing else touched', () => {
    const { status, output } = contract(copy, 'lib/portals', 'lib/procedures', 'lib/layers.test.ts');
    expect(output).toMatch(/exemple-annuaire\/recherche/);
    expect(status, output).toBe(0);
  }, 240_000);

  it('fails them, saying what to write, when a page has no answer key', () => {
    rmSync(path.join(copy, 'test/fixtures/exemple-annuaire/recherche.expected.json'));
    const { status, output } = contract(copy, 'lib/portals/portals.test.ts');
    expect(status).not.toBe(0);
    expect(output).toMatch(/exemple-annuaire\/recherche\.html has no answer key/);
  }, 240_000);
});
