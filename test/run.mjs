// Runs a TypeScript script of the project (the demo, the bench) through Vite's module runner,
// which resolves `import.meta.glob` as the build does (lib/portals collects its modules so).
import { runnerImport } from 'vite';
import { portalOutline } from '../lib/portals/outline-plugin.ts';

const [script] = process.argv.splice(2, 1);
if (!script) throw new Error('usage: node test/run.mjs <script.ts> [arguments…]');
await runnerImport(script, { configFile: false, logLevel: 'error', plugins: [portalOutline()] });
