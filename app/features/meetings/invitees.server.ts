import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  meetingParticipants,
  memberships,
  organisationContacts,
  organisations,
  users,
} from '../../../db/schema/index.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import type { MailQueue } from '../../lib/services.ts';
import { cancellationMail, organizerOf } from './invitation-mail.server.ts';
import type { InviteeInput, PersonInput } from './meeting.schema.ts';
import {
  assertManage,
  assertStage,
  audit,
  lockMeeting,
  type MeetingRef,
  requirePartnership,
  ruleError,
} from './meeting-context.server.ts';
import { listMemberContacts } from './meetings.queries.server.ts';

/** E-mail addresses and directory contacts already on the list (so nobody is invited twice). */
async function existing(db: Db, meetingId: string) {
  const rows = await db
    .select({
      contactId: meetingParticipants.contactId,
      organisationId: meetingParticipants.organisationId,
      email: meetingParticipants.email,
    })
    .from(meetingParticipants)
    .where(eq(meetingParticipants.meetingId, meetingId));
  return {
    contacts: new Set(rows.map((r) => r.contactId).filter(Boolean)),
    emails: new Set(rows.map((r) => r.email.toLowerCase()).filter(Boolean)),
    /** Organisations invited as such (no person named). */
    organisations: new Set(rows.filter((r) => !r.contactId && r.organisationId).map((r) => r.organisationId)),
  };
}

/**
 * Invites the partnership with one button: every member organisation's directory contacts that
 * have an e-mail address become invitees (those already invited are left as they are). Tells
 * which members have no contact with an e-mail address, so the coordinator can add one.
 */
export async function inviteAllMembers(
  db: Db,
  ref: MeetingRef,
): Promise<{ added: number; withoutEmail: string[] }> {
  assertManage(ref);
  const now = ref.now ?? new Date();
  return db.transaction(async (tx) => {
    const m = await lockMeeting(tx, ref);
    assertStage(m, now, 'edit');
    const members = await listMemberContacts(tx, {
      localityId: ref.locality.localityId,
      partnershipId: m.partnershipId,
    });
    if (members.length === 0) throw ruleError('meetings.invitees.noMembers');
    const have = await existing(tx, m.id);
    const rows: (typeof meetingParticipants.$inferInsert)[] = [];
    const withoutEmail: string[] = [];
    for (const org of members) {
      const reachable = org.contacts.filter((c) => c.email);
      if (reachable.length === 0) withoutEmail.push(org.name);
      for (const c of reachable) {
        const email = c.email.toLowerCase();
        if (have.contacts.has(c.id) || have.emails.has(email)) continue;
        have.emails.add(email);
        rows.push({
          localityId: ref.locality.localityId,
          meetingId: m.id,
          organisationId: org.id,
          contactId: c.id,
          name: c.name,
          email,
        });
      }
    }
    if (rows.length > 0) await tx.insert(meetingParticipants).values(rows);
    await audit(tx, ref, 'meeting.invitees_add_members', m.id, {
      added: rows.length,
      withoutEmail: withoutEmail.length,
    });
    return { added: rows.length, withoutEmail };
  });
}

/** Invites one organisation (its general address) or one of its directory contacts. */
export async function addInvitee(db: Db, ref: MeetingRef & { invitee: InviteeInput }): Promise<void> {
  assertManage(ref);
  const now = ref.now ?? new Date();
  await db.transaction(async (tx) => {
    const m = await lockMeeting(tx, ref);
    assertStage(m, now, 'edit');
    const have = await existing(tx, m.id);
    let row: typeof meetingParticipants.$inferInsert;
    if (ref.invitee.kind === 'contact') {
      const [c] = await tx
        .select({
          id: organisationContacts.id,
          organisationId: organisationContacts.organisationId,
          name: organisationContacts.name,
          email: organisationContacts.email,
        })
        .from(organisationContacts)
        .where(
          and(
            eq(organisationContacts.id, ref.invitee.id),
            eq(organisationContacts.localityId, ref.locality.localityId),
          ),
        )
        .limit(1);
      if (!c) throw ruleError('meetings.invitees.unknown', 'invitee', {}, 'BAD_REQUEST');
      if (have.contacts.has(c.id) || (c.email && have.emails.has(c.email.toLowerCase())))
        throw ruleError('meetings.invitees.already', 'invitee', { name: c.name }, 'CONFLICT');
      row = {
        localityId: ref.locality.localityId,
        meetingId: m.id,
        organisationId: c.organisationId,
        contactId: c.id,
        name: c.name,
        email: c.email.toLowerCase(),
      };
    } else {
      const [o] = await tx
        .select({ id: organisations.id, name: organisations.name, email: organisations.email })
        .from(organisations)
        .where(
          and(eq(organisations.id, ref.invitee.id), eq(organisations.localityId, ref.locality.localityId)),
        )
        .limit(1);
      if (!o) throw ruleError('meetings.invitees.unknown', 'invitee', {}, 'BAD_REQUEST');
      if (have.organisations.has(o.id))
        throw ruleError('meetings.invitees.already', 'invitee', { name: o.name }, 'CONFLICT');
      row = {
        localityId: ref.locality.localityId,
        meetingId: m.id,
        organisationId: o.id,
        name: '',
        email: o.email.toLowerCase(),
      };
    }
    const [added] = await tx
      .insert(meetingParticipants)
      .values(row)
      .returning({ id: meetingParticipants.id });
    await audit(tx, ref, 'meeting.invitee_add', m.id, {
      participantId: added!.id,
      organisationId: row.organisationId,
      contactId: row.contactId ?? null,
    });
  });
}

