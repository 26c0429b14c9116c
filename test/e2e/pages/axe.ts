/**
 * axe-core in one of Balise's documents (an extension page, or the guide's frame on a portal page),
 * for the e2e files that check accessibility.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PageScope } from '../harness';

/** axe-core's source as a function the driver evaluates: the extension's CSP refuses inline scripts, not the driver. */
const injectAxe = new Function(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')) as () => void;

type Axe = { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };

/** The serious and critical axe violations of the scope's whole document as it is now, as « rule (nodes) »; [] when none. */
export async function seriousViolations(scope: Pick<PageScope, 'evaluate'>): Promise<string[]> {
  await scope.evaluate(injectAxe);
  return scope.evaluate(async () => {
    const result = await (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
  });
}
