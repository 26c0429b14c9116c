import { beforeEach, describe, expect, it } from 'vitest';
import type { Box, Layout } from '../dom/layout';
import { browserLayout, isFillable, liveLayout, pageAsNow, whyNotFillable, whyNotFillableAll } from './visibility';

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

describe('selects a plugin replaced, and disabled fields', () => {
  const replaced = `<select id="f" tabindex="-1" style="position:absolute;clip:rect(0 0 0 0);clip-path:inset(50%);width:1px;height:1px"><option>Aude</option></select>`;

  it('judges a replaced select on the widget a person sees', () => {
    document.body.innerHTML = `${replaced}<span class="widget" role="presentation"><span role="combobox">Aude</span></span>`;
    const widget = document.querySelector('.widget')!;
    expect(whyNotFillable(document.getElementById('f')!, fakeLayout({ hit: () => widget.firstElementChild }))).toBeNull();
  });

  it('refuses it when that widget is hidden too, and a clipped select with no widget', () => {
    document.body.innerHTML = `${replaced}<span class="widget" style="display:none"><span role="combobox">Aude</span></span>`;
    expect(whyNotFillable(document.getElementById('f')!, fakeLayout())).toBe('notDisplayed');
    document.body.innerHTML = replaced.replace(' tabindex="-1"', '');
    expect(whyNotFillable(document.getElementById('f')!, fakeLayout())).toBe('clipped');
  });

  it('says a hidden disabled field is hidden: enabled later, it still must not be filled', () => {
    const { element, layout } = setup('<input id="f" disabled><input id="g" disabled style="opacity:0">');
    expect(whyNotFillableAll([element, document.getElementById('g')!], layout)).toEqual(['disabled', 'transparent']);
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
    // The form's style: once for the fields' checks, once by the look for covers that hit testing skips.
    expect([formStyles, formRects]).toEqual([2, 1]);
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

describe('trap kinds (security review M1)', () => {
  const verdict = (html: string) => {
    const { element, layout } = setup(html);
    return whyNotFillable(element, layout);
  };

  it.each([
    ['<input id="f" style="filter:opacity(0)">', 'transparent'],
    ['<div style="filter:opacity(40%)"><input id="f"></div>', 'transparent'],
    ['<div style="opacity:.9"><div style="filter:opacity(.5)"><input id="f"></div></div>', 'transparent'],
    ['<div style="filter:brightness(0)"><input id="f"></div>', 'filtered'],
    ['<section style="filter:contrast(0.1)"><p><input id="f"></p></section>', 'filtered'],
    ['<input id="f" style="filter:invert(0.5)">', 'filtered'],
    ['<div style="filter:blur(10px)"><input id="f"></div>', 'filtered'],
    ['<div style="filter:blur(2px)"><input id="f" style="filter:blur(2px)"></div>', 'filtered'],
    ['<input id="f" style="filter:url(#erase)">', 'filtered'],
  ])('filter: %s → %s', (html, reason) => expect(verdict(html)).toBe(reason));

  it.each(['filter:grayscale(1) sepia(.5)', 'filter:blur(1px)', 'filter:brightness(1.2) contrast(.9)', 'filter:drop-shadow(0 0 2px rgba(0,0,0,.3))'])(
    'filter that leaves it readable: %s',
    (css) => expect(verdict(`<input id="f" style="${css}">`)).toBeNull(),
  );

  it.each([
    ['<input id="f" style="mask-image:linear-gradient(transparent,transparent)">', 'masked'],
    ['<div style="-webkit-mask-image:linear-gradient(rgba(0,0,0,0), rgba(0,0,0,.1))"><input id="f"></div>', 'masked'],
    ['<div style="mask-image:url(hole.svg)"><div><input id="f"></div></div>', 'masked'],
    ['<input id="f" style="mask-image:linear-gradient(#000,#000); mask-size:0 0">', 'masked'],
    ['<input id="f" style="mask-image:linear-gradient(#000,#000); mask-position:-9999px 0">', 'masked'],
  ])('mask: %s → %s', (html, reason) => expect(verdict(html)).toBe(reason));

  it('accepts a fade at the edge of a scroll area (an opaque gradient at its initial size)', () => {
    expect(verdict('<div style="mask-image:linear-gradient(to bottom, black 80%, transparent)"><input id="f"></div>')).toBeNull();
  });

  it.each([
    ['<div style="clip-path:inset(100%)"><input id="f"></div>', 'clipped'],
    ['<div style="clip-path:inset(0 0 0 100%)"><div><input id="f"></div></div>', 'clipped'],
    ['<div style="clip-path:circle(0)"><input id="f"></div>', 'clipped'],
    ['<div style="clip-path:circle(2px at 0 0)"><input id="f"></div>', 'clipped'],
    ['<div style="clip-path:ellipse(1px 40% at center)"><input id="f"></div>', 'clipped'],
    ['<div style="clip-path:polygon(0 0, 100% 0, 100% 0)"><input id="f"></div>', 'clipped'],
    ['<div style="clip-path:url(#nothing)"><input id="f"></div>', 'clipped'],
    ['<div style="position:absolute; clip:rect(0px, 3px, 3px, 0px)"><input id="f"></div>', 'clipped'],
  ])('clip-path on an ancestor: %s → %s', (html, reason) => expect(verdict(html)).toBe(reason));

  it.each([
    'clip-path:polygon(0 0, 100% 0, 100% 90%, 0 100%)',
    'clip-path:inset(2px round 4px)',
    'clip-path:circle(closest-side)',
    'clip-path:border-box',
  ])('clip-path that shows it: %s', (css) => expect(verdict(`<div style="${css}"><input id="f"></div>`)).toBeNull());

  it.each([
    ['<input id="f" style="color:transparent">', 'textHidden'],
    ['<input id="f" style="color:rgba(0,0,0,.1)">', 'textHidden'],
    ['<input id="f" style="-webkit-text-fill-color:transparent">', 'textHidden'],
    ['<input id="f" style="color:#fff">', 'textHidden'],
    ['<div style="background:#123"><input id="f" style="color:#123;background:transparent"></div>', 'textHidden'],
    ['<div style="background-color:#fefefe"><input id="f" style="color:#fff;background:none"></div>', 'textHidden'],
    ['<input id="f" style="color:#eee; background-image:linear-gradient(#fff,#f0f0f0)">', 'textHidden'],
    ['<input id="f" style="font-size:1px">', 'textHidden'],
    ['<textarea id="f" style="color:transparent;background:transparent;border:0;caret-color:transparent"></textarea>', 'textHidden'],
    ['<input id="f" type="checkbox" style="appearance:none;border:0;background:transparent;outline:none">', 'transparent'],
  ])('colours: %s → %s', (html, reason) => expect(verdict(html)).toBe(reason));

  it.each([
    '<input id="f" style="color:#fff;background:#000091">',
    '<input id="f" style="color:#666">',
    '<div style="background:#000"><input id="f" style="color:#eee;background:transparent"></div>',
    '<input id="f" style="color:#fff; background-image:url(dark.png)">',
    '<input id="f" type="checkbox" style="appearance:none;border:1px solid #000">',
  ])('colours that can be read: %s', (html) => expect(verdict(html)).toBeNull());

  it.each([
    ['<input id="f" style="opacity:.12">', 'transparent'],
    ['<input id="f" style="opacity:.45">', 'transparent'],
    ['<div style="opacity:.7"><input id="f" style="opacity:.7"></div>', 'transparent'],
  ])('opacity: %s → %s', (html, reason) => expect(verdict(html)).toBe(reason));

  it.each([
    [box(10, 10, 3, 3), 'zeroSize'],
    [box(10, 10, 200, 7), 'zeroSize'],
    [box(10, 10, 7, 30), 'zeroSize'],
    [box(10, 10, 8, 8), null],
  ])('size %o → %s', (rect, reason) => {
    const { element } = setup('<input id="f">');
    expect(whyNotFillable(element, fakeLayout({ rects: new Map([[element, rect]]), hit: () => element }))).toBe(reason);
  });
});

describe('fixed and sticky fields out of view', () => {
  it.each([
    ['<input id="f" style="position:fixed">', 'offscreen'],
    ['<div style="position:fixed"><p><input id="f"></p></div>', 'offscreen'],
    ['<input id="f" style="position:sticky">', null],
    ['<input id="f">', null],
  ])('%s below the viewport → %s', (html, reason) => {
    const { element } = setup(html);
    expect(whyNotFillable(element, fakeLayout({ rects: new Map([[element, box(10, 880, 200, 30)]]), hit: () => element }))).toBe(reason);
  });

  it('accepts a field further down a fixed scrolling panel: the panel scrolls it into view', () => {
    const { element } = setup('<div id="panel" style="position:fixed; overflow:auto"><input id="f"></div>');
    const panel = document.getElementById('panel')!;
    const rects = new Map<Element, Box>([
      [panel, box(0, 0, 300, 600)],
      [element, box(10, 2000, 200, 30)],
    ]);
    const layout: Layout = { ...fakeLayout({ rects, hit: () => element }), scrollArea: () => box(0, 0, 300, 3000) };
    expect(whyNotFillable(element, layout)).toBeNull();
  });

  it('refuses a field that scrolling to it does not bring into view (a sticky one pushed out)', () => {
    const { element } = setup('<input id="near"><input id="f" style="position:sticky">');
    const near = document.getElementById('near')!;
    const revealed: Element[] = [];
    const layout: Layout = {
      ...fakeLayout({ rects: new Map([[element, box(10, 1500, 200, 30)]]), hit: (_root, _x, y) => (y < 100 ? near : null) }),
      reveal: (target) => {
        revealed.push(target);
        return () => undefined;
      },
    };
    expect(whyNotFillableAll([near, element], layout)).toEqual([null, 'offscreen']);
    expect(revealed).toEqual([element]);
  });
});

/** A same-origin frame in the page, holding `html`; jsdom gives it its own window and document. */
function framed(html: string, frameStyle = 'border:0', around = (frame: string) => frame) {
  document.body.innerHTML = around(`<iframe id="frame" style="${frameStyle}"></iframe>`);
  const frame = document.getElementById('frame') as HTMLIFrameElement;
  const inner = frame.contentDocument!;
  inner.body.innerHTML = html;
  return { frame, inner, element: inner.getElementById('f')! };
}

/** Layout for a page with one frame at (100, 100), 400×200, no border: the frame's document has its own viewport. */
function frameLayout(frame: HTMLIFrameElement, hit: Layout['hitTest'], frameRect = box(100, 100, 400, 200)): Layout {
  const base = fakeLayout({ rects: new Map([[frame, frameRect]]) });
  return {
    ...base,
    hitTest: hit,
    viewport: (element) =>
      element.ownerDocument === frame.contentDocument
        ? { width: frameRect.width, height: frameRect.height, scrollX: 0, scrollY: 0 }
        : { width: 1000, height: 800, scrollX: 0, scrollY: 0 },
  };
}

describe('fields inside a same-origin frame', () => {
  it.each([
    ['opacity:0', 'transparent'],
    ['opacity:.3', 'transparent'],
    ['display:none', 'notDisplayed'],
    ['visibility:hidden', 'invisible'],
    ['filter:opacity(0)', 'transparent'],
    ['filter:blur(20px)', 'filtered'],
    ['mask-image:linear-gradient(transparent,transparent)', 'masked'],
    ['clip-path:inset(50%)', 'clipped'],
  ])('the frame element styled %s → %s', (css, reason) => {
    const { frame, element } = framed('<input id="f">', css);
    const layout = frameLayout(frame, (root) => (root === document ? frame : element));
    expect(whyNotFillable(element, layout)).toBe(reason);
  });

  it('reads the styles of the frame element’s ancestors in the parent page', () => {
    const { frame, element } = framed('<input id="f">', 'border:0', (f) => `<div style="opacity:.2"><div>${f}</div></div>`);
    expect(whyNotFillable(element, frameLayout(frame, (root) => (root === document ? frame : element)))).toBe('transparent');
  });

  it('refuses a field in a 3×3 frame, and one whose frame is clipped away by its parent', () => {
    const { frame, element } = framed('<input id="f">');
    expect(whyNotFillable(element, frameLayout(frame, (root) => (root === document ? frame : element), box(100, 100, 3, 3)))).toBe('zeroSize');
    const clipped = framed('<input id="f">', 'border:0', (f) => `<div id="clip" style="overflow:hidden">${f}</div>`);
    const layout = frameLayout(clipped.frame, (root) => (root === document ? clipped.frame : clipped.element));
    const rects = new Map<Element, Box>([[document.getElementById('clip')!, box(0, 0, 2, 2)]]);
    expect(whyNotFillable(clipped.element, { ...layout, rect: (el) => rects.get(el) ?? layout.rect(el) })).toBe('clipped');
  });

  it('hit-tests from the top page into the frame, at the point in each one’s coordinates', () => {
    const { frame, element } = framed('<input id="f">');
    const points: Array<[string, number, number]> = [];
    const layout = frameLayout(frame, (root, x, y) => {
      points.push([root === document ? 'top' : 'frame', x, y]);
      return root === document ? frame : element;
    });
    expect(whyNotFillable(element, layout)).toBeNull();
    // The field at (10, 10, 200×30) in the frame at (100, 100): its centre is (110, 25) inside, (210, 125) outside.
    expect(points).toEqual([
      ['top', 210, 125],
      ['frame', 110, 25],
    ]);
    const cover = document.createElement('div');
    document.body.append(cover);
    expect(whyNotFillable(element, frameLayout(frame, () => cover))).toBe('covered');
  });

  it('finds a cover that hit testing skips over the frame, in the parent page', () => {
    const { frame, element } = framed('<input id="f">', 'border:0', (f) => `${f}<div id="cover" style="position:absolute;background:#fff;pointer-events:none"></div>`);
    const cover = document.getElementById('cover')!;
    const layout = frameLayout(frame, (root) => (root === document ? frame : element));
    const rects = new Map<Element, Box>([[cover, box(90, 90, 500, 300)]]);
    expect(whyNotFillable(element, { ...layout, rect: (el) => rects.get(el) ?? layout.rect(el) })).toBe('covered');
  });
});

describe('covers that hit testing skips (pointer-events: none)', () => {
  const page = (cover: string, field = '<input id="f">') => {
    const { element, layout } = setup(`<div style="position:relative">${field}${cover}</div>`);
    return whyNotFillable(element, layout);
  };

  it.each([
    '<div style="position:absolute;inset:-4px;background:#fff;pointer-events:none"></div>',
    '<span><i style="position:absolute;display:block;background:rgba(255,255,255,.9);pointer-events:none"></i></span>',
    '<img src="x.png" style="position:absolute;pointer-events:none">',
    '<div style="transform:translateY(-30px);background-image:linear-gradient(#fff,#fff);pointer-events:none"></div>',
  ])('an opaque cover over the field: %s', (cover) => expect(page(cover)).toBe('covered'));

  it('sees one placed before the field with a higher z-index, and one in a shadow root', () => {
    expect(page('', '<div style="position:absolute;z-index:5;background:#fff;pointer-events:none"></div><input id="f">')).toBe('covered');
    document.body.innerHTML = '<input id="f"><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div style="position:fixed;background:#fff;pointer-events:none"></div>';
    const element = document.getElementById('f')!;
    expect(whyNotFillable(element, fakeLayout({ hit: () => element }))).toBe('covered');
  });

  it.each([
    ['a see-through overlay', '<div style="position:absolute;background:rgba(0,0,0,.1);pointer-events:none"></div>'],
    ['a background behind it (negative z-index)', '<div style="position:absolute;z-index:-1;background:#fff;pointer-events:none"></div>'],
    ['a placeholder drawn as text', '<span style="position:absolute;pointer-events:none">Rechercher…</span>'],
    ['an opaque box that takes clicks (the hit test judges it)', '<div style="position:absolute;background:#fff"></div>'],
  ])('leaves a field alone under %s', (_name, cover) => expect(page(cover)).toBeNull());

  it('does not count an earlier positioned background under a positioned field', () => {
    expect(page('', '<div style="position:absolute;background:#fff;pointer-events:none"></div><input id="f" style="position:relative">')).toBeNull();
  });
});

describe("Balise's own UI (ownUi)", () => {
  it('says a field under Balise’s host is under Balise, not covered, and not fillable', () => {
    document.body.innerHTML = '<input id="f"><balise-overlay id="ui"></balise-overlay>';
    const element = document.getElementById('f')!;
    const ui = document.getElementById('ui')!;
    const layout = fakeLayout({ hit: () => ui });
    expect(whyNotFillable(element, layout, ui)).toBe('underBalise');
    expect(isFillable(element, layout, ui)).toBe(false);
    expect(whyNotFillableAll([element], layout, ui)).toEqual(['underBalise']);
    expect(whyNotFillable(element, layout)).toBe('covered');
  });

  it('recognises its panel inside an open shadow root, and does not take its own host for a trap cover', () => {
    document.body.innerHTML = '<input id="f"><balise-overlay id="ui" style="position:fixed;background:#fff;pointer-events:none"></balise-overlay>';
    const element = document.getElementById('f')!;
    const ui = document.getElementById('ui')!;
    const panel = ui.attachShadow({ mode: 'open' });
    panel.innerHTML = '<aside id="panel" style="position:fixed;background:#fff">Guide</aside>';
    const inner = panel.getElementById('panel')!;
    expect(whyNotFillable(element, fakeLayout({ hit: (root) => (root === document ? ui : inner) }), ui)).toBe('underBalise');
    expect(whyNotFillable(element, fakeLayout({ hit: () => element }), ui)).toBeNull();
  });
});

describe('trap kinds of the second review (page 22)', () => {
  const verdict = (html: string) => {
    const { element, layout } = setup(html);
    return whyNotFillable(element, layout);
  };

  // jsdom has no canvas: a colour outside rgb()/color(srgb) cannot be resolved there, and counts as hidden.
  it.each([
    ['<input id="f" style="color:oklch(0 0 0 / 0);background:transparent;border:1px solid oklch(0 0 0 / 0)">', 'textHidden'],
    ['<input id="f" style="color:color(display-p3 1 1 1);background:#fff;border:0">', 'textHidden'],
    ['<input id="f" style="-webkit-text-fill-color:lab(100 0 0)">', 'textHidden'],
    ['<input id="f" style="color:color-mix(in oklch, white, white)">', 'textHidden'],
  ])('a text colour in another space: %s → %s', (html, reason) => expect(verdict(html)).toBe(reason));

  it.each([
    ['<input id="f" style="text-indent:-9999px;border:0;background:transparent">', 'textHidden'],
    ['<input id="f" type="email" style="text-indent:9999px">', 'textHidden'],
    ['<textarea id="f" style="text-indent:-100em"></textarea>', 'textHidden'],
    ['<input id="f" style="box-sizing:border-box;padding-left:200px">', 'textHidden'],
    ['<input id="f" style="box-sizing:border-box;padding-top:40px">', 'textHidden'],
  ])('text pushed out of its box: %s → %s', (html, reason) => expect(verdict(html)).toBe(reason));

  it.each(['<input id="f" style="text-indent:4px;padding:4px 8px">', '<input id="f" style="padding-left:28px">', '<textarea id="f" style="padding:6px"></textarea>'])(
    'text that stays in its box: %s',
    (html) => expect(verdict(html)).toBeNull(),
  );

  it.each([
    ['<input id="f" style="mix-blend-mode:lighten">', 'blended'],
    ['<div style="background:#fff"><div style="mix-blend-mode:screen"><input id="f"></div></div>', 'blended'],
  ])('mix-blend-mode: %s → %s', (html, reason) => expect(verdict(html)).toBe(reason));

  it('reads the blend mode of a frame element holding the field', () => {
    const { frame, element } = framed('<input id="f">', 'border:0;mix-blend-mode:difference');
    expect(whyNotFillable(element, frameLayout(frame, (root) => (root === document ? frame : element)))).toBe('blended');
  });
});

describe('covers hit testing skips, second review (page 22)', () => {
  /** A row holding the field at (10, 10, 200×30), and `cover` after it (its box: `coverRect`, default the same as the field's). */
  const judge = (html: string, options: { coverRect?: Box; layout?: Partial<Layout> } = {}) => {
    document.body.innerHTML = html;
    const element = document.getElementById('f')!;
    const cover = document.getElementById('c');
    const rects = new Map<Element, Box>(cover && options.coverRect ? [[cover, options.coverRect]] : []);
    return whyNotFillable(element, { ...fakeLayout({ rects, hit: () => element }), ...options.layout });
  };

  it.each([
    ['a grid item stacked over it by z-index, no position', '<div style="display:grid"><input id="f"><div style="background:#fff;pointer-events:none;z-index:1"></div></div>'],
    ['a flex item after it, pulled over it', '<div style="display:flex"><input id="f"><div style="background:#fff;pointer-events:none;margin-left:-200px"></div></div>'],
    ['a grid item before it with a higher z-index', '<div style="display:grid"><div style="background:#fff;pointer-events:none;z-index:2"></div><input id="f"></div>'],
    ['an in-flow box made a layer by opacity', '<input id="f"><div style="opacity:.99;background:#fff;pointer-events:none"></div>'],
  ])('%s', (_name, html) => expect(judge(html)).toBe('covered'));

  it('leaves a field alone over an earlier grid item with no z-index (it paints first)', () => {
    expect(judge('<div style="display:grid"><div style="background:#fff;pointer-events:none"></div><input id="f"></div>')).toBeNull();
  });

  it.each([
    ['its borders', 'border-style:solid;border-color:#fff;border-width:20px 180px;background:transparent', box(6, 6, 360, 40)],
    ['an inset box-shadow', 'box-shadow:inset 0 0 0 100px #fff;background:transparent', box(6, 6, 360, 40)],
    ['an outer box-shadow', 'box-shadow:0 0 0 300px rgb(255, 255, 255)', box(0, 0, 2, 2)],
    ['an outline', 'outline-style:solid;outline-width:300px;outline-color:#fff', box(0, 0, 2, 2)],
    ['an outline drawn inward', 'outline-style:solid;outline-width:20px;outline-offset:-30px;outline-color:#fff', box(0, 0, 400, 50)],
    ['a backdrop-filter that turns what is under it white', 'backdrop-filter:brightness(0) invert(1);background:transparent', box(6, 6, 360, 40)],
    ['a backdrop-filter that blurs it away', '-webkit-backdrop-filter:blur(12px);backdrop-filter:blur(12px)', box(6, 6, 360, 40)],
  ])('a pointer-events:none box painted only by %s', (_name, css, coverRect) =>
    expect(judge(`<div style="position:relative"><input id="f"><div id="c" style="position:absolute;pointer-events:none;${css}"></div></div>`, { coverRect })).toBe('covered'),
  );

  it('counts the outline and outer shadow of a box that takes clicks: hit testing does not see them', () => {
    const html = (css: string) => `<div style="position:relative"><input id="f"><div id="c" style="position:absolute;${css}"></div></div>`;
    expect(judge(html('box-shadow:0 0 0 300px #fff'), { coverRect: box(0, 0, 2, 2) })).toBe('covered');
    expect(judge(html('outline-style:solid;outline-width:300px;outline-color:#fff'), { coverRect: box(0, 0, 2, 2) })).toBe('covered');
  });

  it.each([
    ['a focus ring around it (a thin border, the middle clear)', 'border:2px solid #000091;background:transparent', box(6, 6, 208, 38)],
    ['a soft shadow', 'box-shadow:0 2px 6px rgba(0,0,0,.2)', box(6, 6, 208, 38)],
    ['an inset shadow along the edges only', 'box-shadow:inset 0 0 0 3px #fff', box(6, 6, 208, 38)],
    ['a light backdrop blur', 'backdrop-filter:blur(1px)', box(6, 6, 208, 38)],
  ])('leaves a field alone under %s', (_name, css, coverRect) =>
    expect(judge(`<div style="position:relative"><input id="f"><div id="c" style="position:absolute;pointer-events:none;${css}"></div></div>`, { coverRect })).toBeNull(),
  );

  /** Pseudo-element styles from a stand-in element of another document (jsdom has no ::before/::after). */
  const pseudoLayout = (styles: Record<string, string>): Partial<Layout> => {
    const holder = document.implementation.createHTMLDocument();
    return {
      pseudoStyle: (element, pseudo) => {
        const css = styles[`${element.id}${pseudo}`];
        const stand = holder.createElement('div');
        stand.setAttribute('style', css ?? 'content:none');
        holder.body.append(stand);
        return getComputedStyle(stand);
      },
    };
  };

  it('sees an opaque ::after of the row over the field, placed from its resolved offsets', () => {
    const row = `<style>#row::after{content:''}</style><div id="row" style="position:relative"><input id="f"></div>`;
    const after = (top: string) => ({ 'row::after': `content:'';position:absolute;left:-4px;top:${top};width:360px;height:40px;background:#fff;pointer-events:none` });
    // The row at (10, 10, 200×30): a ::after at top 0 lies over the field; at 300px, far below it.
    expect(judge(row, { layout: pseudoLayout(after('0px')) })).toBe('covered');
    expect(judge(row, { layout: pseudoLayout(after('300px')) })).toBeNull();
    // Without a pseudo-element reader (before this check), nothing is seen.
    expect(judge(row)).toBeNull();
  });

  it('sees a fixed ::before anywhere in the page, and ignores one that paints nothing or takes clicks', () => {
    const page = `<style>#p::before{content:''}</style><input id="f"><p id="p">Texte</p>`;
    const fixed = "content:'';position:fixed;left:0px;top:0px;width:1000px;height:800px;pointer-events:none;";
    expect(judge(page, { layout: pseudoLayout({ 'p::before': `${fixed}background:rgb(255, 255, 255)` }) })).toBe('covered');
    expect(judge(page, { layout: pseudoLayout({ 'p::before': fixed }) })).toBeNull();
    expect(judge(page, { layout: pseudoLayout({ 'p::before': `${fixed.replace('pointer-events:none;', '')}background:#fff` }) })).toBeNull();
  });

  it('reads the pseudo-elements of the elements style sheets give one, and of all when a sheet cannot be read', () => {
    const asked: string[] = [];
    const layout = (styles: Record<string, string>): Partial<Layout> => {
      const inner = pseudoLayout(styles).pseudoStyle!;
      return { pseudoStyle: (element, pseudo) => (asked.push(`${element.id}${pseudo}`), inner(element, pseudo)) };
    };
    const cover = { 'b::after': "content:'';position:absolute;left:0px;top:0px;width:1000px;height:800px;background:#fff;pointer-events:none" };
    const html = (rule: string) => `<style>${rule}</style><div id="a"><input id="f"></div><div id="b"></div><div id="c"></div>`;
    expect(judge(html('@media screen { #b::after, .x > ::before { content: "" } }'), { layout: layout(cover) })).toBe('covered');
    expect(asked).toEqual(['b::after']);
    asked.length = 0;
    // A sheet that cannot be read (cross-origin): every element is asked.
    document.body.innerHTML = html('.y::after { content: "" }');
    Object.defineProperty(document.styleSheets[0], 'cssRules', {
      get() {
        throw new DOMException('cross-origin', 'SecurityError');
      },
    });
    const element = document.getElementById('f')!;
    expect(whyNotFillable(element, { ...fakeLayout({ hit: () => element }), ...layout(cover) })).toBe('covered');
    expect(asked).toContain('c::after');
  });

  it('walks the page once for the checks of one moment (pageAsNow), and as it is now through the live layout', () => {
    document.body.innerHTML = '<div style="position:relative"><input id="f"></div>';
    const element = document.getElementById('f')!;
    const now = pageAsNow(fakeLayout({ hit: () => element }));
    expect(whyNotFillable(element, now)).toBeNull();
    // Written after the moment's walk (no check of that moment follows a write, fill.ts): only the live layout sees it.
    element.insertAdjacentHTML('afterend', '<div style="position:absolute;pointer-events:none;background:#fff"></div>');
    expect(whyNotFillable(element, now)).toBeNull();
    expect(whyNotFillable(element, liveLayout(now))).toBe('covered');
  });

  it('opens a closed shadow root to find a cover in it, where the layout can', () => {
    document.body.innerHTML = '<div style="position:relative"><input id="f"><x-cover id="host" style="position:absolute;pointer-events:none"></x-cover></div>';
    const element = document.getElementById('f')!;
    const host = document.getElementById('host')!;
    const closed = host.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<div style="position:absolute;background:#fff;pointer-events:none"></div>';
    const layout = fakeLayout({ hit: () => element });
    expect(whyNotFillable(element, layout)).toBeNull();
    expect(whyNotFillable(element, { ...layout, shadowRoot: (el) => (el === host ? closed : el.shadowRoot) })).toBe('covered');
  });

  it('keeps a field under Balise’s own host underBalise, and does not take Balise’s pseudo-elements for covers', () => {
    document.body.innerHTML = `<style>#ui::after{content:''}</style><input id="f"><balise-overlay id="ui" style="position:fixed"></balise-overlay>`;
    const element = document.getElementById('f')!;
    const ui = document.getElementById('ui')!;
    const layout = { ...fakeLayout({ hit: () => element }), ...pseudoLayout({ 'ui::after': "content:'';position:fixed;left:0px;top:0px;width:1000px;height:800px;background:#fff;pointer-events:none" }) };
    expect(whyNotFillable(element, layout, ui)).toBeNull();
    expect(whyNotFillable(element, { ...layout, hitTest: () => ui }, ui)).toBe('underBalise');
  });
});
