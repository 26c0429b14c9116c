/**
 * `npm run bench`: Balise's performance in real Chromium (playwright-core), against the
 * budgets of the README (« Budgets de performance »). Prints a table and writes
 * bench-results/bench.json. Every timing is the median of `--runs` runs (10 by default) with
 * its min and max; comparisons (with / without the extension, extension / oracle) are made in
 * the same run, the two browsers side by side, taking turns.
 *
 *   npm run bench                          build, then 10 runs of everything
 *   npm run bench -- --quick               2 runs, one page per portal, the Medimail form only (CI: proves the benchmark works, fails on no timing)
 *   node test/run.mjs test/bench/run.ts --runs 20 --out FILE --extension DIR
 *   node test/run.mjs test/bench/run.ts --only load,fill    some sections only (sizes, load, fill, detect, options)
 *   node test/run.mjs test/bench/run.ts --only load,fill,options --baseline DIR    DIR's page loads, fills, options page and popup timed in turn with these
 *   node test/run.mjs test/bench/run.ts --only fill --forms medimail/balOrgForm    the fill section on some forms only
 *
 * Main-thread time is the renderer's CPU time (CDP Performance.getMetrics in threadTicks), so
 * other work on the machine weighs less on it than on wall-clock figures; the JSON records the
 * load average before and after.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { renderMessage } from '../../lib/i18n/catalog';
import { buildProfileFile, MAX_FILE_BYTES } from '../../lib/profile/transfer';
import { builtExtensionDirs, chromiumScopes } from '../e2e/harness';
import { overlay } from '../e2e/pages/overlay';
import { fixtureHtml, fixtures, type Fixture } from '../fixtures/load';
import { floorExtension, floorPage, launchBench, waitForValue, type BenchBrowser } from './browser';
import { fixtureEstablishment, fixtureMe } from '../fixtures/profile';
import { manyEstablishments, seedDatabase } from './profiles';
import { figureKeys, type BenchFigure, type FigureKey } from './figures';
import { exact, figure, type Figure } from './stats';
import { buildStressPage, detectionBundle, stressPage, stressSizes, stressUrl, type DetectionRun, type StressSize } from './stress';

/** A built-in portal host: the always-loaded script runs there. */
const stressPortalUrl = 'https://plage.atih.sante.fr/bench/stress';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    out: { type: 'string', default: 'bench-results/bench.json' },
    extension: { type: 'string', default: builtExtensionDirs.chromium },
    only: { type: 'string' },
    // The fill section on these forms only (portal/page, comma-separated), e.g. medimail/balOrgForm.
    forms: { type: 'string' },
    // Another build whose page loads, fills, options page and popup are timed in turn with this one's (old vs new).
    baseline: { type: 'string' },
  },
});
const sections = ['sizes', 'load', 'fill', 'detect', 'options'] as const;
const only = args.only?.split(',') ?? [...sections];
for (const name of only) if (!(sections as readonly string[]).includes(name)) throw new Error(`--only: one of ${sections.join(', ')}`);
const section = (name: (typeof sections)[number]) => only.includes(name);
const runs = Number(args.runs ?? (args.quick ? 2 : 10));
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs: a positive integer');
/** The pages the load section opens: every fixture; with --quick, each portal's first, enough to prove every figure is measured. */
const loadPages = args.quick ? fixtures.filter((fixture, i) => fixtures.findIndex((f) => f.portal === fixture.portal) === i) : fixtures;
/** The Medimail form, whose fill has a budget: the only one --quick fills, unless --forms names others. */
const budgetForm = 'medimail/balOrgForm';
const extensionDir = path.resolve(args.extension);

const figures: Partial<Record<FigureKey, BenchFigure>> = {};
const details: Record<string, unknown> = {};
const put = (key: FigureKey, label: string, unit: BenchFigure['unit'], value: Figure, max?: number) => {
  figures[key] = { label, unit, ...value, ...(max === undefined ? {} : { budget: { max, met: value.median <= max } }) };
};
const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const kb = (bytes: number) => bytes / 1024;

// ---------------------------------------------------------------- sizes

/** The content script the manifest always loads, and every other content script (injected later, on demand). */
function measureSizes() {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[]; css?: string[] }[] };
  const always = new Set((manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]));
  const all = readdirSync(path.join(extensionDir, 'content-scripts')).map((f) => `content-scripts/${f}`);
  const sizeOf = (files: string[]) => {
    const bytes = files.map((f) => readFileSync(path.join(extensionDir, f)));
    return { raw: bytes.reduce((s, b) => s + b.length, 0), gzip: bytes.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0) };
  };
  const first = sizeOf([...always]);
  const lazy = all.filter((f) => !always.has(f));
  const later = sizeOf(lazy);
  details.sizes = { alwaysLoaded: [...always], loadedLater: lazy, bytes: { alwaysLoaded: first, loadedLater: later } };
  put('portalScriptRaw', 'Always-loaded content script, raw', 'KB', exact(kb(first.raw)));
  put('portalScriptGzip', 'Always-loaded content script, gzip', 'KB', exact(kb(first.gzip)), 25);
  put('lazyChunksRaw', `Loaded later (${lazy.map((f) => path.basename(f)).join(' + ')}), raw`, 'KB', exact(kb(later.raw)));
  put('lazyChunksGzip', 'Loaded later, gzip', 'KB', exact(kb(later.gzip)));
}

