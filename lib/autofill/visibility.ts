/**
 * Can a person see and use this field? The defence against hidden-field traps: a page
 * may carry invisible inputs that would receive profile data without the user knowing.
 * Uses layout, so it runs only on the few fields about to be filled, all of them in one
 * pass of reads (`whyNotFillableAll`). Layout goes through the `Layout` interface so unit
 * tests (jsdom has no geometry) can supply rectangles.
 *
 * The checks follow the field up the rendered tree, through shadow roots and out of
 * same-origin frames into the page that holds them: every ancestor's styles (display,
 * opacity, filter, mask, clip) and boxes (overflow, clip-path, the frame's own box) count.
 */
import { isTransformed, nonNone, px, topLevelSplit } from '../dom/css';
import { composedContains, eachElement, flatParent, frameOf, outerParent, pseudoBox, shadowOf, type PseudoHosts } from '../dom/flat-tree';
import { boxOf, type Box, type Layout } from '../dom/layout';
import { enhancedWidget } from './collect';

export type Unfillable =
  | 'detached'
  | 'hiddenInput'
  | 'disabled'
  | 'readonly'
  | 'notDisplayed'
  | 'invisible'
  | 'transparent'
  | 'zeroSize'
  | 'offscreen'
  | 'clipped'
  | 'covered'
  /** filter: brightness, contrast or blur that leaves nothing readable, or an SVG filter. */
  | 'filtered'
  /** mask that hides it (or that cannot be judged: an image). */
  | 'masked'
  /** Its text cannot be seen: transparent, the colour of what is behind it, or too small. */
  | 'textHidden'
  /** Blended into what is behind it (mix-blend-mode on it or an ancestor): what shows cannot be told. */
  | 'blended'
  /** Under Balise's own panel: the user cannot see it now (fold the guide or scroll). */
  | 'underBalise';

type ShadowOpener = (element: Element) => ShadowRoot | null;

/**
 * Opens closed shadow roots from a content script: Firefox gives `element.openOrClosedShadowRoot`,
 * Chrome `chrome.dom.openOrClosedShadowRoot(element)`; a page script gets open roots only.
 */
function openOrClosedShadowRoot(element: Element): ShadowRoot | null {
  opener ??= openerFor(element);
  try {
    return opener(element);
  } catch {
    // Not an element this context can open.
    return element.shadowRoot;
  }
}

/** Which opener this context has, found once (it is asked of thousands of elements per scan). */
let opener: ShadowOpener | undefined;
function openerFor(element: Element): ShadowOpener {
  if ('openOrClosedShadowRoot' in element) return (e) => (e as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null;
  const chromeDom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: ShadowOpener } } }).chrome?.dom;
  const open = chromeDom?.openOrClosedShadowRoot;
  if (open) return (e) => open.call(chromeDom, e) ?? null;
  return (e) => e.shadowRoot;
}

/** The real thing: each element is measured in its own window (it may sit in an iframe). */
export const browserLayout: Layout = {
  style: (element) => (element.ownerDocument.defaultView as Window).getComputedStyle(element),
  rect: (element) => element.getBoundingClientRect(),
  hitTest: (root, x, y) => root.elementFromPoint(x, y),
  pseudoStyle: (element, pseudo) => (element.ownerDocument.defaultView as Window).getComputedStyle(element, pseudo),
  shadowRoot: openOrClosedShadowRoot,
  viewport: (element) => {
    const view = element.ownerDocument.defaultView as Window;
    return { width: view.innerWidth, height: view.innerHeight, scrollX: view.scrollX, scrollY: view.scrollY };
  },
  scrollArea: (element) => {
    const box = element.getBoundingClientRect();
    const left = box.left + element.clientLeft - element.scrollLeft;
    const top = box.top + element.clientTop - element.scrollTop;
    return { left, top, right: left + element.scrollWidth, bottom: top + element.scrollHeight, width: element.scrollWidth, height: element.scrollHeight };
  },
  reveal: (element) => {
    // Every scroll position scrollIntoView may change: the scrollable boxes up the flat tree, across frames.
    const saved: [Element, number, number][] = [];
    for (let node = outerParent(element); node; node = outerParent(node))
      if (node.scrollHeight > node.clientHeight || node.scrollWidth > node.clientWidth) saved.push([node, node.scrollLeft, node.scrollTop]);
    element.scrollIntoView({ block: 'center', inline: 'center' });
    return () => {
      for (const [node, left, top] of saved) node.scrollTo(left, top);
    };
  },
};

/** Below this opacity (multiplied up the tree, frames included) a field is a trap, not a field. */
const minOpacity = 0.5;
/**
 * Smallest width and height (px) of a field a person can notice and type into knowingly.
 * The smallest native control, a checkbox, is 13 px; a one-line text field at the
 * smallest readable font (about 9 px) is taller than 10 px. 8 px leaves room for dense
 * custom controls and refuses dots and slivers.
 */
const minSize = 8;
/** Text smaller than this (px) cannot be read. */
const minFontSize = 6;
/** WCAG contrast ratio under which text is lost on its background (1 is the same colour; body text asks 4.5). */
const minContrast = 1.25;
/** filter: brightness() or contrast() factors (multiplied up the tree) under which text is not readable. */
const minFilterFactor = 0.2;
/** A blur radius (summed up the tree) of this share of the font size smears letters together. */
const maxBlurPerFontSize = 0.25;

// ---------------------------------------------------------------- CSS values

/** The functions of a computed value, one level of nesting inside: "opacity(0) blur(2px)" → [opacity, 0], [blur, 2px]. */
function functionsOf(value: string): [name: string, args: string][] {
  return [...value.matchAll(/([a-z-]+)\(((?:[^()]|\([^()]*\))*)\)/g)].map((m) => [m[1] ?? '', m[2] ?? '']);
}

/** A number, a percentage (of 1) or nothing. */
function amount(value: string | undefined, otherwise: number): number {
  if (!value) return otherwise;
  const n = Number.parseFloat(value);
  if (!Number.isFinite(n)) return otherwise;
  return value.trim().endsWith('%') ? n / 100 : n;
}

/** A length in px; `base` for percentages, `em` for font-relative units. Unknown units count as px. */
function lengthOf(value: string, base: number, em: number): number {
  const n = Number.parseFloat(value);
  if (!Number.isFinite(n)) return 0;
  if (value.endsWith('%')) return (n / 100) * base;
  return /r?em$/.test(value) ? n * em : n;
}

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Computed colours are rgb(); gradients' stops may keep these names in some engines. */
const namedColours: Record<string, Rgba> = {
  transparent: { r: 0, g: 0, b: 0, a: 0 },
  black: { r: 0, g: 0, b: 0, a: 1 },
  white: { r: 255, g: 255, b: 255, a: 1 },
};

