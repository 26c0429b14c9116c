import { appendFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { GECKO_ID } from '../../wxt.config';
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

// Balise's UI is moving into CLOSED shadow roots and an extension iframe: `page.deep` and
// `page.frame` must reach them through the browser's protocol, as no page script can.
// A portal address, as Balise's will be; the stand-in extension below is what runs there, not Balise.
const portal = 'https://plage.atih.sante.fr/';
const closedPortal = `<!doctype html><html lang="fr"><body>
<p id="lumiere">Accueil</p>
<div id="hote"></div>
<div style="height: 3000px"></div>
<div id="bas"></div>
<script>
  const haut = document.querySelector('#hote').attachShadow({ mode: 'closed' });
  haut.innerHTML = '<p class="secret" data-niveau="1">Profil : Sophie</p><div id="interne"></div>';
  const interne = haut.querySelector('#interne').attachShadow({ mode: 'closed' });
  interne.innerHTML = '<p class="secret" data-niveau="2">RPPS 10001234567</p>'
    + '<button type="button" class="recreer">Nouveau cadre</button><div class="cadre"></div>';
  let cadres = 0;
  const placerCadre = () => {
    const cadre = document.createElement('iframe');
    cadre.src = 'https://cadre.example/cadre#' + ++cadres;
    interne.querySelector('.cadre').replaceChildren(cadre);
  };
  placerCadre();
  interne.querySelector('.recreer').addEventListener('click', placerCadre);
  // Far below the fold: a click must scroll to it first.
  const bas = document.querySelector('#bas').attachShadow({ mode: 'closed' });
  bas.innerHTML = '<button type="button" class="compteur">Compter</button><span class="statut">prêt</span>';
  bas.querySelector('.compteur').addEventListener('click', (event) => {
    const key = event.isTrusted ? 'fiables' : 'synthetiques';
    document.body.dataset[key] = String(Number(document.body.dataset[key] ?? 0) + 1);
    setTimeout(() => { bas.querySelector('.statut').textContent = 'compté'; }, 300);
  });
  // A page that lies through DOM prototypes must not fool reads made through the protocol.
  const texte = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent');
  Object.defineProperty(Node.prototype, 'textContent', { ...texte, get: () => 'piégé' });
  Element.prototype.getAttribute = () => 'piégé';
</script></body></html>`;
const crossOriginFrame = `<!doctype html><html lang="fr"><body>
<input id="nom"><select id="choix"><option value="a">A</option><option value="b">B</option></select>
<button type="button" id="envoyer" onclick="document.querySelector('#resultat').textContent = document.querySelector('#nom').value + '/' + document.querySelector('#choix').value">Envoyer</button>
<p id="resultat"></p></body></html>`;
const closedUiExtension = path.join(import.meta.dirname, 'closed-ui-extension');

it("the stand-in extension has Balise's gecko id, so the harness's fixed moz-extension UUID applies", async () => {
  const manifest = JSON.parse(await readFile(path.join(closedUiExtension, 'manifest.json'), 'utf8'));
  expect(manifest.browser_specific_settings.gecko.id).toBe(GECKO_ID);
});

forEachBrowser((name) => {
  it('reads and clicks inside closed shadow roots, at any depth, through the protocol', async () => {
    await withBrowser(
      name,
      async (b) => {
        await b.servePortals({ [portal]: closedPortal, 'https://cadre.example/cadre': crossOriginFrame });
        const page = await b.newPage();
        await page.goto(portal);

        // What the page (and TestPage's own methods) can see: nothing of the closed trees.
        expect(
          await page.evaluate(() => [document.querySelector('#hote')?.shadowRoot, document.querySelectorAll('.secret').length]),
        ).toEqual([null, 0]);
        expect(await page.count('.secret')).toBe(0);
        expect(await page.evaluate(() => document.querySelector('#lumiere')?.textContent)).toBe('piégé'); // the trap is armed

        expect(await page.deep.count('.secret')).toBe(2);
        expect(await page.deep.count('p.secret[data-niveau="2"]')).toBe(1);
        expect(await page.deep.text('.secret')).toBe('Profil : Sophie'); // document order, then depth-first
        expect(await page.deep.text('p')).toBe('Accueil'); // the document itself is searched first
        expect(await page.deep.attribute('.secret', 'data-niveau')).toBe('1');
        expect(await page.deep.attribute('.secret', 'absent')).toBeNull();
        expect(await page.deep.texts('.secret')).toEqual(['Profil : Sophie', 'RPPS 10001234567']);
        expect(await page.deep.attributes('.secret', 'data-niveau')).toEqual(['1', '2']);
        expect(await page.deep.attributes('.absent', 'data-niveau')).toEqual([]);
        // Drawn where the page's own paragraph above it is, at the body's left edge.
        const secret = await page.deep.box('.secret');
        expect(secret.width).toBeGreaterThan(0);
        expect(secret.left).toBe(await page.evaluate(() => document.querySelector('#lumiere')!.getBoundingClientRect().left));
        expect(await page.deep.count('.absent')).toBe(0);
        await expect(page.deep.waitFor('.absent', { timeout: 300 })).rejects.toThrow(/Timed out/);

        await page.deep.click('.compteur');
        await page.deep.waitFor('.statut', { text: 'compté' });
        await page.deep.waitFor('.statut', { text: /^compt/ });
        await page.deep.waitFor(async (deep) => (await deep.text('.statut')) === 'compté');
        expect(await page.evaluate(() => ({ ...document.body.dataset }))).toEqual({ fiables: '1' });

        // New documents, same-origin and cross-origin (in Chromium, new isolated worlds for the reads).
        await page.reload();
        expect(await page.deep.text('.secret')).toBe('Profil : Sophie');
        await page.goto('https://cadre.example/cadre');
        expect(await page.deep.attribute('#choix option', 'value')).toBe('a');
      },
      { extensionDir: closedUiExtension },
    );
  });

  it('acts inside a cross-origin frame found by its URL, and finds it again when re-created', async () => {
    await withBrowser(
      name,
      async (b) => {
        await b.servePortals({ [portal]: closedPortal, 'https://cadre.example/cadre': crossOriginFrame });
        const page = await b.newPage();
        await page.goto(portal);
        const frame = page.frame('https://cadre.example/cadre');
        expect(await frame.evaluate(() => location.origin)).toBe('https://cadre.example');
        await frame.fill('#nom', 'Sophie-Anne');
        await frame.select('#choix', 'b');
        await frame.clickByRole('button', 'Envoyer');
        expect(await frame.text('#resultat')).toBe('Sophie-Anne/b');
        expect(await frame.value('#nom')).toBe('Sophie-Anne');
        expect(await frame.count('option')).toBe(2);

        await page.deep.click('.recreer');
        await frame.waitFor(() => location.hash === '#2');
        expect(await frame.value('#nom')).toBe('');
        await frame.fill('#nom', 'Paul');
        await frame.clickByText('Envoyer');
        expect(await frame.text('#resultat')).toBe('Paul/a');
        expect(b.strayRequests()).toEqual([]);
      },
      { extensionDir: closedUiExtension },
    );
  });

  it('acts inside an extension iframe placed in a closed shadow root, across its re-creation', async () => {
    await withBrowser(
      name,
      async (b) => {
        await b.servePortals({ [portal]: '<!doctype html><html lang="fr"><body><p>Portail</p></body></html>' });
        const page = await b.newPage();
        await page.goto(portal);
        const guide = page.frame('guide.html');
        await guide.waitFor('#compter');
        expect(await guide.url()).toBe(b.extensionUrl('guide.html#g1'));
        expect(await page.evaluate(() => [document.querySelector('balise-test-ui')?.shadowRoot, document.querySelectorAll('iframe').length])).toEqual([null, 0]);
        expect(await page.deep.count('iframe')).toBe(1);

        await guide.click('#compter');
        await guide.clickByText('Compter');
        await guide.clickByRole('button', 'Compter');
        expect([await guide.text('#clics'), await guide.text('#refus')]).toEqual(['3', '0']);
        await guide.fill('#nom', 'Sophie');
        await guide.press('Backspace');
        expect(await guide.value('#nom')).toBe('Sophi');
        await guide.select('#choix', 'b');
        expect(await guide.evaluate(() => document.querySelector<HTMLSelectElement>('#choix')?.value)).toBe('b');

        await page.deep.click('#recreer');
        await page.deep.waitFor('.etat', { text: 'Guide 2' });
        await guide.waitFor(() => location.hash === '#g2');
        expect(await guide.text('#clics')).toBe('0');
        await guide.click('#compter');
        expect(await guide.text('#clics')).toBe('1');
        expect(page.consoleErrors()).toEqual([]);
      },
      { extensionDir: closedUiExtension },
    );
  });


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
