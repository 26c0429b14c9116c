/**
 * Field hints beside their fields: a small « i » badge next to each field a rule explains,
 * and the hint itself in a bubble while the field (or its badge) is in use. Badges and bubbles
 * sit where they cover none of the page's controls, labels or legends, nor Balise's panel
 * (lib/overlay/room.ts); a bubble with no such room is not drawn, and the panel shows the tip
 * instead (`onRoom`). Nothing is written into the page's DOM.
 *
 * The badges are for the mouse only (out of the Tab order, hidden from screen readers): living
 * in Balise's shadow root at the end of <body>, they would come after the page's submit button,
 * far from their field. The keyboard and screen readers get each tip where it belongs, when the
 * field takes the focus (the bubble, read out through the live region), and in the panel's list.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Box } from '../../lib/dom/layout';
import { accessibleLabel, shownLabel } from '../../lib/portals/match';
import type { FieldRule } from '../../lib/portals/schema';
import { pageObstacles } from '../../lib/overlay/room';
import { contentLanguage, t } from '../../lib/i18n/t';
import { SeedLine } from '../ui/SeedLine';
import { useAnchored, type Spot } from './anchored';

export interface LocatedHint {
  rule: FieldRule;
  element: Element;
  label: string;
}

const isBox = (element: Element) => element.tagName === 'INPUT' && ['checkbox', 'radio'].includes((element.getAttribute('type') ?? '').toLowerCase());

export function hintLabel(rule: FieldRule, element: Element): string {
  return shownLabel(rule.match) ?? (accessibleLabel(element) || t('overlayFieldUnnamed'));
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
const bubbleSpots: Spot[] = [
  { placement: 'right-start', gap: 12 },
  { placement: 'left-start', gap: 12 },
  { placement: 'bottom-start', gap: 6 },
  { placement: 'top-start', gap: 6 },
  { placement: 'bottom-end', gap: 6 },
  { placement: 'top-end', gap: 6 },
];

/** The text of a box's label (a block label spans its row, mostly empty), as floating-ui's virtual element. */
function labelText(element: Element) {
  const label = (element as HTMLInputElement).labels?.[0];
  if (!label) return element;
  return {
    contextElement: label,
    getBoundingClientRect: () => {
      const range = document.createRange();
      range.selectNodeContents(label);
      return range.getBoundingClientRect();
    },
  };
}

const boxOf = (element: Element | null | undefined): Box[] => (element ? [element.getBoundingClientRect()] : []);

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
  const reference = useMemo(() => (box ? labelText(hint.element) : hint.element), [box, hint.element]);
  useEffect(() => {
    badges.current[index] = badge;
  }, [badges, index, badge]);
  useAnchored(reference, badge, { spots: box ? boxBadge : fieldBadge, avoid: badgeAvoids, lastResort: true });
  useAnchored(reference, open ? bubble : null, { spots: bubbleSpots, avoid: bubbleAvoids, lastResort: false, onPlaced: onRoom });
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
        <p>
          <SeedLine text={hint.rule.hint} />
        </p>
      </div>
    </>
  );
}