// ---------------------------------------------------------------- page load

/**
 * Main-thread time of one load, from CDP Performance.getMetrics (threadTicks). `taskMs` is all
 * of it, and includes the others: `scriptMs` is JS running (not compiling), `compileMs` V8's
 * compilation of scripts (paid again at every load by a content script, which gets no code
 * cache), `layoutMs` layout plus style recalculation.
 */
interface LoadSample {
  taskMs: number;
  scriptMs: number;
  compileMs: number;
  layoutMs: number;
  heapMb: number;
  overlayMs: number | null;
}

/** The named metrics of Performance.getMetrics, in ms (CDP gives seconds). */
async function metricsMs<Name extends string>(cdp: CDPSession, names: readonly Name[]): Promise<Record<Name, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: Name) => {
    const found = metrics.find((m) => m.name === name);
    if (!found) throw new Error(`bench: no ${name} in Performance.getMetrics`);
    return found.value * 1000;
  };
  return Object.fromEntries(names.map((name) => [name, value(name)])) as Record<Name, number>;
}

/** JS heap after a full GC (the isolate's: page and content scripts). */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / (1024 * 1024);
}

/** A page the load section opens at a portal URL: a fixture, or the stress page of 2 000 fields. */
interface LoadPage {
  id: string;
  url: string;
  html: string;
}

/**
 * One load of a page in a fresh tab: renderer CPU time (threadTicks) up to 500 ms after the
 * load event — and after the overlay shows, when `overlayTimeout` says it should —, then the heap.
 */
async function loadOnce(b: BenchBrowser, { url, html }: LoadPage, overlayTimeout: number): Promise<LoadSample> {
  b.serve({ [url]: html });
  const { page, cdp } = await b.newPage();
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load' });
    // Asked on every side, even where nothing is awaited: the protocol's evaluation in the page
    // (~1–2 ms of main thread, Playwright's utility script) was else counted as Balise's.
    const overlayMs = await b.when(page, 'overlay', overlayTimeout);
    await sleep(500);
    const m = await metricsMs(cdp, ['TaskDuration', 'ScriptDuration', 'V8CompileDuration', 'LayoutDuration', 'RecalcStyleDuration']);
    return {
      taskMs: m.TaskDuration,
      scriptMs: m.ScriptDuration,
      compileMs: m.V8CompileDuration,
      layoutMs: m.LayoutDuration + m.RecalcStyleDuration,
      heapMb: await heapMb(cdp), overlayMs: overlayMs ?? (await b.seen(page, 'overlay')) };
  } finally {
    await page.close();
  }
}

/**
 * The browsers of the load section: Balise, the floor (an empty content script on the same
 * hosts), none, and with `--baseline` another build of Balise (old vs new).
 */
interface LoadSides {
  balise: BenchBrowser;
  floor: BenchBrowser;
  none: BenchBrowser;
  baseline?: BenchBrowser;
}
type Side = keyof LoadSides;

/** `runs` loads of a page on each side, taking turns in an order that rotates, so that a burst of load elsewhere hits every side alike. */
async function loadSamples(sides: LoadSides, page: LoadPage): Promise<Record<Side, LoadSample[]>> {
  const samples: Record<Side, LoadSample[]> = { balise: [], floor: [], none: [], baseline: [] };
  const order = (['balise', 'floor', 'none', 'baseline'] as const).filter((side) => sides[side]);
  // The first load tells whether the overlay shows on this page; later ones wait for it only then.
  let overlayTimeout = 10_000;
  for (let i = 0; i < runs; i++) {
    for (const side of [...order.slice(i % order.length), ...order.slice(0, i % order.length)]) {
      const shows = side === 'balise' || side === 'baseline';
      const sample = await loadOnce(sides[side]!, page, shows ? overlayTimeout : 0);
      samples[side].push(sample);
      if (side === 'balise' && samples.balise.length === 1 && sample.overlayMs === null) overlayTimeout = 0;
    }
  }
  return samples;
}

/** Main-thread time a side adds to the bare browser's, load by load. */
const addedBy = (samples: Record<Side, LoadSample[]>, side: Side, value: (s: LoadSample) => number = (s) => s.taskMs) =>
  samples[side].map((s, i) => value(s) - value(samples.none[i]!));

