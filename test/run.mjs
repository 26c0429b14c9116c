// Runs a TypeScript script of the project (the demo, the bench) through Vite's module runner,
// which resolves `import.meta.glob` as the build does (lib/portals collects its modules so), with
// the plugin that computes the portals' outline from them (Node itself cannot import its .ts).
import { runnerImport } from 'vite';

const [script] = process.argv.splice(2, 1);
if (!script) throw new Error('usage: node test/run.mjs <script.ts> [arguments…]');
const { module: outline } = await runnerImport('./lib/portals/outline-plugin.ts', { configFile: false, logLevel: 'error' });
await runnerImport(script, { configFile: false, logLevel: 'error', plugins: [outline.portalOutline()] });
