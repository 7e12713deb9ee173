import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { invitations, participants, people, users } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import type { Locale, MessageKey } from '../../lib/i18n/catalog.ts';
import type { MailQueue } from '../../lib/services.ts';
import { canManageParticipants } from '../participants/participants.policy.ts';
import { createInvitation } from '../users/invitations.server.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Staff who manage participants invite a participant to self-service: an invitation with the
 * role 'participant' for the person's own e-mail, which links the new (or existing) account to
 * the person record when accepted. The e-mail is the usual invitation e-mail; the invitation is
 * audited ('invitation.create' with the person id).
 */
export async function inviteParticipantToSelfService(
  db: Db,
  opts: {
    actor: Actor;
    locality: ActorLocality;
    personId: string;
    mail: MailQueue;
    baseUrl: string;
    locale?: Locale;
    now?: Date;
  },
): Promise<void> {
  if (!canManageParticipants(opts.actor, opts.locality)) throw forbidden();
  if (!UUID.test(opts.personId)) throw notFound();
  const now = opts.now ?? new Date();
  const [person] = await db
    .select({
      id: people.id,
      email: people.email,
      userId: people.userId,
      pending: invitations.tokenHash,
      emailTakenBy: users.id,
    })
    .from(people)
    .innerJoin(
      participants,
      and(eq(participants.personId, people.id), eq(participants.localityId, people.localityId)),
    )
    .leftJoin(
      invitations,
      and(
        eq(invitations.personId, people.id),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .leftJoin(users, eq(users.email, people.email))
    .where(
      and(
        eq(people.id, opts.personId),
        eq(people.localityId, opts.locality.localityId),
        isNull(people.erasedAt),
      ),
    )
    .limit(1);
  if (!person) throw notFound();
  const refuse = (code: 'DOMAIN_RULE' | 'CONFLICT', key: MessageKey) =>
    new AppError(code, key, {}, { _form: key });
  if (person.userId) throw refuse('CONFLICT', 'me.invite.hasAccount');
  if (!person.email) throw refuse('DOMAIN_RULE', 'me.invite.noEmail');
  if (person.pending) throw refuse('CONFLICT', 'me.invite.pending');
  if (person.emailTakenBy) {
    // An existing account may be linked to one person of a locality only.
    const [other] = await db
      .select({ id: people.id })
      .from(people)
      .where(
        and(
          eq(people.userId, person.emailTakenBy),
          eq(people.localityId, opts.locality.localityId),
          isNull(people.erasedAt),
        ),
      )
      .limit(1);
    if (other) throw refuse('CONFLICT', 'me.invite.emailLinkedElsewhere');
  }
  await createInvitation(db, {
    actor: opts.actor,
    input: {
      email: person.email,
      role: 'participant',
      localityId: opts.locality.localityId,
      personId: person.id,
    },
    baseUrl: opts.baseUrl,
    mail: opts.mail,
    locale: opts.locale ?? 'pl',
    now,
  });
}

export type SelfServiceIntentResult =
  | null
  | { ok: true; flashKey: MessageKey; anchor: string }
  | { ok: false; errors: FieldErrors; status: number };

export const SELF_SERVICE_INTENT = 'inviteSelfService';

/**
 * The staff participant page's "invite to self-service" form (intent 'inviteSelfService');
 * null for any other intent. Refusals (no e-mail, already an account, an invitation pending)
 * come back as a form error; nothing is sent then.
 */
export async function handleSelfServiceIntent(opts: {
  db: Db;
  mail: MailQueue;
  actor: Actor;
  locality: ActorLocality;
  personId: string;
  intent: string;
  form: FormData;
  baseUrl: string;
  locale?: Locale;
}): Promise<SelfServiceIntentResult> {
  if (opts.intent !== SELF_SERVICE_INTENT) return null;
  try {
    await inviteParticipantToSelfService(opts.db, {
      actor: opts.actor,
      locality: opts.locality,
      personId: opts.personId,
      mail: opts.mail,
      baseUrl: opts.baseUrl,
      locale: opts.locale ?? opts.actor.locale,
    });
    return { ok: true, flashKey: 'me.invite.sent', anchor: '#self-service' };
  } catch (error) {
    if (error instanceof AppError && (error.code === 'DOMAIN_RULE' || error.code === 'CONFLICT'))
      return { ok: false, errors: { _form: error.messageKey }, status: error.status };
    throw error;
  }
}
