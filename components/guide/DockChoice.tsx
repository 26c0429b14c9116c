/**
 * Where the guide sits (docked left, floating, docked right): three toggle buttons on the
 * panel's top line, where a newcomer sees them on opening whatever the panel's height, each a
 * picture of the window named by its place, its tooltip saying what the place does to the page;
 * and « Placer le guide à droite », where the fill preview leaves out fields under the floating guide.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import type { MessageKey } from '../../lib/i18n/catalog';
import { t } from '../../lib/i18n/t';
import type { GuideDock } from '../../lib/store/storage';

/** Each place, with the guide's box in a 16×12 window: a full-height side, or a corner over the page. */
const docks: { dock: GuideDock; label: MessageKey; tip: MessageKey; guide: { x: number; y: number; width: number; height: number } }[] = [
  { dock: 'left', label: 'overlayDockLeft', tip: 'overlayDockLeftTip', guide: { x: 1, y: 1, width: 5, height: 10 } },
  { dock: 'floating', label: 'overlayDockFloating', tip: 'overlayDockFloatingTip', guide: { x: 9, y: 5, width: 5, height: 5 } },
  { dock: 'right', label: 'overlayDockRight', tip: 'overlayDockRightTip', guide: { x: 10, y: 1, width: 5, height: 10 } },
];

export function DockChoice({ dock, onDock }: { dock: GuideDock; onDock(dock: GuideDock): void }) {
  return (
    <div className="dock" role="group" aria-labelledby="balise-dock">
      <span id="balise-dock">{t('overlayDock')}</span>
      {docks.map((choice) => (
        <button
          key={choice.dock}
          type="button"
          className="dock-choice"
          aria-label={t(choice.label)}
          aria-pressed={dock === choice.dock}
          title={t(choice.tip)}
          onClick={() => onDock(choice.dock)}
        >
          <svg viewBox="0 0 16 12" width="16" height="12" aria-hidden="true" focusable="false">
            <rect x="0.5" y="0.5" width="15" height="11" rx="1" fill="none" stroke="currentColor" />
            <rect {...choice.guide} fill="currentColor" />
          </svg>
        </button>
      ))}
    </div>
  );
}

/** Where the guide sits and how to move it, for what the panel draws under its header (DockRight in the fill preview). */
export const GuidePlace = createContext<{ dock: GuideDock; onDock(dock: GuideDock): void } | null>(null);

/**
 * « Placer le guide à droite », beside a preview line left out as under the floating guide: docks
 * it as the header's buttons do (the stored choice); once the content script says the guide is
 * docked (the page laid out beside it), `onDocked` (the preview is planned again, those fields in
 * it) and the focus goes to the header's pressed « à droite », which says where the guide now is.
 */
export function DockRight({ onDocked }: { onDocked(): void }) {
  const place = useContext(GuidePlace);
  const [asked, setAsked] = useState(false);
  const docked = place?.dock === 'right';
  useEffect(() => {
    if (!asked || !docked) return;
    setAsked(false);
    onDocked();
    document.querySelector<HTMLButtonElement>('.dock-choice[aria-pressed="true"]')?.focus();
  }, [asked, docked]);
  if (place?.dock !== 'floating') return null;
  return (
    <button
      type="button"
      className="balise-fill-fix"
      onClick={() => {
        setAsked(true);
        place.onDock('right');
      }}
    >
      {t('overlayDockRightOffer')}
    </button>
  );
}
