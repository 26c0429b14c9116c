/**
 * The Vite plugin behind `virtual:portal-outline`: the portals' outline (./outline-of.ts), computed
 * from the modules whenever a bundle or a test asks for it, so that adding a portal stays adding
 * its module and its fixtures. The modules are loaded through Vite's module runner, which resolves
 * their `import.meta.glob` as the build does.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { runnerImport, type Plugin } from 'vite';

export const outlineModuleId = 'virtual:portal-outline';
const resolved = `\0${outlineModuleId}`;
const here = import.meta.dirname;

export function portalOutline(): Plugin {
  return {
    name: 'balise-portal-outline',
    resolveId: (id) => (id === outlineModuleId ? resolved : null),
    async load(id) {
      if (id !== resolved) return null;
      for (const file of readdirSync(here)) if (file.endsWith('.portal.ts')) this.addWatchFile(path.join(here, file));
      const { module } = await runnerImport<typeof import('./outline-of')>(path.join(here, 'outline-of.ts'), { configFile: false, logLevel: 'error' });
      const outline = module.portalsOutline();
      // As JSON text: a script engine reads a large JSON string faster than the same object literal, and the always-loaded script reads it on every page.
      const json = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;
      return `export default ${json(outline)};\nexport const phrasingWords = ${json(module.phrasingWords(outline))};`;
    },
  };
}
