// Adds up the vitest JSON reports of `npm test` and ends with the line CI reads: "N passed, M failed".
// `node test/report.mjs --clean` (first step of `npm test`) removes the previous run's reports, so that a
// step that never ran (an earlier step failed) shows up as missing instead of reusing stale results.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(import.meta.dirname, '..', 'test-results');
const suites = ['unit', 'e2e'];

if (process.argv.includes('--clean')) {
  for (const suite of suites) rmSync(path.join(dir, `${suite}.json`), { force: true });
  rmSync(path.join(dir, 'summary.txt'), { force: true });
  process.exit(0);
}

let passed = 0;
let failed = 0;
const parts = [];
for (const suite of suites) {
  const file = path.join(dir, `${suite}.json`);
  if (!existsSync(file)) {
    // Counted as one failure: the suite did not run, or did not start.
    failed += 1;
    parts.push(`${suite}: did not run (an earlier step failed)`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A file that fails to load, or an unhandled error, fails the run without failing any single test.
  const broken = report.success === false && report.numFailedTests === 0 ? Math.max(1, report.numFailedTestSuites) : 0;
  passed += report.numPassedTests;
  failed += report.numFailedTests + broken;
  parts.push(`${suite}: ${report.numPassedTests}/${report.numTotalTests} passing` + (broken ? `, ${broken} broken file(s)` : ''));
}

const closing = `${passed} passed, ${failed} failed`;
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'summary.txt'), `${closing}\n`);
console.log(`\nunit+e2e (${parts.join('; ')})`);
console.log(closing);
process.exit(failed === 0 ? 0 : 1);
