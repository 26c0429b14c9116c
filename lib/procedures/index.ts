/**
 * All procedure modules, in seed order. An explicit list, unlike the portals: a new procedure
 * also needs its id in procedureIds (../portals/schema.ts, typed) and its catalogue entry
 * (./catalog.json); the contract test fails when a `*.procedure.ts` file is missing here.
 */
import distrilog from './000-distrilog.procedure';
import medAcces from './001-med-acces.procedure';
import balOrg from './002-medimail-bal-org.procedure';
import certificatsDp from './003-certificats-dp.procedure';
import prerequis from './004-prerequis.procedure';
import type { Procedure } from './schema';

export const procedures: readonly Procedure[] = [distrilog, medAcces, balOrg, certificatsDp, prerequis];

export function findProcedure(id: string): Procedure | null {
  return procedures.find((p) => p.id === id) ?? null;
}
