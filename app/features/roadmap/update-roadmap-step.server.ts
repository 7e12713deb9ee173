import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { memberships, roadmapStepEvents, roadmapSteps, users } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { STAFF_ROLES } from '../../lib/roles.ts';
import { canUpdateRoadmapStep } from './roadmap.policy.ts';
import { getRoadmapStep } from './roadmap.queries.server.ts';
import { checkStepChange } from './roadmap.rules.ts';
import type { UpdateStepInput } from './roadmap.schema.ts';

type Changes = Record<string, { from: unknown; to: unknown }>;

/**
 * Changes one roadmap step (status, responsible person, due date, evidence, date done),
 * checking permission, the step rules and that nobody else changed it meanwhile; records
 * the change in the step's history and in the audit log, in one transaction.
 */
export async function updateRoadmapStep(
  db: Db,
  opts: { actor: Actor; locality: ActorLocality; stepKey: string; input: UpdateStepInput; today: string },
): Promise<{ changed: boolean }> {
  const { actor, locality, input, today } = opts;
  return db.transaction(async (tx) => {
    const step = await getRoadmapStep(tx, { localityId: locality.localityId, stepKey: opts.stepKey });
    if (!step) throw new AppError('NOT_FOUND', 'errors.404.body');
    if (!canUpdateRoadmapStep(actor, locality, step))
      throw new AppError('FORBIDDEN', 'roadmap.errors.cannotUpdate');
    if (input.version !== step.version) throw new AppError('CONFLICT', 'roadmap.errors.conflict');

    let responsibleName = step.responsibleName;
    if (!input.responsibleUserId) responsibleName = null;
    else if (input.responsibleUserId !== step.responsibleUserId) {
      const staff = await tx
        .select({ name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.localityId, locality.localityId),
            eq(memberships.userId, input.responsibleUserId),
            inArray(memberships.role, [...STAFF_ROLES]),
            eq(users.active, true),
          ),
        )
        .limit(1);
      responsibleName = staff[0]?.name ?? null;
      if (staff.length === 0)
        throw new AppError(
          'BAD_REQUEST',
          'roadmap.form.responsible.invalid',
          {},
          { responsibleUserId: 'roadmap.form.responsible.invalid' },
        );
    }

    const doneOn = input.status === 'done' ? (input.doneOn ?? step.doneOn ?? today) : input.doneOn;
    const violations = checkStepChange(
      step,
      {
        status: input.status,
        dueDate: input.dueDate,
        doneOn,
        evidenceNotes: input.evidenceNotes,
        evidenceLinkCount: input.evidenceLinks.length,
      },
      today,
    );
    if (violations.length > 0) {
      const fieldErrors = Object.fromEntries(violations.map((v) => [v.field, v.key]));
      throw new AppError('DOMAIN_RULE', violations[0]!.key, {}, fieldErrors);
    }

    let startedOn = step.startedOn;
    if (!startedOn && input.status !== 'not_started')
      startedOn = input.status === 'done' ? (doneOn ?? today) : today;
    if (input.status === 'not_started') startedOn = null;

    const next = {
      status: input.status,
      responsibleUserId: input.responsibleUserId,
      dueDate: input.dueDate,
      doneOn: input.status === 'done' ? doneOn : null,
      startedOn,
      evidenceNotes: input.evidenceNotes,
      evidenceLinks: input.evidenceLinks,
    };
    const changes: Changes = {};
    for (const [key, to] of Object.entries(next) as [keyof typeof next, unknown][]) {
      const from = step[key];
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
    }
    // History shows people by name, not by id.
    if (changes.responsibleUserId) {
      delete changes.responsibleUserId;
      changes.responsible = { from: step.responsibleName, to: responsibleName };
    }
    if (Object.keys(changes).length === 0) return { changed: false };

    const updated = await tx
      .update(roadmapSteps)
      .set({ ...next, version: step.version + 1, updatedAt: new Date() })
      .where(and(eq(roadmapSteps.id, step.id), eq(roadmapSteps.version, step.version)))
      .returning({ id: roadmapSteps.id });
    if (updated.length === 0) throw new AppError('CONFLICT', 'roadmap.errors.conflict');

    await tx.insert(roadmapStepEvents).values({
      localityId: locality.localityId,
      stepId: step.id,
      actorUserId: actor.userId,
      changes,
    });
    await writeAudit(tx, {
      actorUserId: actor.userId,
      localityId: locality.localityId,
      requestId: actor.requestId,
      action: 'roadmap_step.update',
      entityType: 'roadmap_step',
      entityId: step.id,
      details: { stepKey: step.stepKey, changes },
    });
    return { changed: true };
  });
}
