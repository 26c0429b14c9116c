import { appendFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { extensionDirs, forEachBrowser, withBrowser } from './harness';

// The harness's own promises, checked in both browsers: if these drift apart, feature tests lie.
// Served at addresses no Balise content script matches, so that only the harness is under test.
const form = `<!doctype html><html lang="fr"><body>
<label for="finess">FINESS</label><input id="finess" value="ancien">
<select id="statut"><option value="public">Public</option><option value="prive">Privé</option></select>
<button type="button" id="valider" onclick="document.querySelector('#etat').textContent = 'validé'">Valider</button>
<p id="etat">à faire</p>
<div id="hote"></div>
<script>
  window.keydowns = 0;
  document.querySelector('#finess').addEventListener('keydown', () => window.keydowns++);
  const shadow = document.querySelector('#hote').attachShadow({ mode: 'open' });
  shadow.innerHTML = '<button type="button" id="dedans">Ouvrir le panneau</button><span id="compte">0</span>';
  shadow.querySelector('#dedans').addEventListener('click', () => {
    const compte = shadow.querySelector('#compte');
    compte.textContent = String(Number(compte.textContent) + 1);
  });
</script></body></html>`;

forEachBrowser((name) => {
  it('types, selects and clicks like a user, into open shadow roots too', async () => {
    await withBrowser(name, async (b) => {
      await b.servePortals({ 'https://formulaire.example/formulaire': form });
      const page = await b.newPage();
      await page.goto('https://formulaire.example/formulaire?etape=1');

      await page.fill('#finess', '750712184');
      expect(await page.value('#finess')).toBe('750712184');
      expect(await page.evaluate(() => (window as unknown as { keydowns: number }).keydowns)).toBeGreaterThanOrEqual(9);

      await page.select('#statut', 'prive');
      expect(await page.evaluate(() => document.querySelector<HTMLSelectElement>('#statut')?.value)).toBe('prive');

      await page.clickByRole('button', 'Valider');
      await page.waitFor(() => document.querySelector('#etat')?.textContent === 'validé');

      await page.click('#dedans');
      await page.clickByText('Ouvrir le panneau');
      expect(await page.text('#compte')).toBe('2');
      expect(await page.count('button')).toBe(2);
      expect(page.consoleErrors()).toEqual([]);
      expect(b.strayRequests()).toEqual([]);
    });
  });

  it('records every request that no fixture answers, and page errors', async () => {
    await withBrowser(name, async (b) => {
      await b.routePortal('https://routage.example/', ({ url }) => ({ body: `<p id="vu">${new URL(url).pathname}</p>` }));
      const page = await b.newPage();
      await page.goto('https://routage.example/accueil');
      expect(await page.text('#vu')).toBe('/accueil');
      await page.evaluate(() => {
        void fetch('https://ailleurs.example/collecte', { method: 'POST', body: 'x' }).catch(() => {});
        setTimeout(() => {
          throw new Error('échec volontaire');
        });
      });
      await page.waitFor(async () => true);
      await expect.poll(() => b.strayRequests()).toEqual([{ url: 'https://ailleurs.example/collecte', method: 'POST', via: 'unrouted' }]);
      await expect.poll(() => page.consoleErrors().join('\n')).toContain('échec volontaire');
    });
  });

  it('reloads an extension page and takes screenshots', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'balise-shot-'));
    try {
      await withBrowser(name, async (b) => {
        const page = await b.newPage();
        await page.goto(b.extensionUrl('manifest.json'));
        await page.evaluate(() => sessionStorage.setItem('avant', 'oui'));
        await page.reload();
        expect(await page.evaluate(() => sessionStorage.getItem('avant'))).toBe('oui');
        expect(await page.url()).toBe(b.extensionUrl('manifest.json'));
        const file = path.join(dir, `${name}.png`);
        await page.screenshot(file);
        expect((await readFile(file)).subarray(1, 4).toString()).toBe('PNG');
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("records a request made by the extension's background", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'balise-leaky-'));
    try {
      await cp(extensionDirs[name], dir, { recursive: true });
      await appendFile(path.join(dir, 'background.js'), '\nfetch("https://fuite.example/collecte").catch(() => {});\n');
      await withBrowser(
        name,
        async (b) => {
          await expect
            .poll(() => b.strayRequests().map((r) => new URL(r.url).host), { timeout: 15_000 })
            .toContain('fuite.example');
        },
        { extensionDir: dir },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