/** The fast path: rgb()/rgba() in any syntax, color(srgb …) and a few names; null for anything else. */
function parsedColour(v: string): Rgba | null {
  const named = namedColours[v];
  if (named) return named;
  const m = /^(rgba?|color)\((.*)\)$/.exec(v);
  if (!m) return null;
  let body = m[2] ?? '';
  const unit = m[1] === 'color' ? 255 : 1;
  if (unit === 255) {
    if (!body.startsWith('srgb ')) return null;
    body = body.slice(5);
  }
  const [r, g, b, a] = body.split(/[\s,/]+/).filter(Boolean);
  if ([r, g, b].some((c) => c === 'none' || c === undefined)) return null;
  return { r: amount(r, 0) * unit, g: amount(g, 0) * unit, b: amount(b, 0) * unit, a: amount(a, 1) };
}

type Context2d = OffscreenCanvasRenderingContext2D;
let paintContext: Context2d | null | undefined;
const paintedColours = new Map<string, Rgba | null>();

/**
 * Any colour the browser knows (oklch, lab, display-p3, color-mix…), as the sRGB pixel it
 * paints: filled on a 1×1 canvas and read back (gamut-mapped by the browser itself), once per
 * colour string. Null where there is no canvas (jsdom) or the browser does not take the value.
 */
function paintedColour(value: string): Rgba | null {
  if (paintedColours.has(value)) return paintedColours.get(value) ?? null;
  if (paintContext === undefined) {
    try {
      paintContext = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true }) : null;
    } catch {
      paintContext = null;
    }
  }
  let colour: Rgba | null = null;
  const context = paintContext;
  if (context) {
    // An unknown value leaves fillStyle as it was: try it over two different colours.
    const takes = (sentinel: string) => {
      context.fillStyle = sentinel;
      const before = context.fillStyle;
      context.fillStyle = value;
      return context.fillStyle !== before;
    };
    if (takes('#000000') || takes('#ffffff')) {
      context.clearRect(0, 0, 1, 1);
      context.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(0, 0, 1, 1).data;
      colour = { r, g, b, a: a / 255 };
    }
  }
  paintedColours.set(value, colour);
  return colour;
}

/**
 * A computed colour as sRGB, whatever its space; null when it cannot be resolved (callers
 * that judge text count that as hidden) or when there is no value at all ('').
 */
function colourOf(value: string): Rgba | null {
  const v = value.trim();
  if (!v) return null;
  return parsedColour(v) ?? paintedColour(v);
}

/** Whether a non-empty computed colour value cannot be resolved to sRGB. */
const unresolved = (value: string) => value.trim() !== '' && colourOf(value) === null;

/** Colours of the stops of a gradient, or null when the value is not one. */
function gradientStops(value: string): Rgba[] | null {
  const [name, args] = functionsOf(value)[0] ?? [];
  if (!name?.endsWith('gradient') || args === undefined) return null;
  return topLevelSplit(args).flatMap((stop) => {
    const colour = colourOf(/^(?:[a-z]+\([^()]*\)|[a-z]+)/.exec(stop)?.[0] ?? '');
    return colour ? [colour] : [];
  });
}

