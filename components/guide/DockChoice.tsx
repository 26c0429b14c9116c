/**
 * Where the guide sits (docked left, floating, docked right): three toggle buttons on the
 * panel's top line, where a newcomer sees them on opening whatever the panel's height, each a
 * picture of the window named by its place, its tooltip saying what the place does to the page.
 */
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
