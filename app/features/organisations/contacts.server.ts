import { and, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  contactEvents,
  localities,
  memberships,
  organisationContacts,
  organisations,
  users,
} from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { getI18n, type Locale } from '../../lib/i18n/i18n.ts';

import type { MailQueue } from '../../lib/services.ts';
import { canManageDirectory } from './organisation.policy.ts';
import type { ContactInput } from './organisation.schema.ts';

async function requireOrganisation(db: Db, locality: ActorLocality, organisationId: string) {
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.localityId, locality.localityId)))
    .limit(1);
  if (!org) throw new AppError('NOT_FOUND', 'errors.404.body');
  return org;
}

function assertManage(actor: Actor, locality: ActorLocality) {
  if (!canManageDirectory(actor, locality))
    throw new AppError('FORBIDDEN', 'organisations.errors.cannotManage');
}

export async function addContact(
  db: Db,
  opts: { actor: Actor; locality: ActorLocality; organisationId: string; input: ContactInput },
) {
  assertManage(opts.actor, opts.locality);
  return db.transaction(async (tx) => {
    await requireOrganisation(tx, opts.locality, opts.organisationId);
    const [row] = await tx
      .insert(organisationContacts)
      .values({ ...opts.input, localityId: opts.locality.localityId, organisationId: opts.organisationId })
      .returning({ id: organisationContacts.id });
    await writeAudit(tx, {
      actorUserId: opts.actor.userId,
      localityId: opts.locality.localityId,
      requestId: opts.actor.requestId,
      action: 'organisation_contact.create',
      entityType: 'organisation_contact',
      entityId: row!.id,
      details: { organisationId: opts.organisationId, legalBasis: opts.input.legalBasis },
    });
    return row!.id;
  });
}

export async function removeContact(
  db: Db,
  opts: { actor: Actor; locality: ActorLocality; organisationId: string; contactId: string },
) {
  assertManage(opts.actor, opts.locality);
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(organisationContacts)
      .where(
        and(
          eq(organisationContacts.id, opts.contactId),
          eq(organisationContacts.organisationId, opts.organisationId),
          eq(organisationContacts.localityId, opts.locality.localityId),
        ),
      )
      .returning({ id: organisationContacts.id });
    if (gone.length === 0) throw new AppError('NOT_FOUND', 'errors.404.body');
    await writeAudit(tx, {
      actorUserId: opts.actor.userId,
      localityId: opts.locality.localityId,
      requestId: opts.actor.requestId,
      action: 'organisation_contact.delete',
      entityType: 'organisation_contact',
      entityId: opts.contactId,
    });
  });
}

export type ContactEventInput = {
  happenedOn: string;
  channel: string;
  summary: string;
  contactId: string | null;
  followUp: string;
  followUpDue: string | null;
  followUpOwnerId: string | null;
};

/** Records a contact; a follow-up needs a due date not before the contact, and a staff owner of this locality. */
export async function addContactEvent(
  db: Db,
  opts: { actor: Actor; locality: ActorLocality; organisationId: string; input: ContactEventInput },
) {
  assertManage(opts.actor, opts.locality);
  const { input, locality } = opts;
  if (input.followUpDue && input.followUpDue < input.happenedOn) {
    throw new AppError(
      'DOMAIN_RULE',
      'organisations.events.dueBeforeContact',
      {},
      { followUpDue: 'organisations.events.dueBeforeContact' },
    );
  }
  if (input.followUp && !input.followUpDue) {
    throw new AppError(
      'DOMAIN_RULE',
      'organisations.events.dueRequired',
      {},
      { followUpDue: 'organisations.events.dueRequired' },
    );
  }
  return db.transaction(async (tx) => {
    await requireOrganisation(tx, locality, opts.organisationId);
    if (input.contactId) {
      const [c] = await tx
        .select({ id: organisationContacts.id })
        .from(organisationContacts)
        .where(
          and(
            eq(organisationContacts.id, input.contactId),
            eq(organisationContacts.organisationId, opts.organisationId),
          ),
        )
        .limit(1);
      if (!c)
        throw new AppError(
          'BAD_REQUEST',
          'organisations.events.contact.invalid',
          {},
          { contactId: 'organisations.events.contact.invalid' },
        );
    }
    const ownerId = input.followUp ? (input.followUpOwnerId ?? opts.actor.userId) : null;
    if (ownerId && ownerId !== opts.actor.userId) {
      const [m] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.userId, ownerId), eq(memberships.localityId, locality.localityId)))
        .limit(1);
      if (!m)
        throw new AppError(
          'BAD_REQUEST',
          'organisations.events.owner.invalid',
          {},
          { followUpOwnerId: 'organisations.events.owner.invalid' },
        );
    }
    const [row] = await tx
      .insert(contactEvents)
      .values({
        localityId: locality.localityId,
        organisationId: opts.organisationId,
        contactId: input.contactId,
        happenedOn: input.happenedOn,
        channel: input.channel,
        summary: input.summary,
        followUp: input.followUp,
        followUpDue: input.followUp ? input.followUpDue : null,
        followUpOwnerId: ownerId,
        createdBy: opts.actor.userId,
      })
      .returning({ id: contactEvents.id });
    await writeAudit(tx, {
      actorUserId: opts.actor.userId,
      localityId: locality.localityId,
      requestId: opts.actor.requestId,
      action: 'contact_event.create',
      entityType: 'contact_event',
      entityId: String(row!.id),
      details: { organisationId: opts.organisationId, channel: input.channel },
    });
    return row!.id;
  });
}

