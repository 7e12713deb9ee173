import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { clubMembers, people } from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { createPerson, validatePerson } from '../people/people.server.ts';
import type { PersonFields } from '../people/person.schema.ts';
import { checkCertificate, checkJoin, checkLeave } from './club.rules.ts';
import type { LeaveInput, MembershipInput } from './club.schema.ts';
import {
  assertSeeMembers,
  audit,
  type Ctx,
  isUuid,
  requireClub,
  throwIfErrors,
} from './club-access.server.ts';
import { targetGroups } from './club-parameters.server.ts';

async function groupErrors(db: Db, group: string, today: string): Promise<FieldErrors> {
  if (!group) return {};
  const { groups } = await targetGroups(db, today);
  return groups.includes(group) ? {} : { atRiskGroup: 'club.members.group.unknown' };
}

/**
 * A person joins the club: an existing person of this locality, or one recorded here and now
 * (names, optional contact, GDPR basis). All in one transaction: a refused membership leaves
 * no person behind.
 */
export async function joinClub(
  db: Db,
  ctx: Ctx & {
    clubId: string;
    personId: string | null;
    person: PersonFields | null;
    input: MembershipInput;
    today: string;
  },
): Promise<string> {
  assertSeeMembers(ctx);
  const errors: FieldErrors = {
    ...checkJoin(ctx.input, ctx.today),
    ...(await groupErrors(db, ctx.input.atRiskGroup, ctx.today)),
  };
  if (!ctx.personId) {
    try {
      validatePerson(ctx.person ?? {});
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      Object.assign(errors, e.fieldErrors);
    }
  }
  throwIfErrors(errors);
  return db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    let personId = ctx.personId;
    if (personId) {
      const [p] = isUuid(personId)
        ? await tx
            .select({ id: people.id })
            .from(people)
            .where(
              and(
                eq(people.id, personId),
                eq(people.localityId, ctx.locality.localityId),
                isNull(people.erasedAt),
              ),
            )
            .limit(1)
        : [];
      if (!p) throwIfErrors({ personId: 'club.members.person.unknown' });
    } else {
      personId = await createPerson(tx, { ...ctx, input: ctx.person ?? {} });
    }
    const [current] = await tx
      .select({ id: clubMembers.id })
      .from(clubMembers)
      .where(
        and(eq(clubMembers.clubId, club.id), eq(clubMembers.personId, personId!), isNull(clubMembers.leftOn)),
      )
      .limit(1);
    if (current)
      throw new AppError('CONFLICT', 'club.members.already', {}, { personId: 'club.members.already' });
    const [row] = await tx
      .insert(clubMembers)
      .values({
        localityId: ctx.locality.localityId,
        clubId: club.id,
        personId: personId!,
        joinedOn: ctx.input.joinedOn,
        socialContract: ctx.input.socialContract,
        atRiskGroup: ctx.input.atRiskGroup,
      })
      .onConflictDoNothing()
      .returning({ id: clubMembers.id });
    if (!row)
      throw new AppError('CONFLICT', 'club.members.already', {}, { personId: 'club.members.already' });
    await audit(tx, ctx, 'club.member_join', club.id, {
      memberId: row.id,
      socialContract: ctx.input.socialContract,
      atRiskGroup: ctx.input.atRiskGroup,
    });
    return row.id;
  });
}

async function requireMember(db: Db, ctx: Ctx, clubId: string, memberId: string) {
  if (!isUuid(memberId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const [m] = await db
    .select()
    .from(clubMembers)
    .where(
      and(
        eq(clubMembers.id, memberId),
        eq(clubMembers.clubId, clubId),
        eq(clubMembers.localityId, ctx.locality.localityId),
      ),
    )
    .limit(1);
  if (!m) throw new AppError('NOT_FOUND', 'errors.404.body');
  return m;
}

/** Corrects when a member joined, the social contract and the statutory group. */
export async function updateMembership(
  db: Db,
  ctx: Ctx & { clubId: string; memberId: string; input: MembershipInput; today: string },
): Promise<void> {
  assertSeeMembers(ctx);
  throwIfErrors({
    ...checkJoin(ctx.input, ctx.today),
    ...(await groupErrors(db, ctx.input.atRiskGroup, ctx.today)),
  });
  await db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    const m = await requireMember(tx, ctx, club.id, ctx.memberId);
    if (m.leftOn && m.leftOn < ctx.input.joinedOn)
      throwIfErrors({ joinedOn: 'club.members.leftOn.beforeJoined' });
    await tx
      .update(clubMembers)
      .set({
        joinedOn: ctx.input.joinedOn,
        socialContract: ctx.input.socialContract,
        atRiskGroup: ctx.input.atRiskGroup,
      })
      .where(eq(clubMembers.id, m.id));
    await audit(tx, ctx, 'club.member_update', club.id, {
      memberId: m.id,
      socialContract: ctx.input.socialContract,
      atRiskGroup: ctx.input.atRiskGroup,
    });
  });
}

/** A member leaves the club with an outcome (and the certificate, when issued at once). */
export async function leaveClub(
  db: Db,
  ctx: Ctx & { clubId: string; memberId: string; input: LeaveInput; today: string },
): Promise<void> {
  assertSeeMembers(ctx);
  await db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    const m = await requireMember(tx, ctx, club.id, ctx.memberId);
    throwIfErrors(checkLeave(m, ctx.input, ctx.today));
    await tx
      .update(clubMembers)
      .set({
        leftOn: ctx.input.leftOn,
        outcome: ctx.input.outcome,
        certificateIssuedOn: ctx.input.certificateIssuedOn,
      })
      .where(eq(clubMembers.id, m.id));
    await audit(tx, ctx, 'club.member_leave', club.id, {
      memberId: m.id,
      leftOn: ctx.input.leftOn,
      outcome: ctx.input.outcome,
    });
  });
}

/** Records the day the completion certificate was issued (art. 18 ust. 5a). */
export async function issueCertificate(
  db: Db,
  ctx: Ctx & { clubId: string; memberId: string; issuedOn: string; today: string },
): Promise<void> {
  assertSeeMembers(ctx);
  await db.transaction(async (tx) => {
    const club = await requireClub(tx, ctx, ctx.clubId);
    const m = await requireMember(tx, ctx, club.id, ctx.memberId);
    throwIfErrors(checkCertificate(m.leftOn, ctx.issuedOn, ctx.today));
    await tx.update(clubMembers).set({ certificateIssuedOn: ctx.issuedOn }).where(eq(clubMembers.id, m.id));
    await audit(tx, ctx, 'club.member_certificate', club.id, { memberId: m.id, issuedOn: ctx.issuedOn });
  });
}

/** Reading members' personal data is a sensitive read: it is logged like a write. */
export async function auditMembersRead(
  db: Db,
  ctx: Ctx & { clubId: string; what: 'members' | 'member' | 'attendance' | 'visits'; entityId?: string },
): Promise<void> {
  await audit(db, ctx, `club.read_${ctx.what}`, ctx.entityId ?? ctx.clubId, { clubId: ctx.clubId });
}
