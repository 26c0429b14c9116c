/**
 * Hostile portal pages (../shared/attacks/*.html): each plays a script running inside an allowed
 * portal page — an XSS, a compromised ad — and writes its verdict to `window.__attack`. Each is
 * served at the portal URL it names (`<meta name="balise-attack-urls">`), the user's steps
 * (`balise-attack-steps`) are played as a person would, through the browser's own protocol,
 * and the page must end SAFE, in Chromium and Firefox. The profile holds two establishments,
 * with a current one and « moi » set, so that every line of a preview carries a value.
 *
 * Steps: `openGuide` (a click on the folded tab), `untick:<label>` (unticks the preview line
 * whose field label contains it), `clickFill` (« Remplir cette page »), `wait:<ms>` (the user
 * looks, for that long: part of the scenario), `clickAt:<css>` (a click where that element of
 * the page is drawn, whatever is on top).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { sampleEstablishment } from '../../lib/profile/sample';
import type { Establishment } from '../../lib/profile/schema';
import { forEachBrowser, withBrowser, type TestPage } from './harness';
import { overlay } from './pages/overlay';
import { seedProfile } from './seed';

/** The review's pages and ours (attacks-extra: other kinds, written here); ATTACKS_DIR plays another folder instead. */
const attacksDirs = process.env.ATTACKS_DIR
  ? [process.env.ATTACKS_DIR]
  : [path.resolve(import.meta.dirname, '../../../shared/attacks'), path.resolve(import.meta.dirname, 'attacks-extra')];

interface Attack {
  file: string;
  url: string;
  steps: string[];
  timeout: number;
  html: string;
}

function meta(html: string, name: string): string | undefined {
  return new RegExp(`<meta\\s+name="${name}"\\s+content="([^"]*)"`).exec(html)?.[1];
}

/** Every page of a folder; none found is a failure, not a silent pass. */
function attacks(dir: string): Attack[] {
  const files = readdirSync(dir).filter((file) => file.endsWith('.html')).sort();
  if (files.length === 0) throw new Error(`no attack page in ${dir}`);
  return files.map((file) => {
    const html = readFileSync(path.join(dir, file), 'utf8');
    const url = meta(html, 'balise-attack-urls');
    if (!url) throw new Error(`${file}: no balise-attack-urls`);
    const steps = (meta(html, 'balise-attack-steps') ?? '').split(';').map((step) => step.trim()).filter(Boolean);
    return { file: `${path.basename(dir)}/${file}`, url: url.split(/[\s,]+/)[0]!, steps, timeout: Number(meta(html, 'balise-attack-timeout') ?? 10_000), html };
  });
}

/** « Moi » has every value a preview may show (name, e-mail, phone, RPPS): a leak or a wrong fill cannot hide behind an empty line. */
const sample = sampleEstablishment();
const first: Establishment = { ...sample, contacts: sample.contacts.map((contact) => (contact.rpps ? { ...contact, phone: '0140275003' } : contact)) };
const me = first.contacts.find((contact) => contact.rpps)!;
const second: Establishment = { ...sampleEstablishment(), id: crypto.randomUUID(), label: 'Clinique du Lac (attaque)', finessEt: '970100012' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function play(page: TestPage, step: string): Promise<void> {
  const [verb, ...rest] = step.split(':');
  const argument = rest.join(':');
  const guide = page.frame('guide.html');
  switch (verb) {
    case 'openGuide':
      await page.deep.click('[data-balise-tab]');
      await guide.waitFor('.balise-fill', { timeout: 20_000 });
      return;
    case 'untick': {
      await guide.waitFor('.balise-fill-lines li', { timeout: 20_000 });
      const index = await guide.evaluate(
        (label) => Array.from(document.querySelectorAll('.balise-fill-lines li')).findIndex((li) => (li.querySelector('.balise-fill-field')?.textContent ?? '').includes(label)),
        argument,
      );
      if (index < 0) throw new Error(`untick: no preview line for « ${argument} »`);
      await guide.click(`.balise-fill-lines li:nth-child(${index + 1}) input[type="checkbox"]`);
      return;
    }
    case 'clickFill':
      await overlay(page).clickFillWhereDrawn();
      return;
    case 'wait':
      await sleep(Number(argument));
      return;
    case 'clickAt':
      await page.deep.click(argument);
      return;
    default:
      throw new Error(`unknown attack step « ${step} »`);
  }
}

forEachBrowser((name) => {
  for (const attack of attacksDirs.flatMap(attacks)) {
    it(`${attack.file} ends SAFE`, { timeout: 120_000 }, async () => {
      await withBrowser(name, async (b) => {
        await seedProfile(b, [first, second], { currentId: first.id, me: { [first.id]: me.id } });
        await b.servePortals({ [attack.url]: attack.html });
        const page = await b.newPage();
        await page.goto(attack.url);
        for (const step of attack.steps) await play(page, step);
        // The page reports when it has seen a fill, or when its own script is over; a page that waits
        // for a fill that does not come is asked for its verdict after the time it names.
        const done = (timeout: number) => page.waitFor(() => (window as unknown as { __attack?: { done?: boolean } }).__attack?.done === true, { timeout });
        await done(attack.timeout).catch(async () => {
          await page.evaluate(() => (window as unknown as { __attackFinish?: () => void }).__attackFinish?.());
          await done(30_000);
        });
        const report = await page.evaluate(() => JSON.stringify((window as unknown as { __attack?: unknown }).__attack ?? null));
        expect(JSON.parse(report) as { verdict?: string }, report).toMatchObject({ verdict: 'SAFE' });
      });
    });
  }
});
