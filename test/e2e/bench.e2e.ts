/**
 * `npm run bench` works: its quick mode (2 runs) in Chromium writes a JSON holding every
 * figure of the table as numbers. Timings are not judged here (CI machines vary): only
 * that each was measured, with a coherent median / min / max.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { figureKeys, type BenchFigure } from '../bench/figures';
import { extensionDirs } from './harness';

const root = path.resolve(import.meta.dirname, '../..');

it('the quick benchmark measures every figure', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'balise-bench-'));
  try {
    const out = path.join(dir, 'bench.json');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['test/run.mjs', 'test/bench/run.ts', '--quick', '--out', out, '--extension', extensionDirs.chromium],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
    );
    const result = JSON.parse(await readFile(out, 'utf8')) as { meta: { runs: number }; figures: Record<string, BenchFigure> };
    expect(result.meta.runs).toBe(2);
    expect(Object.keys(result.figures).sort()).toEqual([...figureKeys].sort());
    for (const key of figureKeys) {
      const { median, min, max, runs, label } = result.figures[key]!;
      for (const value of [median, min, max]) expect(Number.isFinite(value), `${key}: ${value}`).toBe(true);
      expect(min, key).toBeLessThanOrEqual(median);
      expect(median, key).toBeLessThanOrEqual(max);
      expect(runs, key).toBeGreaterThanOrEqual(1);
      // Timings are positive; sizes too; only differences (time or heap added) may dip below zero,
      // and a longest task is 0 when no task reached 50 ms (the browser's « long task »).
      if (/LongestTask$/.test(key)) expect(min, key).toBeGreaterThanOrEqual(0);
      else if (!/Added$/.test(key)) expect(min, key).toBeGreaterThan(0);
      expect(stdout).toContain(label);
    }
    // Sizes come from the build, which has an always-loaded script and the overlay loaded later.
    expect(result.figures.portalScriptGzip!.median).toBeLessThan(result.figures.portalScriptRaw!.median);
    expect(result.figures.lazyChunksRaw!.median).toBeGreaterThan(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 900_000);