/**
 * Invites a person by name and e-mail (someone outside the directory). When the address belongs
 * to a user of this locality, the invitation is linked to them (and written in their language).
 */
export async function addPerson(db: Db, ref: MeetingRef & { input: PersonInput }): Promise<void> {
  assertManage(ref);
  const now = ref.now ?? new Date();
  const { input } = ref;
  await db.transaction(async (tx) => {
    const m = await lockMeeting(tx, ref);
    assertStage(m, now, 'edit');
    if (input.organisationId) {
      const [o] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(
          and(
            eq(organisations.id, input.organisationId),
            eq(organisations.localityId, ref.locality.localityId),
          ),
        )
        .limit(1);
      if (!o) throw ruleError('meetings.invitees.organisation.unknown', 'organisationId', {}, 'BAD_REQUEST');
    }
    const have = await existing(tx, m.id);
    if (have.emails.has(input.email))
      throw ruleError('meetings.person.email.already', 'email', { email: input.email }, 'CONFLICT');
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(and(eq(users.email, input.email), eq(memberships.localityId, ref.locality.localityId)))
      .limit(1);
    const [added] = await tx
      .insert(meetingParticipants)
      .values({
        localityId: ref.locality.localityId,
        meetingId: m.id,
        organisationId: input.organisationId,
        userId: user?.id ?? null,
        name: input.name,
        email: input.email,
      })
      .returning({ id: meetingParticipants.id });
    await audit(tx, ref, 'meeting.invitee_add', m.id, {
      participantId: added!.id,
      organisationId: input.organisationId,
      userId: user?.id ?? null,
    });
  });
}

/**
 * Takes an invitee off the list of a planned meeting. Someone who already received the
 * invitation gets a cancellation, so the meeting leaves their calendar.
 */
export async function removeInvitee(
  db: Db,
  ref: MeetingRef & { participantId: string; mail: MailQueue },
): Promise<void> {
  assertManage(ref);
  const now = ref.now ?? new Date();
  const mail = await db.transaction(async (tx) => {
    const m = await lockMeeting(tx, ref);
    assertStage(m, now, 'edit');
    const [gone] = await tx
      .delete(meetingParticipants)
      .where(
        and(
          eq(meetingParticipants.id, ref.participantId),
          eq(meetingParticipants.meetingId, m.id),
          eq(meetingParticipants.localityId, ref.locality.localityId),
        ),
      )
      .returning({
        id: meetingParticipants.id,
        name: meetingParticipants.name,
        email: meetingParticipants.email,
        invitedAt: meetingParticipants.invitedAt,
        userId: meetingParticipants.userId,
      });
    if (!gone) throw ruleError('meetings.invitees.unknown', '_form', {}, 'BAD_REQUEST');
    await audit(tx, ref, 'meeting.invitee_remove', m.id, { participantId: gone.id });
    if (!gone.invitedAt || !gone.email) return null;
    const p = await requirePartnership(tx, ref, m.partnershipId);
    const [u] = gone.userId
      ? await tx.select({ locale: users.locale }).from(users).where(eq(users.id, gone.userId))
      : [];
    return cancellationMail({
      i18n: getI18n(u?.locale === 'en' ? 'en' : 'pl'),
      meeting: { ...m, icsSequence: m.icsSequence + 1 },
      partnershipName: p.name,
      organizer: organizerOf(ref),
      recipient: gone,
      dtstamp: now,
    });
  });
  if (mail) await ref.mail.send(mail);
}
