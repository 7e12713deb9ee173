import type { Db } from '../../../db/client.ts';
import { checkCoopFounding } from '../enterprises/legal/coop.rules.ts';
import { loadEnterpriseParameters } from '../enterprises/legal/legal.server.ts';
import type { LegalCheck } from './initiative-stages.rules.ts';

type Founder = { kind: 'natural' | 'legal'; atRisk: boolean };

/**
 * The legal checks of founding a social cooperative (minimum founders by kind, share of founders
 * not at risk), as the legal rules give them over the dated parameters, for the move
 * founding → incubation.
 */
export async function coopFoundingChecks(db: Db, founders: Founder[], onDate: string): Promise<LegalCheck[]> {
  const params = await loadEnterpriseParameters(db, onDate);
  return checkCoopFounding({ founders }, params);
}
