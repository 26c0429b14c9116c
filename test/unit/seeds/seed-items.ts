/**
 * The seeds' actionable items, each checked by a test named after its seed line.
 *
 * The inventory of a seed (`NNN.items.ts`) lists every step, branch, condition, warning,
 * prerequisite, field or piece of advice a user of that seed could act on, with the lines
 * of `../shared/seeds/NNN_*.txt` it comes from. Its test file (`NNN.test.ts`) calls
 * `describeSeed`, which registers one test per `item(n, where, check)` and then two more:
 * every item of the inventory has a test, and `docs/sources/NNN.md`, the table of the items
 * and where each is checked, is what the tests say (`npx vitest run test/unit/seeds -u`
 * rewrites it). A gap shows as a failing test and as « aucun test » in the table.
 */
import { describe, expect, it } from 'vitest';

export type SeedId = '000' | '001' | '002' | '003' | '004';

export interface SeedItem {
  /** Number in the inventory, from 1, in the seed's order. */
  n: number;
  /** Lines of the seed, as `cat -n` prints them: `72` or `72, 152` or `51-57`. */
  lines: string;
  /** What the seed says to do or know, in a few French words of ours. */
  says: string;
}

type Check = () => void | Promise<void>;

/**
 * One item's test. `where` names what is checked, in the project's words (a procedure step,
 * a portal page's rule, the plan of a field…), e.g. `003 orderAuth.details`.
 */
export type ItemTest = (n: number, where: string, check: Check) => void;

export function describeSeed(seed: SeedId, title: string, items: readonly SeedItem[], body: (item: ItemTest) => void): void {
  describe(`seed ${seed} — ${title}`, () => {
    const byNumber = new Map(items.map((entry) => [entry.n, entry]));
    const checks = new Map<number, { where: string; passed: boolean }[]>();

    body((n, where, check) => {
      const entry = byNumber.get(n);
      if (!entry) throw new Error(`seed ${seed}: no item n°${n} in the inventory`);
      const record = { where, passed: false };
      checks.set(n, [...(checks.get(n) ?? []), record]);
      it(`seed ${seed} l.${entry.lines} — n°${n} ${entry.says} (${where})`, async () => {
        await check();
        record.passed = true;
      });
    });

    it(`seed ${seed}: every item of the inventory has its test`, () => {
      expect(items.map((entry) => entry.n)).toEqual(items.map((_, i) => i + 1));
      expect(items.filter((entry) => !checks.has(entry.n)).map((entry) => `n°${entry.n} l.${entry.lines} ${entry.says}`)).toEqual([]);
    });

    it(`seed ${seed}: docs/sources/${seed}.md is the table the tests give`, async () => {
      await expect(table(seed, title, items, checks)).toMatchFileSnapshot(`../../../docs/sources/${seed}.md`);
    });
  });
}

const cell = (text: string) => text.replaceAll('|', '\\|');

function table(seed: SeedId, title: string, items: readonly SeedItem[], checks: Map<number, { where: string; passed: boolean }[]>): string {
  const rows = items.map((entry) => {
    const tests = checks.get(entry.n) ?? [];
    const state = tests.length === 0 ? '∅ aucun test' : tests.every((test) => test.passed) ? '✅' : '✗ test en échec';
    return `| ${entry.n} | ${entry.lines} | ${cell(entry.says)} | ${cell(tests.map((test) => test.where).join(' ; ') || '—')} | ${state} |`;
  });
  const right = items.filter((entry) => (checks.get(entry.n) ?? []).length > 0 && checks.get(entry.n)!.every((test) => test.passed)).length;
  return [
    `# Fiche ${seed} — ${title}`,
    '',
    `Généré par \`test/unit/seeds/${seed}.test.ts\` (\`npx vitest run test/unit/seeds -u\`) : chaque élément actionnable de la fiche`,
    `(\`../shared/seeds/${seed}_*.txt\`, lignes de \`cat -n\`) et le test qui le vérifie. ${right} sur ${items.length} vérifiés.`,
    '',
    '| n° | lignes | ce que dit la fiche | vérifié dans | état |',
    '|---:|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
