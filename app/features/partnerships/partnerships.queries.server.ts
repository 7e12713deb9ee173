import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { commitments, organisations, partnershipMembers, partnerships } from '../../../db/schema/index.ts';
import { foldForSearch } from '../../lib/text.ts';

export async function listPartnerships(db: Db, opts: { localityId: string }) {
  return db
    .select({
      id: partnerships.id,
      name: partnerships.name,
      formedOn: partnerships.formedOn,
      leaderName: organisations.name,
      members:
        sql<number>`(select count(*) from ${partnershipMembers} pm where pm.partnership_id = "partnerships"."id")`.mapWith(
          Number,
        ),
    })
    .from(partnerships)
    .leftJoin(organisations, eq(organisations.id, partnerships.leaderOrganisationId))
    .where(eq(partnerships.localityId, opts.localityId))
    .orderBy(asc(partnerships.name));
}

export async function getPartnership(db: Db, opts: { localityId: string; id: string }) {
  if (!/^[0-9a-f-]{36}$/i.test(opts.id)) return null;
  const [row] = await db
    .select({
      id: partnerships.id,
      name: partnerships.name,
      aim: partnerships.aim,
      formedOn: partnerships.formedOn,
      leaderOrganisationId: partnerships.leaderOrganisationId,
      leaderName: organisations.name,
      leaderDecision: partnerships.leaderDecision,
      leaderDecidedOn: partnerships.leaderDecidedOn,
      publicProgress: partnerships.publicProgress,
      version: partnerships.version,
    })
    .from(partnerships)
    .leftJoin(organisations, eq(organisations.id, partnerships.leaderOrganisationId))
    .where(and(eq(partnerships.localityId, opts.localityId), eq(partnerships.id, opts.id)))
    .limit(1);
  return row ?? null;
}

/** Members with their organisation's details (for the page and the agreement). */
export async function listMembers(db: Db, opts: { localityId: string; partnershipId: string }) {
  return db
    .select({
      id: partnershipMembers.id,
      role: partnershipMembers.role,
      joinedOn: partnershipMembers.joinedOn,
      organisationId: organisations.id,
      name: organisations.name,
      nip: organisations.nip,
      krs: organisations.krs,
      street: organisations.street,
      houseNo: organisations.houseNo,
      flatNo: organisations.flatNo,
      postalCode: organisations.postalCode,
      city: organisations.city,
    })
    .from(partnershipMembers)
    .innerJoin(organisations, eq(organisations.id, partnershipMembers.organisationId))
    .where(
      and(
        eq(partnershipMembers.localityId, opts.localityId),
        eq(partnershipMembers.partnershipId, opts.partnershipId),
      ),
    )
    .orderBy(sql`${partnershipMembers.role} = 'leader' desc`, asc(organisations.nameFolded));
}

export async function listCommitments(db: Db, opts: { localityId: string; partnershipId: string }) {
  return db
    .select({
      id: commitments.id,
      memberId: commitments.memberId,
      organisationId: partnershipMembers.organisationId,
      organisationName: organisations.name,
      kind: commitments.kind,
      description: commitments.description,
      quantity: commitments.quantity,
      unit: commitments.unit,
      valuePln: commitments.valuePln,
      periodFrom: commitments.periodFrom,
      periodTo: commitments.periodTo,
      status: commitments.status,
      deliveredOn: commitments.deliveredOn,
    })
    .from(commitments)
    .innerJoin(partnershipMembers, eq(partnershipMembers.id, commitments.memberId))
    .innerJoin(organisations, eq(organisations.id, partnershipMembers.organisationId))
    .where(
      and(eq(commitments.localityId, opts.localityId), eq(commitments.partnershipId, opts.partnershipId)),
    )
    .orderBy(asc(organisations.nameFolded), asc(commitments.createdAt));
}

/** Directory entries not yet in the partnership (to add as members). */
export const CANDIDATE_LIMIT = 50;

/**
 * Directory entries not yet in the partnership, to add as members: matching the search
 * (ignoring case and diacritics), at most CANDIDATE_LIMIT, plus whether more matched.
 */
export async function listCandidateOrganisations(
  db: Db,
  opts: { localityId: string; partnershipId: string; query: string },
) {
  const q = foldForSearch(opts.query).replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.localityId, opts.localityId),
        q ? like(organisations.nameFolded, `%${q}%`) : undefined,
        sql`not exists (select 1 from ${partnershipMembers} pm where pm.partnership_id = ${opts.partnershipId} and pm.organisation_id = "organisations"."id")`,
      ),
    )
    .orderBy(asc(organisations.nameFolded))
    .limit(CANDIDATE_LIMIT + 1);
  return { rows: rows.slice(0, CANDIDATE_LIMIT), more: rows.length > CANDIDATE_LIMIT };
}

/** Live evidence for the roadmap: leader designations and the number of partner organisations. */
export async function partnershipEvidence(db: Db, opts: { localityId: string }) {
  const [leader] = await db
    .select({
      name: organisations.name,
      decision: partnerships.leaderDecision,
      decidedOn: partnerships.leaderDecidedOn,
    })
    .from(partnerships)
    .innerJoin(organisations, eq(organisations.id, partnerships.leaderOrganisationId))
    .where(eq(partnerships.localityId, opts.localityId))
    .orderBy(asc(partnerships.leaderDecidedOn))
    .limit(1);
  const [partners] = await db
    .select({ n: sql<number>`count(distinct ${partnershipMembers.organisationId})`.mapWith(Number) })
    .from(partnershipMembers)
    .where(
      and(eq(partnershipMembers.localityId, opts.localityId), sql`${partnershipMembers.role} <> 'observer'`),
    );
  return { leader: leader ?? null, partnerCount: partners?.n ?? 0 };
}
