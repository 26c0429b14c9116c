/**
 * The README's recipe « Ajouter un portail », walked through: in a copy of the repository, a new
 * portal module and its fixture page with its answer key, and nothing else, pass the contract
 * tests; the same page without its answer key fails them, saying what is missing. The files the
 * recipe names are the ones written here.
 */
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
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

/**
 * The contract tests: those that go over every portal module, procedure and fixture page (the rest
 * test one portal each, which a new portal cannot break). Named one by one so that the run stays
 * small on a loaded machine; 'passes' below checks each of them ran.
 */
const contractFiles = [
  'lib/portals/portals.test.ts',
  'lib/portals/recognise.test.ts',
  'lib/portals/outline.test.ts',
  'lib/procedures/procedures.test.ts',
  'lib/layers.test.ts',
];

/**
 * Runs vitest on these files in the copy, in one worker (the suite around it already uses the
 * cores), without blocking this one; answers its exit status (0 when every test passed) and output.
 */
async function contract(copy: string, ...files: string[]) {
  const args = [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=verbose', '--maxWorkers=1', ...files];
  const env = { ...process.env, CI: 'true', FORCE_COLOR: '0' };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: copy, env, maxBuffer: 64 << 20 });
    return { status: 0, output: stripVTControlCharacters(`${stdout}${stderr}`) };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    return { status: failed.code ?? 'not run', output: stripVTControlCharacters(`${failed.stdout ?? ''}${failed.stderr ?? ''}${String(error)}`) };
  }
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

  it('passes the contract tests with nothing else touched', async () => {
    const { status, output } = await contract(copy, ...contractFiles);
    expect(status, output).toBe(0);
    for (const file of contractFiles) expect(output).toContain(`✓ ${file} >`);
    expect(output).toMatch(/exemple-annuaire\/recherche/);
  }, 600_000);

  it('fails them, saying what to write, when a page has no answer key', async () => {
    rmSync(path.join(copy, 'test/fixtures/exemple-annuaire/recherche.expected.json'));
    const { status, output } = await contract(copy, 'lib/portals/portals.test.ts');
    expect(status).not.toBe(0);
    expect(output).toMatch(/exemple-annuaire\/recherche\.html has no answer key/);
  }, 600_000);
});
