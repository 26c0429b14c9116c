import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { extensionDirs, forEachBrowser, withBrowser, type BrowserName } from './harness';

interface BuiltManifest {
  name: string;
  version: string;
  manifest_version: number;
  options_ui?: { page: string };
}
const builtManifest = (name: BrowserName): BuiltManifest =>
  JSON.parse(readFileSync(path.join(extensionDirs[name], 'manifest.json'), 'utf8')) as BuiltManifest;

const plageHome = `<!doctype html><html lang="fr"><head><title>PLAGE</title></head>
<body><h1>Plateforme de gestion des établissements</h1><a href="/connexion">Se connecter</a></body></html>`;

forEachBrowser((name) => {
  it('loads the built extension, whose files are served at its extension URL', async () => {
    await withBrowser(name, async (b) => {
      const page = await b.newPage();
      const url = b.extensionUrl('manifest.json');
      await page.goto(url);
      const served = await page.evaluate(async (u) => (await fetch(u)).json() as Promise<BuiltManifest>, url);
      const built = builtManifest(name);
      expect(served).toMatchObject({ manifest_version: 3, name: built.name, version: built.version });
      expect(b.strayRequests()).toEqual([]);
    });
  });

  it('opens the options page with a heading', async () => {
    expect(builtManifest(name).options_ui?.page).toBe('options.html');
    await withBrowser(name, async (b) => {
      const page = await b.newPage();
      await page.goto(b.extensionUrl('options.html'));
      await page.waitFor('h1');
      expect(await page.text('h1')).not.toBe('');
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    });
  });

  it('serves a fixture at the real Plage address without any other request', async () => {
    await withBrowser(name, async (b) => {
      await b.servePortals({ 'https://plage.atih.sante.fr/': plageHome });
      const page = await b.newPage();
      await page.goto('https://plage.atih.sante.fr/');
      expect(await page.url()).toBe('https://plage.atih.sante.fr/');
      expect(await page.text('h1')).toBe('Plateforme de gestion des établissements');
      expect(b.requests()).toContainEqual({ url: 'https://plage.atih.sante.fr/', method: 'GET', via: 'fixture' });
      expect(b.strayRequests()).toEqual([]);
    });
  });
});