async function measurePageLoad(sides: LoadSides) {
  const perPage: Record<string, unknown> = {};
  const added: number[] = [];
  const floorAdded: number[] = [];
  const scriptAdded: number[] = [];
  const compileAdded: number[] = [];
  const layoutAdded: number[] = [];
  const overlay: number[] = [];
  const baselineAdded: number[] = [];
  const baselineOverlay: number[] = [];
  const heapWith: number[] = [];
  const heapWithout: number[] = [];
  for (const fixture of loadPages) {
    const id = `${fixture.portal}/${fixture.page}`;
    progress(`page load: ${id}`);
    const samples = await loadSamples(sides, { id, url: fixture.url, html: fixtureHtml(fixture) });
    const diffs = addedBy(samples, 'balise');
    const floorDiffs = addedBy(samples, 'floor');
    const scriptDiffs = addedBy(samples, 'balise', (s) => s.scriptMs);
    const compileDiffs = addedBy(samples, 'balise', (s) => s.compileMs);
    const layoutDiffs = addedBy(samples, 'balise', (s) => s.layoutMs);
    const shown = samples.balise.map((s) => s.overlayMs).filter((v): v is number => v !== null);
    if (sides.baseline) {
      baselineAdded.push(...addedBy(samples, 'baseline'));
      baselineOverlay.push(...samples.baseline.map((s) => s.overlayMs).filter((v): v is number => v !== null));
    }
    added.push(...diffs);
    floorAdded.push(...floorDiffs);
    scriptAdded.push(...scriptDiffs);
    compileAdded.push(...compileDiffs);
    layoutAdded.push(...layoutDiffs);
    overlay.push(...shown);
    heapWith.push(...samples.balise.map((s) => s.heapMb));
    heapWithout.push(...samples.none.map((s) => s.heapMb));
    perPage[id] = {
      taskWith: figure(samples.balise.map((s) => s.taskMs)),
      taskFloor: figure(samples.floor.map((s) => s.taskMs)),
      taskWithout: figure(samples.none.map((s) => s.taskMs)),
      taskAdded: figure(diffs),
      floorAdded: figure(floorDiffs),
      scriptAdded: figure(scriptDiffs),
      compileAdded: figure(compileDiffs),
      layoutAdded: figure(layoutDiffs),
      overlayVisible: shown.length ? figure(shown) : null,
      heapWith: figure(samples.balise.map((s) => s.heapMb)),
      heapWithout: figure(samples.none.map((s) => s.heapMb)),
    };
  }
  details.pageLoad = perPage;
  put('mainThreadAdded', `Main-thread time added at load (${loadPages.length} pages × ${runs} runs)`, 'ms', figure(added), 10);
  put('mainThreadFloorAdded', 'Floor: an empty content script on the same hosts, same loads', 'ms', figure(floorAdded));
  put('scriptAdded', 'of which script time (running)', 'ms', figure(scriptAdded));
  put('compileAdded', 'of which V8 compile', 'ms', figure(compileAdded));
  put('layoutAdded', 'of which layout and style', 'ms', figure(layoutAdded));
  put('overlayVisible', 'Navigation → guide visible (folded tab)', 'ms', figure(overlay), 100);
  put('heapWith', 'JS heap, guide folded', 'MB', figure(heapWith));
  put('heapWithout', 'JS heap, without the extension', 'MB', figure(heapWithout));
  put('heapAdded', 'JS heap added', 'MB', figure(heapWith.map((h, i) => h - heapWithout[i]!)));

  // Recognition reads every field's label: the same page load with 2 000 fields, at a portal URL.
  const size = 2_000;
  progress(`page load: ${size} fields at a portal URL`);
  const stress = await loadSamples(sides, {
    id: 'stress',
    url: stressPortalUrl,
    html: `<!doctype html><html lang="fr"><head><title>Stress</title></head><body><script>(${buildStressPage.toString()})(${size})</script></body></html>`,
  });
  details.pageLoadStress = { fields: size, url: stressPortalUrl, taskWithout: figure(stress.none.map((s) => s.taskMs)) };
  put('mainThreadStressAdded', `Main-thread time added at load, ${size.toLocaleString('en')} fields at a portal URL`, 'ms', figure(addedBy(stress, 'balise')), 10);
  put('mainThreadStressFloorAdded', 'Floor on the same page', 'ms', figure(addedBy(stress, 'floor')));
  if (sides.baseline) {
    const baseline = { mainThreadAdded: figure(baselineAdded), overlayVisible: figure(baselineOverlay), mainThreadStressAdded: figure(addedBy(stress, 'baseline')) };
    details.baselineLoad = { extensionDir: path.resolve(args.baseline!), ...baseline };
    const median = (key: keyof typeof baseline) => `${figures[key]!.median.toFixed(1)} (baseline ${baseline[key].median.toFixed(1)})`;
    progress(
      `page load, this build (baseline): added ${median('mainThreadAdded')} ms, guide visible ${median('overlayVisible')} ms, ${size} fields ${median('mainThreadStressAdded')} ms`,
    );
  }
}

