/**
 * Field hints beside their fields: one small « i » badge next to each field a rule explains
 * (holding all its tips, should two rules name it), and the tips in a bubble while the field
 * (or its badge) is in use. One rule, which the user can tell: the bubble sits beside the field,
 * right or left of it and its badge, where it covers none of the page's controls, labels or
 * legends, nor Balise's panel (lib/overlay/room.ts); with no such room beside the field, the
 * panel shows the tip instead, naming the field (`onRoom`). Nothing is written into the page's DOM.
 *
 * The badges are for the mouse only (out of the Tab order, hidden from screen readers): living
 * in Balise's shadow root at the end of <body>, they would come after the page's submit button,
 * far from their field. The keyboard and screen readers get each tip where it belongs, when the
 * field takes the focus (the bubble, read out through the live region), and in the panel's list.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Box } from '../../lib/dom/layout';
import { accessibleLabel, shownLabel } from '../../lib/portals/match';
import type { TippedRule } from '../../lib/overlay/guidance';
import type { SeedText } from '../../lib/portals/schema';
import { pageObstacles } from '../../lib/overlay/room';
import { contentLanguage, t } from '../../lib/i18n/t';
import { SeedLine } from '../ui/SeedLine';
import { useAnchored, type Spot } from './anchored';

export interface LocatedHint {
  element: Element;
  label: string;
  tips: SeedText[];
}

const isBox = (element: Element) => element.tagName === 'INPUT' && ['checkbox', 'radio'].includes((element.getAttribute('type') ?? '').toLowerCase());

/** The located rules, one entry per field: two rules on one field would otherwise draw two badges there. */
export function hintsByField(found: { rule: TippedRule; element: Element }[]): LocatedHint[] {
  const byField = new Map<Element, LocatedHint>();
  for (const { rule, element } of found) {
    const known = byField.get(element);
    if (known) known.tips.push(rule.hint);
    else byField.set(element, { element, label: shownLabel(rule.match) ?? (accessibleLabel(element) || t('overlayFieldUnnamed')), tips: [rule.hint] });
  }
  return [...byField.values()];
}

// Beside the field, else before it, else above its end; as a last resort at its inner end.
const fieldBadge: Spot[] = [
  { placement: 'right', gap: 6 },
  { placement: 'left', gap: 6 },
  { placement: 'top-end', gap: 2 },
  { placement: 'right', gap: -24 },
];
// Boxes sit in rows with their labels and neighbours (Oui ○ Non ○): after the label's text.
const boxBadge: Spot[] = [
  { placement: 'right', gap: 6 },
  { placement: 'top-end', gap: 1 },
  { placement: 'left', gap: 6 },
];
// Beside the field and its badge only: above or below, a bubble would sit on the rows the user reads next.
const bubbleSpots: Spot[] = [
  { placement: 'right-start', gap: 6 },
  { placement: 'left-start', gap: 6 },
];

/** The smallest box around `boxes`, in the shape floating-ui reads. */
function around(boxes: Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom'>[]) {
  const [left, top, right, bottom] = [Math.min(...boxes.map((b) => b.left)), Math.min(...boxes.map((b) => b.top)), Math.max(...boxes.map((b) => b.right)), Math.max(...boxes.map((b) => b.bottom))];
  return { x: left, y: top, left, top, right, bottom, width: right - left, height: bottom - top };
}

/**
 * The end of a box's label text, as floating-ui's virtual element: its last line, text only. A
 * block label spans its row, mostly empty; and a label that wraps its box holds the box too,
 * which a page may draw full width (Medimail's « Je souhaite dématérialiser… »: measured with
 * its box, the label left its badge no room but the page's left edge, third walk NEW-3).
 */
function labelText(element: Element) {
  const label = (element as HTMLInputElement).labels?.[0];
  if (!label) return element;
  return {
    contextElement: label,
    getBoundingClientRect: () => {
      const range = document.createRange();
      const texts = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
      const lines: DOMRect[] = [];
      for (let text = texts.nextNode(); text; text = texts.nextNode()) {
        if (!text.textContent?.trim()) continue;
        range.selectNodeContents(text);
        lines.push(...Array.from(range.getClientRects()).filter((box) => box.width > 0));
      }
      const last = lines.at(-1);
      if (!last) return element.getBoundingClientRect();
      return around(lines.filter((box) => box.top < last.bottom && box.bottom > last.top));
    },
  };
}

/** A box of a pixel or so that clips what it holds: the « visually hidden » pattern. */
function visuallyHidden(element: Element): boolean {
  const { width, height } = element.getBoundingClientRect();
  return (width < 4 || height < 4) && getComputedStyle(element).overflow === 'hidden';
}

/**
 * What the user sees of a field: itself, or the widget around it when the field is visually
 * hidden, or sits in a visually hidden wrapper (PrimeFaces' SelectOneMenu on IGC-Santé): the
 * badge goes beside the widget, not on it.
 */
