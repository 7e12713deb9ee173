import { and, asc, count, desc, eq, isNull, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { clubMembers, clubVisits, people } from '../../../db/schema/index.ts';
import { foldForSearch } from '../../lib/text.ts';
import { isUuid } from './club-access.server.ts';

type Scope = { localityId: string; clubId: string };

export const MEMBER_FILTERS = ['current', 'left', 'all'] as const;
export type MemberFilter = (typeof MEMBER_FILTERS)[number];

const memberFields = {
  id: clubMembers.id,
  personId: people.id,
  givenName: people.givenName,
  familyName: people.familyName,
  email: people.email,
  phone: people.phone,
  legalBasis: people.legalBasis,
  basisNote: people.basisNote,
  erasedAt: people.erasedAt,
  joinedOn: clubMembers.joinedOn,
  leftOn: clubMembers.leftOn,
  socialContract: clubMembers.socialContract,
  atRiskGroup: clubMembers.atRiskGroup,
  outcome: clubMembers.outcome,
  certificateIssuedOn: clubMembers.certificateIssuedOn,
};

/** Members with their personal data (the caller has checked who may read it, and logs the read). */
export async function listMembers(
  db: Db,
  opts: Scope & { filter: MemberFilter; offset: number; limit: number },
) {
  const where = and(
    eq(clubMembers.clubId, opts.clubId),
    eq(clubMembers.localityId, opts.localityId),
    opts.filter === 'current' ? isNull(clubMembers.leftOn) : undefined,
    opts.filter === 'left' ? sql`${clubMembers.leftOn} is not null` : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(memberFields)
      .from(clubMembers)
      .innerJoin(people, eq(people.id, clubMembers.personId))
      .where(where)
      .orderBy(asc(people.familyName), asc(people.givenName), desc(clubMembers.joinedOn))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(clubMembers).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getMember(db: Db, opts: Scope & { memberId: string }) {
  if (!isUuid(opts.memberId)) return null;
  const [row] = await db
    .select(memberFields)
    .from(clubMembers)
    .innerJoin(people, eq(people.id, clubMembers.personId))
    .where(
      and(
        eq(clubMembers.id, opts.memberId),
        eq(clubMembers.clubId, opts.clubId),
        eq(clubMembers.localityId, opts.localityId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Current members, by name, for choosing one (visits). */
export async function memberOptions(db: Db, opts: Scope) {
  return db
    .select({ id: clubMembers.id, givenName: people.givenName, familyName: people.familyName })
    .from(clubMembers)
    .innerJoin(people, eq(people.id, clubMembers.personId))
    .where(
      and(
        eq(clubMembers.clubId, opts.clubId),
        eq(clubMembers.localityId, opts.localityId),
        isNull(clubMembers.leftOn),
        isNull(people.erasedAt),
      ),
    )
    .orderBy(asc(people.familyName), asc(people.givenName));
}

export const CANDIDATE_LIMIT = 50;

/** People of the locality who are not members of the club now, matching a search (at most 50). */
export async function candidatePeople(db: Db, opts: Scope & { query: string }) {
  const q = `%${foldForSearch(opts.query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName })
    .from(people)
    .where(
      and(
        eq(people.localityId, opts.localityId),
        isNull(people.erasedAt),
        opts.query
          ? or(
              like(
                sql`translate(lower(${people.familyName} || ' ' || ${people.givenName}), 'ąćęłńóśźż', 'acelnoszz')`,
                q,
              ),
              like(
                sql`translate(lower(${people.givenName} || ' ' || ${people.familyName}), 'ąćęłńóśźż', 'acelnoszz')`,
                q,
              ),
            )
          : undefined,
        sql`not exists (select 1 from ${clubMembers} cm where cm.club_id = ${opts.clubId} and cm.person_id = "people"."id" and cm.left_on is null)`,
      ),
    )
    .orderBy(asc(people.familyName), asc(people.givenName))
    .limit(CANDIDATE_LIMIT + 1);
  return { rows: rows.slice(0, CANDIDATE_LIMIT), more: rows.length > CANDIDATE_LIMIT };
}

export async function listVisits(db: Db, opts: Scope & { offset: number; limit: number; month: string }) {
  const where = and(eq(clubVisits.clubId, opts.clubId), eq(clubVisits.localityId, opts.localityId));
  const [rows, [total], [month]] = await Promise.all([
    db
      .select({
        id: clubVisits.id,
        visitedOn: clubVisits.visitedOn,
        memberId: clubVisits.memberId,
        visitors: clubVisits.visitors,
        purpose: clubVisits.purpose,
        givenName: people.givenName,
        familyName: people.familyName,
        erasedAt: people.erasedAt,
      })
      .from(clubVisits)
      .leftJoin(clubMembers, eq(clubMembers.id, clubVisits.memberId))
      .leftJoin(people, eq(people.id, clubMembers.personId))
      .where(where)
      .orderBy(desc(clubVisits.visitedOn), desc(clubVisits.createdAt))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(clubVisits).where(where),
    db
      .select({
        memberVisits: sql<number>`count(*) filter (where ${clubVisits.memberId} is not null)`.mapWith(Number),
        otherVisitors:
          sql<number>`coalesce(sum(${clubVisits.visitors}) filter (where ${clubVisits.memberId} is null), 0)`.mapWith(
            Number,
          ),
      })
      .from(clubVisits)
      .where(and(where, sql`to_char(${clubVisits.visitedOn}, 'YYYY-MM') = ${opts.month}`)),
  ]);
  return { rows, total: total?.n ?? 0, month: month ?? { memberVisits: 0, otherVisitors: 0 } };
}
