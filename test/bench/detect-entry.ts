/**
 * Bundled into an IIFE (global `baliseDetect`) and injected into the stress pages: the
 * detection of the content engine, collect then classify, timed inside the page.
 */
import { classifyFields } from '../../lib/autofill/classify';
import { collectFields } from '../../lib/autofill/collect';

export function detect(root: Document): { ms: number; collected: number; classified: number } {
  const start = performance.now();
  const fields = collectFields(root);
  const classified = classifyFields(fields);
  return { ms: performance.now() - start, collected: fields.length, classified: classified.length };
}
