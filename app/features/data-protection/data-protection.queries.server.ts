import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { auditLog, erasureRequests, people, users } from '../../../db/schema/index.ts';

export type PendingRequest = {
  id: string;
  personId: string;
  givenName: string;
  familyName: string;
  requestedAt: Date;
  requestedByName: string | null;
  bySelf: boolean;
  hasOpenPlan: boolean;
};

/** Erasure requests waiting for the coordinator, oldest first (one statement). */
export async function pendingErasureRequests(
  db: Db,
  opts: { localityId: string; limit?: number },
): Promise<PendingRequest[]> {
  return db
    .select({
      id: erasureRequests.id,
      personId: erasureRequests.personId,
      givenName: people.givenName,
      familyName: people.familyName,
      requestedAt: erasureRequests.requestedAt,
      requestedByName: users.name,
      bySelf: sql<boolean>`coalesce(${erasureRequests.requestedBy} = ${people.userId}, false)`,
      hasOpenPlan: sql<boolean>`exists (select 1 from support_plans sp
        where sp.person_id = ${erasureRequests.personId} and sp.locality_id = ${erasureRequests.localityId}
        and sp.step <> 'closed')`,
    })
    .from(erasureRequests)
    .innerJoin(people, eq(people.id, erasureRequests.personId))
    .leftJoin(users, eq(users.id, erasureRequests.requestedBy))
    .where(and(eq(erasureRequests.localityId, opts.localityId), eq(erasureRequests.status, 'pending')))
    .orderBy(erasureRequests.requestedAt)
    .limit(opts.limit ?? 100);
}

export type ExportEntry = {
  id: number;
  at: Date;
  format: string;
  bySelf: boolean;
  staffName: string | null;
  personId: string | null;
  givenName: string | null;
  familyName: string | null;
  erasedAt: Date | null;
};

/** The latest downloads of a person's data in this locality (audit 'participant.export'). */
export async function recentExports(
  db: Db,
  opts: { localityId: string; limit?: number },
): Promise<ExportEntry[]> {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      format: sql<string>`coalesce(${auditLog.details}->>'format', '')`,
      bySelf: sql<boolean>`coalesce((${auditLog.details}->>'bySelf')::boolean, false)`,
      staffName: users.name,
      personId: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      erasedAt: people.erasedAt,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(
      people,
      and(sql`${people.id}::text = ${auditLog.entityId}`, eq(people.localityId, opts.localityId)),
    )
    .where(and(eq(auditLog.localityId, opts.localityId), eq(auditLog.action, 'participant.export')))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(opts.limit ?? 20);
}
