import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import {
  memberships,
  organisations,
  participants,
  people,
  supportPlans,
  users,
} from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { canManagePlans } from './plans.policy.ts';
import { RESPONSIBLE_ROLES } from './plans.rules.ts';

/** Shared pieces of the plan use cases: scoping, locking, validation and the audit row. */

export type PlanCtx = { actor: Actor; locality: ActorLocality };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

export function assertCanManage(ctx: PlanCtx) {
  if (!canManagePlans(ctx.actor, ctx.locality)) throw forbidden();
}

/** Validates plain form values with a schema; a failure is a 400 with field errors. */
export function parseValues<S extends z.ZodType>(schema: S, values: Record<string, string>): z.output<S> {
  const r = schema.safeParse(values);
  if (r.success) return r.data;
  const errors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (!errors[field]) errors[field] = issue.message as MessageKey;
  }
  throw new AppError('BAD_REQUEST', 'plans.form.invalid', {}, errors);
}

/** A rule failure (422) with its field errors, unless there are none. */
export function refuseIf(errors: FieldErrors, code: 'DOMAIN_RULE' | 'CONFLICT' = 'DOMAIN_RULE') {
  if (Object.keys(errors).length === 0) return;
  throw new AppError(code, 'plans.form.invalid', {}, errors);
}

/** The person as a participant of this locality (not erased), or 404; `active` requires an open record. */
export async function requirePerson(db: Db, ctx: PlanCtx, personId: string, opts: { active: boolean }) {
  if (!isUuid(personId)) throw notFound();
  const [row] = await db
    .select({ status: participants.status, givenName: people.givenName, familyName: people.familyName })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .where(
      and(
        eq(participants.personId, personId),
        eq(participants.localityId, ctx.locality.localityId),
        isNull(people.erasedAt),
      ),
    )
    .limit(1);
  if (!row || (opts.active && row.status !== 'active')) throw notFound();
  return row;
}

/**
 * The plan of this person in this locality, locked for the rest of the transaction (two staff
 * moving the same plan at once are serialised), or 404.
 */
export async function lockPlan(db: Db, ctx: PlanCtx, personId: string, planId: string) {
  if (!isUuid(planId) || !isUuid(personId)) throw notFound();
  await requirePerson(db, ctx, personId, { active: false });
  const [plan] = await db
    .select()
    .from(supportPlans)
    .where(
      and(
        eq(supportPlans.id, planId),
        eq(supportPlans.personId, personId),
        eq(supportPlans.localityId, ctx.locality.localityId),
      ),
    )
    .for('update')
    .limit(1);
  if (!plan) throw notFound();
  return plan;
}

/** A closed plan is kept as it was: any change is refused in words. */
export function assertOpen(plan: { step: string }) {
  if (plan.step === 'closed') throw new AppError('CONFLICT', 'plans.closed.readOnly');
}

/** The user leads plans in this locality (coordinator, advisor or animator, active), else a field error. */
export async function checkResponsibleUser(db: Db, ctx: PlanCtx, userId: string | null, field: string) {
  if (!userId) return;
  const [row] = await db
    .select({ id: users.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.localityId, ctx.locality.localityId),
        inArray(memberships.role, [...RESPONSIBLE_ROLES]),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row) refuseIf({ [field]: 'plans.form.responsible.notStaff' });
}

/** The organisation is in this locality's directory, else a field error. */
export async function checkOrganisation(db: Db, ctx: PlanCtx, organisationId: string | null, field: string) {
  if (!organisationId) return;
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.localityId, ctx.locality.localityId)))
    .limit(1);
  if (!row) refuseIf({ [field]: 'plans.form.organisation.unknown' });
}

export function audit(
  db: Db,
  ctx: PlanCtx,
  action: string,
  planId: string,
  details: Record<string, unknown> = {},
) {
  return writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType: 'support_plan',
    entityId: planId,
    details,
  });
}

/** Marks the plan changed (for "last changed" and optimistic readers). */
export function touch(db: Db, planId: string) {
  return db.update(supportPlans).set({ updatedAt: sql`now()` }).where(eq(supportPlans.id, planId));
}

/** Whether an error is PostgreSQL's unique violation (23505), as thrown by either driver. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth += 1) {
    if (typeof e === 'object' && (e as { code?: unknown }).code === '23505') return true;
    e = typeof e === 'object' ? (e as { cause?: unknown }).cause : undefined;
  }
  return false;
}
