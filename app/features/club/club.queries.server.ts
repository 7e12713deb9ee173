import { and, asc, desc, eq, like, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import {
  clubGrants,
  clubMembers,
  clubStaff,
  clubs,
  memberships,
  organisations,
  partnershipMembers,
  users,
} from '../../../db/schema/index.ts';
import { foldForSearch } from '../../lib/text.ts';
import { isUuid } from './club-access.server.ts';

type Scope = { localityId: string; clubId: string };

export async function listClubs(db: Db, opts: { localityId: string; today: string }) {
  return db
    .select({
      id: clubs.id,
      name: clubs.name,
      premisesAddress: clubs.premisesAddress,
      runByName: organisations.name,
      activeMembers:
        sql<number>`(select count(*) from ${clubMembers} m where m.club_id = "clubs"."id" and m.joined_on <= ${opts.today} and (m.left_on is null or m.left_on >= ${opts.today}))`.mapWith(
          Number,
        ),
    })
    .from(clubs)
    .leftJoin(organisations, eq(organisations.id, clubs.runByOrganisationId))
    .where(eq(clubs.localityId, opts.localityId))
    .orderBy(asc(clubs.name));
}

/** At most this many organisations to choose from at once (search for others). */
const ORG_LIMIT = 50;

const runBy = alias(organisations, 'run_by');
const provider = alias(organisations, 'provider');

/** The club with the body that runs it (identifiers and address, for the register) and the premises' provider. */
export async function getClub(db: Db, opts: Scope) {
  if (!isUuid(opts.clubId)) return null;
  const [row] = await db
    .select({
      club: clubs,
      runBy: {
        id: runBy.id,
        name: runBy.name,
        kind: runBy.kind,
        nip: runBy.nip,
        regon: runBy.regon,
        krs: runBy.krs,
        street: runBy.street,
        houseNo: runBy.houseNo,
        flatNo: runBy.flatNo,
        postalCode: runBy.postalCode,
        city: runBy.city,
      },
      providerName: provider.name,
    })
    .from(clubs)
    .leftJoin(runBy, eq(runBy.id, clubs.runByOrganisationId))
    .leftJoin(provider, eq(provider.id, clubs.premisesProviderId))
    .where(and(eq(clubs.id, opts.clubId), eq(clubs.localityId, opts.localityId)))
    .limit(1);
  if (!row) return null;
  return { ...row.club, runBy: row.runBy?.id ? row.runBy : null, providerName: row.providerName };
}
export type ClubView = NonNullable<Awaited<ReturnType<typeof getClub>>>;

export function organisationAddress(o: {
  street: string;
  houseNo: string;
  flatNo: string;
  postalCode: string;
  city: string;
}): string {
  const street = [o.street, [o.houseNo, o.flatNo].filter(Boolean).join('/')].filter(Boolean).join(' ');
  return [street, [o.postalCode, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

export async function listStaff(db: Db, opts: Scope) {
  return db
    .select({
      id: clubStaff.id,
      name: clubStaff.name,
      userId: clubStaff.userId,
      role: clubStaff.role,
      basis: clubStaff.basis,
      fte: clubStaff.fte,
      fromDate: clubStaff.fromDate,
      toDate: clubStaff.toDate,
    })
    .from(clubStaff)
    .where(and(eq(clubStaff.clubId, opts.clubId), eq(clubStaff.localityId, opts.localityId)))
    .orderBy(sql`${clubStaff.toDate} is not null`, asc(clubStaff.fromDate), asc(clubStaff.name));
}

/** Counts for the overview (no names): members now, members who joined this year, certificates missing. */
export async function clubCounts(db: Db, opts: Scope & { today: string }) {
  const y = opts.today.slice(0, 4);
  const [row] = await db
    .select({
      active:
        sql<number>`count(*) filter (where ${clubMembers.joinedOn} <= ${opts.today} and (${clubMembers.leftOn} is null or ${clubMembers.leftOn} >= ${opts.today}))`.mapWith(
          Number,
        ),
      joinedThisYear: sql<number>`count(*) filter (where ${clubMembers.joinedOn} >= ${`${y}-01-01`})`.mapWith(
        Number,
      ),
      leftThisYear: sql<number>`count(*) filter (where ${clubMembers.leftOn} >= ${`${y}-01-01`})`.mapWith(
        Number,
      ),
      missingCertificates:
        sql<number>`count(*) filter (where ${clubMembers.leftOn} is not null and ${clubMembers.outcome} <> 'no_effect' and ${clubMembers.certificateIssuedOn} is null)`.mapWith(
          Number,
        ),
    })
    .from(clubMembers)
    .where(and(eq(clubMembers.clubId, opts.clubId), eq(clubMembers.localityId, opts.localityId)));
  return row ?? { active: 0, joinedThisYear: 0, leftThisYear: 0, missingCertificates: 0 };
}

export async function listGrants(db: Db, opts: Scope) {
  return db
    .select({
      id: clubGrants.id,
      year: clubGrants.year,
      source: clubGrants.source,
      grantedPln: clubGrants.grantedPln,
      spentPln: clubGrants.spentPln,
    })
    .from(clubGrants)
    .where(and(eq(clubGrants.clubId, opts.clubId), eq(clubGrants.localityId, opts.localityId)))
    .orderBy(desc(clubGrants.year), asc(clubGrants.createdAt));
}

/** Users with the animator role here (a staff entry can point to one). */
export async function animatorUsers(db: Db, opts: { localityId: string }) {
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.localityId, opts.localityId),
        eq(memberships.role, 'animator'),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.name));
}

/**
 * Organisations to choose who runs the club and who provides the premises: those matching a
 * search, or else the partnership's members; the ones already chosen are always included.
 */
export async function organisationOptions(
  db: Db,
  opts: { localityId: string; query: string; selected: (string | null)[] },
) {
  const chosen = opts.selected.filter((s): s is string => Boolean(s));
  const q = foldForSearch(opts.query).replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.localityId, opts.localityId),
        or(
          q
            ? like(organisations.nameFolded, `%${q}%`)
            : sql`exists (select 1 from ${partnershipMembers} pm where pm.organisation_id = "organisations"."id")`,
          chosen.length ? sql`${organisations.id} in ${chosen}` : undefined,
        ),
      ),
    )
    .orderBy(asc(organisations.nameFolded))
    .limit(ORG_LIMIT + chosen.length);
  return rows;
}

