import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { auditLog, participants, people, users } from '../../../db/schema/index.ts';
import { foldForSearch } from '../../lib/text.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const READ_ACTIONS = ['participant.read', 'participant.read_refused'] as const;

function escapeLike(v: string) {
  return v.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The name folded the way foldForSearch folds a query (lower case, Polish letters without marks). */
const foldedName = sql`translate(lower(${people.givenName} || ' ' || ${people.familyName} || ' ' || ${people.familyName} || ' ' || ${people.givenName}), 'ąćęłńóśźżáäéëíöüčřšžý', 'acelnoszzaaeeioucrszy')`;

export type ParticipantFilter = { q: string; status: 'active' | 'closed' | '' };

export function participantFilter(url: URL): ParticipantFilter {
  const status = url.searchParams.get('status') ?? '';
  return {
    q: (url.searchParams.get('q') ?? '').slice(0, 100),
    status: status === 'active' || status === 'closed' ? status : '',
  };
}

/** One page of the locality's participants, searched by name ignoring case and Polish diacritics. */
export async function searchParticipants(
  db: Db,
  opts: { localityId: string; filter: ParticipantFilter; offset: number; limit: number },
) {
  const parts: SQL[] = [eq(participants.localityId, opts.localityId), isNull(people.erasedAt)];
  const q = foldForSearch(opts.filter.q).replace(/\s+/g, ' ');
  if (q) parts.push(sql`${foldedName} like ${`%${escapeLike(q)}%`}`);
  if (opts.filter.status) parts.push(eq(participants.status, opts.filter.status));
  const where = and(...parts);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: participants.personId,
        givenName: people.givenName,
        familyName: people.familyName,
        registeredOn: participants.registeredOn,
        status: participants.status,
        birthDate: participants.birthDate,
      })
      .from(participants)
      .innerJoin(people, eq(people.id, participants.personId))
      .where(where)
      .orderBy(asc(people.familyName), asc(people.givenName), asc(participants.personId))
      .limit(opts.limit)
      .offset(opts.offset),
    db
      .select({ n: count() })
      .from(participants)
      .innerJoin(people, eq(people.id, participants.personId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One participant of this locality with the person's data (null when unknown here or erased). */
export async function getParticipant(db: Db, opts: { localityId: string; id: string }) {
  if (!UUID.test(opts.id)) return null;
  const [row] = await db
    .select({
      person: {
        id: people.id,
        givenName: people.givenName,
        familyName: people.familyName,
        email: people.email,
        phone: people.phone,
        legalBasis: people.legalBasis,
        basisNote: people.basisNote,
        userId: people.userId,
      },
      participant: participants,
      registeredByName: users.name,
    })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .leftJoin(users, eq(users.id, participants.registeredBy))
    .where(
      and(
        eq(participants.personId, opts.id),
        eq(participants.localityId, opts.localityId),
        isNull(people.erasedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Who last read one participant's page, each person once with their latest read (for the coordinator). */
export async function lastViewers(db: Db, opts: { localityId: string; id: string; limit?: number }) {
  const at = sql<Date>`max(${auditLog.at})`.mapWith(auditLog.at);
  return db
    .select({ at, name: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.localityId, opts.localityId),
        eq(auditLog.action, 'participant.read'),
        eq(auditLog.entityType, 'participant'),
        eq(auditLog.entityId, opts.id),
      ),
    )
    .groupBy(auditLog.actorUserId, users.name)
    .orderBy(desc(at))
    .limit(opts.limit ?? 5);
}

export type AccessFilter = { staff: string; person: string };

/** "Who looked at whom": reads and refused reads of participants in this locality, newest first. */
export async function accessLog(
  db: Db,
  opts: { localityId: string; filter: AccessFilter; offset: number; limit: number },
) {
  const parts: SQL[] = [
    eq(auditLog.localityId, opts.localityId),
    eq(auditLog.entityType, 'participant'),
    inArray(auditLog.action, [...READ_ACTIONS]),
  ];
  if (UUID.test(opts.filter.staff)) parts.push(eq(auditLog.actorUserId, opts.filter.staff));
  if (UUID.test(opts.filter.person)) parts.push(eq(auditLog.entityId, opts.filter.person));
  const where = and(...parts);
  const [rows, [total], staff] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entityId: auditLog.entityId,
        staffId: auditLog.actorUserId,
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
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(auditLog).where(where),
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(auditLog)
      .innerJoin(users, eq(users.id, auditLog.actorUserId))
      .where(
        and(
          eq(auditLog.localityId, opts.localityId),
          eq(auditLog.entityType, 'participant'),
          inArray(auditLog.action, [...READ_ACTIONS]),
        ),
      )
      .orderBy(asc(users.name), asc(users.id)),
  ]);
  return { rows, total: total?.n ?? 0, staff };
}