function luminance({ r, g, b }: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

// ---------------------------------------------------------------- styles

/** Filter effects of one element, folded into the walk's running totals. */
interface FilterTotals {
  opacity: number;
  brightness: number;
  contrast: number;
  blur: number;
  opaqueToUs: boolean;
}

function addFilter(totals: FilterTotals, filter: string, fontSize: number): void {
  for (const [name, args] of functionsOf(filter)) {
    if (name === 'opacity') totals.opacity *= amount(args, 1);
    else if (name === 'brightness') totals.brightness *= amount(args, 1);
    else if (name === 'contrast') totals.contrast *= amount(args, 1);
    // invert(x) maps black and white to 1−x and x: their contrast shrinks by |1 − 2x|.
    else if (name === 'invert') totals.contrast *= Math.abs(1 - 2 * amount(args, 1));
    else if (name === 'blur') totals.blur += lengthOf(args.trim(), 0, fontSize);
    // An SVG filter can do anything to the pixels.
    else if (name === 'url') totals.opaqueToUs = true;
  }
}

const maskProperties = ['mask-image', '-webkit-mask-image', '-webkit-mask-box-image-source'] as const;

/**
 * Whether a mask may hide the element. Only a gradient with an opaque stop, at its initial
 * size and position (the usual fade at a scroll edge), is known to leave it readable; an
 * image, a transparent gradient, or a layer shrunk or moved away is counted as hiding.
 */
function masks(style: CSSStyleDeclaration): boolean {
  const images = maskProperties.map((p) => style.getPropertyValue(p).trim()).filter((v) => v && v !== 'none');
  if (images.length === 0) return false;
  const changed = (properties: string[], initial: RegExp) =>
    properties.some((p) => {
      const v = style.getPropertyValue(p).trim();
      return v !== '' && !initial.test(v);
    });
  const moved = changed(['mask-size', '-webkit-mask-size'], /^auto(?: auto)?$/) || changed(['mask-position', '-webkit-mask-position'], /^(?:0% 0%|0px 0px|left top)$/);
  if (moved) return true;
  return images.some((value) =>
    topLevelSplit(value).some((layer) => {
      const stops = gradientStops(layer);
      return !stops || !stops.some((stop) => stop.a >= minOpacity);
    }),
  );
}

/** What may paint behind the element's text: the first opaque background up the tree, with any gradient over it. */
function backdrop(element: Element, layout: Layout): Rgba[] | null {
  const colours: Rgba[] = [];
  for (let node: Element | null = element; node; node = outerParent(node)) {
    const style = layout.style(node);
    const image = style.backgroundImage;
    if (image && image !== 'none') {
      const stops = topLevelSplit(image).map(gradientStops);
      // An image: what is behind the text cannot be told.
      if (stops.some((s) => s === null)) return null;
      colours.push(...stops.flatMap((s) => s ?? []).filter((stop) => stop.a >= minOpacity));
    }
    const colour = colourOf(style.backgroundColor);
    if (colour && colour.a >= minOpacity) return [...colours, colour];
  }
  // The canvas: browsers paint white under a page that sets no background.
  return [...colours, { r: 255, g: 255, b: 255, a: 1 }];
}

const textless = 'input[type=checkbox], input[type=radio], input[type=range], input[type=color], input[type=file], input[type=image]';

/** Fields whose value is drawn as one line of text, centred vertically in the content box. */
const oneLine = 'input:not([type]), input[type=text], input[type=search], input[type=email], input[type=tel], input[type=url], input[type=password], input[type=number]';

/**
 * Whether the text is pushed out of the field's box: by text-indent (either way, as far as the
 * content is wide), or by padding that leaves no room for a letter across or down.
 */
function textPushedOut(element: Element, style: CSSStyleDeclaration, layout: Layout, fontSize: number): boolean {
  if (!element.matches(`${oneLine}, textarea`)) return false;
  const rect = layout.rect(element);
  // A box too small to show anything is for geometry to refuse.
  if (tooSmall(rect)) return false;
  const innerWidth = rect.width - px(style, 'border-left-width') - px(style, 'border-right-width');
  const innerHeight = rect.height - px(style, 'border-top-width') - px(style, 'border-bottom-width');
  const [top, right, bottom, left] = ['top', 'right', 'bottom', 'left'].map((side) => px(style, `padding-${side}`)) as [number, number, number, number];
  const contentWidth = innerWidth - left - right;
  if (contentWidth < fontSize / 2) return true;
  if (Math.abs(lengthOf(style.textIndent.trim(), contentWidth, fontSize)) >= contentWidth) return true;
  // A textarea's first line starts at the top of its content; an input's line sits at the middle of it.
  const lineTop = element.localName === 'textarea' ? top : (top + innerHeight - bottom - fontSize) / 2;
  return lineTop + fontSize / 2 >= innerHeight || lineTop + fontSize / 2 <= 0;
}

/** Whether the value a field would receive can be read: text colour, size, place, and what is behind it. */
function textHidden(element: Element, style: CSSStyleDeclaration, layout: Layout): boolean {
  if (element.matches(textless)) return false;
  const fontSize = Number.parseFloat(style.fontSize);
  if (fontSize < minFontSize) return true;
  if (textPushedOut(element, style, layout, fontSize || 16)) return true;
  // -webkit-text-fill-color paints the glyphs when set; its computed value is the text colour otherwise.
  const fill = style.getPropertyValue('-webkit-text-fill-color');
  // A colour the browser has but this cannot resolve: its text cannot be vouched for.
  if (unresolved(fill) || unresolved(style.color)) return true;
  const text = colourOf(fill) ?? colourOf(style.color);
  if (!text) return false;
  if (text.a < minOpacity) return true;
  const behind = backdrop(element, layout);
  return !!behind && behind.every((colour) => contrast(text, colour) < minContrast);
}

/** A checkbox or radio drawn by the page (appearance: none) with nothing painted: no border, background or outline. */
function paintsNothing(element: Element, style: CSSStyleDeclaration): boolean {
  if (!element.matches('input[type=checkbox], input[type=radio]') || style.getPropertyValue('appearance') !== 'none') return false;
  const visible = (colour: string) => (colourOf(colour)?.a ?? 1) >= minOpacity;
  const border = (['top', 'right', 'bottom', 'left'] as const).some(
    (side) => px(style, `border-${side}-width`) > 0 && style.getPropertyValue(`border-${side}-style`) !== 'none' && visible(style.getPropertyValue(`border-${side}-color`)),
  );
  const outline = px(style, 'outline-width') > 0 && style.outlineStyle !== 'none' && visible(style.outlineColor);
  const fill = visible(style.backgroundColor) || (style.backgroundImage !== '' && style.backgroundImage !== 'none');
  const shadow = style.boxShadow !== '' && style.boxShadow !== 'none';
  return !border && !outline && !fill && !shadow;
}

/** What one element's style adds to the walk up the tree (styleVerdict). */
interface StepStyle {
  notDisplayed: boolean;
  invisible: boolean;
  opacity: number;
  filter: string;
  masked: boolean;
  blended: boolean;
}

function stepStyle(style: CSSStyleDeclaration): StepStyle {
  const blend = style.getPropertyValue('mix-blend-mode').trim();
  return {
    notDisplayed: style.display === 'none' || style.contentVisibility === 'hidden',
    invisible: style.visibility === 'hidden' || style.visibility === 'collapse',
    opacity: amount(style.opacity, 1),
    filter: style.getPropertyValue('filter'),
    masked: masks(style),
    blended: blend !== '' && blend !== 'normal',
  };
}

/**
 * The steps read in one pass of `measuredOnce`, by element: fields share most of their
 * ancestors, whose styles would otherwise be parsed again for every field. Only for a pass,
 * where nothing is written.
 */
const stepsOfPass = new WeakMap<Layout, Map<Element, StepStyle>>();

/**
 * Style checks up the tree, across frames: display, visibility, opacity and filter
 * (multiplied up), mask, and the field's own text.
 */
function styleVerdict(element: Element, layout: Layout): Unfillable | null {
  const own = layout.style(element);
  const steps = stepsOfPass.get(layout);
  const totals: FilterTotals = { opacity: 1, brightness: 1, contrast: 1, blur: 0, opaqueToUs: false };
  let masked = false;
  let blended = false;
  for (let node: Element | null = element; node; node = outerParent(node)) {
    let step = steps?.get(node);
    if (!step) {
      step = stepStyle(node === element ? own : layout.style(node));
      steps?.set(node, step);
    }
    if (step.notDisplayed) return 'notDisplayed';
    // Visibility is inherited within a document; a frame hidden by its element hides all it holds.
    if ((node === element || node.ownerDocument !== element.ownerDocument) && step.invisible) return 'invisible';
    totals.opacity *= step.opacity;
    addFilter(totals, step.filter, Number.parseFloat(own.fontSize) || 16);
    masked ||= step.masked;
    blended ||= step.blended;
  }
  if (totals.opacity < minOpacity) return 'transparent';
  const fontSize = Number.parseFloat(own.fontSize) || 16;
  if (totals.opaqueToUs || totals.brightness < minFilterFactor || totals.contrast < minFilterFactor || totals.blur >= fontSize * maxBlurPerFontSize)
    return 'filtered';
  if (masked) return 'masked';
  if (blended) return 'blended';
  if (paintsNothing(element, own)) return 'transparent';
  return textHidden(element, own, layout) ? 'textHidden' : null;
}

// ---------------------------------------------------------------- geometry

function intersect(a: Box, b: Box): Box {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.right, b.right);
  const bottom = Math.min(a.bottom, b.bottom);
  return { left, top, right, bottom, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

const tooSmall = (box: Box) => box.width < minSize || box.height < minSize;

const everywhere = boxOf(-Infinity, -Infinity, Infinity, Infinity);

const isScrollable = (overflow: string) => overflow === 'auto' || overflow === 'scroll';

/** Overflow along x and y; the shorthand counts too (some engines leave the longhands at visible). */
function overflowsOf(style: CSSStyleDeclaration): [string, string] {
  const [x = '', y = x] = style.overflow.split(/\s+/);
  return [style.overflowX !== 'visible' ? style.overflowX : x || 'visible', style.overflowY !== 'visible' ? style.overflowY : y || 'visible'];
}

/**
 * What a container with overflow lets its content show: per axis, nothing beyond its box
 * (hidden, clip), its scrollable content when `scrolled` (auto, scroll), or no limit (visible).
 */
function overflowClip([overflowX, overflowY]: [string, string], rect: Box, area: Box, scrolled: boolean): Box {
  const axis = (overflow: string, near: 'left' | 'top', far: 'right' | 'bottom'): [number, number] => {
    if (overflow === 'visible') return [-Infinity, Infinity];
    const bounds = scrolled && isScrollable(overflow) ? area : rect;
    return [bounds[near], bounds[far]];
  };
  const [left, right] = axis(overflowX, 'left', 'right');
  const [top, bottom] = axis(overflowY, 'top', 'bottom');
  return boxOf(left, top, right, bottom);
}

/** Edges of a box shorthand (1 to 4 values: top, right, bottom, left). */
function edges(values: string[]): [string, string, string, string] {
  const [top = '0', right = top, bottom = top, left = right] = values;
  return [top, right, bottom, left];
}

/** A position ("at x y") as offsets from the box's left and top. */
function positionIn(words: string[], rect: Box, em: number): [number, number] {
  const keyword: Record<string, string> = { left: '0%', top: '0%', center: '50%', right: '100%', bottom: '100%' };
  const [x = '50%', y = '50%'] = words.map((w) => keyword[w] ?? w);
  // "at top" alone names the vertical axis.
  const swap = words.length === 1 && (words[0] === 'top' || words[0] === 'bottom');
  return swap ? [rect.width / 2, lengthOf(x, rect.height, em)] : [lengthOf(x, rect.width, em), lengthOf(y, rect.height, em)];
}

/**
 * The bounding box (viewport px) of what a clip-path lets through of an element with box
 * `rect`, `everywhere` when it clips nothing, an empty box for shapes this cannot measure
 * (url(), path(), shape()): counted as hiding, the safe side.
 */
function clipPathBox(value: string, rect: Box, em: number): Box {
  const shape = functionsOf(value)[0];
  if (!shape) return everywhere; // none, or a reference box alone
  const [name, args] = shape;
  const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);
  if (name === 'inset') {
    const [top, right, bottom, left] = edges(words(args.split(/\bround\b/)[0] ?? ''));
    return boxOf(
      rect.left + lengthOf(left, rect.width, em),
      rect.top + lengthOf(top, rect.height, em),
      rect.right - lengthOf(right, rect.width, em),
      rect.bottom - lengthOf(bottom, rect.height, em),
    );
  }
  if (name === 'circle' || name === 'ellipse') {
    const [radii = '', at = ''] = args.split(/\bat\b/);
    const [cx, cy] = positionIn(words(at), rect, em);
    const radius = (word: string | undefined, base: number, fallback: number) =>
      word === undefined || word === 'closest-side' ? fallback : word === 'farthest-side' ? Math.max(fallback, base - fallback) : lengthOf(word, base, em);
    const [first, second] = words(radii);
    const diagonal = Math.hypot(rect.width, rect.height) / Math.SQRT2;
    const rx = radius(first, name === 'circle' ? diagonal : rect.width, Math.min(cx, rect.width - cx, name === 'circle' ? Math.min(cy, rect.height - cy) : Infinity));
    const ry = name === 'circle' ? rx : radius(second, rect.height, Math.min(cy, rect.height - cy));
    return boxOf(rect.left + cx - rx, rect.top + cy - ry, rect.left + cx + rx, rect.top + cy + ry);
  }
  if (name === 'polygon') {
    const points = topLevelSplit(args)
      .map(words)
      .filter((p) => p.length === 2)
      .map(([x = '0', y = '0']) => [lengthOf(x, rect.width, em), lengthOf(y, rect.height, em)] as const);
    if (points.length < 3) return boxOf(0, 0, 0, 0);
    const xs = points.map(([x]) => x);
    const ys = points.map(([, y]) => y);
    return boxOf(rect.left + Math.min(...xs), rect.top + Math.min(...ys), rect.left + Math.max(...xs), rect.top + Math.max(...ys));
  }
  return boxOf(0, 0, 0, 0);
}

/** The legacy `clip: rect(top, right, bottom, left)` of an absolutely positioned element, in viewport px. */
function legacyClipBox(style: CSSStyleDeclaration, rect: Box): Box {
  const m = /^rect\((.*)\)$/.exec(style.clip.trim());
  if (!m || (style.position !== 'absolute' && style.position !== 'fixed')) return everywhere;
  const [top, right, bottom, left] = (m[1] ?? '').split(/[\s,]+/);
  const at = (value: string | undefined, auto: number, origin: number) => (!value || value === 'auto' ? auto : origin + (Number.parseFloat(value) || 0));
  return boxOf(at(left, rect.left, rect.left), at(top, rect.top, rect.top), at(right, rect.right, rect.left), at(bottom, rect.bottom, rect.top));
}

/** Where a frame's viewport starts in its parent's viewport: past the frame's border and padding. */
function frameOrigin(frame: Element, layout: Layout): [number, number] {
  const rect = layout.rect(frame);
  const style = layout.style(frame);
  return [rect.left + px(style, 'border-left-width') + px(style, 'padding-left'), rect.top + px(style, 'border-top-width') + px(style, 'padding-top')];
}

/** One document on the way from the field out to the top: its element that holds the field, and where its viewport sits in the top one. */
interface Level {
  target: Element;
  dx: number;
  dy: number;
}

/** What geometry says: a verdict, nothing of it in view (yet), or the point to look at and the levels it crosses. */
type Sight = { verdict: Unfillable } | { outOfView: true } | { x: number; y: number; levels: Level[] };

function geometry(element: Element, layout: Layout): Sight {
  const box = layout.rect(element);
  if (tooSmall(box)) return { verdict: 'zeroSize' };
  // `reachable`: what scrolling can bring into view; `shown`: what is in view right now, both in
  // the current level's viewport coordinates. The fill does not scroll (that would force a layout
  // per field), so both are needed.
  let reachable = box;
  let shown = box;
  const levels: Level[] = [];
  let dx = 0;
  let dy = 0;
  for (let target: Element | null = element; target; ) {
    levels.push({ target, dx, dy });
    const viewport = layout.viewport(target);
    const view = boxOf(0, 0, viewport.width, viewport.height);
    // Where scrolling inner containers can bring the field at best: a fixed ancestor must show that.
    let anchor = reachable;
    let pinned = false;
    for (let node: Element | null = target; node; node = flatParent(node)) {
      const style = layout.style(node);
      const rect = layout.rect(node);
      // A box's overflow clips what it holds, not itself.
      const overflows = node === target ? (['visible', 'visible'] as [string, string]) : overflowsOf(style);
      if (overflows[0] !== 'visible' || overflows[1] !== 'visible') {
        const area = layout.scrollArea && overflows.some(isScrollable) ? layout.scrollArea(node) : rect;
        reachable = intersect(reachable, overflowClip(overflows, rect, area, true));
        shown = intersect(shown, overflowClip(overflows, rect, area, false));
        if (overflows.some(isScrollable)) anchor = rect;
      }
      const clip = intersect(clipPathBox(style.clipPath, rect, Number.parseFloat(style.fontSize) || 16), legacyClipBox(style, rect));
      reachable = intersect(reachable, clip);
      shown = intersect(shown, clip);
      if (tooSmall(reachable)) return { verdict: 'clipped' };
      if (!pinned && style.position === 'fixed') {
        pinned = true;
        // Scrolling does not move it: out of the viewport, it stays out.
        if (tooSmall(intersect(anchor, view))) return { verdict: 'offscreen' };
      }
    }
    // Pushed off the page (left: -9999px); a field below the fold is fine, it can be scrolled to.
    if (reachable.right + viewport.scrollX <= 0 || reachable.bottom + viewport.scrollY <= 0) return { verdict: 'offscreen' };
    shown = intersect(shown, view);

    const frame = frameOf(target.ownerDocument);
    if (!frame) break;
    // Out to the page that holds the frame: its content shows only through the frame's box, and
    // the frame's own document scrolls whatever it holds into that box.
    const [ox, oy] = frameOrigin(frame, layout);
    const content = boxOf(ox, oy, ox + viewport.width, oy + viewport.height);
    if (tooSmall(content)) return { verdict: 'zeroSize' };
    shown = intersect(boxOf(shown.left + ox, shown.top + oy, shown.right + ox, shown.bottom + oy), content);
    reachable = content;
    dx += ox;
    dy += oy;
    target = frame;
  }
  if (tooSmall(shown)) return { outOfView: true };
  // Each level's viewport sits in the top one at the frames' offsets from it outwards.
  return { x: (shown.left + shown.right) / 2, y: (shown.top + shown.bottom) / 2, levels: levels.map((l) => ({ ...l, dx: dx - l.dx, dy: dy - l.dy })) };
}

const frameDocument = (element: Element): Document | null =>
  element.localName === 'iframe' || element.localName === 'frame' ? (element as HTMLIFrameElement).contentDocument : null;

/** Topmost element at a point of the top document, following open shadow roots and same-origin frames down. */
function deepHit(top: Document, x: number, y: number, layout: Layout): Element | null {
  let hit = layout.hitTest(top, x, y);
  let [fx, fy] = [x, y];
  while (hit) {
    let inner: Element | null = null;
    const shadow = shadowOf(hit, layout);
    if (shadow) inner = layout.hitTest(shadow, fx, fy);
    else {
      const doc = frameDocument(hit);
      if (doc) {
        const [ox, oy] = frameOrigin(hit, layout);
        [fx, fy] = [fx - ox, fy - oy];
        inner = layout.hitTest(doc, fx, fy);
      }
    }
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

function labelsOf(element: Element): Element[] {
  return Array.from((element as HTMLInputElement).labels ?? []);
}

/** The check at the point found: Balise's own UI, a cover, or the field itself (or its own floating label). */
function hitVerdict(element: Element, sight: { x: number; y: number; levels: Level[] }, layout: Layout, ownUi: Element | undefined): Unfillable | null {
  const top = (sight.levels.at(-1)?.target ?? element).ownerDocument;
  const hit = deepHit(top, sight.x, sight.y, layout);
  if (!hit) return null;
  if (ownUi && composedContains(ownUi, hit)) return 'underBalise';
  if (composedContains(element, hit)) return null;
  const label = hit.closest('label');
  if (label && labelsOf(element).includes(label)) return null;
  return 'covered';
}

// ---------------------------------------------------------------- covers that hit testing skips

/** A point to check in one document for a cover hit testing does not see, over `target`. */
interface Probe {
  target: Element;
  /** The field whose verdict depends on it (target is the field or a frame holding it). */
  field: Element;
  x: number;
  y: number;
}

const replaced = new Set(['img', 'video', 'canvas', 'svg', 'iframe', 'frame', 'object', 'embed', 'picture']);

/** Elements that never have ::before/::after boxes (replaced, void, or not rendered). */
const noPseudo = new Set([...replaced, 'input', 'textarea', 'select', 'option', 'optgroup', 'br', 'wbr', 'hr', 'audio', 'source', 'track', 'area', 'script', 'style', 'link', 'meta', 'head', 'title', 'base', 'template', 'noscript']);

/** A flex or grid item: z-index applies to it without a position, and it paints like an inline block. */
const isItem = (parent: CSSStyleDeclaration | null) => !!parent && /\b(?:flex|grid)\b/.test(parent.display);

const zApplies = (style: CSSStyleDeclaration, parent: CSSStyleDeclaration | null) => style.position !== 'static' || isItem(parent);

/**
 * Painted in a layer of its own, over the in-flow content that comes before it: positioned,
 * transformed, a z-indexed item, or a stacking context painted like one (opacity, filters, masks…).
 */
function isLayered(style: CSSStyleDeclaration, parent: CSSStyleDeclaration | null): boolean {
  if (style.position !== 'static' || isTransformed(style)) return true;
  if (zApplies(style, parent) && Number.isFinite(Number.parseInt(style.zIndex, 10))) return true;
  if (amount(style.opacity, 1) < 1) return true;
  const blend = style.getPropertyValue('mix-blend-mode').trim();
  if (blend !== '' && blend !== 'normal') return true;
  return ['filter', 'backdrop-filter', '-webkit-backdrop-filter', 'mask-image', '-webkit-mask-image', 'clip-path'].some((p) => nonNone(style, p));
}

/** Painted whole, in tree order among in-flow content: a flex or grid item, an inline block. */
const isAtomic = (style: CSSStyleDeclaration, parent: CSSStyleDeclaration | null) => isItem(parent) || /^inline-(?:block|flex|grid|table)$/.test(style.display);

/** Whether a colour value paints: opaque enough, or one this cannot resolve (counted as painting, the safe side for a cover). */
function paintsColour(value: string): boolean {
  const colour = colourOf(value);
  return colour ? colour.a >= minOpacity : value.trim() !== '';
}

interface Shadow {
  inset: boolean;
  x: number;
  y: number;
  blur: number;
  spread: number;
}

/** The opaque layers of a computed box-shadow. */
function shadowsOf(value: string): Shadow[] {
  if (!value.trim() || value.trim() === 'none') return [];
  return topLevelSplit(value).flatMap((layer) => {
    const fn = /[a-z-]+\((?:[^()]|\([^()]*\))*\)/i.exec(layer)?.[0];
    const words = (fn ? layer.replace(fn, ' ') : layer).trim().split(/\s+/).filter(Boolean);
    const colour = fn ?? words.find((w) => /^[a-z#]/i.test(w) && w !== 'inset') ?? 'black';
    if (!paintsColour(colour)) return [];
    const [x = 0, y = 0, blur = 0, spread = 0] = words.filter((w) => /^-?[\d.]/.test(w)).map((w) => Number.parseFloat(w) || 0);
    return [{ inset: words.includes('inset'), x, y, blur, spread }];
  });
}

/** backdrop-filter that leaves nothing readable of what lies under the box. */
function backdropHides(style: CSSStyleDeclaration): boolean {
  const value = ['backdrop-filter', '-webkit-backdrop-filter'].map((p) => style.getPropertyValue(p).trim()).find((v) => v && v !== 'none');
  if (!value) return false;
  const totals: FilterTotals = { opacity: 1, brightness: 1, contrast: 1, blur: 0, opaqueToUs: false };
  addFilter(totals, value, 16);
  return totals.opaqueToUs || totals.opacity < minOpacity || totals.brightness < minFilterFactor || totals.contrast < minFilterFactor || totals.blur >= 16 * maxBlurPerFontSize;
}

const sides = ['top', 'right', 'bottom', 'left'] as const;

/** What a box paints, as far as covering goes: its box (background, replaced content, backdrop), border bands, shadows, outline. */
interface Paint {
  fills: boolean;
  /** Border widths, and the widths of the sides that paint (0 where a side is transparent). */
  borders: [number, number, number, number];
  painted: [number, number, number, number];
  shadows: Shadow[];
  outline: { offset: number; width: number } | null;
}

/**
 * What of a box can cover: everything when it is drawn in a layer or whole in tree order; only
 * its outline when it is an in-flow block (its background and borders paint under inline
 * content; outlines over everything); only what is outside its box when it takes pointer
 * events (hit testing sees the rest). Null when nothing is left.
 */
function paintOf(element: Element | null, style: CSSStyleDeclaration, { outlineOnly, outerOnly }: { outlineOnly: boolean; outerOnly: boolean }): Paint | null {
  if (style.visibility !== 'visible' || amount(style.opacity, 1) < minOpacity) return null;
  const outlineWidth = px(style, 'outline-width');
  const outline = outlineWidth > 0 && !['none', 'hidden', ''].includes(style.outlineStyle) && paintsColour(style.outlineColor) ? { offset: px(style, 'outline-offset'), width: outlineWidth } : null;
  const none: Paint = { fills: false, borders: [0, 0, 0, 0], painted: [0, 0, 0, 0], shadows: [], outline };
  if (outlineOnly) return outline ? none : null;
  const shadows = shadowsOf(style.boxShadow).filter((shadow) => !outerOnly || !shadow.inset);
  if (outerOnly) return outline || shadows.length > 0 ? { ...none, shadows } : null;
  const borders = sides.map((side) => (style.getPropertyValue(`border-${side}-style`) === 'none' ? 0 : px(style, `border-${side}-width`))) as Paint['borders'];
  const painted = sides.map((side, i) => (paintsColour(style.getPropertyValue(`border-${side}-color`)) ? borders[i] : 0)) as Paint['painted'];
  const fills =
    (!!element && replaced.has(element.localName)) ||
    nonNone(style, 'background-image') ||
    (colourOf(style.backgroundColor)?.a ?? 0) >= minOpacity ||
    backdropHides(style);
  if (!fills && !outline && shadows.length === 0 && painted.every((w) => w <= 0)) return null;
  return { fills, borders, painted, shadows, outline };
}

const inside = (box: Box, x: number, y: number) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
const grown = (box: Box, by: number) => boxOf(box.left - by, box.top - by, box.right + by, box.bottom + by);
const moved = (box: Box, dx: number, dy: number) => boxOf(box.left + dx, box.top + dy, box.right + dx, box.bottom + dy);

/** Whether what a box paints (its border box `box`) lies over the point. Blurred shadow edges count from half their blur. */
function paintsAt({ fills, borders, painted, shadows, outline }: Paint, box: Box, x: number, y: number): boolean {
  const within = inside(box, x, y);
  if (within) {
    if (fills) return true;
    const [top, right, bottom, left] = painted;
    if (x < box.left + left || x > box.right - right || y < box.top + top || y > box.bottom - bottom) return true;
    const padding = boxOf(box.left + borders[3], box.top + borders[0], box.right - borders[1], box.bottom - borders[2]);
    for (const s of shadows) if (s.inset && inside(padding, x, y) && !inside(grown(moved(padding, s.x, s.y), -(s.spread + s.blur / 2)), x, y)) return true;
  } else {
    for (const s of shadows) if (!s.inset && inside(grown(moved(box, s.x, s.y), s.spread + s.blur / 2), x, y)) return true;
  }
  return !!outline && inside(grown(box, outline.offset + outline.width), x, y) && !inside(grown(box, outline.offset), x, y);
}

/** A box that may paint over a field without hit testing finding it. */
interface Cover {
  /** The element, or the element whose pseudo-element it is. */
  element: Element;
  pseudo: '' | '::before' | '::after';
  style: CSSStyleDeclaration;
  /** Drawn in a layer of its own (see isLayered), rather than only in tree order. */
  layered: boolean;
  paint: Paint;
}

/** The z-index its outermost ancestor-or-self that takes one competes with in the document (0 when none sets one); `own` is a pseudo-element's style. */
function stackLevel(element: Element, layout: Layout, own?: CSSStyleDeclaration): number {
  const zOf = (style: CSSStyleDeclaration, parent: CSSStyleDeclaration | null) => {
    const z = Number.parseInt(style.zIndex, 10);
    return Number.isFinite(z) && zApplies(style, parent) ? z : null;
  };
  let level = (own && zOf(own, layout.style(element))) ?? 0;
  for (let node: Element | null = element; node; node = flatParent(node)) {
    const parent = flatParent(node);
    level = zOf(layout.style(node), parent ? layout.style(parent) : null) ?? level;
  }
  return level;
}

/**
 * Whether `cover` paints over `target`, approximately: by stack level, then tree order (a
 * pseudo-element sits first or last in its element), then a layer over in-flow content.
 * Order across shadow trees is unknown and counts as over.
 */
function paintsAbove(cover: Cover, target: Element, layout: Layout): boolean {
  const [c, t] = [stackLevel(cover.element, layout, cover.pseudo ? cover.style : undefined), stackLevel(target, layout)];
  if (c !== t) return c > t;
  let follows: boolean;
  if (cover.pseudo && composedContains(cover.element, target)) follows = cover.pseudo === '::after';
  else {
    const order = target.compareDocumentPosition(cover.element);
    if (order & Node.DOCUMENT_POSITION_DISCONNECTED) return true;
    follows = (order & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  }
  if (follows) return true;
  if (!cover.layered) return false;
  for (let node: Element | null = target; node && !composedContains(node, cover.element); node = flatParent(node)) {
    const parent = flatParent(node);
    if (isLayered(layout.style(node), parent ? layout.style(parent) : null)) return false;
  }
  return true;
}

/** The page at one moment (pageAsNow): the layout it is read through, and its elements as each walk of a root listed them. */
interface Moment {
  live: Layout;
  walks: Map<Document | ShadowRoot, { skip: Element | undefined; elements: [Element, PseudoHosts | null][] }>;
}
const moments = new WeakMap<Layout, Moment>();

/**
 * The page as it is now, for checks in a row that write nothing in between — the click guard,
 * then the fill's first check: each walks the whole page, and the elements (with those that may
 * have a ::before or ::after) are listed once for all of them. Whatever ran the page's scripts
 * since (a wait, a write) is read through `liveLayout`.
 */
export function pageAsNow(layout: Layout): Layout {
  const now: Layout = Object.create(layout);
  moments.set(now, { live: layout, walks: new Map() });
  return now;
}

/** The layout under a moment (pageAsNow): the page as it is whenever it is asked. */
export const liveLayout = (layout: Layout): Layout => moments.get(layout)?.live ?? layout;

/** eachElement, from the moment's list when `layout` is one (pageAsNow). */
export function eachElementNow(root: Document | ShadowRoot, skip: Element | undefined, layout: Layout, visit: (element: Element, pseudoHosts: PseudoHosts | null) => void): void {
  const walks = moments.get(layout)?.walks;
  if (!walks) return eachElement(root, skip, layout, visit);
  let walk = walks.get(root);
  if (!walk || walk.skip !== skip) {
    walk = { skip, elements: [] };
    const { elements } = walk;
    eachElement(root, skip, layout, (element, hosts) => elements.push([element, hosts]));
    walks.set(root, walk);
  }
  for (const [element, hosts] of walk.elements) visit(element, hosts);
}

const htmlNamespace = 'http://www.w3.org/1999/xhtml';

/**
 * The boxes and pseudo-elements of each document that could cover a field unseen by hit
 * testing: `pointer-events: none` ones that paint (background, borders, shadows, outline,
 * backdrop-filter), and any whose outline or outer shadow reaches past its box. One walk of
 * the document reading styles (each element's, and its ::before and ::after), once per pass
 * (scrolling changes no style): linear in the page's size, while what follows each scroll
 * only measures these few.
 */
function passThroughCandidates(layout: Layout, ownUi: Element | undefined): (doc: Document) => Cover[] {
  const found = new Map<Document, Cover[]>();
  return (doc) => {
    let covers = found.get(doc);
    if (covers) return covers;
    const list: Cover[] = [];
    const consider = (element: Element, pseudo: Cover['pseudo'], style: CSSStyleDeclaration) => {
      const outerOnly = style.pointerEvents !== 'none';
      // Cheap first: most boxes take clicks and have no outline or shadow to reach past them.
      if (outerOnly && (style.outlineStyle === 'none' || style.outlineStyle === '') && (style.boxShadow === 'none' || style.boxShadow === '')) return;
      if (!paintOf(null, style, { outlineOnly: false, outerOnly }) && !(!pseudo && !outerOnly && replaced.has(element.localName))) return;
      const parentElement = pseudo ? element : flatParent(element);
      const parent = parentElement ? layout.style(parentElement) : null;
      const layered = isLayered(style, parent);
      const paint = paintOf(pseudo ? null : element, style, { outlineOnly: !layered && !isAtomic(style, parent), outerOnly });
      if (paint) list.push({ element, pseudo, style, layered, paint });
    };
    eachElementNow(doc, ownUi, layout, (element, hosts) => {
      const style = layout.style(element);
      // A hidden element's box is empty: it cannot lie over a probe, its pseudo-elements have none.
      consider(element, '', style);
      if (!layout.pseudoStyle || element.namespaceURI !== htmlNamespace || noPseudo.has(element.localName)) return;
      for (const pseudo of ['::before', '::after'] as const) {
        if ((hosts && !hosts[pseudo].has(element)) || style.display === 'none') continue;
        const own = layout.pseudoStyle(element, pseudo);
        if (own.content === 'none' || own.content === 'normal' || own.display === 'none') continue;
        consider(element, pseudo, own);
      }
    });
    found.set(doc, (covers = list));
    return covers;
  };
}

/** The fields (of `probes`) under one of the candidate boxes, as the page is laid out now. */
function passThroughCovered(probes: readonly Probe[], layout: Layout, candidatesIn: (doc: Document) => Cover[]): Set<Element> {
  const covered = new Set<Element>();
  const boxes = new Map<Cover, Box>();
  const boxOfCover = (cover: Cover) => {
    let box = boxes.get(cover);
    if (!box) boxes.set(cover, (box = cover.pseudo ? pseudoBox(cover.element, cover.style, layout) : layout.rect(cover.element)));
    return box;
  };
  for (const probe of probes) {
    if (covered.has(probe.field)) continue;
    const { target, field } = probe;
    for (const cover of candidatesIn(target.ownerDocument)) {
      const { element } = cover;
      // Inside the field (or the frame holding it), or its own label: part of what the user sees of it.
      if (composedContains(target, element) || labelsOf(field).some((label) => composedContains(label, element))) continue;
      // A box around the field paints under it; its pseudo-elements may not.
      if (!cover.pseudo && composedContains(element, target)) continue;
      if (!paintsAt(cover.paint, boxOfCover(cover), probe.x, probe.y)) continue;
      if (paintsAbove(cover, target, layout)) {
        covered.add(field);
        break;
      }
    }
  }
  return covered;
}

// ---------------------------------------------------------------- verdicts

/** The checks that need no layout: cheap enough to repeat right before each write. */
export function whyNotWritable(element: Element): Unfillable | null {
  if (!element.isConnected) return 'detached';
  if (element.localName === 'input' && (element as HTMLInputElement).type === 'hidden') return 'hiddenInput';
  const native = element.matches('input, select, textarea, button');
  if ((native && element.matches(':disabled')) || element.getAttribute('aria-disabled') === 'true') return 'disabled';
  if ((element.matches('input, textarea') && (element as HTMLInputElement).readOnly) || element.getAttribute('aria-readonly') === 'true')
    return 'readonly';
  return null;
}

/** What one measure of the page says of an element: a verdict, or nothing of it in view to judge. */
type Seen = Unfillable | null | 'outOfView';

/** What stays the same through one pass: Balise's own host, and the boxes that could cover unseen. */
interface Pass {
  ownUi: Element | undefined;
  candidatesIn(doc: Document): Cover[];
}

/**
 * Styles (unless `stylesPassed`: scrolling changes none), geometry, hit test, then covers hit
 * testing skips: all of `elements` in the page as it is now.
 */
function seenNow(elements: readonly Element[], layout: Layout, { ownUi, candidatesIn }: Pass, stylesPassed = false): Seen[] {
  const probes: Probe[] = [];
  const seen = elements.map((element): Seen => {
    const style = stylesPassed ? null : styleVerdict(element, layout);
    if (style) return style;
    const sight = geometry(element, layout);
    if ('verdict' in sight) return sight.verdict;
    if ('outOfView' in sight) return 'outOfView';
    const hit = hitVerdict(element, sight, layout, ownUi);
    if (!hit) for (const { target, dx, dy } of sight.levels) probes.push({ target, field: element, x: sight.x - dx, y: sight.y - dy });
    return hit;
  });
  if (probes.length === 0) return seen;
  const covered = passThroughCovered(probes, layout, candidatesIn);
  return seen.map((verdict, i) => (verdict === null && covered.has(elements[i] as Element) ? 'covered' : verdict));
}

/** Verdicts now, with the labels of styled radios and checkboxes looked at in their place. */
function verdictsNow(elements: readonly Element[], layout: Layout, pass: Pass, stylesPassed = false): Seen[] {
  const seen = seenNow(elements, layout, pass, stylesPassed);
  // Styled radios and checkboxes hide the native input and show their label instead.
  const styled = elements.filter((element, i) => element.matches('input[type=radio], input[type=checkbox]') && isRefused(seen[i]) && seen[i] !== 'notDisplayed');
  if (styled.length === 0) return seen;
  const labels = styled.flatMap(labelsOf);
  const labelVerdicts = seenNow(labels, layout, pass);
  const labelSeen = new Map(labels.map((label, i) => [label, labelVerdicts[i]] as const));
  return seen.map((verdict, i) => {
    const element = elements[i] as Element;
    return styled.includes(element) && labelsOf(element).some((label) => !isRefused(labelSeen.get(label))) ? null : verdict;
  });
}

const isRefused = (seen: Seen | undefined): seen is Unfillable => seen !== null && seen !== 'outOfView' && seen !== undefined;

/**
 * Layout read once per element for one pass: ancestors are shared between fields, and
 * nothing is written during the pass, so the styles and boxes cannot change under it.
 */
function measuredOnce(layout: Layout): Layout {
  const styles = new Map<Element, CSSStyleDeclaration>();
  const rects = new Map<Element, Box>();
  const remember = <T>(cache: Map<Element, T>, read: (element: Element) => T) => (element: Element) => {
    let value = cache.get(element);
    if (value === undefined) cache.set(element, (value = read(element)));
    return value;
  };
  const { scrollArea, pseudoStyle, shadowRoot } = layout;
  const measured: Layout = {
    style: remember(styles, (element) => layout.style(element)),
    rect: remember(rects, (element) => layout.rect(element)),
    hitTest: (root, x, y) => layout.hitTest(root, x, y),
    viewport: (element) => layout.viewport(element),
    ...(scrollArea ? { scrollArea: (element: Element) => scrollArea.call(layout, element) } : {}),
    ...(pseudoStyle ? { pseudoStyle: (element: Element, pseudo: '::before' | '::after') => pseudoStyle.call(layout, element, pseudo) } : {}),
    ...(shadowRoot ? { shadowRoot: (element: Element) => shadowRoot.call(layout, element) } : {}),
  };
  stepsOfPass.set(measured, new Map());
  return measured;
}

/**
 * Why each field must not be filled (null: a person can see and use it), in one pass of
 * reads: the browser lays the page out once for all of them instead of once per field.
 * Write nothing between this and the fill. A select a plugin replaced is judged on its widget
 * (collect.ts, `enhancedWidget`); a disabled field is `'disabled'` only when a person would see it.
 *
 * `ownUi`: Balise's own shadow host. A field under it is `'underBalise'` (hidden now, by us),
 * not a trap; without it, Balise's panel is a cover like any other.
 *
 * A field with nothing in view is scrolled to when the layout can (`reveal`), checked, and the
 * scroll put back, all in one task so that nothing is painted in between; if scrolling cannot
 * bring it into view it is `'offscreen'`. Without `reveal`, it is taken as reachable.
 */
export function whyNotFillableAll(elements: readonly Element[], layout: Layout = browserLayout, ownUi?: Element): (Unfillable | null)[] {
  const writable = elements.map(whyNotWritable);
  const verdicts: Seen[] = [...writable];
  // A select a plugin replaced is seen, and used, through its widget.
  const shown = elements.map((element) => enhancedWidget(element) ?? element);
  // Straight to the layout: caching thousands of styles read once would cost more than it saves.
  const pass: Pass = { ownUi, candidatesIn: passThroughCandidates(layout, ownUi) };
  const judge = (indices: number[], measure: Layout, stylesPassed: boolean) => {
    const seen = verdictsNow(
      indices.map((i) => shown[i] as Element),
      measure,
      pass,
      stylesPassed,
    );
    indices.forEach((i, k) => (verdicts[i] = seen[k] ?? null));
  };
  const indices = elements.map((_, i) => i);
  // A disabled field is measured too: one that an earlier write enables must still be one a person sees.
  judge(
    indices.filter((i) => verdicts[i] === null || verdicts[i] === 'disabled'),
    measuredOnce(layout),
    false,
  );
  if (layout.reveal) {
    for (const i of indices) {
      if (verdicts[i] !== 'outOfView') continue;
      const restore = layout.reveal(shown[i] as Element);
      const fresh = measuredOnce(layout);
      // This one, and any other still waiting that the scroll brought into its own viewport.
      judge(
        indices.filter((j) => j === i || (verdicts[j] === 'outOfView' && inOwnView(shown[j] as Element, fresh))),
        fresh,
        true,
      );
      restore();
      // Scrolled to and still not in view: it cannot be brought to the user's eyes.
      if (verdicts[i] === 'outOfView') verdicts[i] = 'offscreen';
    }
  }
  return verdicts.map((verdict, i) => (verdict === 'outOfView' || verdict === null ? (writable[i] ?? null) : verdict));
}

/** A cheap first look: whether any of the element's box is in its own document's viewport. */
function inOwnView(element: Element, layout: Layout): boolean {
  const box = layout.rect(element);
  const viewport = layout.viewport(element);
  return box.bottom > 0 && box.right > 0 && box.top < viewport.height && box.left < viewport.width;
}

/** Why a field must not be filled, or null when a person can see and use it (see `whyNotFillableAll`). */
export function whyNotFillable(element: Element, layout: Layout = browserLayout, ownUi?: Element): Unfillable | null {
  return whyNotFillableAll([element], layout, ownUi)[0] ?? null;
}

export function isFillable(element: Element, layout: Layout = browserLayout, ownUi?: Element): boolean {
  return whyNotFillable(element, layout, ownUi) === null;
}