function drawnAs(element: Element): Element {
  const hidden = [element, element.parentElement].find((e) => e && visuallyHidden(e));
  return hidden?.parentElement ?? element;
}

const boxOf = (element: Element | null | undefined): Box[] => (element ? [element.getBoundingClientRect()] : []);

/** The field (or a box's label text) and its badge as one box, for floating-ui: the bubble goes beside both. */
function withBadge(reference: Element | ReturnType<typeof labelText>, badge: HTMLElement) {
  return {
    contextElement: 'contextElement' in reference ? reference.contextElement : reference,
    getBoundingClientRect: () => around([reference.getBoundingClientRect(), badge.getBoundingClientRect()]),
  };
}

/**
 * `panel`: Balise's guide frame, which nothing may cover. `onRoom`: the open bubble's field, told
 * whether its bubble found room (false: the panel shows the tip).
 */
export function FieldHints({
  hints,
  active,
  onToggle,
  panel,
  onRoom,
}: {
  hints: LocatedHint[];
  active: Element | null;
  onToggle(element: Element): void;
  panel: RefObject<HTMLElement | null>;
  onRoom(element: Element, room: boolean): void;
}) {
  // Each badge avoids the page, the panel and the badges placed before it (never after: no badge chases another).
  const badges = useRef<(HTMLElement | null)[]>([]);
  // Read once for all the badges moved by one scroll or resize (they move in the same task).
  const obstacles = useRef<Box[] | null>(null);
  // A resize or scroll moves the page before the timeout clears the boxes (a busy browser delays it):
  // read them anew, or a badge is placed among where the controls were (Medimail's phone badge on « (+) »).
  useEffect(() => {
    const stale = () => (obstacles.current = null);
    addEventListener('resize', stale, true);
    addEventListener('scroll', stale, true);
    return () => {
      removeEventListener('resize', stale, true);
      removeEventListener('scroll', stale, true);
    };
  }, []);
  const page = () => {
    if (!obstacles.current) {
      obstacles.current = pageObstacles(document);
      setTimeout(() => (obstacles.current = null));
    }
    return obstacles.current;
  };
  return (
    <div className="hints">
      {hints.map((hint, i) => (
        <FieldHint
          key={i}
          hint={hint}
          open={hint.element === active}
          onToggle={() => onToggle(hint.element)}
          badges={badges}
          index={i}
          badgeAvoids={() => [...page(), ...boxOf(panel.current), ...badges.current.slice(0, i).flatMap(boxOf)]}
          bubbleAvoids={() => [...page(), ...boxOf(panel.current), ...badges.current.flatMap(boxOf)]}
          onRoom={(room) => onRoom(hint.element, room)}
        />
      ))}
    </div>
  );
}

function FieldHint({
  hint,
  open,
  onToggle,
  badges,
  index,
  badgeAvoids,
  bubbleAvoids,
  onRoom,
}: {
  hint: LocatedHint;
  open: boolean;
  onToggle(): void;
  badges: RefObject<(HTMLElement | null)[]>;
  index: number;
  badgeAvoids(): Box[];
  bubbleAvoids(): Box[];
  onRoom(room: boolean): void;
}) {
  const [badge, setBadge] = useState<HTMLButtonElement | null>(null);
  const [bubble, setBubble] = useState<HTMLDivElement | null>(null);
  const box = isBox(hint.element);
  const reference = useMemo(() => (box ? labelText(hint.element) : drawnAs(hint.element)), [box, hint.element]);
  const besideBoth = useMemo(() => (badge ? withBadge(reference, badge) : null), [reference, badge]);
  useEffect(() => {
    badges.current[index] = badge;
  }, [badges, index, badge]);
  useAnchored(reference, badge, { spots: box ? boxBadge : fieldBadge, avoid: badgeAvoids, lastResort: true, keepInView: false });
  useAnchored(besideBoth, open ? bubble : null, { spots: bubbleSpots, avoid: bubbleAvoids, lastResort: false, keepInView: true, onPlaced: onRoom });
  const language = contentLanguage();
  return (
    <>
      <button
        ref={setBadge}
        type="button"
        tabIndex={-1}
        aria-hidden="true"
        className={`hint-badge${box ? ' small' : ''}${open ? ' open' : ''}`}
        title={t('overlayHintFor', hint.label)}
        data-balise-hint={hint.label}
        onClick={onToggle}
      >
        i
      </button>
      <div ref={setBubble} className="hint-bubble" role="note" hidden={!open}>
        <strong>{hint.label}</strong>
        {hint.tips.map((tip, i) => (
          <p key={i}>
            <SeedLine text={tip} />
          </p>
        ))}
      </div>
    </>
  );
}
