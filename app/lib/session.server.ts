import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema/index.ts';
import type { Actor, ActorMembership } from './actor.ts';
import { isLocale } from './i18n/catalog.ts';
import type { AppConfig } from './services.ts';
import { hashToken, newToken } from './tokens.server.ts';

export const SESSION_COOKIE = 'splot_session';
/** How often (at most) a session's last-seen time is written: avoids a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

export type LoadedSession = { actor: Omit<Actor, 'requestId'>; idHash: string };

/**
 * Loads the session, its user and the user's localities and roles in one statement.
 * Expired (idle or absolute) sessions and deactivated users give null.
 */
export async function loadSession(
  db: Db,
  token: string | undefined,
  config: AppConfig,
  now: Date = new Date(),
): Promise<LoadedSession | null> {
  if (!token) return null;
  const idHash = hashToken(token);
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      isPlatformAdmin: users.isPlatformAdmin,
      locale: users.locale,
      active: users.active,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      memberships: sql<ActorMembership[]>`(
        select coalesce(json_agg(json_build_object(
          'localityId', l.id, 'slug', l.slug, 'name', l.name, 'kind', l.kind, 'roles', m.roles,
          'organisationIds', m.organisation_ids
        ) order by l.name), '[]'::json)
        from (select locality_id, json_agg(role order by role) as roles,
                     coalesce(json_agg(distinct organisation_id) filter (where organisation_id is not null), '[]'::json) as organisation_ids
              from memberships where user_id = "users"."id" group by locality_id) m
        join localities l on l.id = m.locality_id)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, idHash))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const idleLimit = row.lastSeenAt.getTime() + config.sessionIdleMinutes * 60_000;
  if (!row.active || row.expiresAt.getTime() <= now.getTime() || idleLimit <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return {
    idHash,
    actor: {
      userId: row.userId,
      name: row.name,
      email: row.email,
      isPlatformAdmin: row.isPlatformAdmin,
      locale: isLocale(row.locale) ? row.locale : 'pl',
      memberships: row.memberships,
    },
  };
}

/** Starts a new session (a fresh id at every login: no fixation) and returns its cookie token. */
export async function createSession(
  db: Db,
  opts: { userId: string; ip: string; userAgent: string | null; config: AppConfig; now?: Date },
): Promise<string> {
  const now = opts.now ?? new Date();
  const token = newToken();
  await db.insert(sessions).values({
    idHash: hashToken(token),
    userId: opts.userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + opts.config.sessionMaxHours * 3_600_000),
    ip: opts.ip,
    userAgent: opts.userAgent?.slice(0, 300) ?? null,
  });
  // Housekeeping: drop this user's expired sessions.
  await db.delete(sessions).where(and(eq(sessions.userId, opts.userId), lt(sessions.expiresAt, now)));
  return token;
}

export async function destroySession(db: Db, token: string | undefined): Promise<void> {
  if (!token) return;
  await db.delete(sessions).where(eq(sessions.idHash, hashToken(token)));
}

export async function destroyUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
