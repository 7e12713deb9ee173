import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { memberships, participantConsents, participants, people, users } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import type { SelfUpdateInput } from './me.schema.ts';

/**
 * Participant self-service: a participant reaches only their own record, found from the
 * signed-in account (people.user_id), never from an id in the URL.
 */

type Ctx = { actor: Actor; locality: ActorLocality };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Self-service is for those who hold the participant role in the locality. */
export function canUseSelfService(locality: ActorLocality): boolean {
  return locality.roles.includes('participant');
}

/** Whether the participant role is the only one held here (such a user lands on "Moje sprawy"). */
export function isOnlyParticipant(actor: Actor, locality: ActorLocality): boolean {
  return (
    !actor.isPlatformAdmin && locality.roles.length > 0 && locality.roles.every((r) => r === 'participant')
  );
}

/** The participant linked to this account in this locality (not erased), or null. */
export async function findSelf(db: Db, ctx: Ctx): Promise<{ personId: string } | null> {
  if (!canUseSelfService(ctx.locality)) throw forbidden();
  const [row] = await db
    .select({ personId: participants.personId })
    .from(people)
    .innerJoin(
      participants,
      and(eq(participants.personId, people.id), eq(participants.localityId, people.localityId)),
    )
    .where(
      and(
        eq(people.userId, ctx.actor.userId),
        eq(people.localityId, ctx.locality.localityId),
        isNull(people.erasedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The self, or a 404 when the account has no person record here (the page explains that case). */
export async function requireSelfPerson(db: Db, ctx: Ctx): Promise<string> {
  const self = await findSelf(db, ctx);
  if (!self) throw notFound();
  return self.personId;
}

export type MyConsent = {
  id: string;
  purpose: string;
  organisationName: string | null;
  basis: string;
  givenOn: string;
  withdrawnOn: string | null;
};
export type MyMembership = { clubName: string; joinedOn: string; leftOn: string | null };
export type MyActivity = {
  id: string;
  clubName: string;
  title: string;
  startsAt: string;
  endsAt: string;
  place: string;
  cancelled: boolean;
  status?: string;
};
export type MyReferral = {
  id: string;
  status: string;
  sentOn: string;
  fromName: string | null;
  toName: string;
};

export type MyErasureRequest = { status: string; requestedAt: string; decisionNote: string };

export type MyPage = {
  person: {
    id: string;
    givenName: string;
    familyName: string;
    email: string;
    phone: string;
    registeredOn: string;
  };
  consents: MyConsent[];
  memberships: MyMembership[];
  attended: MyActivity[];
  upcoming: MyActivity[];
  referrals: MyReferral[];
  /** The latest request to be erased, if any. */
  erasure: MyErasureRequest | null;
};

/**
 * Everything "Moje sprawy" shows apart from the plan and appointments, in one SQL statement:
 * the person found from the account, with consents, club memberships, attended and coming
 * club activities and referrals as JSON sub-selects. Null when no person is linked here.
 */
export async function loadMyPage(db: Db, ctx: Ctx): Promise<MyPage | null> {
  if (!canUseSelfService(ctx.locality)) throw forbidden();
  const [row] = await db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      email: people.email,
      phone: people.phone,
      registeredOn: participants.registeredOn,
      consents: sql<MyConsent[]>`coalesce((
        select json_agg(json_build_object('id', c.id, 'purpose', c.purpose, 'organisationName', o.name,
          'basis', c.basis, 'givenOn', c.given_on, 'withdrawnOn', c.withdrawn_on)
          order by c.withdrawn_on is not null, c.given_on desc, c.created_at desc)
        from participant_consents c
        left join organisations o on o.id = c.organisation_id
        where c.person_id = ${people.id} and c.locality_id = ${people.localityId}
      ), '[]'::json)`,
      memberships: sql<MyMembership[]>`coalesce((
        select json_agg(json_build_object('clubName', cl.name, 'joinedOn', m.joined_on, 'leftOn', m.left_on)
          order by m.left_on is not null, m.joined_on desc)
        from club_members m join clubs cl on cl.id = m.club_id
        where m.person_id = ${people.id} and m.locality_id = ${people.localityId}
      ), '[]'::json)`,
      attended: sql<MyActivity[]>`coalesce((
        select json_agg(x order by x."startsAt" desc) from (
          select a.id, cl.name as "clubName", a.title, a.starts_at as "startsAt", a.ends_at as "endsAt",
            a.place, a.cancelled, ca.status
          from club_attendance ca
          join club_members m on m.id = ca.member_id
          join club_activities a on a.id = ca.activity_id
          join clubs cl on cl.id = a.club_id
          where m.person_id = ${people.id} and ca.locality_id = ${people.localityId}
            and a.starts_at < now()
          order by a.starts_at desc limit 10
        ) x
      ), '[]'::json)`,
      upcoming: sql<MyActivity[]>`coalesce((
        select json_agg(x order by x."startsAt") from (
          select a.id, cl.name as "clubName", a.title, a.starts_at as "startsAt", a.ends_at as "endsAt",
            a.place, a.cancelled
          from club_activities a
          join clubs cl on cl.id = a.club_id
          where a.locality_id = ${people.localityId} and a.starts_at >= now() and not a.cancelled
            and exists (select 1 from club_members m where m.club_id = a.club_id
              and m.person_id = ${people.id} and m.left_on is null)
          order by a.starts_at limit 5
        ) x
      ), '[]'::json)`,
      referrals: sql<MyReferral[]>`coalesce((
        select json_agg(json_build_object('id', r.id, 'status', r.status, 'sentOn', r.sent_on,
          'fromName', fo.name, 'toName', tor.name) order by r.sent_on desc, r.created_at desc)
        from referrals r
        join organisations tor on tor.id = r.to_organisation_id
        left join organisations fo on fo.id = r.from_organisation_id
        where r.person_id = ${people.id} and r.locality_id = ${people.localityId}
      ), '[]'::json)`,
      erasure: sql<MyErasureRequest | null>`(
        select json_build_object('status', e.status, 'requestedAt', e.requested_at, 'decisionNote', e.decision_note)
        from erasure_requests e
        where e.person_id = ${people.id} and e.locality_id = ${people.localityId}
        order by e.requested_at desc limit 1
      )`,
    })
    .from(people)
    .innerJoin(
      participants,
      and(eq(participants.personId, people.id), eq(participants.localityId, people.localityId)),
    )
    .where(
      and(
        eq(people.userId, ctx.actor.userId),
        eq(people.localityId, ctx.locality.localityId),
        isNull(people.erasedAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  const { consents, memberships: ms, attended, upcoming, referrals, erasure, ...person } = row;
  return { person, consents, memberships: ms, attended, upcoming, referrals, erasure: erasure ?? null };
}

/** Who a participant without a linked record can turn to: the locality's coordinators. */
export async function contactsFor(db: Db, opts: { localityId: string }) {
  return db
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.localityId, opts.localityId),
        eq(memberships.role, 'coordinator'),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.name))
    .limit(3);
}

/** The person's own data for the correction form. */
export async function loadMyData(db: Db, ctx: Ctx) {
  if (!canUseSelfService(ctx.locality)) throw forbidden();
  const [row] = await db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      email: people.email,
      phone: people.phone,
    })
    .from(people)
    .innerJoin(
      participants,
      and(eq(participants.personId, people.id), eq(participants.localityId, people.localityId)),
    )
    .where(
      and(
        eq(people.userId, ctx.actor.userId),
        eq(people.localityId, ctx.locality.localityId),
        isNull(people.erasedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * A participant corrects their names and contact data. Audited ('participant.self_update')
 * with the names of the fields changed, not their values.
 */
export async function updateMyData(db: Db, ctx: Ctx & { input: SelfUpdateInput }): Promise<string[]> {
  return db.transaction(async (tx) => {
    const current = await loadMyData(tx, ctx);
    if (!current) throw notFound();
    const fields = (['givenName', 'familyName', 'email', 'phone'] as const).filter(
      (k) => current[k] !== ctx.input[k],
    );
    if (fields.length === 0) return [];
    await tx
      .update(people)
      .set({ ...ctx.input, updatedAt: new Date() })
      .where(and(eq(people.id, current.id), eq(people.localityId, ctx.locality.localityId)));
    await writeAudit(tx, {
      actorUserId: ctx.actor.userId,
      localityId: ctx.locality.localityId,
      requestId: ctx.actor.requestId,
      action: 'participant.self_update',
      entityType: 'participant',
      entityId: current.id,
      details: { fields },
    });
    return fields;
  });
}

/**
 * A participant withdraws a consent they gave (only a consent, not another legal basis), as of
 * today. Written like a staff withdrawal ('participant.consent.withdraw'), marked as their own.
 */
export async function withdrawMyConsent(
  db: Db,
  ctx: Ctx & { consentId: string; today: string },
): Promise<{ purpose: string }> {
  if (!UUID.test(ctx.consentId.trim()))
    throw new AppError('BAD_REQUEST', 'me.consent.unknown', {}, { consentId: 'me.consent.unknown' });
  return db.transaction(async (tx) => {
    const personId = await requireSelfPerson(tx, ctx);
    const [c] = await tx
      .select({
        id: participantConsents.id,
        purpose: participantConsents.purpose,
        basis: participantConsents.basis,
        givenOn: participantConsents.givenOn,
        withdrawnOn: participantConsents.withdrawnOn,
      })
      .from(participantConsents)
      .where(
        and(
          eq(participantConsents.id, ctx.consentId.trim()),
          eq(participantConsents.personId, personId),
          eq(participantConsents.localityId, ctx.locality.localityId),
        ),
      )
      .limit(1);
    if (!c) throw new AppError('BAD_REQUEST', 'me.consent.unknown', {}, { consentId: 'me.consent.unknown' });
    if (c.basis !== 'consent')
      throw new AppError('DOMAIN_RULE', 'me.consent.notConsent', {}, { consentId: 'me.consent.notConsent' });
    if (c.withdrawnOn)
      throw new AppError('CONFLICT', 'me.consent.already', {}, { consentId: 'me.consent.already' });
    // Withdrawn as of today, never before the day the consent was given.
    const withdrawnOn = [c.givenOn, ctx.today].sort()[1]!;
    await tx
      .update(participantConsents)
      .set({ withdrawnOn, withdrawnBy: ctx.actor.userId })
      .where(eq(participantConsents.id, c.id));
    await writeAudit(tx, {
      actorUserId: ctx.actor.userId,
      localityId: ctx.locality.localityId,
      requestId: ctx.actor.requestId,
      action: 'participant.consent.withdraw',
      entityType: 'participant',
      entityId: personId,
      details: { consentId: c.id, purpose: c.purpose, withdrawnOn, bySelf: true },
    });
    return { purpose: c.purpose };
  });
}
