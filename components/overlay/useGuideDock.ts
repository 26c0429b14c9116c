/**
 * Where the open guide sits: where the user put it (lib/store/storage.ts guideDock), followed as
 * it changes (the guide frame writes it); until the user chooses, where the window's width puts
 * it (lib/overlay/room.ts defaultDock), followed as the window is resized. The overlay content
 * script places the frame and pushes the page accordingly. null until read.
 */
import { useEffect, useState } from 'react';
import { defaultDock } from '../../lib/overlay/room';
import { guideDock, type GuideDock } from '../../lib/store/storage';

export function useGuideDock(): GuideDock | null {
  // undefined until read; null while the user has not chosen.
  const [chosen, setChosen] = useState<GuideDock | null | undefined>(undefined);
  const [fallback, setFallback] = useState(() => defaultDock(innerWidth));
  useEffect(() => {
    let live = true;
    guideDock()
      .getValue()
      // Unreadable, the guide takes the place of a choice not made.
      .catch(() => null)
      .then((stored) => live && setChosen(stored));
    const unwatch = guideDock().watch(setChosen);
    const onResize = () => setFallback(defaultDock(innerWidth));
    addEventListener('resize', onResize);
    return () => {
      live = false;
      unwatch();
      removeEventListener('resize', onResize);
    };
  }, []);
  return chosen === undefined ? null : (chosen ?? fallback);
}