// ---------------------------------------------------------------- fill

/**
 * Main world of the page, before the fill: the last input / change / blur event any page field
 * receives, as timeOrigin + now() (comparable with the guide frame's click, timed on its own clock).
 */
function listenToFields() {
  const log = { last: null as number | null, events: 0 };
  (window as unknown as { __benchFill: typeof log }).__benchFill = log;
  for (const type of ['input', 'change', 'blur']) {
    document.addEventListener(type, (event) => {
      // Balise's own hosts retarget to themselves here: only the page's fields count.
      const target = event.composedPath()[0] as Element | undefined;
      if (!target || target.nodeType !== 1 || !/^(input|select|textarea)$/.test(target.localName)) return;
      log.last = performance.timeOrigin + performance.now();
      // The first write, named in the trace: the task it runs in is the fill's (fillOnce).
      if (log.events === 0) performance.mark('bench:firstWrite');
      log.events++;
    }, true);
  }
}

/** In the guide frame: when « Remplir cette page » is clicked, as timeOrigin + the event's timestamp. */
function listenToFillClick() {
  const log = { click: null as number | null };
  (window as unknown as { __benchFillClick: typeof log }).__benchFillClick = log;
  document.addEventListener('click', (event) => {
    if (log.click === null && (event.target as Element).closest('.balise-fill-go')) log.click = performance.timeOrigin + event.timeStamp;
  }, true);
}

/** The floor: the same values through the native setters with the same events, by known selectors. */
function oracleFill(values: [string, string][]): { ms: number; events: number } {
  let last = 0;
  let events = 0;
  for (const type of ['input', 'change', 'blur']) document.addEventListener(type, () => {
    last = performance.now();
    events++;
  }, true);
  const start = performance.now();
  for (const [selector, value] of values) {
    const element = document.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(selector);
    if (!element) throw new Error(`oracle: no ${selector}`);
    element.focus({ preventScroll: true });
    if (element instanceof HTMLSelectElement) {
      const index = Array.from(element.options).findIndex((o) => o.value === value);
      Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'selectedIndex')!.set!.call(element, index);
    } else {
      const proto = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(element, value);
    }
    element.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText', data: value }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
    element.blur();
  }
  return { ms: last - start, events };
}

/** Main world: when the folded guide's tab is clicked. */
function listenToOpen() {
  const log = { click: null as number | null };
  (window as unknown as { __benchOpen: typeof log }).__benchOpen = log;
  document.addEventListener('click', (event) => {
    if (event.composedPath().some((n) => (n as Element).localName === 'balise-tab')) log.click ??= event.timeStamp;
  }, true);
}

/**
 * One fill: `ms`, click → last event (wall clock); `cpuMs`, the CPU time of the page's task
 * that writes the fields (from the guide's message to the end of its microtasks: the outcome's
 * bookkeeping included), from a trace of the page's main thread, which the machine's load
 * weighs less on. Traced with the top-level category and user timing only, so that the trace
 * adds no work inside the fill.
 */
async function fillOnce(b: BenchBrowser, fixture: Fixture): Promise<{ ms: number; cpuMs: number; openMs: number; events: number; values: [string, string][] }> {
  b.serve({ [fixture.url]: fixtureHtml(fixture) });
  const { page, cdp } = await b.newPage();
  const id = `${fixture.portal}/${fixture.page}`;
  try {
    await page.goto(fixture.url, { waitUntil: 'load' });
    // Balise's UI is in closed shadow roots and the guide frame: reached through CDP, clicked as a user does.
    const scopes = chromiumScopes(page, b.extensionUrl);
    const ui = overlay(scopes, 30_000);
    // The guide starts folded: open it as a user does, timing click (in the page) → panel drawn (in the guide frame).
    await scopes.deep.waitFor('[data-balise-tab]', { timeout: 30_000 });
    await page.evaluate(listenToOpen);
    await ui.open();
    const shown = await waitForValue(() => b.seen(page, 'panel'), 30_000);
    const opened = await page.evaluate(() => (window as unknown as { __benchOpen: { click: number | null } }).__benchOpen.click);
    if (shown === null || opened === null) throw new Error(`bench: the guide never opened on ${id}`);
    await page.evaluate(listenToFields);
    await ui.guide.evaluate(listenToFillClick);
    const trace: { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number }[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => trace.push(...(value as unknown as typeof trace)));
    const traced = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['toplevel', 'blink.user_timing'] } });
    await ui.clickFill();
    // The outcome, or the notice of a refused click (lib/autofill/click-guard.ts).
    await ui.guide.waitFor('.balise-fill-outcome, .balise-fill > [role]', { timeout: 30_000 });
    if ((await ui.guide.count('.balise-fill-outcome')) === 0) throw new Error(`bench: the guide refused the fill on ${id}: « ${await ui.guide.text('.balise-fill > [role]')} »`);
    // Stragglers (an autocomplete's pick) land after the outcome is shown.
    await sleep(300);
    await cdp.send('Tracing.end');
    await traced;
    const first = trace.find((e) => e.name === 'bench:firstWrite');
    const task = first && trace.find((e) => e.ph === 'X' && e.pid === first.pid && e.tid === first.tid && e.tdur !== undefined && e.ts <= first.ts && e.ts + e.dur! >= first.ts);
    if (!task) throw new Error(`bench: no task around the first write on ${id}`);
    const cpuMs = task.tdur! / 1000;
    const { click } = await ui.guide.evaluate(() => (window as unknown as { __benchFillClick: { click: number | null } }).__benchFillClick);
    const log = await page.evaluate(() => (window as unknown as { __benchFill: { last: number | null; events: number } }).__benchFill);
    if (click === null || log.last === null) throw new Error(`bench: no fill seen on ${id}`);
    const selectors = fixture.fields.filter((f) => f.fill).map((f) => f.selector);
    const values = await page.evaluate(
      (list) => list.map((s) => [s, document.querySelector<HTMLInputElement>(s)?.value ?? ''] as [string, string]),
      selectors,
    );
    // Folded again (the key goes to the guide frame, where the click left the focus), so that the next load starts as a new user's would.
    await page.keyboard.press('Alt+Shift+B');
    await scopes.deep.waitFor('[data-balise-tab]', { timeout: 30_000 });
    return { ms: log.last - click, cpuMs, openMs: shown - opened, events: log.events, values };
  } finally {
    await page.close();
  }
}

