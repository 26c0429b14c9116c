/**
 * Where a portal page load's added main-thread time goes: Chrome traces of the same loads with
 * Balise (one build or several: old vs new) and with the floor (an empty content script), taking
 * turns, and the renderer main thread's CPU time (trace events' tdur) by event name, exclusive
 * of children, each build minus the floor. CPU time, so a loaded machine weighs less on it.
 * `--profile` samples the builds' JavaScript instead (time by function, children included).
 * `--options` traces the options page's openings instead, with 500 × 20 stored, until the list
 * is shown, minus the floor's page without script; with `--timeline`, each build's opening is
 * also printed as a timeline from navigation (files fetched, database opened and read, modules
 * run, frames), which shows what the list's first paint waits for.
 *
 *   node test/run.mjs test/bench/trace.ts [--runs 3] [--pages 8] [--extension DIR]… [--stress] [--profile] [--options [--timeline]]
 */
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import path from 'node:path';
import type { CDPSession } from 'playwright-core';
import { builtExtensionDirs } from '../e2e/harness';
import { fixtureHtml, fixtures } from '../fixtures/load';
import { floorExtension, floorPage, launchBench, type BenchBrowser } from './browser';
import { manyEstablishments, seedDatabase } from './profiles';
import { buildStressPage } from './stress';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    pages: { type: 'string', default: '8' },
    extension: { type: 'string', multiple: true, default: [builtExtensionDirs.chromium] },
    stress: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    options: { type: 'boolean', default: false },
    timeline: { type: 'boolean', default: false },
  },
});

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown>;
}

async function trace(cdp: CDPSession, load: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['toplevel', 'devtools.timeline', 'v8', 'v8.execute', 'blink', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.compile', 'extensions', 'ipc', 'mojom', 'renderer', 'loading', ...(args.timeline ? ['IndexedDB', 'blink.user_timing'] : [])],
      enableSampling: false,
    },
  });
  await load();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/** Self CPU time by event name on the page's renderer main thread(s), in ms. */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key) || e.ph !== 'X' || e.tdur === undefined) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  const totals = new Map<string, number>();
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: { e: TraceEvent; child: number }[] = [];
    const close = (upTo: number) => {
      while (stack.length && stack.at(-1)!.e.ts + stack.at(-1)!.e.dur! <= upTo) {
        const { e, child } = stack.pop()!;
        totals.set(e.name, (totals.get(e.name) ?? 0) + (e.tdur! - child) / 1000);
        if (stack.length) stack.at(-1)!.child += e.tdur!;
      }
    };
    for (const e of list) {
      close(e.ts);
      stack.push({ e, child: 0 });
    }
    close(Number.POSITIVE_INFINITY);
  }
  return totals;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
const profileSelf = new Map<string, number>();

