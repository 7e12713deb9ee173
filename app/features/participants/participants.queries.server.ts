import { and, asc, count, desc, eq, inArray, isNull, like, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { auditLog, participants, people, users } from '../../../db/schema/index.ts';
import { foldForSearch } from '../../lib/text.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const READ_ACTIONS = ['participant.read', 'participant.read_refused'] as const;

function escapeLike(v: string) {
  return v.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type ParticipantFilter = { q: string; status: 'active' | 'closed' | '' };

export function participantFilter(url: URL): ParticipantFilter {
  const status = url.searchParams.get('status') ?? '';
  return {
    q: (url.searchParams.get('q') ?? '').slice(0, 100),
    status: status === 'active' || status === 'closed' ? status : '',
  };
}

/**
 * One page of the locality's participants, searched by name ignoring case and Polish diacritics,
 * with the number of all that match; one SQL statement, fast with 50,000 participants in a
 * locality (bench/run.ts measures it):
 * - a search compares `people.search_folded` (the name folded by the database in both orders,
 *   as foldForSearch folds the query) with LIKE '%…%', which the trigram index of migration 0011
 *   answers (terms of one or two letters scan the locality); the total comes from the same scan
 *   (`count(*) over ()`), not from a second query;
 * - the list without a search walks `people_locality_name_idx` in name order (the page filters
 *   on `people.locality_id`, the participant's own locality) and stops after one page; its total
 *   reads only the participants' index, leaving out the few erased people through their partial
 *   index, instead of joining every person.
 * Only a page past the end (no rows, offset > 0) costs a second statement, for the total.
 */
export async function searchParticipants(
  db: Db,
  opts: { localityId: string; filter: ParticipantFilter; offset: number; limit: number },
) {
  const q = foldForSearch(opts.filter.q).replace(/\s+/g, ' ');
  const status = opts.filter.status ? eq(participants.status, opts.filter.status) : undefined;
  const where = and(
    eq(participants.localityId, opts.localityId),
    // Without a search, the person's locality (the participant's own) lets the page walk the
    // people's name index; with one, that walk would read the whole locality in name order
    // (the planner misjudges how many names match), so only the trigram index can find them.
    q ? like(people.searchFolded, `%${escapeLike(q)}%`) : eq(people.localityId, opts.localityId),
    isNull(people.erasedAt),
    status,
  );
  // Without a search: every participant of the locality but the erased, from the participants' index.
  const counted = sql`(select count(*) from ${participants} where ${and(
    eq(participants.localityId, opts.localityId),
    status,
    sql`not exists (select 1 from ${people} where ${people.localityId} = ${opts.localityId} and ${people.id} = ${participants.personId} and ${people.erasedAt} is not null)`,
  )})`;
  const total = (q ? sql`count(*) over ()` : counted).mapWith(Number).as('total');
  const found = await db
    .select({
      id: participants.personId,
      givenName: people.givenName,
      familyName: people.familyName,
      registeredOn: participants.registeredOn,
      status: participants.status,
      birthDate: participants.birthDate,
      total,
    })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .where(where)
    .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id))
    .limit(opts.limit)
    .offset(opts.offset);
  const rows = found.map(({ total: _, ...row }) => row);
  if (found[0]) return { rows, total: found[0].total };
  if (opts.offset === 0) return { rows, total: 0 };
  const [all] = await db
    .select({ n: count() })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .where(where);
  return { rows, total: all?.n ?? 0 };
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
