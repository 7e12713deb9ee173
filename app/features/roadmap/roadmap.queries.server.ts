import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { memberships, roadmapStepEvents, roadmapSteps, users } from '../../../db/schema/index.ts';
import type { EvidenceLink } from '../../../db/schema/roadmap.ts';
import { STAFF_ROLES } from '../../lib/roles.ts';
import type { StepKey, StepStatus } from './roadmap.rules.ts';

export type RoadmapStepRow = {
  id: string;
  stepKey: StepKey;
  position: number;
  status: StepStatus;
  dueDate: string | null;
  doneOn: string | null;
  startedOn: string | null;
  responsibleUserId: string | null;
  responsibleName: string | null;
  evidenceNotes: string;
  evidenceLinks: EvidenceLink[];
  version: number;
  updatedAt: Date;
};

const stepColumns = {
  id: roadmapSteps.id,
  stepKey: roadmapSteps.stepKey,
  position: roadmapSteps.position,
  status: roadmapSteps.status,
  dueDate: roadmapSteps.dueDate,
  doneOn: roadmapSteps.doneOn,
  startedOn: roadmapSteps.startedOn,
  responsibleUserId: roadmapSteps.responsibleUserId,
  responsibleName: users.name,
  evidenceNotes: roadmapSteps.evidenceNotes,
  evidenceLinks: roadmapSteps.evidenceLinks,
  version: roadmapSteps.version,
  updatedAt: roadmapSteps.updatedAt,
};

/** All steps of one locality's roadmap, in order, with the responsible person's name. */
export async function listRoadmapSteps(db: Db, opts: { localityId: string }): Promise<RoadmapStepRow[]> {
  const rows = await db
    .select(stepColumns)
    .from(roadmapSteps)
    .leftJoin(users, eq(users.id, roadmapSteps.responsibleUserId))
    .where(eq(roadmapSteps.localityId, opts.localityId))
    .orderBy(asc(roadmapSteps.position));
  return rows as RoadmapStepRow[];
}

export async function getRoadmapStep(
  db: Db,
  opts: { localityId: string; stepKey: string },
): Promise<RoadmapStepRow | null> {
  const rows = await db
    .select(stepColumns)
    .from(roadmapSteps)
    .leftJoin(users, eq(users.id, roadmapSteps.responsibleUserId))
    .where(and(eq(roadmapSteps.localityId, opts.localityId), eq(roadmapSteps.stepKey, opts.stepKey)))
    .limit(1);
  return (rows[0] as RoadmapStepRow | undefined) ?? null;
}

export type StepEventRow = {
  id: number;
  at: Date;
  actorName: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
};

export async function listStepEvents(
  db: Db,
  opts: { localityId: string; stepId: string; limit?: number },
): Promise<StepEventRow[]> {
  const actor = alias(users, 'actor');
  return db
    .select({
      id: roadmapStepEvents.id,
      at: roadmapStepEvents.at,
      actorName: actor.name,
      changes: roadmapStepEvents.changes,
    })
    .from(roadmapStepEvents)
    .leftJoin(actor, eq(actor.id, roadmapStepEvents.actorUserId))
    .where(and(eq(roadmapStepEvents.localityId, opts.localityId), eq(roadmapStepEvents.stepId, opts.stepId)))
    .orderBy(desc(roadmapStepEvents.at), desc(roadmapStepEvents.id))
    .limit(opts.limit ?? 50);
}

/** Staff of the locality who can be made responsible for a step. */
export async function listResponsibleCandidates(db: Db, opts: { localityId: string }) {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.localityId, opts.localityId),
        inArray(memberships.role, [...STAFF_ROLES]),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.name));
}
