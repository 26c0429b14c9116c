/**
 * Long work on a page, cut in slices so that the page still answers (no task over 50 ms,
 * the long-task threshold): between slices the browser paints and handles input.
 */

/** A slice's length, in ms: well under 50, leaving room for a frame and what the slice's last item costs. */
const SLICE_MS = 12;

/**
 * Gives the event loop back: scheduler.yield where the browser has it (the continuation keeps
 * its priority), else a message, which, unlike a nested setTimeout, is not clamped to 4 ms.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** `done` of `total` items handled, after each slice. */
export type Progress = (done: number, total: number) => void;

/**
 * `map` over `items` in slices of about SLICE_MS, yielding to the page between them. Never
 * call it inside an IndexedDB transaction: a yield lets the transaction commit.
 */
export async function mapInSlices<T, U>(items: readonly T[], map: (item: T, index: number) => U, onProgress?: Progress): Promise<U[]> {
  const out: U[] = [];
  let sliceStart = performance.now();
  for (const [index, item] of items.entries()) {
    out.push(map(item, index));
    if (performance.now() - sliceStart > SLICE_MS && index + 1 < items.length) {
      onProgress?.(index + 1, items.length);
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  onProgress?.(items.length, items.length);
  return out;
}