/**
 * Live evidence for the roadmap, in one statement: the club premises (the earliest club with an
 * address, its provider and since when) and the animators working now with their FTE.
 */
export async function clubEvidence(db: Db, opts: { localityId: string; today: string }) {
  const rows = await db
    .select({
      address: clubs.premisesAddress,
      from: clubs.premisesFrom,
      lent: clubs.premisesLent,
      providerName: organisations.name,
      animators:
        sql<number>`(select count(*) from ${clubStaff} s where s.club_id = "clubs"."id" and s.role = 'animator' and s.from_date <= ${opts.today} and (s.to_date is null or s.to_date >= ${opts.today}))`.mapWith(
          Number,
        ),
      fte: sql<number>`(select coalesce(sum(s.fte), 0) from ${clubStaff} s where s.club_id = "clubs"."id" and s.role = 'animator' and s.from_date <= ${opts.today} and (s.to_date is null or s.to_date >= ${opts.today}))`.mapWith(
        Number,
      ),
    })
    .from(clubs)
    .leftJoin(organisations, eq(organisations.id, clubs.premisesProviderId))
    .where(eq(clubs.localityId, opts.localityId))
    .orderBy(sql`${clubs.premisesFrom} asc nulls last`, asc(clubs.createdAt));
  const premises = rows.find((r) => r.address) ?? null;
  return {
    premises,
    animators: rows.reduce((s, r) => s + r.animators, 0),
    fte: Math.round(rows.reduce((s, r) => s + r.fte, 0) * 100) / 100,
  };
}