async function oracleOnce(b: BenchBrowser, fixture: Fixture, values: [string, string][]) {
  b.serve({ [fixture.url]: fixtureHtml(fixture) });
  const { page } = await b.newPage();
  try {
    await page.goto(fixture.url, { waitUntil: 'load' });
    return await page.evaluate(oracleFill, values);
  } finally {
    await page.close();
  }
}

/**
 * Each form filled `runs` times by Balise, by the oracle and, with `--baseline`, by that build,
 * taking turns in an order that rotates, so that a burst of load elsewhere hits every side alike.
 */
async function measureFill(withExtension: BenchBrowser, without: BenchBrowser, baseline: BenchBrowser | undefined) {
  const named = args.forms?.split(',') ?? (args.quick ? [budgetForm] : undefined);
  const forms = fixtures.filter((f) => f.fields.some((field) => field.fill) && (!named || named.includes(`${f.portal}/${f.page}`)));
  if (forms.length === 0) throw new Error(`--forms: no form to fill among ${named?.join(', ')}`);
  const perForm: Record<string, unknown> = {};
  const all: number[] = [];
  const opens: number[] = [];
  for (const fixture of forms) {
    const id = `${fixture.portal}/${fixture.page}`;
    progress(`fill: ${id}`);
    const balise: number[] = [];
    const baliseCpu: number[] = [];
    const oracle: number[] = [];
    const old: number[] = [];
    const oldCpu: number[] = [];
    const events = { balise: 0, oracle: 0, baseline: 0 };
    // The oracle writes the values Balise left in the form: the first run of Balise comes first.
    let values: [string, string][] | undefined;
    const sides = {
      balise: async () => {
        const filled = await fillOnce(withExtension, fixture);
        values = filled.values;
        balise.push(filled.ms);
        baliseCpu.push(filled.cpuMs);
        opens.push(filled.openMs);
        events.balise = filled.events;
      },
      oracle: async () => {
        const floor = await oracleOnce(without, fixture, values!);
        oracle.push(floor.ms);
        events.oracle = floor.events;
      },
      ...(baseline && {
        baseline: async () => {
          const filled = await fillOnce(baseline, fixture);
          old.push(filled.ms);
          oldCpu.push(filled.cpuMs);
          events.baseline = filled.events;
        },
      }),
    };
    const order = Object.values(sides);
    for (let i = 0; i < runs; i++) {
      const turn = i === 0 ? 0 : i % order.length;
      for (const side of [...order.slice(turn), ...order.slice(0, turn)]) await side();
    }
    all.push(...balise);
    perForm[id] = { balise: figure(balise), baliseCpu: figure(baliseCpu), oracle: figure(oracle), events, ...(baseline && { baseline: figure(old), baselineCpu: figure(oldCpu) }) };
    const median = (samples: number[]) => figure(samples).median.toFixed(1);
    if (baseline)
      progress(
        `fill ${id} (medians): this build ${median(balise)} ms (CPU ${median(baliseCpu)}), baseline ${median(old)} ms (CPU ${median(oldCpu)}), oracle ${median(oracle)} ms; events ${events.balise} / ${events.baseline} / ${events.oracle}`,
      );
    if (id === budgetForm) {
      put('fillMedimail', 'Fill, click → last event (Medimail BAL form)', 'ms', figure(balise), 30);
      put('fillMedimailOracle', 'Oracle on the same form (floor)', 'ms', figure(oracle));
      put('fillMedimailRatio', 'Fill / oracle (medians)', '×', exact(figure(balise).median / Math.max(figure(oracle).median, 0.1)), 3);
    }
  }
  details.fill = perForm;
  put('fillAllForms', `Fill, click → last event (${forms.length} forms pooled)`, 'ms', figure(all));
  put('guideOpen', `Opening the folded guide, click → panel drawn (${forms.length} forms pooled)`, 'ms', figure(opens));
}

