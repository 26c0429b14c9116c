import { useEffect, useState } from 'react';

/**
 * True once the page has been painted with `ready` true: a timer queued from the next
 * animation frame runs after that frame. What is not needed to draw (the other rows, the
 * code of the editor or of the procedures) waits for it, so that it never holds up the paint.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
