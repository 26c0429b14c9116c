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

/** Styles a page may put on a field or around it without hiding it. */
const harmlessStyle = fc.constantFrom(
  '',
  'opacity:.8',
  'filter:grayscale(1)',
  'filter:blur(.5px)',
  'mask-image:linear-gradient(to bottom,#000 80%,rgba(0,0,0,.4));-webkit-mask-image:linear-gradient(to bottom,#000 80%,rgba(0,0,0,.4))',
  'clip-path:polygon(0 0,100% 0,100% 95%,0 100%)',
  'background:#222;color:#eee',
);

const rowStyle = 'position:relative;height:44px;width:360px;margin:4px 0;padding:4px';
const fieldStyle = 'width:260px;height:28px;font:15px sans-serif;box-sizing:border-box';

/** A row: `depth` wrappers around the field, `wrapperCss` on the one `at` levels up (0: the field itself), then `after`. */
function row(i: number, depth: number, at: number, css: string, fieldCss = '', after = ''): string {
  let html = `<input data-case="${i}" style="${fieldStyle};${fieldCss};${at === 0 ? css : ''}">`;
  for (let level = 1; level <= depth; level++) html = `<div style="${level === at ? css : ''}">${html}</div>`;
  return `<div style="${rowStyle}">${html}${after}</div>`;
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
  const ownUi = document.querySelector('balise-standin') as Element;
  const { whyNotFillableAll } = (window as unknown as { baliseVisibility: typeof import('../../lib/autofill/visibility') }).baliseVisibility;
  const verdicts = whyNotFillableAll(fields as Element[], undefined, ownUi);
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
