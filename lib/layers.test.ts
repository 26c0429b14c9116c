/**
 * lib/ is a one-way graph: no import cycle between files, and each folder imports only from
 * the levels below it. Reads the import lines of every lib/**\/*.ts file, `import type` included:
 * a type-only cycle costs nothing at run time but says two modules own each other's knowledge.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Lowest level first; a folder (or a file at lib/'s root, by its name) imports only from its own
 * folder and from earlier levels. Folders of one level do not import each other.
 */
const levels: readonly (readonly [layer: string, why: string][])[] = [
  [
    ['dom', 'reads any page (names, flat tree, layout, timing): knows nothing of Balise'],
    ['messaging', 'carries typed messages between the parts, whatever they say'],
    ['i18n', 'the French and English texts, for every part'],
  ],
  [['profile', 'the establishments and people Balise works for: knows nothing of procedures, portals, the fill or the guide']],
  [['portals', 'what each portal page is, its fields and hints, in the profile’s words']],
  [['senders', 'who may ask the background: a sender is checked against the portals']],
  [
    ['procedures', 'the procedures of the seed, their steps on portal pages, progress and reminders'],
    ['autofill', 'fills a portal page from the profile'],
  ],
  [['overlay', 'the guide on a portal page: shows the procedures and the fill plan']],
];

/** Upward imports being removed by work under way; each must disappear from here with its fix. */
const knownExceptions: readonly { from: string; to: string }[] = [
  // The database holds the procedures' rows: it moves out of the profile (persistence work).
  { from: 'profile/db.ts', to: 'procedures/progress.ts' },
  { from: 'profile/db.ts', to: 'procedures/reminders.ts' },
];

const root = path.resolve(import.meta.dirname, '..');
const lib = path.join(root, 'lib');
const self = path.relative(lib, import.meta.filename);

const importPattern = /^\s*(?:import|export)\s+(?:type\s+)?(?:[\w$*{},\s]+?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** The specifiers of a module's static imports and re-exports, type-only ones included. */
function importsOf(source: string): string[] {
  return [...source.matchAll(importPattern)].map((match) => match[1] ?? '');
}

/** The file a relative specifier names, relative to the project root; undefined for a package. */
function resolve(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(path.join(root, fromFile)), specifier);
  const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (!found) throw new Error(`${fromFile}: cannot resolve ${specifier}`);
  return path.relative(root, found);
}

/** A lib file's layer: its folder, or for a file at lib's root its name (`messaging.test.ts` → messaging). */
function layerOf(libFile: string): string {
  const [first = '', ...rest] = libFile.split('/');
  return rest.length > 0 ? first : first.replace(/(?:\.test)?\.tsx?$/, '');
}

/** File → the files it imports, within lib/. */
type Graph = Map<string, string[]>;

/** Groups of files that import each other in a circle (Tarjan's strongly connected components). */
function cyclesIn(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) cycles.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

const levelOf = new Map(levels.flatMap((level, rank) => level.map(([layer]) => [layer, rank] as const)));

/** Imports that go to the same level or up, as "from → to"; a layer no level declares counts as wrong too. */
function upwardImports(graph: Graph): string[] {
  const wrong: string[] = [];
  for (const [from, targets] of graph)
    for (const to of targets) {
      const [a, b] = [layerOf(from), layerOf(to)];
      if (a === b) continue;
      const [rankA, rankB] = [levelOf.get(a), levelOf.get(b)];
      if (rankA === undefined || rankB === undefined || rankB >= rankA) wrong.push(`${from} → ${to}`);
    }
  return wrong;
}

const libFiles = readdirSync(lib, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.tsx?$/.test(file) && file !== self)
  .map((file) => file.split(path.sep).join('/'));

/** Every relative import of every lib file, as paths from the project root. */
const imports = libFiles.map((file) => {
  const from = `lib/${file}`;
  return { from: file, targets: importsOf(readFileSync(path.join(lib, file), 'utf8')).flatMap((specifier) => resolve(from, specifier) ?? []) };
});

const isException = (from: string, to: string) => knownExceptions.some((e) => e.from === from && e.to === to);

/** The lib → lib graph, known exceptions left out. */
const graph: Graph = new Map(
  imports.map(({ from, targets }) => [
    from,
    targets.filter((target) => target.startsWith('lib/')).map((target) => target.slice('lib/'.length)).filter((to) => !isException(from, to)),
  ]),
);

describe('the checks themselves', () => {
  it('read static imports and re-exports, type-only and multi-line ones, not dynamic imports or comments', () => {
    const source = [
      "import { a, type B } from './a';",
      "import type { C } from '../c';",
      'import {\n  d,\n  e as f,\n} from "./d";',
      "import './side-effect.css';",
      "export * from './g';",
      "export type { H } from './h';",
      'import * as i from "./i";',
      "const j = await import('./j');",
      " * import { k } from './k';",
      "export const l = 'from ./l';",
    ].join('\n');
    expect(importsOf(source)).toEqual(['./a', '../c', './d', './side-effect.css', './g', './h', './i']);
  });

  it('find a cycle through three files and a file importing itself, not a diamond', () => {
    const graph: Graph = new Map([
      ['a.ts', ['b.ts', 'd.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
      ['f.ts', ['d.ts', 'g.ts']],
      ['g.ts', ['d.ts']],
    ]);
    expect(cyclesIn(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
  });

  it('refuse an import from a higher level, a sibling folder or an undeclared folder', () => {
    const graph: Graph = new Map([
      ['profile/schema.ts', ['i18n/t.ts', 'profile/identifiers.ts', 'portals/schema.ts']],
      ['autofill/plan.ts', ['procedures/index.ts', 'dom/accessible-name.ts', 'senders.ts']],
      ['messaging.test.ts', ['messaging.ts']],
      ['store/db.ts', ['profile/schema.ts']],
    ]);
    expect(upwardImports(graph)).toEqual(['profile/schema.ts → portals/schema.ts', 'autofill/plan.ts → procedures/index.ts', 'store/db.ts → profile/schema.ts']);
  });
});

describe('lib/', () => {
  it('has no import cycle between files', () => {
    expect(cyclesIn(graph)).toEqual([]);
  });

  it('imports only from lower levels', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('never imports from components/ or entrypoints/', () => {
    const outward = imports.flatMap(({ from, targets }) => targets.filter((to) => /^(?:components|entrypoints)\//.test(to)).map((to) => `${from} → ${to}`));
    expect(outward).toEqual([]);
  });

  it('still has each known exception (delete it here once its fix lands)', () => {
    const present = knownExceptions.filter(({ from, to }) => imports.some((i) => i.from === from && i.targets.includes(`lib/${to}`)));
    expect(present).toEqual(knownExceptions);
  });
});
