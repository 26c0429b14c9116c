import { beforeEach, describe, expect, it } from 'vitest';
import { browserLayout, isFillable, whyNotFillable, whyNotFillableAll, type Box, type Layout } from './visibility';

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

describe('scrolling and the viewport', () => {
  it('accepts a field scrolled away inside a scrollable container, refuses it behind overflow:hidden', () => {
    const { element } = setup('<div id="panel" style="overflow:auto"><input id="f"></div>');
    const panel = document.getElementById('panel')!;
    const rects = new Map<Element, Box>([
      [panel, box(0, 0, 400, 100)],
      [element, box(10, 600, 200, 30)],
    ]);
    const layout: Layout = { ...fakeLayout({ rects, hit: () => element }), scrollArea: () => box(0, 0, 400, 1000) };
    expect(whyNotFillable(element, layout)).toBeNull();
    panel.style.overflow = 'hidden';
    expect(whyNotFillable(element, layout)).toBe('clipped');
  });

  it('hit-tests the part of the field in view, and nothing when none of it is', () => {
    const { element } = setup('<input id="f"><div id="cover"></div>');
    const points: Array<[number, number]> = [];
    const rects = new Map<Element, Box>([[element, box(10, 780, 200, 40)]]);
    const hit = (_root: Document | ShadowRoot, x: number, y: number) => {
      points.push([x, y]);
      return document.getElementById('cover');
    };
    expect(whyNotFillable(element, fakeLayout({ rects, hit }))).toBe('covered');
    expect(points).toEqual([[110, 790]]);
    rects.set(element, box(10, 5000, 200, 40));
    expect(whyNotFillable(element, fakeLayout({ rects, hit }))).toBeNull();
    expect(points).toHaveLength(1);
  });
});

describe('whyNotFillableAll', () => {
  it('gives the verdicts of whyNotFillable, measuring each shared ancestor once', () => {
    document.body.innerHTML = `<form id="form" style="overflow:hidden"><input id="a"><input id="b" readonly>
      <div style="opacity:0"><input id="c"></div><input id="d"></form>`;
    const elements = ['a', 'b', 'c', 'd'].map((id) => document.getElementById(id)!);
    const form = document.getElementById('form')!;
    // #a is drawn on top of everything: it covers #d.
    const base = fakeLayout({ rects: new Map([[form, box(0, 0, 500, 500)]]), hit: () => elements[0] ?? null });
    let formStyles = 0;
    let formRects = 0;
    const counting: Layout = {
      ...base,
      style: (element) => {
        if (element === form) formStyles++;
        return base.style(element);
      },
      rect: (element) => {
        if (element === form) formRects++;
        return base.rect(element);
      },
    };
    const verdicts = whyNotFillableAll(elements, counting);
    expect(verdicts).toEqual(elements.map((element) => whyNotFillable(element, base)));
    expect(verdicts).toEqual([null, 'readonly', 'transparent', 'covered']);
    expect([formStyles, formRects]).toEqual([1, 1]);
  });
});

describe('whyNotFillableAll on fields out of view', () => {
  it('scrolls to a field below the fold to see whether something covers it, then puts the scroll back', () => {
    document.body.innerHTML = `<input id="near"><input id="far"><input id="farther">`;
    const [near, far, farther] = ['near', 'far', 'farther'].map((id) => document.getElementById(id)!);
    let scrollY = 0;
    const at = new Map<Element, number>([
      [near!, 100],
      [far!, 1500],
      [farther!, 1600],
    ]);
    const cover = document.createElement('div');
    const base = fakeLayout({});
    const revealed: Element[] = [];
    const layout: Layout = {
      ...base,
      rect: (element) => {
        const top = at.get(element);
        return top === undefined ? base.rect(element) : box(10, top - scrollY, 200, 20);
      },
      viewport: () => ({ width: 1000, height: 700, scrollX: 0, scrollY }),
      // #far lies under a cover; #farther, in view once #far is, is free.
      hitTest: (_root, _x, y) => {
        const pageY = y + scrollY;
        if (pageY >= 1500 && pageY <= 1520) return cover;
        return [...at].find(([, top]) => pageY >= top && pageY <= top + 20)?.[0] ?? null;
      },
      reveal: (element) => {
        revealed.push(element);
        const before = scrollY;
        scrollY = at.get(element)! - 350;
        return () => (scrollY = before);
      },
    };
    expect(whyNotFillableAll([near!, far!, farther!], layout)).toEqual([null, 'covered', null]);
    // One scroll served both fields below the fold, and the page is back where it was.
    expect(revealed).toEqual([far]);
    expect(scrollY).toBe(0);
  });
});
