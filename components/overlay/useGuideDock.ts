/**
 * Where the user put the open guide (lib/store/storage.ts guideDock), followed as it changes:
 * the guide frame writes it, the overlay content script places the frame and pushes the page.
 * null until read.
 */
import { useEffect, useState } from 'react';
import { guideDock, type GuideDock } from '../../lib/store/storage';

export function useGuideDock(): GuideDock | null {
  const [dock, setDock] = useState<GuideDock | null>(null);
  useEffect(() => {
    let live = true;
    guideDock()
      .getValue()
      // Unreadable, the guide floats as it always did.
      .catch((): GuideDock => 'floating')
      .then((stored) => live && setDock(stored));
    const unwatch = guideDock().watch(setDock);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return dock;
}
