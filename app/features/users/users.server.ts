import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { users } from '../../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import type { Role } from '../../lib/roles.ts';
import { destroyUserSessions } from '../../lib/session.server.ts';

export type UserListRow = {
  id: string;
  name: string;
  email: string;
  active: boolean;
  isPlatformAdmin: boolean;
  roles: { locality: string; role: Role }[];
};

/** One page of user accounts, with their roles per locality (one statement plus a count). */
export async function listUsers(db: Db, opts: { query: string; offset: number; limit: number }) {
  const q = opts.query.trim();
  const where = q ? or(ilike(users.name, `%${q}%`), ilike(users.email, `%${q}%`)) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        active: users.active,
        isPlatformAdmin: users.isPlatformAdmin,
        roles: sql<{ locality: string; role: Role }[]>`(
          select coalesce(json_agg(json_build_object('locality', l.name, 'role', m.role) order by l.name, m.role), '[]'::json)
          from memberships m join localities l on l.id = m.locality_id where m.user_id = "users"."id")`,
      })
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.email))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows: rows as UserListRow[], total: total?.n ?? 0 };
}

/** Deactivates an account: it can no longer sign in and its sessions end now. */
export async function deactivateUser(db: Db, opts: { actor: Actor; userId: string; now?: Date }) {
  if (!opts.actor.isPlatformAdmin) throw new AppError('FORBIDDEN', 'errors.403.body');
  if (opts.userId === opts.actor.userId)
    throw new AppError('DOMAIN_RULE', 'admin.users.cannotDeactivateSelf');
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ active: false, deactivatedAt: opts.now ?? new Date() })
      .where(and(eq(users.id, opts.userId), eq(users.active, true)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new AppError('NOT_FOUND', 'errors.404.body');
    await destroyUserSessions(tx, opts.userId);
    await writeAudit(tx, {
      actorUserId: opts.actor.userId,
      localityId: null,
      requestId: opts.actor.requestId,
      action: 'user.deactivate',
      entityType: 'user',
      entityId: opts.userId,
    });
  });
}
