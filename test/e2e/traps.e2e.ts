/**
 * Hidden-field traps in real browsers (security review M1): lib/autofill/visibility.ts,
 * bundled alone and run in the page through `page.evaluate`, judges fields of generated
 * pages served at a portal's real address, with the browser's own layout, styles and hit
 * testing. The fill UI is being moved elsewhere, so nothing here goes through Balise's
 * panel: the check itself is what is under test, on the same elements the fill would get.
 *
 * Property (fast-check): on a page of random fields — hidden by a random trap kind, on the
 * field or an ancestor a random depth up, in the page, in open shadow roots or in same-origin
 * frames, or plain (with harmless styling) — no hidden field is judged fillable and every
 * plain one is. The seed is fixed (TRAPS_SEED to change it) so that a run is repeatable.
 * The kinds of the second review (attack page 22) are in: colours in other spaces (oklch,
 * display-p3, lab, color-mix), text pushed out by text-indent or padding, mix-blend-mode,
 * ::before/::after covers, stacked grid/flex items, boxes painted only by borders, shadows or
 * an outline, backdrop-filter, and covers in closed shadow roots (handed to the layout, as a
 * content script opens them).
 * Balise's own UI is a stand-in shadow host passed as `ownUi`, as the fill panel will.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { build } from 'vite';
import { forEachBrowser, withBrowser, type TestPage } from './harness';

const url = 'https://plage.atih.sante.fr/compte/creation';
const root = path.join(import.meta.dirname, '../..');

/** visibility.ts as a script that sets `window.baliseVisibility`. */
async function visibilityBundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: path.join(root, 'lib/autofill/visibility.ts'), formats: ['iife'], name: 'baliseVisibility', fileName: 'visibility' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('traps: no bundle');
  return chunk.code;
}

// ---------------------------------------------------------------- generated cases

type Container = 'page' | 'shadow' | 'shadow2' | 'frame';

interface Case {
  /** A row holding the field, marked data-case. */
  row: string;
  container: Container;
  /** Styles of the iframe element when container is 'frame'. */
  frameStyle: string;
  hidden: boolean;
  kind: string;
}

/** A style that hides what it is put on, by kind. */
const hidingStyle = fc.oneof(
  fc.record({ kind: fc.constant('opacity'), css: fc.double({ min: 0, max: 0.45, noNaN: true }).map((o) => `opacity:${o.toFixed(2)}`) }),
  fc.record({ kind: fc.constant('filterOpacity'), css: fc.integer({ min: 0, max: 45 }).map((p) => `filter:opacity(${p}%)`) }),
  fc.record({ kind: fc.constant('brightness'), css: fc.constantFrom('filter:brightness(0)', 'filter:brightness(.1) saturate(2)') }),
  fc.record({ kind: fc.constant('contrast'), css: fc.constantFrom('filter:contrast(0)', 'filter:contrast(5%)', 'filter:invert(50%)') }),
  fc.record({ kind: fc.constant('blur'), css: fc.integer({ min: 6, max: 30 }).map((r) => `filter:blur(${r}px)`) }),
  fc.record({
    kind: fc.constant('mask'),
    css: fc.constantFrom(
      'mask-image:linear-gradient(transparent,transparent);-webkit-mask-image:linear-gradient(transparent,transparent)',
      '-webkit-mask-image:radial-gradient(rgba(0,0,0,0),rgba(0,0,0,.2));mask-image:radial-gradient(rgba(0,0,0,0),rgba(0,0,0,.2))',
      'mask:linear-gradient(#000,#000) 0 0/0 0 no-repeat;-webkit-mask:linear-gradient(#000,#000) 0 0/0 0 no-repeat',
    ),
  }),
  fc.record({ kind: fc.constant('clipPath'), css: fc.constantFrom('clip-path:inset(50%)', 'clip-path:circle(0)', 'clip-path:polygon(0 0,0 0,0 0)', 'clip-path:inset(0 0 0 100%)') }),
);

