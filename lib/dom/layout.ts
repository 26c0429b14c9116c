/**
 * How an element is drawn, asked through `Layout` so that unit tests (jsdom has no geometry) can
 * supply rectangles and styles; the browser's own answers are `browserLayout`
 * (lib/autofill/visibility.ts).
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export interface Viewport {
  width: number;
  height: number;
  scrollX: number;
  scrollY: number;
}

export interface Layout {
  style(element: Element): CSSStyleDeclaration;
  rect(element: Element): Box;
  /** Topmost element at a viewport point of a document or shadow root. */
  hitTest(root: Document | ShadowRoot, x: number, y: number): Element | null;
  viewport(element: Element): Viewport;
  /**
   * What a person can scroll a scroll container over, in viewport coordinates (its whole
   * content, scrolled parts included). Without it, a container shows only its own box.
   */
  scrollArea?(element: Element): Box;
  /**
   * Scrolls so that `element` is in view and answers how to put every scroll position back.
   * Without it, a field out of view is not checked for a cover.
   */
  reveal?(element: Element): () => void;
  /** The computed style of a pseudo-element. Without it, pseudo-elements are not looked at as covers. */
  pseudoStyle?(element: Element, pseudo: '::before' | '::after'): CSSStyleDeclaration;
  /**
   * The element's shadow root, closed ones included where the context can open them (a content
   * script can). Without it, `element.shadowRoot`: open ones only.
   */
  shadowRoot?(element: Element): ShadowRoot | null;
}

export const boxOf = (left: number, top: number, right: number, bottom: number): Box => ({ left, top, right, bottom, width: right - left, height: bottom - top });
