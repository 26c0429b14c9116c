/**
 * axe-core in an extension page of the test (the guide frame, the popup…): its serious and
 * critical violations, as « rule (number of nodes) ». axe's source goes in as a function the
 * driver sends: the page's CSP (an extension page's) refuses inline scripts and eval, not what
 * the driver itself evaluates.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PageScope } from '../harness';

const injectAxe = new Function(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')) as () => void;

export async function seriousViolations(scope: Pick<PageScope, 'evaluate'>): Promise<string[]> {
  await scope.evaluate(injectAxe);
  return scope.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
  });
}