/** Field styles of the second review (page 22) that hide its text: colours in other spaces, text pushed out of the box. */
const hidingFieldStyle = fc.oneof(
  fc.record({
    kind: fc.constant('otherSpaceColour'),
    css: fc.constantFrom(
      'color:oklch(0 0 0 / 0);background:transparent;border:1px solid oklch(0 0 0 / 0);outline:none;caret-color:transparent',
      'color:color(display-p3 1 1 1);background:#fff;border:0;caret-color:transparent',
      'color:oklch(1 0 0);background:oklch(1 0 0)',
      '-webkit-text-fill-color:lab(100 0 0);background:#fff',
      'color:color-mix(in oklch, #fff 97%, #000);background:#fff',
    ),
  }),
  fc.record({
    kind: fc.constant('textPushed'),
    css: fc.constantFrom(
      'text-indent:-9999px;border:0;background:transparent;outline:none;caret-color:transparent',
      'text-indent:400px',
      'text-indent:-30em',
      'padding-left:300px',
      'padding:40px 0 0',
    ),
  }),
);

/** Styles a page may put on a field or around it without hiding it. */
const harmlessStyle = fc.constantFrom(
  '',
  'opacity:.8',
  'filter:grayscale(1)',
  'filter:blur(.5px)',
  'mask-image:linear-gradient(to bottom,#000 80%,rgba(0,0,0,.4));-webkit-mask-image:linear-gradient(to bottom,#000 80%,rgba(0,0,0,.4))',
  'clip-path:polygon(0 0,100% 0,100% 95%,0 100%)',
  'background:#222;color:#eee',
  'color:oklch(0.3 0.05 260)',
  'color:color(display-p3 0.1 0.1 0.2);background:color(display-p3 1 1 .95)',
  'text-indent:6px',
  'box-shadow:0 1px 3px rgba(0,0,0,.3);outline:2px solid #000091;outline-offset:2px',
  'mix-blend-mode:normal',
);

/** Boxes after the field in its row that cover it, of the kinds the second review found (page 22); `i` keeps each case's classes apart. */
const paintedCovers = [
  // Painted by its borders only.
  '<div style="position:absolute;left:0;top:0;width:0;height:0;border-style:solid;border-color:#fff;border-width:22px 190px;pointer-events:none"></div>',
  '<div style="position:absolute;inset:-2px;box-shadow:inset 0 0 0 100px #fff;pointer-events:none"></div>',
  // An outline round a line under the field.
  '<div style="position:absolute;left:4px;top:30px;width:260px;height:0;outline:28px solid #fff;pointer-events:none"></div>',
  // An outer shadow reaches past a 1-px-high box that takes clicks, away from the field's centre: hit testing never sees it.
  '<div style="position:absolute;left:4px;top:4px;width:260px;height:1px;box-shadow:0 14px 0 15px #fff"></div>',
];

/** Harmless boxes over a field: a thin ring round the row, a soft shadow, a light blur behind glass. */
const harmlessCovers = fc.constantFrom(
  '<div style="position:absolute;inset:0;border:2px solid #000091;pointer-events:none"></div>',
  '<div style="position:absolute;inset:0;box-shadow:inset 0 0 0 2px #000091,0 2px 6px rgba(0,0,0,.2);pointer-events:none"></div>',
);

const rowStyle = 'position:relative;height:44px;width:360px;margin:4px 0;padding:4px';
const fieldStyle = 'width:260px;height:28px;font:15px sans-serif;box-sizing:border-box';

/**
 * A row: `depth` wrappers around the field, `wrapperCss` on the one `at` levels up (0: the field
 * itself), then `after`; `rowCss` and `rowClass` on the row, `head` before it (a <style>).
 */
function row(i: number, depth: number, at: number, css: string, fieldCss = '', after = '', { rowCss = '', rowClass = '', head = '' } = {}): string {
  let html = `<input data-case="${i}" style="${fieldStyle};${fieldCss};${at === 0 ? css : ''}">`;
  for (let level = 1; level <= depth; level++) html = `<div style="${level === at ? css : ''}">${html}</div>`;
  return `${head}<div class="${rowClass}" style="${rowStyle};${rowCss}">${html}${after}</div>`;
}

const container = fc.constantFrom<Container>('page', 'page', 'shadow', 'shadow2', 'frame');

