import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Box, Layout } from '../dom/layout';
import { judgeClick, minStableMs, trackStability } from './click-guard';

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height, right: left + width, bottom: top + height });
const framePlace = box(600, 300, 360, 400);

/** The frame where Balise put it; `covers` are the page's positioned elements with their boxes and pointer-events. */
function layoutWith(covers: Map<Element, { rect: Box; pointerEvents: string; position?: string }>): Layout {
  return {
    style: (element) => {
      const cover = covers.get(element);
      return { pointerEvents: cover?.pointerEvents ?? 'auto', position: cover?.position ?? 'static', visibility: 'visible' } as CSSStyleDeclaration;
    },
    rect: (element) => covers.get(element)?.rect ?? (element.localName === 'iframe' ? framePlace : box(0, 0, 10, 10)),
    hitTest: () => null,
    viewport: () => ({ width: 1000, height: 800, scrollX: 0, scrollY: 0 }),
  };
}

function setUp() {
  document.body.innerHTML = '<main><p>Portail</p></main><balise-overlay></balise-overlay>';
  const host = document.querySelector('balise-overlay')!;
  const frame = document.createElement('iframe');
  host.append(frame);
  // jsdom has no top layer: the host is said to be shown as a popover.
  const matches = host.matches.bind(host);
  vi.spyOn(host, 'matches').mockImplementation((selector: string) => (selector === ':popover-open' ? shown : matches(selector)));
  return { host, frame };
}
let shown = true;
afterEach(() => {
  vi.restoreAllMocks();
  shown = true;
});

/** An element of the page in the top layer (jsdom has none: it says so when asked). */
function inTopLayer(parent: ParentNode): Element {
  const element = document.createElement('dialog');
  parent.append(element);
  const matches = element.matches.bind(element);
  vi.spyOn(element, 'matches').mockImplementation((selector: string) => selector === ':popover-open, :modal' || matches(selector));
  return element;
}

describe('judgeClick', () => {
  it('accepts a click on a panel that stood still, seen by the browser, under nothing of the page', () => {
    const { host, frame } = setUp();
    expect(judgeClick(frame, host, Infinity, Infinity, layoutWith(new Map()))).toBe('ok');
    // Where the browser cannot tell (Firefox), the same page is fine too.
    expect(judgeClick(frame, host, null, Infinity, layoutWith(new Map()))).toBe('ok');
  });

  it('refuses when the panel moved, was seen covered, or left the top layer', () => {
    const { host, frame } = setUp();
    const layout = layoutWith(new Map());
    expect(judgeClick(frame, host, Infinity, minStableMs - 1, layout)).toBe('covered');
    expect(judgeClick(frame, host, 0, Infinity, layout)).toBe('covered');
    expect(judgeClick(frame, host, minStableMs - 1, Infinity, layout)).toBe('covered');
    shown = false;
    expect(judgeClick(frame, host, Infinity, Infinity, layout)).toBe('covered');
  });

  it('doubts a click-through cover over the panel’s place, another top-layer element, and a view transition', () => {
    const { host, frame } = setUp();
    const cover = document.createElement('div');
    document.body.append(cover);
    const covers = new Map([[cover, { rect: box(0, 0, 1000, 800), pointerEvents: 'none', position: 'fixed' }]]);
    expect(judgeClick(frame, host, Infinity, Infinity, layoutWith(covers))).toBe('doubt');
    // An icon inside a field, or a cover that lets nothing through: not the shape of a clickjacking cover.
    covers.set(cover, { rect: box(900, 650, 16, 16), pointerEvents: 'none', position: 'absolute' });
    expect(judgeClick(frame, host, Infinity, Infinity, layoutWith(covers))).toBe('ok');
    covers.set(cover, { rect: box(0, 0, 1000, 800), pointerEvents: 'auto', position: 'fixed' });
    expect(judgeClick(frame, host, Infinity, Infinity, layoutWith(covers))).toBe('ok');
    cover.remove();
    const dialog = inTopLayer(document.body);
    expect(judgeClick(frame, host, Infinity, Infinity, layoutWith(new Map()))).toBe('doubt');
    dialog.remove();
    // Also in a shadow root of the page's.
    const host2 = document.createElement('div');
    document.body.append(host2);
    inTopLayer(host2.attachShadow({ mode: 'open' }));
    expect(judgeClick(frame, host, Infinity, Infinity, layoutWith(new Map()))).toBe('doubt');
    host2.remove();
    expect(judgeClick(frame, host, Infinity, Infinity, layoutWith(new Map()))).toBe('ok');
    (document as Document & { activeViewTransition?: object }).activeViewTransition = {};
    expect(judgeClick(frame, host, Infinity, Infinity, layoutWith(new Map()))).toBe('doubt');
    delete (document as Document & { activeViewTransition?: object }).activeViewTransition;
  });
});

describe('trackStability', () => {
  it('counts from the last move of the frame’s anchor, not from its growth upwards', () => {
    vi.useFakeTimers();
    try {
      const frame = document.createElement('iframe');
      let place = framePlace;
      const layout = { ...layoutWith(new Map()), rect: () => place };
      const watch = trackStability(frame, layout);
      expect(watch.stableFor()).toBe(Infinity);
      place = box(600, 200, 360, 500); // taller, same bottom right corner
      vi.advanceTimersByTime(200);
      expect(watch.stableFor()).toBe(Infinity);
      place = box(100, 200, 360, 500); // moved
      expect(watch.stableFor()).toBe(0);
      vi.advanceTimersByTime(200);
      expect(watch.stableFor()).toBeLessThan(minStableMs);
      watch.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
