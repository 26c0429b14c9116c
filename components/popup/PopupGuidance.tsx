/**
 * The popup's parts that need the procedures and the portals (switching Balise on for the
 * tab's site, next step, reminders, the guide to restore): loaded apart, so that the popup draws its choices without parsing them.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { openSidePanel } from '../../lib/procedures/side-panel';
import { NextStep } from '../procedures/NextStep';
import { RemindersList } from '../procedures/RemindersList';
import { ActivateSite } from './ActivateSite';
import { RestoreGuide } from './RestoreGuide';

/** The window is known before the click: opening the side panel must happen in the click itself, with no await before it. */
function useWindowId() {
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    browser.windows
      .getCurrent()
      .then((w) => setWindowId(w.id))
      // Without its window the popup still shows the next step, only not the button that opens the side panel.
      .catch((error: unknown) => console.warn('Balise: popup window unknown, no side panel button', error));
  }, []);
  return windowId;
}

export function PopupGuidance({ hasCurrent }: { hasCurrent: boolean }) {
  const windowId = useWindowId();
  return (
    <>
      <ActivateSite />
      {hasCurrent && <NextStep onOpenPanel={windowId === undefined ? undefined : () => void openSidePanel(windowId)} />}
      {hasCurrent && <RemindersList />}
      <RestoreGuide />
    </>
  );
}
