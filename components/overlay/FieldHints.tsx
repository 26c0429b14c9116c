/**
 * Field hints beside their fields: a small « i » badge next to each field a rule explains,
 * and the hint itself in a bubble while the field (or its badge) has focus. Bubbles sit
 * beside the field, never over it; nothing is written into the page's DOM.
 */
import { useState } from 'react';
import { accessibleLabel, shownLabel } from '../../lib/portals/match';
import type { FieldRule } from '../../lib/portals/schema';
import { contentLanguage, t } from '../../lib/i18n/t';
import { SeedLine } from '../ui/SeedLine';
import { useAnchored } from './anchored';

export interface LocatedHint {
  rule: FieldRule;
  element: Element;
  label: string;
}

const isBox = (element: Element) => element.tagName === 'INPUT' && ['checkbox', 'radio'].includes((element.getAttribute('type') ?? '').toLowerCase());

export function hintLabel(rule: FieldRule, element: Element): string {
  return shownLabel(rule.match) ?? (accessibleLabel(element) || t('overlayFieldUnnamed'));
}

export function FieldHints({ hints, active, onToggle }: { hints: LocatedHint[]; active: Element | null; onToggle(element: Element): void }) {
  return (
    <div className="hints">
      {hints.map((hint, i) => (
        <FieldHint key={i} id={`balise-hint-${i}`} hint={hint} open={hint.element === active} onToggle={() => onToggle(hint.element)} />
      ))}
    </div>
  );
}

function FieldHint({ id, hint, open, onToggle }: { id: string; hint: LocatedHint; open: boolean; onToggle(): void }) {
  const [badge, setBadge] = useState<HTMLButtonElement | null>(null);
  const [bubble, setBubble] = useState<HTMLDivElement | null>(null);
  // Boxes sit in rows with their labels and neighbours (Oui ○ Non ○): a smaller badge above the
  // box, and the bubble after the label text.
  const box = isBox(hint.element);
  const label = box ? ((hint.element as HTMLInputElement).labels?.[0] ?? hint.element) : hint.element;
  useAnchored(hint.element, badge, box ? { placement: 'top-start', gap: 1, fallbacks: ['left'] } : { placement: 'right', gap: 6, fallbacks: ['left'] });
  useAnchored(label, open ? bubble : null, { placement: 'right-start', gap: box ? 12 : 34, fallbacks: ['left-start', 'bottom-start', 'top-start'] });
  const language = contentLanguage();
  return (
    <>
      <button
        ref={setBadge}
        type="button"
        className={box ? 'hint-badge small' : 'hint-badge'}
        aria-label={t('overlayHintFor', hint.label)}
        aria-expanded={open}
        aria-controls={id}
        data-balise-hint={hint.label}
        onClick={onToggle}
      >
        i
      </button>
      <div ref={setBubble} id={id} className="hint-bubble" role="note" hidden={!open}>
        <strong>{hint.label}</strong>
        <p>
          <SeedLine text={hint.rule.hint} />
        </p>
      </div>
    </>
  );
}
