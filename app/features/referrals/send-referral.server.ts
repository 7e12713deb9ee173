import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import {
  organisations,
  participantConsents,
  participants,
  people,
  referrals,
} from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';
import { parseForm } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { sendReferralSchema, shareConsentFor } from './referral.rules.ts';
import {
  type Notify,
  newReferralMail,
  receivingRecipients,
  referralLink,
  sendAll,
} from './referral-mail.server.ts';
import { canSendReferrals } from './referrals.policy.ts';
import { UUID } from './referrals.queries.server.ts';

export type Ctx = { actor: Actor; locality: ActorLocality };

/** Validates plain form values with a schema; field errors come back as one AppError. */
export function validate<S extends z.ZodType>(values: Record<string, string>, schema: S): z.output<S> {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  const parsed = parseForm(form, schema);
  if (!parsed.ok) throw new AppError('BAD_REQUEST', 'referrals.form.invalid', {}, parsed.errors);
  return parsed.data;
}

const fieldError = (
  code: 'BAD_REQUEST' | 'DOMAIN_RULE',
  field: string,
  key: MessageKey,
  values: Record<string, string> = {},
) => new AppError(code, key, values, { [field]: { key, values } });

/**
 * Sends a referral of a participant from one organisation of the locality's directory (or
 * none: the Centre itself) to another. Only with the person's share_partner consent for the
 * receiving organisation still in force; the referral keeps that consent's id. Written and
 * audited in one transaction; the receiving side is told by e-mail (no personal data in it).
 */
export async function sendReferral(
  db: Db,
  ctx: Ctx & { personId: string; values: Record<string, string>; today: string; notify: Notify },
): Promise<string> {
  if (!canSendReferrals(ctx.actor, ctx.locality)) throw forbidden();
  if (!UUID.test(ctx.personId)) throw notFound();
  const input = validate(ctx.values, sendReferralSchema);
  const localityId = ctx.locality.localityId;
  const result = await db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: people.id })
      .from(participants)
      .innerJoin(people, eq(people.id, participants.personId))
      .where(
        and(
          eq(participants.personId, ctx.personId),
          eq(participants.localityId, localityId),
          isNull(people.erasedAt),
        ),
      )
      .limit(1);
    if (!person) throw notFound();
    const ids = [input.toOrganisationId, ...(input.fromOrganisationId ? [input.fromOrganisationId] : [])];
    const orgs = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.localityId, localityId), inArray(organisations.id, ids)));
    const to = orgs.find((o) => o.id === input.toOrganisationId);
    if (!to) throw fieldError('BAD_REQUEST', 'toOrganisationId', 'referrals.form.to.required');
    const from = input.fromOrganisationId ? orgs.find((o) => o.id === input.fromOrganisationId) : null;
    if (input.fromOrganisationId && !from)
      throw fieldError('BAD_REQUEST', 'fromOrganisationId', 'referrals.form.from.invalid');
    const consents = await tx
      .select({
        id: participantConsents.id,
        purpose: participantConsents.purpose,
        organisationId: participantConsents.organisationId,
        givenOn: participantConsents.givenOn,
        withdrawnOn: participantConsents.withdrawnOn,
      })
      .from(participantConsents)
      .where(
        and(
          eq(participantConsents.personId, person.id),
          eq(participantConsents.localityId, localityId),
          eq(participantConsents.purpose, 'share_partner'),
          eq(participantConsents.organisationId, to.id),
        ),
      );
    const consent = shareConsentFor(consents, to.id);
    if (!consent.ok)
      throw consent.withdrawnOn
        ? fieldError('DOMAIN_RULE', 'toOrganisationId', 'referrals.send.consentWithdrawn', {
            organisation: to.name,
            date: dateInputValue(consent.withdrawnOn),
          })
        : fieldError('DOMAIN_RULE', 'toOrganisationId', 'referrals.send.noConsent', {
            organisation: to.name,
          });
    const [row] = await tx
      .insert(referrals)
      .values({
        localityId,
        personId: person.id,
        fromOrganisationId: from?.id ?? null,
        toOrganisationId: to.id,
        consentId: consent.consent.id,
        reason: input.reason,
        sharedNote: input.sharedNote,
        shareContact: input.shareContact,
        status: 'sent',
        sentOn: ctx.today,
        sentBy: ctx.actor.userId,
      })
      .returning({ id: referrals.id });
    await writeAudit(tx, {
      actorUserId: ctx.actor.userId,
      localityId,
      requestId: ctx.actor.requestId,
      action: 'referral.send',
      entityType: 'referral',
      entityId: row!.id,
      details: {
        personId: person.id,
        fromOrganisationId: from?.id ?? null,
        toOrganisationId: to.id,
        consentId: consent.consent.id,
        shareContact: input.shareContact,
      },
    });
    return { id: row!.id, to, from: from ?? null };
  });
  if (ctx.notify) {
    const recipients = await receivingRecipients(db, { localityId, organisationId: result.to.id });
    const link = referralLink(ctx.notify.baseUrl, ctx.locality.slug, result.id);
    await sendAll(
      ctx.notify.mail,
      recipients.map((recipient) =>
        newReferralMail({
          recipient,
          fromName: result.from?.name ?? null,
          toName: result.to.name,
          localityName: ctx.locality.name,
          link,
          sender: { name: ctx.actor.name, email: ctx.actor.email },
        }),
      ),
      { referralId: result.id },
    );
  }
  return result.id;
}
