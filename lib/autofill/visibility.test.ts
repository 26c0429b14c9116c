import { beforeEach, describe, expect, it } from 'vitest';
import { browserLayout, isFillable, whyNotFillable, type Box, type Layout } from './visibility';

beforeEach(() => {
  document.body.innerHTML = '';
});

const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});

/**
 * jsdom computes styles but has no geometry: rectangles come from `rects` (default: a
 * 200×30 box in view, 1000×800 for body and html) and the hit test from `hit`.
 */
function fakeLayout(
  options: { rects?: Map<Element, Box>; hit?: (root: Document | ShadowRoot, x: number, y: number) => Element | null } = {},
): Layout {
  return {
    style: browserLayout.style,
    rect: (element) =>
      options.rects?.get(element) ?? (element.localName === 'body' || element.localName === 'html' ? box(0, 0, 1000, 800) : box(10, 10, 200, 30)),
    hitTest: (root, x, y) => options.hit?.(root, x, y) ?? null,
    viewport: () => ({ width: 1000, height: 800, scrollX: 0, scrollY: 0 }),
  };
}

function setup(html: string, id = 'f') {
  document.body.innerHTML = html;
  const element = document.getElementById(id);
  if (!element) throw new Error(`no #${id}`);
  const layout = fakeLayout({ hit: () => element });
  return { element, layout };
}

describe('state', () => {
  it('accepts a plain visible field', () => {
    const { element, layout } = setup('<input id="f">');
    expect(whyNotFillable(element, layout)).toBeNull();
    expect(isFillable(element, layout)).toBe(true);
  });

  it.each([
    ['<input id="f" type="hidden">', 'hiddenInput'],
    ['<input id="f" disabled>', 'disabled'],
    ['<fieldset disabled><input id="f"></fieldset>', 'disabled'],
    ['<div id="f" contenteditable aria-disabled="true"></div>', 'disabled'],
    ['<input id="f" readonly>', 'readonly'],
    ['<textarea id="f" readonly></textarea>', 'readonly'],
  ])('%s → %s', (html, reason) => {
    const { element, layout } = setup(html);
    expect(whyNotFillable(element, layout)).toBe(reason);
  });

  it('refuses a detached field', () => {
    expect(whyNotFillable(document.createElement('input'), fakeLayout())).toBe('detached');
  });
});

describe('styles up the tree', () => {
  it.each([
    ['<div style="display:none"><div><input id="f"></div></div>', 'notDisplayed'],
    ['<div hidden><input id="f"></div>', 'notDisplayed'],
    ['<input id="f" style="display:none">', 'notDisplayed'],
    ['<div style="visibility:hidden"><input id="f"></div>', 'invisible'],
    ['<input id="f" style="visibility:collapse">', 'invisible'],
    ['<div style="opacity:0.2"><div style="opacity:0.3"><input id="f"></div></div>', 'transparent'],
    ['<input id="f" style="opacity:0">', 'transparent'],
    ['<input id="f" style="position:absolute; clip:rect(0px, 0px, 0px, 0px)">', 'clipped'],
    ['<input id="f" style="clip-path:inset(50%)">', 'clipped'],
  ])('%s → %s', (html, reason) => {
    const { element, layout } = setup(html);
    expect(whyNotFillable(element, layout)).toBe(reason);
  });

  it('takes styles from stylesheets too', () => {
    const { element, layout } = setup('<style>.trap { display: none }</style><p class="trap"><input id="f"></p>');
    expect(whyNotFillable(element, layout)).toBe('notDisplayed');
  });

  it('lets a visible child of a hidden parent through, as browsers do', () => {
    const { element, layout } = setup('<div style="visibility:hidden"><input id="f" style="visibility:visible"></div>');
    expect(whyNotFillable(element, layout)).toBeNull();
  });

  it('accepts a half-transparent field', () => {
    const { element, layout } = setup('<div style="opacity:0.5"><input id="f"></div>');
    expect(whyNotFillable(element, layout)).toBeNull();
  });

  it('climbs out of a shadow root to its host', () => {
    document.body.innerHTML = '<div id="host" style="display:none"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input id="f">';
    const element = shadow.getElementById('f')!;
    expect(whyNotFillable(element, fakeLayout({ hit: () => element }))).toBe('notDisplayed');
  });
});

describe('geometry', () => {
  it('refuses a zero-size or tiny field', () => {
    const { element } = setup('<input id="f">');
    expect(whyNotFillable(element, fakeLayout({ rects: new Map([[element, box(10, 10, 0, 0)]]), hit: () => element }))).toBe('zeroSize');
    expect(whyNotFillable(element, fakeLayout({ rects: new Map([[element, box(10, 10, 1, 1)]]), hit: () => element }))).toBe('zeroSize');
  });

  it('refuses a field pushed off the page, accepts one below the fold', () => {
    const { element } = setup('<input id="f">');
    expect(whyNotFillable(element, fakeLayout({ rects: new Map([[element, box(-10000, 10, 200, 30)]]), hit: () => element }))).toBe('offscreen');
    expect(whyNotFillable(element, fakeLayout({ rects: new Map([[element, box(10, 5000, 200, 30)]]), hit: () => null }))).toBeNull();
  });

  it('refuses a field clipped to nothing by an overflow:hidden parent', () => {
    const { element } = setup('<div id="clip" style="overflow:hidden"><input id="f"></div>');
    const clip = document.getElementById('clip')!;
    const rects = new Map<Element, Box>([
      [clip, box(0, 0, 1, 1)],
      [element, box(10, 10, 200, 30)],
    ]);
    expect(whyNotFillable(element, fakeLayout({ rects, hit: () => element }))).toBe('clipped');
    rects.set(clip, box(0, 0, 500, 500));
    expect(whyNotFillable(element, fakeLayout({ rects, hit: () => element }))).toBeNull();
  });

  it('hit-tests the centre of the field', () => {
    const { element } = setup('<input id="f"><div id="cover"></div>');
    const points: Array<[number, number]> = [];
    const layout = fakeLayout({
      hit: (_root, x, y) => {
        points.push([x, y]);
        return document.getElementById('cover');
      },
    });
    expect(whyNotFillable(element, layout)).toBe('covered');
    expect(points).toEqual([[110, 25]]);
  });

  it('is not fooled by its own floating label on top', () => {
    const { element } = setup('<div><input id="f"><label for="f" id="l"><span id="s">Nom</span></label></div>');
    expect(whyNotFillable(element, fakeLayout({ hit: () => document.getElementById('s') }))).toBeNull();
  });

  it('follows open shadow roots down to the field', () => {
    document.body.innerHTML = '<div id="host"></div><div id="other"></div>';
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input id="f">';
    const element = shadow.getElementById('f')!;
    const hit = (root: Document | ShadowRoot) => (root === document ? host : element);
    expect(whyNotFillable(element, fakeLayout({ hit }))).toBeNull();
    const covered = (root: Document | ShadowRoot) => (root === document ? document.getElementById('other') : null);
    expect(whyNotFillable(element, fakeLayout({ hit: covered }))).toBe('covered');
  });

  it('accepts a styled radio whose native input is hidden behind its visible label', () => {
    document.body.innerHTML = '<input type="radio" id="f" style="opacity:0"><label for="f" id="l">Madame</label>';
    const element = document.getElementById('f')!;
    const label = document.getElementById('l')!;
    expect(whyNotFillable(element, fakeLayout({ hit: () => label }))).toBeNull();
    label.style.display = 'none';
    expect(whyNotFillable(element, fakeLayout({ hit: () => label }))).toBe('transparent');
  });
});
