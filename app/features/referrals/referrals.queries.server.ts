import { and, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { organisations, participantConsents, people, referrals, users } from '../../../db/schema/index.ts';
import { isReferralStatus, type ReferralStatus } from './referral.rules.ts';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const fromOrg = alias(organisations, 'from_org');
const toOrg = alias(organisations, 'to_org');
const sender = alias(users, 'sender');
const responder = alias(users, 'responder');

/** The consent the referral rests on is withdrawn (or gone). */
const consentWithdrawn = sql<boolean>`(${participantConsents.id} is null or ${participantConsents.withdrawnOn} is not null)`;
const erased = sql<boolean>`(${people.erasedAt} is not null)`;

/** One referral of this locality with what every side might need; the presenter picks (null when unknown here). */
export async function getReferral(db: Db, opts: { localityId: string; id: string }) {
  if (!UUID.test(opts.id)) return null;
  const [row] = await db
    .select({
      id: referrals.id,
      personId: referrals.personId,
      status: referrals.status,
      fromOrganisationId: referrals.fromOrganisationId,
      fromName: fromOrg.name,
      toOrganisationId: referrals.toOrganisationId,
      toName: toOrg.name,
      consentId: referrals.consentId,
      consentGivenOn: participantConsents.givenOn,
      consentWithdrawnOn: participantConsents.withdrawnOn,
      consentWithdrawn,
      erased,
      givenName: people.givenName,
      familyName: people.familyName,
      email: people.email,
      phone: people.phone,
      reason: referrals.reason,
      sharedNote: referrals.sharedNote,
      shareContact: referrals.shareContact,
      sentOn: referrals.sentOn,
      sentBy: referrals.sentBy,
      sentByName: sender.name,
      respondedAt: referrals.respondedAt,
      respondedByName: responder.name,
      responseNote: referrals.responseNote,
      doneOn: referrals.doneOn,
      outcomeNote: referrals.outcomeNote,
    })
    .from(referrals)
    .innerJoin(people, eq(people.id, referrals.personId))
    .innerJoin(toOrg, eq(toOrg.id, referrals.toOrganisationId))
    .leftJoin(fromOrg, eq(fromOrg.id, referrals.fromOrganisationId))
    .leftJoin(participantConsents, eq(participantConsents.id, referrals.consentId))
    .leftJoin(sender, eq(sender.id, referrals.sentBy))
    .leftJoin(responder, eq(responder.id, referrals.respondedBy))
    .where(and(eq(referrals.id, opts.id), eq(referrals.localityId, opts.localityId)))
    .limit(1);
  return row ?? null;
}
export type ReferralRow = NonNullable<Awaited<ReturnType<typeof getReferral>>>;

export type ReferralFilter = { status: ReferralStatus | ''; organisationId: string };

export function referralFilter(url: URL): ReferralFilter {
  const status = url.searchParams.get('status') ?? '';
  const org = url.searchParams.get('organisation') ?? '';
  return { status: isReferralStatus(status) ? status : '', organisationId: UUID.test(org) ? org : '' };
}

/**
 * One page of the locality's referrals, newest first, and the total. `onlyFor` limits them to
 * referrals to or from those organisations (a representative's inbox). Two statements.
 */
export async function listReferrals(
  db: Db,
  opts: {
    localityId: string;
    filter: ReferralFilter;
    onlyFor: string[] | null;
    offset: number;
    limit: number;
  },
) {
  const parts: (SQL | undefined)[] = [eq(referrals.localityId, opts.localityId)];
  if (opts.onlyFor) {
    if (opts.onlyFor.length === 0) return { rows: [], total: 0 };
    parts.push(
      or(
        inArray(referrals.toOrganisationId, opts.onlyFor),
        inArray(referrals.fromOrganisationId, opts.onlyFor),
      ),
    );
  }
  if (opts.filter.status) parts.push(eq(referrals.status, opts.filter.status));
  if (opts.filter.organisationId)
    parts.push(
      or(
        eq(referrals.toOrganisationId, opts.filter.organisationId),
        eq(referrals.fromOrganisationId, opts.filter.organisationId),
      ),
    );
  const where = and(...parts);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: referrals.id,
        personId: referrals.personId,
        givenName: people.givenName,
        familyName: people.familyName,
        fromOrganisationId: referrals.fromOrganisationId,
        fromName: fromOrg.name,
        toOrganisationId: referrals.toOrganisationId,
        toName: toOrg.name,
        status: referrals.status,
        sentOn: referrals.sentOn,
        consentWithdrawn,
        erased,
      })
      .from(referrals)
      .innerJoin(people, eq(people.id, referrals.personId))
      .innerJoin(toOrg, eq(toOrg.id, referrals.toOrganisationId))
      .leftJoin(fromOrg, eq(fromOrg.id, referrals.fromOrganisationId))
      .leftJoin(participantConsents, eq(participantConsents.id, referrals.consentId))
      .where(where)
      .orderBy(desc(referrals.sentOn), desc(referrals.createdAt), desc(referrals.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(referrals).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The organisations that appear in the locality's referrals (for the staff's filter). */
export async function referralOrganisations(db: Db, opts: { localityId: string }) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.localityId, opts.localityId),
        sql`exists (select 1 from referrals r where r.locality_id = ${opts.localityId}
          and (r.to_organisation_id = organisations.id or r.from_organisation_id = organisations.id))`,
      ),
    )
    .orderBy(organisations.nameFolded);
}
