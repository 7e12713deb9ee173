import { and, asc, count, desc, eq, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { organisations, people, users, volunteerHours, volunteers } from '../../../db/schema/index.ts';
import { foldForSearch } from '../../lib/text.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function likeFolded(q: string): string {
  return `%${foldForSearch(q)
    .replace(/\s+/g, ' ')
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const VOLUNTEER_STATUSES = ['active', 'ended'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];
export type VolunteerFilter = { q: string; status: VolunteerStatus | '' };

export function volunteerFilter(url: URL): VolunteerFilter {
  const status = url.searchParams.get('status') ?? '';
  return {
    q: (url.searchParams.get('q') ?? '').slice(0, 100),
    status: (VOLUNTEER_STATUSES as readonly string[]).includes(status) ? (status as VolunteerStatus) : '',
  };
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * One page of the register, searched by name ignoring case and Polish letters, with each
 * volunteer's hours and value in the year, and the totals of the whole filtered register
 * (two statements, whatever the page size).
 */
export async function searchVolunteers(
  db: Db,
  opts: {
    localityId: string;
    filter: VolunteerFilter;
    year: string;
    offset: number;
    limit: number;
    /** Only the volunteers of these organisations (a partner representative's view); all when absent. */
    organisationIds?: string[] | null;
  },
) {
  const year = db
    .select({
      personId: volunteerHours.personId,
      hours: sql<string>`sum(${volunteerHours.hours})`.as('year_hours'),
      value: sql<string>`sum(${volunteerHours.valuePln})`.as('year_value'),
    })
    .from(volunteerHours)
    .where(
      and(
        eq(volunteerHours.localityId, opts.localityId),
        gte(volunteerHours.workedOn, `${opts.year}-01-01`),
        lte(volunteerHours.workedOn, `${opts.year}-12-31`),
      ),
    )
    .groupBy(volunteerHours.personId)
    .as('y');
  const parts: SQL[] = [eq(volunteers.localityId, opts.localityId), isNull(people.erasedAt)];
  if (opts.filter.q.trim()) parts.push(sql`${people.searchFolded} like ${likeFolded(opts.filter.q)}`);
  if (opts.filter.status) parts.push(eq(volunteers.status, opts.filter.status));
  if (opts.organisationIds) parts.push(inArray(volunteers.organisationId, opts.organisationIds));
  const where = and(...parts);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: volunteers.personId,
        givenName: people.givenName,
        familyName: people.familyName,
        organisationName: organisations.name,
        since: volunteers.since,
        status: volunteers.status,
        hours: year.hours,
        value: year.value,
      })
      .from(volunteers)
      .innerJoin(people, eq(people.id, volunteers.personId))
      .leftJoin(organisations, eq(organisations.id, volunteers.organisationId))
      .leftJoin(year, eq(year.personId, volunteers.personId))
      .where(where)
      .orderBy(asc(people.familyName), asc(people.givenName), asc(volunteers.personId))
      .limit(opts.limit)
      .offset(opts.offset),
    db
      .select({
        n: count(),
        hours: sql<string>`coalesce(sum(${year.hours}), 0)`,
        value: sql<string>`coalesce(sum(${year.value}), 0)`,
      })
      .from(volunteers)
      .innerJoin(people, eq(people.id, volunteers.personId))
      .leftJoin(year, eq(year.personId, volunteers.personId))
      .where(where),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, hours: num(r.hours), value: num(r.value) })),
    total: totals?.n ?? 0,
    hours: num(totals?.hours),
    value: num(totals?.value),
  };
}

/** One volunteer of this locality with the person's data and the organisation (null when unknown here). */
export async function getVolunteer(db: Db, opts: { localityId: string; id: string }) {
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
      },
      volunteer: {
        organisationId: volunteers.organisationId,
        skills: volunteers.skills,
        since: volunteers.since,
        status: volunteers.status,
        agreementScope: volunteers.agreementScope,
        agreementFrom: volunteers.agreementFrom,
        agreementTo: volunteers.agreementTo,
        agreementSignedOn: volunteers.agreementSignedOn,
      },
      organisation: {
        name: organisations.name,
        street: organisations.street,
        houseNo: organisations.houseNo,
        flatNo: organisations.flatNo,
        postalCode: organisations.postalCode,
        city: organisations.city,
        krs: organisations.krs,
      },
      createdByName: users.name,
    })
    .from(volunteers)
    .innerJoin(people, eq(people.id, volunteers.personId))
    .leftJoin(organisations, eq(organisations.id, volunteers.organisationId))
    .leftJoin(users, eq(users.id, volunteers.createdBy))
    .where(
      and(
        eq(volunteers.personId, opts.id),
        eq(volunteers.localityId, opts.localityId),
        isNull(people.erasedAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  return { ...row, organisation: row.organisation?.name ? row.organisation : null };
}

/** A page of a volunteer's hours, newest first, with the totals of all their hours (two statements). */
export async function listHours(
  db: Db,
  opts: { localityId: string; personId: string; year: string; offset: number; limit: number },
) {
  const where = and(
    eq(volunteerHours.localityId, opts.localityId),
    eq(volunteerHours.personId, opts.personId),
  );
  const inYear = sql`${volunteerHours.workedOn} between ${`${opts.year}-01-01`} and ${`${opts.year}-12-31`}`;
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: volunteerHours.id,
        workedOn: volunteerHours.workedOn,
        hours: volunteerHours.hours,
        activity: volunteerHours.activity,
        organisationId: volunteerHours.organisationId,
        organisationName: organisations.name,
        ratePln: volunteerHours.ratePln,
        valuePln: volunteerHours.valuePln,
      })
      .from(volunteerHours)
      .leftJoin(organisations, eq(organisations.id, volunteerHours.organisationId))
      .where(where)
      .orderBy(desc(volunteerHours.workedOn), desc(volunteerHours.createdAt))
      .limit(opts.limit)
      .offset(opts.offset),
    db
      .select({
        n: count(),
        hours: sql<string>`coalesce(sum(${volunteerHours.hours}), 0)`,
        value: sql<string>`coalesce(sum(${volunteerHours.valuePln}), 0)`,
        yearHours: sql<string>`coalesce(sum(${volunteerHours.hours}) filter (where ${inYear}), 0)`,
        yearValue: sql<string>`coalesce(sum(${volunteerHours.valuePln}) filter (where ${inYear}), 0)`,
      })
      .from(volunteerHours)
      .where(where),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      hours: Number(r.hours),
      ratePln: Number(r.ratePln),
      valuePln: Number(r.valuePln),
    })),
    total: totals?.n ?? 0,
    hours: num(totals?.hours),
    value: num(totals?.value),
    yearHours: num(totals?.yearHours),
    yearValue: num(totals?.yearValue),
  };
}

/** The locality's directory as choices for a select (one statement). */
export async function organisationOptions(db: Db, opts: { localityId: string }) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.localityId, opts.localityId))
    .orderBy(asc(organisations.name));
}

export const CANDIDATE_LIMIT = 50;

/**
 * People of the locality who are not volunteers yet (a participant, a club member, a meeting
 * guest), found by name ignoring case and Polish letters; at most 50.
 */
export async function candidatePeople(db: Db, opts: { localityId: string; query: string }) {
  const q = opts.query.trim();
  if (!q) return { rows: [], more: false };
  const rows = await db
    .select({ id: people.id, givenName: people.givenName, familyName: people.familyName })
    .from(people)
    .leftJoin(volunteers, eq(volunteers.personId, people.id))
    .where(
      and(
        eq(people.localityId, opts.localityId),
        isNull(people.erasedAt),
        isNull(volunteers.personId),
        sql`${people.searchFolded} like ${likeFolded(q)}`,
      ),
    )
    .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id))
    .limit(CANDIDATE_LIMIT + 1);
  return { rows: rows.slice(0, CANDIDATE_LIMIT), more: rows.length > CANDIDATE_LIMIT };
}

/**
 * Everything the register holds about one person as a volunteer, for a data export ("all my
 * data", GDPR art. 15/20): the volunteer record and every hours row (two statements); null when
 * the person is not a volunteer here.
 */
export async function volunteerDataOf(db: Db, opts: { localityId: string; personId: string }) {
  if (!UUID.test(opts.personId)) return null;
  const scope = and(eq(volunteers.localityId, opts.localityId), eq(volunteers.personId, opts.personId));
  const [[v], hours] = await Promise.all([
    db
      .select({
        organisation: organisations.name,
        skills: volunteers.skills,
        since: volunteers.since,
        status: volunteers.status,
        agreementScope: volunteers.agreementScope,
        agreementFrom: volunteers.agreementFrom,
        agreementTo: volunteers.agreementTo,
        agreementSignedOn: volunteers.agreementSignedOn,
      })
      .from(volunteers)
      .leftJoin(organisations, eq(organisations.id, volunteers.organisationId))
      .where(scope)
      .limit(1),
    db
      .select({
        workedOn: volunteerHours.workedOn,
        hours: volunteerHours.hours,
        activity: volunteerHours.activity,
        organisation: organisations.name,
        ratePln: volunteerHours.ratePln,
        valuePln: volunteerHours.valuePln,
      })
      .from(volunteerHours)
      .leftJoin(organisations, eq(organisations.id, volunteerHours.organisationId))
      .where(and(eq(volunteerHours.localityId, opts.localityId), eq(volunteerHours.personId, opts.personId)))
      .orderBy(asc(volunteerHours.workedOn)),
  ]);
  return v ? { ...v, hours } : null;
}
