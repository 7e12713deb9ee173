import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { clubGrants, clubMembers, clubVisits } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { checkGrant, isMemberOn } from './club.rules.ts';
import type { GrantInput, VisitInput } from './club.schema.ts';
import {
  assertManage,
  assertSeeMembers,
  audit,
  type Ctx,
  isUuid,
  requireClub,
  throwIfErrors,
} from './club-access.server.ts';

/**
 * A drop-in visit: a member's (one person, named) or a count of visitors who are not members.
 * Naming a member is reading and writing personal data: the coordinator and the animator only.
 */
export async function addVisit(
  db: Db,
  ctx: Ctx & { clubId: string; input: VisitInput; today: string },
): Promise<string> {
  const i = ctx.input;
  if (i.memberId) assertSeeMembers(ctx);
  else assertManage(ctx);
  const errors: FieldErrors = {};
  if (i.visitedOn > ctx.today) errors.visitedOn = 'club.visits.date.future';
  if (!i.memberId && !i.visitors) errors.visitors = 'club.visits.visitors.required';
  if (i.memberId && i.visitors && i.visitors > 1) errors.visitors = 'club.visits.visitors.oneMember';
  throwIfErrors(errors);
  return db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    if (i.memberId) {
      const [m] = await tx
        .select({ joinedOn: clubMembers.joinedOn, leftOn: clubMembers.leftOn })
        .from(clubMembers)
        .where(and(eq(clubMembers.id, i.memberId), eq(clubMembers.clubId, club.id)))
        .limit(1);
      if (!m) throwIfErrors({ memberId: 'club.visits.member.unknown' });
      else if (!isMemberOn(m, i.visitedOn)) throwIfErrors({ memberId: 'club.visits.member.notThatDay' });
    }
    const [row] = await tx
      .insert(clubVisits)
      .values({
        localityId: ctx.locality.localityId,
        clubId: club.id,
        visitedOn: i.visitedOn,
        memberId: i.memberId,
        visitors: i.memberId ? 1 : i.visitors!,
        purpose: i.purpose,
      })
      .returning({ id: clubVisits.id });
    await audit(tx, ctx, 'club.visit_add', club.id, { visitId: row!.id, member: Boolean(i.memberId) });
    return row!.id;
  });
}

export async function removeVisit(db: Db, ctx: Ctx & { clubId: string; visitId: string }): Promise<void> {
  assertManage(ctx);
  if (!isUuid(ctx.visitId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  await db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    const gone = await tx
      .delete(clubVisits)
      .where(and(eq(clubVisits.id, ctx.visitId), eq(clubVisits.clubId, club.id)))
      .returning({ id: clubVisits.id });
    if (gone.length === 0) throw new AppError('NOT_FOUND', 'errors.404.body');
    await audit(tx, ctx, 'club.visit_remove', club.id, { visitId: ctx.visitId });
  });
}

/** A grant for a year (source, amount granted, amount spent): the report's settlement section. */
export async function saveGrant(
  db: Db,
  ctx: Ctx & { clubId: string; grantId?: string; input: GrantInput },
): Promise<string> {
  assertManage(ctx);
  throwIfErrors(checkGrant(ctx.input));
  const i = ctx.input;
  return db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    const values = { year: i.year, source: i.source, grantedPln: i.grantedPln, spentPln: i.spentPln };
    if (ctx.grantId) {
      if (!isUuid(ctx.grantId)) throw new AppError('NOT_FOUND', 'errors.404.body');
      const done = await tx
        .update(clubGrants)
        .set(values)
        .where(and(eq(clubGrants.id, ctx.grantId), eq(clubGrants.clubId, club.id)))
        .returning({ id: clubGrants.id });
      if (done.length === 0) throw new AppError('NOT_FOUND', 'errors.404.body');
      await audit(tx, ctx, 'club.grant_update', club.id, { grantId: ctx.grantId, ...values });
      return ctx.grantId;
    }
    const [row] = await tx
      .insert(clubGrants)
      .values({ ...values, localityId: ctx.locality.localityId, clubId: club.id })
      .returning({ id: clubGrants.id });
    await audit(tx, ctx, 'club.grant_add', club.id, { grantId: row!.id, ...values });
    return row!.id;
  });
}

export async function removeGrant(db: Db, ctx: Ctx & { clubId: string; grantId: string }): Promise<void> {
  assertManage(ctx);
  if (!isUuid(ctx.grantId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  await db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    const gone = await tx
      .delete(clubGrants)
      .where(and(eq(clubGrants.id, ctx.grantId), eq(clubGrants.clubId, club.id)))
      .returning({ id: clubGrants.id });
    if (gone.length === 0) throw new AppError('NOT_FOUND', 'errors.404.body');
    await audit(tx, ctx, 'club.grant_remove', club.id, { grantId: ctx.grantId });
  });
}