// ---------------------------------------------------------------- detection

/**
 * Every size's page stays open and the sizes take turns, run after run, so that a burst of load
 * elsewhere weighs on each size alike: the growth compares sizes measured side by side.
 */
async function measureDetection(without: BenchBrowser) {
  const bundle = await detectionBundle();
  without.serve({ [stressUrl]: '<!doctype html><html lang="fr"><head><title>Stress</title></head><body></body></html>' });
  const pages: Page[] = [];
  try {
    const detect = new Map<StressSize, () => Promise<DetectionRun>>();
    for (const size of stressSizes) {
      progress(`detection: a page of ${size} fields`);
      const { page, cdp } = await without.newPage();
      pages.push(page);
      detect.set(size, await stressPage(page, cdp, bundle, size));
    }
    const results = new Map<StressSize, DetectionRun[]>(stressSizes.map((size) => [size, []]));
    for (let i = 0; i < runs; i++) {
      progress(`detection: run ${i + 1} of ${runs}`);
      // The order turns too: no size is always the one after the largest.
      for (let k = 0; k < stressSizes.length; k++) {
        const size = stressSizes[(i + k) % stressSizes.length]!;
        results.get(size)!.push(await detect.get(size)!());
      }
    }
    const medians: Record<number, number> = {};
    const perSize: Record<string, unknown> = {};
    for (const size of stressSizes) {
      const sizeResults = results.get(size)!;
      const wrong = sizeResults.find((r) => r.collected !== size);
      if (wrong) throw new Error(`bench: the stress page of ${size} fields gave ${wrong.collected} to the collector`);
      const timing = figure(sizeResults.map((r) => r.cpuMs));
      medians[size] = timing.median;
      perSize[size] = { cpu: timing, wallClock: figure(sizeResults.map((r) => r.ms)), firstRunCpu: sizeResults[0]!.cpuMs, classified: sizeResults[0]!.classified };
      put(`detect${size}` as FigureKey, `Detection, ${size.toLocaleString('en')} fields (CPU)`, 'ms', timing, size === 2_000 ? 50 : undefined);
    }
    details.detection = perSize;
    put('detectGrowth', 'Detection growth 2 000 → 20 000 (sizes taking turns)', '×', exact(medians[20_000]! / medians[2_000]!), 12);
  } finally {
    for (const page of pages) await page.close();
  }
}

// ---------------------------------------------------------------- options, import, popup

/**
 * One opening of an extension page in a fresh tab: navigation → `milestone` painted (ms, wall
 * clock), and the renderer's CPU time (threadTicks) when the bench saw it, which the machine's
 * load weighs less on (it includes what ran between the paint and the bench's look, ≤ ~20 ms).
 */
async function timeMilestone(b: BenchBrowser, url: string, milestone: 'optionsList' | 'popup' | 'floorPage'): Promise<{ ms: number; cpuMs: number }> {
  const { page, cdp } = await b.newPage();
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url);
    const at = await waitForValue(() => b.seen(page, milestone), 30_000);
    if (at === null) throw new Error(`bench: ${milestone} never shown on ${url}`);
    return { ms: at, cpuMs: (await metricsMs(cdp, ['TaskDuration'] as const)).TaskDuration };
  } finally {
    await page.close();
  }
}

/**
 * Times one import of `fileText`; `longestTask`, `longestApplyTask`: the longest task (ms, 0
 * when none passed 50) from the file's choice to the preview, and from « Confirmer » to done.
 */
