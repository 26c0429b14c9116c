/**
 * The preview follows the page, in real browsers (issue 14): a dialog the user opens while the
 * guide is open, or a step a JSF-like page swaps in by a partial response, gets its preview
 * without « Actualiser l’aperçu », and « Remplir cette page » becomes clickable for it. The
 * pages are written here, each served at a portal address; the profile is the cases' one
 * (CH du Lauragais, Camille Durand at this workstation).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { caseProfileData } from '../fixtures/cases';
import { forEachBrowser, launch, type ExtensionBrowser } from './harness';
import { fillOffered, overlay } from './pages/overlay';
import { seedProfile } from './seed';

const { establishments, chosen, me } = caseProfileData;

/** Plage's « Mes profils » with the « + Demander un profil » dialog, drawn over the list once clicked. */
const profilesUrl = 'https://plage.atih.sante.fr/mon-compte/profils';
const profilesPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Plage - Mes profils / habilitations</title>
<style>body{font:15px Arial,sans-serif;margin:0}main{padding:24px}.modal{position:fixed;top:10%;left:10%;background:#fff;padding:20px;width:460px;box-shadow:0 2px 12px #0006}
.modal label{display:block;margin:.5em 0 .2em}.modal input{width:20em}</style></head>
<body><main><h1>Mes profils / habilitations</h1><button type="button" id="ask">+ Demander un profil</button>
<div class="card"><h2>EPI CH Tilleuls</h2><p>310001235 - CENTRE HOSPITALIER DES TILLEULS · Actif</p></div></main>
<div class="modal" role="dialog" aria-modal="true" aria-labelledby="ask-title" hidden>
<h2 id="ask-title">Nouvelle demande de profil</h2>
<label for="courriel">Courriel *</label><input id="courriel" type="email">
<label for="courriel2">Confirmation du courriel *</label><input id="courriel2" type="email">
<label for="tel">Téléphone</label><input id="tel" type="tel">
<button type="button">Envoyer</button></div>
<script>document.getElementById('ask').addEventListener('click', () => { document.querySelector('.modal').hidden = false; });</script></body></html>`;

/** A JSF wizard: « Suivant » posts the step and a partial response replaces the form's content; the URL stays. */
const wizardUrl = 'https://tom.eservices.esante.gouv.fr/commande/cartes-cpe/assistant';
const wizardPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Commande de cartes</title></head>
<body><h1>Commande de cartes CPE</h1><form id="j_idt12" onsubmit="return false"><div id="j_idt12:step">
<p>Étape 1 sur 2 : la structure</p><label for="j_idt12:rs">Raison sociale</label><input id="j_idt12:rs" name="j_idt12:rs">
<button type="button" id="j_idt12:next">Suivant</button></div></form>
<script>document.getElementById('j_idt12:next').addEventListener('click', () => setTimeout(() => {
  document.getElementById('j_idt12:step').innerHTML = '<p>Étape 2 sur 2 : le demandeur</p>'
    + '<label for="j_idt12:nom">Nom du demandeur</label><input id="j_idt12:nom">'
    + '<label for="j_idt12:prenom">Prénom du demandeur</label><input id="j_idt12:prenom">'
    + '<label for="j_idt12:mail">Adresse électronique du demandeur</label><input id="j_idt12:mail" type="email">';
}, 300));</script></body></html>`;

forEachBrowser((name) => {
  let b: ExtensionBrowser;

  beforeAll(async () => {
    b = await launch(name);
    await seedProfile(b, establishments, { currentId: chosen.id, me: { [chosen.id]: me.id } });
  }, 90_000);
  afterAll(async () => {
    await b?.close();
  });

  it('plage: the « + Demander un profil » dialog opened under the open guide gets its preview, and the fill button, by itself', { timeout: 120_000 }, async () => {
    await b.servePortals({ [profilesUrl]: profilesPage });
    const page = await b.newPage();
    try {
      await page.goto(profilesUrl);
      const ui = overlay(page);
      await ui.open();
      // The dialog's fields are in the page, hidden: previewed as not shown, nothing ticked, the button disabled.
      await ui.guide.waitFor('.balise-fill-lines li.balise-fill-skipped', { timeout: 20_000 });
      expect(await ui.guide.count('.balise-fill-lines input:checked')).toBe(0);
      expect(await ui.guide.count('.balise-fill-go[disabled]')).toBe(1);

      await page.click('#ask');
      // Never « Actualiser l’aperçu »: the preview and the button follow the dialog.
      await expect.poll(async () => (await ui.previewLines()).join('\n'), { timeout: 20_000 }).toContain(me.email!);
      await ui.guide.waitFor(fillOffered, { timeout: 20_000 });
      await ui.fill();
      const values = await page.evaluate(() => ['courriel', 'courriel2'].map((id) => (document.getElementById(id) as HTMLInputElement).value));
      expect(values).toEqual([me.email, me.email]);
      expect(b.strayRequests()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a JSF step swapped in by a partial response replaces the preview, and its fields are filled', { timeout: 120_000 }, async () => {
    await b.servePortals({ [wizardUrl]: wizardPage });
    const page = await b.newPage();
    try {
      await page.goto(wizardUrl);
      const ui = overlay(page);
      await ui.open();
      await expect.poll(async () => (await ui.previewLines()).join('\n'), { timeout: 20_000 }).toContain('Raison sociale');

      await page.click('[id="j_idt12:next"]');
      const lines = async () => (await ui.previewLines()).join('\n');
      await expect.poll(lines, { timeout: 20_000 }).toContain('Adresse électronique du demandeur');
      expect(await lines()).not.toContain('Raison sociale');
      await ui.fill();
      const values = await page.evaluate(() => ['nom', 'prenom', 'mail'].map((id) => (document.getElementById(`j_idt12:${id}`) as HTMLInputElement).value));
      expect(values).toEqual([expect.stringMatching(new RegExp(`^${me.lastName}$`, 'i')), me.firstName, me.email]);
      expect(await page.url()).toBe(wizardUrl);
    } finally {
      await page.close();
    }
  });
});
