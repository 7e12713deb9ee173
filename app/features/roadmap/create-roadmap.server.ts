import type { Db } from '../../../db/client.ts';
import { roadmapSteps } from '../../../db/schema/index.ts';
import { STEP_KEYS } from './roadmap.rules.ts';

/** Gives a locality the seed's implementation steps, all not started. Idempotent. */
export async function createRoadmap(db: Db, opts: { localityId: string }): Promise<void> {
  await db
    .insert(roadmapSteps)
    .values(STEP_KEYS.map((stepKey, i) => ({ localityId: opts.localityId, stepKey, position: i + 1 })))
    .onConflictDoNothing();
}