function caseOf(i: number): fc.Arbitrary<Case> {
  const shape = fc.record({ depth: fc.integer({ min: 0, max: 3 }), container });
  const at = (depth: number) => fc.integer({ min: 0, max: depth });
  const styled = (hidden: boolean) =>
    shape.chain(({ depth, container }) =>
      fc.tuple(hidden ? hidingStyle : harmlessStyle.map((css) => ({ kind: 'plain', css })), at(depth)).map(
        ([{ kind, css }, level]): Case => ({ row: row(i, depth, level, css), container, frameStyle: '', hidden, kind }),
      ),
    );
  const special = (kind: string, make: (depth: number) => fc.Arbitrary<Omit<Case, 'kind' | 'hidden'>>) =>
    shape.chain(({ depth }) => make(depth)).map((c): Case => ({ ...c, kind, hidden: true }));
  const anywhere = (row: string) => container.map((container) => ({ row, container, frameStyle: '' }));
  return fc.oneof(
    { weight: 6, arbitrary: styled(false) },
    { weight: 7, arbitrary: styled(true) },
    {
      weight: 1,
      arbitrary: special('colours', (depth) =>
        fc
          .constantFrom(
            'color:transparent;background:transparent;border:0;outline:none;caret-color:transparent',
            '-webkit-text-fill-color:transparent',
            'color:rgba(0,0,0,.05)',
            'color:#fff;background:#fff',
            'color:#0a3;background:#0a3',
            'font-size:2px',
          )
          .chain((css) => anywhere(row(i, depth, -1, '', css))),
      ),
    },
    {
      weight: 1,
      arbitrary: special('fieldText', (depth) => hidingFieldStyle.chain(({ css }) => anywhere(row(i, depth, -1, '', css)))),
    },
    {
      weight: 1,
      // lighten and screen with white give white: on a white row, the field is white on white.
      arbitrary: special('blend', (depth) =>
        fc
          .tuple(fc.constantFrom('mix-blend-mode:lighten', 'mix-blend-mode:screen'), fc.integer({ min: 0, max: depth }))
          .chain(([css, at]) => anywhere(row(i, depth, at, css, '', '', { rowCss: 'background:#fff' }))),
      ),
    },
    {
      weight: 1,
      arbitrary: special('pseudoCover', (depth) =>
        fc
          .constantFrom(
            `.pc${i}::after{content:'';position:absolute;inset:-2px;background:#fff;pointer-events:none}`,
            `.pc${i}::before{content:'';position:absolute;left:0;top:0;width:360px;height:44px;background:#fff;pointer-events:none;z-index:1}`,
            `.pc${i}::after{content:'';position:absolute;left:0;top:0;width:0;height:0;border:solid #fff;border-width:22px 190px;pointer-events:none}`,
          )
          .chain((rule) => anywhere(row(i, depth, -1, '', '', '', { rowClass: `pc${i}`, head: `<style>${rule}</style>` }))),
      ),
    },
    {
      weight: 1,
      // Stacked in a grid cell by z-index without a position, or pulled over the field in a flex line.
      arbitrary: special('itemCover', () =>
        fc
          .constantFrom(
            `<div style="display:grid"><input data-case="${i}" style="${fieldStyle};grid-area:1/1"><div style="grid-area:1/1;background:#fff;pointer-events:none;z-index:1"></div></div>`,
            `<div style="display:flex"><input data-case="${i}" style="${fieldStyle};flex:none"><div style="flex:none;width:300px;margin-left:-280px;background:#fff;pointer-events:none"></div></div>`,
          )
          .chain((inner) => anywhere(`<div style="${rowStyle}">${inner}</div>`)),
      ),
    },
    {
      weight: 1,
      arbitrary: special('paintCover', (depth) => fc.constantFrom(...paintedCovers).chain((cover) => anywhere(row(i, depth, -1, '', '', cover)))),
    },
    {
      weight: 1,
      // Headless Firefox does not draw backdrop-filter (the field shows there); real Firefox does.
      arbitrary: special('backdrop', (depth) =>
        fc
          .constantFrom('brightness(0) invert(1)', 'blur(14px)', 'contrast(0)')
          .chain((filter) => anywhere(row(i, depth, -1, '', '', `<div style="position:absolute;inset:-2px;pointer-events:none;backdrop-filter:${filter};-webkit-backdrop-filter:${filter}"></div>`))),
      ),
    },
    {
      weight: 1,
      // The cover is in a CLOSED shadow root of <x-closed>, attached once the row is in (see judge).
      arbitrary: special('closedShadow', (depth) => anywhere(row(i, depth, -1, '', '', '<x-closed style="position:absolute;inset:-2px;pointer-events:none;display:block"></x-closed>'))),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(shape, harmlessCovers)
        .map(([{ depth, container }, cover]): Case => ({ row: row(i, depth, -1, '', '', cover), container, frameStyle: '', hidden: false, kind: 'plainRing' })),
    },
    {
      weight: 1,
      arbitrary: special('tiny', (depth) =>
        fc
          .tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 40 }))
          .chain(([small, other]) => anywhere(row(i, depth, -1, '', `width:${small}px;height:${small + other}px;min-width:0;padding:0;border:0`))),
      ),
    },
    {
      weight: 1,
      arbitrary: special('fixedOut', (depth) =>
        fc
          .constantFrom('position:fixed;top:130vh;left:10px', 'position:fixed;left:calc(100vw + 40px);top:20px', 'position:fixed;top:-200px')
          .chain((css) => anywhere(row(i, depth, -1, '', css))),
      ),
    },
    {
      weight: 1,
      arbitrary: special('pnCover', (depth) =>
        fc
          .constantFrom('background:#fff', 'background:rgba(250,250,250,.95)', 'background-image:linear-gradient(#fff,#fff)')
          .chain((bg) => anywhere(row(i, depth, -1, '', '', `<div style="position:absolute;inset:-2px;${bg};pointer-events:none"></div>`))),
      ),
    },
    {
      weight: 1,
      // Under the stand-in for Balise's panel (top right of the page, see below); not in a frame,
      // where fixed means the frame's own small viewport.
      arbitrary: special('underBalise', (depth) =>
        fc.constantFrom<Container>('page', 'shadow', 'shadow2').map((container) => ({ row: row(i, depth, -1, '', 'position:fixed;top:60px;right:60px'), container, frameStyle: '' })),
      ),
    },
    {
      weight: 1,
      arbitrary: special('frameHidden', (depth) =>
        fc
          .constantFrom('opacity:0', 'opacity:.2', 'width:4px;height:4px', 'visibility:hidden', 'display:none', 'filter:opacity(0)', 'clip-path:inset(50%)', 'filter:blur(12px)')
          .map((frameStyle) => ({ row: row(i, depth, -1, ''), container: 'frame' as const, frameStyle })),
      ),
    },
  );
}

