/**
 * A button of the guide's frame that puts the keyboard in a field of the portal's page. Pressed with
 * the pointer it does not take the focus itself: in Chromium the frame runs in another process, and the
 * frame's focus from the press could land after the page's focus() and take the keyboard back.
 */
import type { ReactNode } from 'react';
import { t } from '../../lib/i18n/t';

interface Props {
  /** The field's label, as the user reads it on the page. */
  label: string;
  className: string;
  onGo(): void;
  /** Shown instead of « Aller au champ « X » », which then names the button for screen readers. */
  children?: ReactNode;
}

export function GoToFieldButton({ label, className, onGo, children }: Props) {
  return (
    <button
      type="button"
      className={className}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onGo}
      {...(children ? { 'aria-label': t('overlayGoToField', label) } : {})}
    >
      {children ?? t('overlayGoToField', label)}
    </button>
  );
}