async function importOnce(b: BenchBrowser, fileText: string): Promise<{ preview: number; apply: number; longestTask: number; longestApplyTask: number }> {
  const { page } = await b.newPage();
  try {
    await page.goto(b.extensionUrl('options.html'));
    await seedDatabase(page, []);
    await page.reload();
    await page.waitForSelector('input[type=file]', { state: 'attached' });
    // The file is made in a task of its own: handing 2.2 MB of text to the page is the
    // harness's work, and in the choice's task it counted as a long task of the import.
    await page.evaluate((text) => {
      (window as unknown as { __benchFile: File }).__benchFile = new File([text], 'bench.balise.json', { type: 'application/json' });
    }, fileText);
    // Nobody picks a file within a second of the page opening: by then the page has loaded
    // what it defers past its first paint (the import dialog's code among it).
    await sleep(1000);
    const start = await page.evaluate(() => {
      const log = { click: null as number | null, longTasks: [] as { start: number; duration: number }[] };
      (window as unknown as { __benchImport: typeof log }).__benchImport = log;
      // The browser reports every task over 50 ms: the import must leave the page answering.
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) log.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask' });
      document.addEventListener('click', (event) => {
        log.click ??= event.timeStamp;
      }, true);
      const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
      const transfer = new DataTransfer();
      transfer.items.add((window as unknown as { __benchFile: File }).__benchFile);
      input.files = transfer.files;
      const at = performance.now();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return at;
    });
    const preview = await waitForValue(() => b.seen(page, 'importPreview'), 60_000);
    if (preview === null) throw new Error('bench: the import preview never showed');
    await page.locator(`button[aria-label="${renderMessage('importConfirmLabel', [], 'fr')}"]`).click();
    const done = await waitForValue(() => b.seen(page, 'importDone'), 60_000);
    const { click, longTasks } = await page.evaluate(
      () => (window as unknown as { __benchImport: { click: number | null; longTasks: { start: number; duration: number }[] } }).__benchImport,
    );
    if (done === null || click === null) throw new Error('bench: the import never finished');
    const longest = (from: number, to: number) =>
      Math.max(0, ...longTasks.filter((task) => task.start + task.duration > from && task.start < to).map((task) => task.duration));
    return { preview: preview - start, apply: done - click, longestTask: longest(start, preview), longestApplyTask: longest(click, done) };
  } finally {
    await page.close();
  }
}

/**
 * The import, then the options page and the popup opened with 500 × 20 stored, beside the
 * floor (`floor`'s page without script: what any extension page costs to open) and, when
 * `--baseline` names another build, that build's same pages.
 */
async function measureOptions(b: BenchBrowser, floor: BenchBrowser, baseline: BenchBrowser | undefined) {
  const [establishments, contacts] = [500, 20];
  const realistic = JSON.stringify(buildProfileFile(manyEstablishments(establishments, contacts)));
  details.importFile = { bytes: Buffer.byteLength(realistic), maxFileBytes: MAX_FILE_BYTES };

  progress(`import: ${establishments} × ${contacts} (${(Buffer.byteLength(realistic) / 1e6).toFixed(1)} MB)`);
  const previews: number[] = [];
  const applies: number[] = [];
  const longestTasks: number[] = [];
  const longestApplyTasks: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { preview, apply, longestTask, longestApplyTask } = await importOnce(b, realistic);
    previews.push(preview);
    applies.push(apply);
    longestTasks.push(longestTask);
    longestApplyTasks.push(longestApplyTask);
  }
  put('importPreview', 'Import: file chosen → preview shown', 'ms', figure(previews));
  put('importLongestTask', 'Import: longest task until the preview', 'ms', figure(longestTasks), 50);
  put('importApply', 'Import: confirm → done', 'ms', figure(applies));
  put('importApplyLongestTask', 'Import: longest task from confirm to done', 'ms', figure(longestApplyTasks), 50);
  put('importTotal', `Import ${establishments} × ${contacts}, preview + apply`, 'ms', figure(previews.map((p, i) => p + applies[i]!)), 1000);

  progress(`options page and popup with ${establishments} × ${contacts} stored${baseline ? ', beside the baseline build' : ''}`);
  const stored = manyEstablishments(establishments, contacts);
  for (const browser of [b, ...(baseline ? [baseline] : [])]) {
    const { page } = await browser.newPage();
    await page.goto(browser.extensionUrl('options.html'));
    await seedDatabase(page, stored);
    await page.close();
  }
  // Every opening of a run takes its turn, in an order that rotates, so that a burst of load elsewhere hits them alike.
  const openings = {
    options: () => timeMilestone(b, b.extensionUrl('options.html'), 'optionsList'),
    popup: () => timeMilestone(b, b.extensionUrl('popup.html'), 'popup'),
    floor: () => timeMilestone(floor, floor.extensionUrl(floorPage), 'floorPage'),
    ...(baseline && {
      baselineOptions: () => timeMilestone(baseline, baseline.extensionUrl('options.html'), 'optionsList'),
      baselinePopup: () => timeMilestone(baseline, baseline.extensionUrl('popup.html'), 'popup'),
    }),
  };
  const names = Object.keys(openings) as (keyof typeof openings)[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as { ms: number; cpuMs: number }[]])) as Record<keyof typeof openings, { ms: number; cpuMs: number }[]>;
  for (let i = 0; i < runs; i++) {
    for (const name of [...names.slice(i % names.length), ...names.slice(0, i % names.length)]) samples[name].push(await openings[name]!());
  }
  const ms = (name: keyof typeof openings) => samples[name]!.map((s) => s.ms);
  const added = (name: keyof typeof openings, value: 'ms' | 'cpuMs' = 'ms') => samples[name]!.map((s, i) => s[value] - samples.floor[i]![value]);
  const cpu = (name: keyof typeof openings) => ({ cpu: figure(samples[name]!.map((s) => s.cpuMs)), cpuAdded: figure(added(name, 'cpuMs')) });
  put('optionsRender', `Options page, navigation → list of ${establishments} shown`, 'ms', figure(ms('options')), 100);
  put('optionsFloor', 'Floor: an extension page without script, navigation → painted', 'ms', figure(ms('floor')));
  put('optionsRenderAdded', 'Options page: added to the floor, opening by opening', 'ms', figure(added('options')));
  put('popupOpen', 'Popup, navigation → content shown', 'ms', figure(ms('popup')));
  put('popupAdded', 'Popup: added to the floor, opening by opening', 'ms', figure(added('popup')));
  details.openings = { options: cpu('options'), popup: cpu('popup'), floor: { cpu: figure(samples.floor.map((s) => s.cpuMs)) } };
  if (baseline) {
    details.baseline = {
      extensionDir: path.resolve(args.baseline!),
      optionsRender: figure(ms('baselineOptions')),
      optionsRenderAdded: figure(added('baselineOptions')),
      popupOpen: figure(ms('baselinePopup')),
      popupAdded: figure(added('baselinePopup')),
      options: cpu('baselineOptions'),
      popup: cpu('baselinePopup'),
    };
    const line = (name: keyof typeof openings) => `${figure(ms(name)).median.toFixed(0)} ms (CPU ${figure(samples[name]!.map((s) => s.cpuMs)).median.toFixed(0)})`;
    progress(`this build: options ${line('options')}, popup ${line('popup')}; baseline: options ${line('baselineOptions')}, popup ${line('baselinePopup')}; floor ${line('floor')}`);
  }
}