export async function completeFollowUp(
  db: Db,
  opts: { actor: Actor; locality: ActorLocality; organisationId: string; eventId: number },
) {
  assertManage(opts.actor, opts.locality);
  await db.transaction(async (tx) => {
    const done = await tx
      .update(contactEvents)
      .set({ followUpDoneAt: new Date() })
      .where(
        and(
          eq(contactEvents.id, opts.eventId),
          eq(contactEvents.organisationId, opts.organisationId),
          eq(contactEvents.localityId, opts.locality.localityId),
          isNull(contactEvents.followUpDoneAt),
          isNotNull(contactEvents.followUpDue),
        ),
      )
      .returning({ id: contactEvents.id });
    if (done.length === 0) throw new AppError('NOT_FOUND', 'errors.404.body');
    await writeAudit(tx, {
      actorUserId: opts.actor.userId,
      localityId: opts.locality.localityId,
      requestId: opts.actor.requestId,
      action: 'contact_event.follow_up_done',
      entityType: 'contact_event',
      entityId: String(opts.eventId),
    });
  });
}

/**
 * The reminder job: every follow-up due today or earlier, not done and not yet reminded,
 * gets one e-mail to its owner with a link to the organisation. Returns how many were sent.
 */
export async function sendFollowUpReminders(
  db: Db,
  opts: { mail: MailQueue; today: string; baseUrl: string },
): Promise<number> {
  const due = await db
    .select({
      id: contactEvents.id,
      followUp: contactEvents.followUp,
      followUpDue: contactEvents.followUpDue,
      organisationId: organisations.id,
      organisationName: organisations.name,
      localitySlug: localities.slug,
      ownerEmail: users.email,
      ownerLocale: users.locale,
    })
    .from(contactEvents)
    .innerJoin(organisations, eq(organisations.id, contactEvents.organisationId))
    .innerJoin(localities, eq(localities.id, contactEvents.localityId))
    .innerJoin(users, eq(users.id, contactEvents.followUpOwnerId))
    .where(
      and(
        isNull(contactEvents.followUpDoneAt),
        isNull(contactEvents.reminderSentAt),
        lte(contactEvents.followUpDue, opts.today),
        eq(users.active, true),
      ),
    )
    .limit(500);
  for (const r of due) {
    const { t, date } = getI18n(r.ownerLocale as Locale);
    await opts.mail.send({
      to: r.ownerEmail,
      subject: t('organisations.mail.followUp.subject', { organisation: r.organisationName }),
      text: t('organisations.mail.followUp.body', {
        organisation: r.organisationName,
        followUp: r.followUp,
        due: date(r.followUpDue),
        link: `${opts.baseUrl}/app/${r.localitySlug}/organisations/${r.organisationId}`,
      }),
    });
    await db.update(contactEvents).set({ reminderSentAt: new Date() }).where(eq(contactEvents.id, r.id));
  }
  return due.length;
}