async function loadTraced(b: BenchBrowser, url: string, html: string, waitOverlay: boolean): Promise<Map<string, number>> {
  b.serve({ [url]: html });
  const { page, cdp } = await b.newPage();
  try {
    if (args.profile && waitOverlay) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await cdp.send('Profiler.start');
      await page.goto(url, { waitUntil: 'load' });
      await b.when(page, 'overlay', 3000);
      await sleep(300);
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
      // Inclusive time: a sample counts once for every distinct frame on its stack.
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      profile.samples.forEach((id, i) => {
        const keys = new Set<string>();
        for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) keys.add(keyOf(byId.get(n)!));
        for (const key of keys) profileSelf.set(key, (profileSelf.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
        const leaf = byId.get(id)!;
        if (/get app|get Temporal/.test(keyOf(leaf))) {
          const chain = [...keys].slice(0, 6).join(' < ');
          profileSelf.set(`CHAIN ${chain}`, (profileSelf.get(`CHAIN ${chain}`) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
        }
      });
      return new Map();
    }
    const events = await trace(cdp, async () => {
      await page.goto(url, { waitUntil: 'load' });
      // The same protocol command on both sides: Playwright's evaluate costs the page too.
      await b.when(page, 'overlay', waitOverlay ? 3000 : 0);
      await sleep(500);
    });
    return selfTimes(events);
  } finally {
    await page.close();
  }
}

/**
 * The opening's critical path, ms from the options document's navigation: its files' requests
 * and arrivals, the database's opening and first transaction, module runs, script calls and
 * frames of 1 ms or more on its main thread.
 */
function printTimeline(events: TraceEvent[], label: string, shownAt: number) {
  const start = events.find((e) => e.name === 'navigationStart' && String((e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL).includes('options.html'));
  if (!start) return;
  const main = (e: TraceEvent) => e.pid === start.pid && e.tid === start.tid;
  const data = (e: TraceEvent) => (e.args?.data ?? {}) as { url?: string; requestId?: string };
  const files = new Map(events.filter((e) => e.name === 'ResourceSendRequest').map((e) => [data(e).requestId, String(data(e).url).replace(/^.*\//, '')]));
  const lines: [number, string][] = [];
  for (const e of events) {
    const at = (e.ts - start.ts) / 1000;
    const ms = (e.dur ?? 0) / 1000;
    if (e.name === 'ResourceSendRequest') lines.push([at, `fetch ${files.get(data(e).requestId)}`]);
    else if (e.name === 'ResourceFinish') lines.push([at, `  arrived ${files.get(data(e).requestId)}`]);
    else if (!main(e)) continue;
    else if (e.name === 'IDBFactory::open' && (e.ph === 'b' || e.ph === 'e')) lines.push([at, e.ph === 'b' ? 'database: open' : 'database: opened']);
    else if (e.name === 'IDBTransaction::onComplete') lines.push([at, 'database: transaction complete']);
    else if (e.ph === 'X' && ms >= 1 && ['v8.evaluateModule', 'FunctionCall', 'WebFrameWidgetImpl::UpdateLifecycle', 'Layout'].includes(e.name))
      lines.push([at, `${e.name} ${ms.toFixed(1)} ms ${data(e).url?.replace(/^.*\//, '') ?? ''}`]);
  }
  console.log(`\n${label}: list shown at ${shownAt.toFixed(1)} ms`);
  for (const [at, line] of lines.filter(([at]) => at >= 0 && at <= shownAt + 20).sort((a, b) => a[0] - b[0])) console.log(`${at.toFixed(1).padStart(7)}  ${line}`);
}

/** One opening of the options page (a build) or of the floor's page, until it is shown. */
async function openTraced(b: BenchBrowser, isBuild: boolean, label: string): Promise<Map<string, number>> {
  const { page, cdp } = await b.newPage();
  try {
    let shownAt = 0;
    const events = await trace(cdp, async () => {
      await page.goto(b.extensionUrl(isBuild ? 'options.html' : floorPage));
      const at = await b.when(page, isBuild ? 'optionsList' : 'floorPage', 10_000);
      if (at === null) throw new Error('trace: the page was never shown');
      shownAt = at;
    });
    if (args.timeline && isBuild) printTimeline(events, label, shownAt);
    return selfTimes(events);
  } finally {
    await page.close();
  }
}

const dirs = args.extension.map((dir) => path.resolve(dir));
const builds = await Promise.all(dirs.map((dir) => launchBench(dir)));
const floorDir = await floorExtension(dirs[0]!);
const floor = await launchBench(floorDir);
const sides = [...builds, floor];
const pages = args.stress
  ? [{ url: 'https://plage.atih.sante.fr/bench/stress', html: `<!doctype html><html lang="fr"><head><title>Stress</title></head><body><script>(${buildStressPage.toString()})(2000)</script></body></html>` }]
  : fixtures.slice(0, Number(args.pages)).map((f) => ({ url: f.url, html: fixtureHtml(f) }));
const sums = sides.map(() => new Map<string, number>());
let loads = 0;
if (args.options) {
  const stored = manyEstablishments(500, 20);
  for (const b of builds) {
    const { page } = await b.newPage();
    await page.goto(b.extensionUrl('options.html'));
    await seedDatabase(page, stored);
    await page.close();
  }
}
try {
  for (let i = 0; i < Number(args.runs); i++) {
    if (args.options) {
      for (let k = 0; k < sides.length; k++) {
        const side = (k + i) % sides.length;
        const times = await openTraced(sides[side]!, side < builds.length, dirs[side] ?? 'floor');
        for (const [name, ms] of times) sums[side]!.set(name, (sums[side]!.get(name) ?? 0) + ms);
      }
      loads++;
      continue;
    }
    for (const { url, html } of pages) {
      // Each load's turn rotates, so that a burst of load elsewhere hits every side alike.
      for (let k = 0; k < sides.length; k++) {
        const side = (k + i) % sides.length;
        const times = await loadTraced(sides[side]!, url, html, side < builds.length);
        for (const [name, ms] of times) sums[side]!.set(name, (sums[side]!.get(name) ?? 0) + ms);
      }
      loads++;
    }
  }
} finally {
  for (const b of sides) await b.close();
  await rm(floorDir, { recursive: true, force: true });
}
if (args.profile) {
  for (const [k, v] of [...profileSelf].sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log(`${(v / loads).toFixed(2).padStart(7)}  ${k}`);
}
const floorSums = sums.at(-1)!;
const total = (side: Map<string, number>) => [...side.values()].reduce((sum, v) => sum + v, 0) / loads;
for (const [b, dir] of dirs.entries()) {
  const side = sums[b]!;
  console.log(`\n${dir}: ${loads} loads; main-thread self time per load ${total(side).toFixed(2)} ms, floor ${total(floorSums).toFixed(2)} ms, added ${(total(side) - total(floorSums)).toFixed(2)} ms`);
  const rows = [...new Set([...side.keys(), ...floorSums.keys()])]
    .map((name) => ({ name, build: (side.get(name) ?? 0) / loads, floor: (floorSums.get(name) ?? 0) / loads }))
    .sort((x, y) => Math.abs(y.build - y.floor) - Math.abs(x.build - x.floor));
  for (const r of rows.slice(0, 25)) console.log(`${(r.build - r.floor).toFixed(2).padStart(7)}  ${r.build.toFixed(2).padStart(7)}  ${r.floor.toFixed(2).padStart(7)}  ${r.name}`);
}
