/**
 * Detection on generated pages of 200, 2 000 and 20 000 fields: labelled inputs, wrapping
 * labels, neighbouring text, table cells, fieldsets, selects; a tenth of them two shadow
 * roots deep, a tenth in same-origin iframes. The detection code is bundled with Vite
 * (from lib/autofill, untouched) and injected into the page.
 */
import path from 'node:path';
import { build } from 'vite';
import type { CDPSession, Page } from 'playwright-core';

export const stressSizes = [200, 2_000, 20_000] as const;
export type StressSize = (typeof stressSizes)[number];
export const stressUrl = 'https://stress.balise.test/';

export async function detectionBundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: path.join(import.meta.dirname, 'detect-entry.ts'), formats: ['iife'], name: 'baliseDetect', fileName: 'detect' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('bench: the detection bundle has no chunk');
  return chunk.code;
}

/** Runs in the page: builds `total` fields, resolves once every iframe is loaded. */
export function buildStressPage(total: number): Promise<void> {
  const kinds: ((i: number) => string)[] = [
    (i) => `<label for="nom${i}">Nom de naissance</label><input id="nom${i}" name="nom${i}">`,
    (i) => `<label>Adresse électronique <input type="email" name="mail${i}"></label>`,
    (i) => `<span>Téléphone</span> <input type="tel" name="t${i}">`,
    (i) => `<input aria-label="Code postal" name="cp${i}" maxlength="5">`,
    (i) => `<input placeholder="Ville" name="ville${i}">`,
    (i) => `<select name="region${i}"><option></option><option>Bretagne</option><option>Normandie</option><option>Occitanie</option></select>`,
    (i) => `<textarea name="description${i}"></textarea>`,
    (i) => `<fieldset><legend>Représentant légal</legend><input name="rl${i}" title="Prénom"></fieldset>`,
    (i) => `<table><tr><th>N° FINESS</th><td><input name="finess${i}" inputmode="numeric" maxlength="9"></td></tr></table>`,
    (i) => `<div><div>Service</div><div><input name="service${i}"></div></div>`,
  ];
  let next = 0;
  const forms = (count: number) => {
    let html = '';
    for (let made = 0; made < count; made += 20) {
      html += '<form>';
      for (let k = 0; k < Math.min(20, count - made); k++, next++) html += `<div class="row">${kinds[next % kinds.length]!(next)}</div>`;
      html += '</form>';
    }
    return html;
  };
  const inShadow = Math.round(total * 0.1);
  const inFrames = Math.round(total * 0.1);
  const frameCount = 4;
  document.body.innerHTML = `<main>${forms(total - inShadow - inFrames)}</main>`;

  // Two levels of open shadow roots, a group of 20 fields in each inner one.
  for (let made = 0; made < inShadow; made += 20) {
    const outer = document.createElement('div');
    const inner = document.createElement('section');
    inner.attachShadow({ mode: 'open' }).innerHTML = forms(Math.min(20, inShadow - made));
    outer.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(outer);
  }
  const loads: Promise<void>[] = [];
  for (let f = 0; f < frameCount; f++) {
    const frame = document.createElement('iframe');
    const count = Math.floor(inFrames / frameCount) + (f < inFrames % frameCount ? 1 : 0);
    frame.srcdoc = `<!doctype html><body>${forms(count)}</body>`;
    loads.push(new Promise((resolve) => frame.addEventListener('load', () => resolve(), { once: true })));
    document.body.append(frame);
  }
  return Promise.all(loads).then(() => {});
}

interface InPageRun {
  ms: number;
  collected: number;
  classified: number;
}

export interface DetectionRun extends InPageRun {
  /** The renderer main thread's CPU time over the call (CDP, threadTicks): what other work on the machine does not inflate. */
  cpuMs: number;
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
}

/**
 * Loads a fresh page of `total` fields with the detection bundle in it; the answer times one
 * detection on that page per call (the first one cold).
 */
export async function stressPage(page: Page, cdp: CDPSession, bundle: string, total: number): Promise<() => Promise<DetectionRun>> {
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(stressUrl);
  await page.evaluate(buildStressPage, total);
  await page.addScriptTag({ content: bundle });
  return async () => {
    const before = await taskSeconds(cdp);
    const run = await page.evaluate(() => (window as unknown as { baliseDetect: { detect(d: Document): InPageRun } }).baliseDetect.detect(document));
    return { ...run, cpuMs: ((await taskSeconds(cdp)) - before) * 1000 };
  };
}