const pageOf = fc.integer({ min: 1, max: 14 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => caseOf(i))));

// ---------------------------------------------------------------- in the page

interface Verdict {
  kind: string;
  hidden: boolean;
  verdict: string | null;
}

/** Runs in the page: builds the cases, waits for their frames, and judges every field at once. */
async function judge(cases: Case[]): Promise<Verdict[]> {
  const main = document.querySelector('main') as HTMLElement;
  main.replaceChildren();
  scrollTo(0, 0);
  const loads: Promise<unknown>[] = [];
  const fieldIn = (rootNode: ParentNode, i: number) => rootNode.querySelector(`[data-case="${i}"]`);
  const finders = cases.map((c, i): (() => Element | null) => {
    if (c.container === 'page') {
      main.insertAdjacentHTML('beforeend', c.row);
      return () => fieldIn(main, i);
    }
    if (c.container === 'frame') {
      const frame = document.createElement('iframe');
      frame.setAttribute('style', `display:block;border:0;width:380px;height:56px;${c.frameStyle}`);
      frame.srcdoc = `<!doctype html><body style="margin:0">${c.row}</body>`;
      loads.push(new Promise((resolve) => frame.addEventListener('load', resolve, { once: true })));
      main.append(frame);
      return () => (frame.contentDocument ? fieldIn(frame.contentDocument, i) : null);
    }
    const host = document.createElement('div');
    main.append(host);
    let shadow = host.attachShadow({ mode: 'open' });
    if (c.container === 'shadow2') {
      const inner = document.createElement('section');
      shadow.append(inner);
      shadow = inner.attachShadow({ mode: 'open' });
    }
    shadow.innerHTML = c.row;
    const holder = shadow;
    return () => fieldIn(holder, i);
  });
  await Promise.all(loads);
  const fields = finders.map((find) => find());
  if (fields.some((field) => !field)) throw new Error('traps: a field was not built');
  // Closed shadow roots, which a page script cannot open: the layout is handed them, as a content script opens them.
  const closed = new Map<Element, ShadowRoot>();
  for (const field of fields as Element[])
    for (const host of (field.getRootNode() as ParentNode).querySelectorAll('x-closed')) {
      if (closed.has(host)) continue;
      const shadow = host.attachShadow({ mode: 'closed' });
      shadow.innerHTML = '<div style="position:absolute;inset:0;background:#fff"></div>';
      closed.set(host, shadow);
    }
  const ownUi = document.querySelector('balise-standin') as Element;
  const { whyNotFillableAll, browserLayout } = (window as unknown as { baliseVisibility: typeof import('../../lib/autofill/visibility') }).baliseVisibility;
  const layout = { ...browserLayout, shadowRoot: (element: Element) => closed.get(element) ?? element.shadowRoot };
  const verdicts = whyNotFillableAll(fields as Element[], layout, ownUi);
  return cases.map((c, i) => ({ kind: c.kind, hidden: c.hidden, verdict: verdicts[i] ?? null }));
}

