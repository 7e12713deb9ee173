import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { clubStaff, memberships, users } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { checkStaff } from './club.rules.ts';
import type { StaffInput } from './club.schema.ts';
import { assertManage, audit, type Ctx, requireClub, throwIfErrors } from './club-access.server.ts';

/** A user with the animator role in this locality (whom the club's staff can point to). */
async function requireAnimatorUser(db: Db, ctx: Ctx, userId: string) {
  const [u] = await db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.localityId, ctx.locality.localityId),
        eq(memberships.role, 'animator'),
      ),
    )
    .limit(1);
  if (!u)
    throw new AppError('BAD_REQUEST', 'club.staff.user.unknown', {}, { userId: 'club.staff.user.unknown' });
  return u;
}

/** Adds a person to the club's staff: a name, or a user with the animator role here. */
export async function addStaff(db: Db, ctx: Ctx & { clubId: string; input: StaffInput }): Promise<string> {
  assertManage(ctx);
  const i = ctx.input;
  throwIfErrors({
    ...(i.name || i.userId ? {} : { name: 'club.staff.name.required' }),
    ...checkStaff(i),
  });
  return db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    const user = i.userId ? await requireAnimatorUser(tx, ctx, i.userId) : null;
    const [row] = await tx
      .insert(clubStaff)
      .values({
        localityId: ctx.locality.localityId,
        clubId: club.id,
        userId: user?.id ?? null,
        name: i.name || user!.name,
        role: i.role,
        basis: i.basis,
        fte: i.fte,
        fromDate: i.fromDate,
        toDate: i.toDate,
      })
      .returning({ id: clubStaff.id });
    await audit(tx, ctx, 'club.staff_add', club.id, { staffId: row!.id, role: i.role, basis: i.basis });
    return row!.id;
  });
}

async function requireStaff(db: Db, ctx: Ctx, clubId: string, staffId: string) {
  const [s] = await db
    .select({ id: clubStaff.id, fromDate: clubStaff.fromDate, name: clubStaff.name })
    .from(clubStaff)
    .where(
      and(
        eq(clubStaff.id, staffId),
        eq(clubStaff.clubId, clubId),
        eq(clubStaff.localityId, ctx.locality.localityId),
      ),
    )
    .limit(1);
  if (!s) throw new AppError('NOT_FOUND', 'errors.404.body');
  return s;
}

/** Records the last day of someone's work at the club. */
export async function endStaff(
  db: Db,
  ctx: Ctx & { clubId: string; staffId: string; toDate: string },
): Promise<void> {
  assertManage(ctx);
  await db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    const s = await requireStaff(tx, ctx, club.id, ctx.staffId);
    if (checkStaff({ fromDate: s.fromDate, toDate: ctx.toDate }).toDate)
      throwIfErrors({ endDate: 'club.staff.toDate.order' });
    await tx.update(clubStaff).set({ toDate: ctx.toDate }).where(eq(clubStaff.id, s.id));
    await audit(tx, ctx, 'club.staff_end', club.id, { staffId: s.id, toDate: ctx.toDate });
  });
}

/** Removes a staff entry typed by mistake (an ended job is recorded with endStaff instead). */
export async function removeStaff(db: Db, ctx: Ctx & { clubId: string; staffId: string }): Promise<void> {
  assertManage(ctx);
  await db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    const s = await requireStaff(tx, ctx, club.id, ctx.staffId);
    await tx.delete(clubStaff).where(eq(clubStaff.id, s.id));
    await audit(tx, ctx, 'club.staff_remove', club.id, { staffId: s.id });
  });
}