// ---------------------------------------------------------------- report

const number = (value: number, unit: BenchFigure['unit']) => value.toFixed(unit === 'ms' && Math.abs(value) >= 100 ? 0 : unit === 'MB' ? 2 : 1);

function table(): string {
  const rows = figureKeys.flatMap((key) => {
    const f = figures[key];
    if (!f) return [];
    const budget = f.budget ? `≤ ${f.budget.max} ${f.unit}` : '';
    const verdict = !f.budget ? '' : f.budget.met ? 'met' : `missed by ${number(f.median - f.budget.max, f.unit)} ${f.unit}`;
    return [[f.label, `${number(f.median, f.unit)} ${f.unit}`, number(f.min, f.unit), number(f.max, f.unit), String(f.runs), budget, verdict]];
  });
  const head = ['Figure', 'median', 'min', 'max', 'n', 'budget', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function chromiumVersion(context: BrowserContext): Promise<string> {
  const page = await context.newPage();
  const version = await page.evaluate(() => navigator.userAgent);
  await page.close();
  return version;
}

const loadBefore = os.loadavg();
const started = Date.now();
if (section('sizes')) measureSizes();
const withExtension = await launchBench(extensionDir);
const without = await launchBench(null);
let userAgent = '';
try {
  userAgent = await chromiumVersion(without.context);
  // The floor (an empty content script, a page without script) serves the load and options sections.
  const floorDir = section('load') || section('options') ? await floorExtension(extensionDir) : undefined;
  const floor = floorDir ? await launchBench(floorDir) : undefined;
  const baseline = args.baseline && (section('load') || section('fill') || section('options')) ? await launchBench(path.resolve(args.baseline)) : undefined;
  // The fill fills the fixtures with the profile their answer keys are written against.
  for (const build of [withExtension, ...(baseline ? [baseline] : [])]) {
    const setup = await build.newPage();
    await setup.page.goto(build.extensionUrl('options.html'));
    await seedDatabase(setup.page, [fixtureEstablishment], fixtureMe.id);
    await setup.page.close();
  }
  try {
    if (section('load')) await measurePageLoad({ balise: withExtension, floor: floor!, none: without, ...(baseline && { baseline }) });
    if (section('fill')) await measureFill(withExtension, without, baseline);
    if (section('detect')) await measureDetection(without);
    if (section('options')) await measureOptions(withExtension, floor!, baseline);
  } finally {
    await baseline?.close();
    await floor?.close();
    if (floorDir) rmSync(floorDir, { recursive: true, force: true });
  }
} finally {
  await withExtension.close();
  await without.close();
}

const missing = figureKeys.filter((key) => !figures[key]);
if (missing.length && !args.only) throw new Error(`bench: no figure for ${missing.join(', ')}`);
const result = {
  meta: {
    date: new Date().toISOString(),
    runs,
    quick: args.quick,
    seconds: Math.round((Date.now() - started) / 1000),
    userAgent,
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { before: loadBefore, after: os.loadavg() },
    extensionDir,
  },
  figures,
  details,
};
mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
console.log(table());
console.log(`\n${runs} runs each · load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} → ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs · ${args.out}`);