const shell = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Plage — Créer un compte</title></head>
<body style="margin:8px;font:15px sans-serif;background:#fff">
<main></main>
<balise-standin style="position:fixed;top:10px;right:10px;width:320px;height:240px;z-index:2147483000;display:block"></balise-standin>
</body></html>`;

async function openShell(page: TestPage, bundle: string): Promise<void> {
  await page.goto(url);
  await page.evaluate((code) => {
    (0, eval)(code);
    // Balise's panel: an opaque box in an open shadow root, as the overlay draws it.
    const host = document.querySelector('balise-standin') as Element;
    host.attachShadow({ mode: 'open' }).innerHTML = '<div style="width:100%;height:100%;background:#f5f5fe;border:1px solid #000091">Guide</div>';
  }, bundle);
}

// ---------------------------------------------------------------- tests

let bundle = '';
beforeAll(async () => {
  bundle = await visibilityBundle();
});

const seed = Number(process.env.TRAPS_SEED ?? 20_251_107);

forEachBrowser((name) => {
  it('judges no hidden field fillable and every plain one fillable, on random pages', async () => {
    await withBrowser(name, async (b) => {
      await b.servePortals({ [url]: shell });
      const page = await b.newPage();
      await openShell(page, bundle);
      await fc.assert(
        fc.asyncProperty(pageOf, async (cases) => {
          const verdicts = await page.evaluate(judge, cases);
          const wrong = verdicts.filter((v) => (v.hidden ? v.verdict === null : v.verdict !== null));
          expect(wrong, JSON.stringify(cases.filter((_, i) => wrong.includes(verdicts[i]!)))).toEqual([]);
          for (const v of verdicts) if (v.kind === 'underBalise') expect(v.verdict).toBe('underBalise');
        }),
        { seed, numRuns: 25, endOnFailure: true },
      );
    });
  });

  it('leaves every trap of the security review’s attack page 07 empty', async () => {
    const attack = await readFile(path.join(root, '../shared/attacks/07-hidden-field-traps.html'), 'utf8').catch(() => null);
    if (!attack) return expect.soft(attack, 'shared/attacks/07 not found beside the worktree').not.toBeNull();
    await withBrowser(name, async (b) => {
      await b.servePortals({ 'https://plage.atih.sante.fr/plage-ws/attaque/pieges': attack });
      const page = await b.newPage();
      await page.goto('https://plage.atih.sante.fr/plage-ws/attaque/pieges');
      await page.waitFor(() => !!(document.getElementById('frame') as HTMLIFrameElement | null)?.contentDocument?.getElementById('ville'));
      const verdicts = await page.evaluate((code) => {
        (0, eval)(code);
        // Balise's panel where the overlay draws it (bottom right), over the page's 'underPanel' trap.
        const panel = document.createElement('balise-standin');
        panel.setAttribute('style', 'position:fixed;right:16px;bottom:16px;width:380px;height:420px;z-index:2147483000;display:block;background:#fff');
        document.body.append(panel);
        const frame = (document.getElementById('frame') as HTMLIFrameElement).contentDocument as Document;
        const fields = [...document.querySelectorAll('#nom, #prenom, [data-trap]'), ...frame.querySelectorAll('[data-trap]')];
        const { whyNotFillableAll } = (window as unknown as { baliseVisibility: typeof import('../../lib/autofill/visibility') }).baliseVisibility;
        const found = whyNotFillableAll(fields, undefined, panel);
        return Object.fromEntries(fields.map((field, i) => [(field as HTMLElement).dataset.trap ? `${(field as HTMLElement).dataset.trap}:${field.id}` : field.id, found[i] ?? null]));
      }, bundle);
      expect(verdicts).toEqual({
        nom: null,
        prenom: null,
        'filter:t-filter': 'transparent',
        'colours:t-colours': 'textHidden',
        'underPanel:t-underPanel': 'underBalise',
        'belowView:t-belowView': 'offscreen',
        'tiny:t-tiny': 'zeroSize',
        'pnCover:t-pnCover': 'covered',
        'mask:t-mask': 'masked',
        'clipPath:t-clipPath': 'clipped',
        'faint:t-faint': 'transparent',
        'iframe:cp': 'transparent',
        'iframe:ville': 'transparent',
      });
    });
  });
});
