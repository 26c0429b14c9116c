/** Readers of computed CSS values. */

/** A length in px; 0 when unset or not a length. */
export const px = (style: CSSStyleDeclaration, property: string) => Number.parseFloat(style.getPropertyValue(property)) || 0;

/** Whether a property is set to something other than `none`. */
export const nonNone = (style: CSSStyleDeclaration, property: string) => {
  const value = style.getPropertyValue(property).trim();
  return value !== '' && value !== 'none';
};

/** Moved by `transform` or one of the individual transform properties. */
export const isTransformed = (style: CSSStyleDeclaration) => ['transform', 'translate', 'rotate', 'scale'].some((p) => nonNone(style, p));

/** Comma-separated parts at the top level (not inside parentheses). */
export function topLevelSplit(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(value.slice(start).trim());
  return parts;
}
