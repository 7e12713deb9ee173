import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { memberships, organisations, users } from '../../../db/schema/index.ts';
import { isLocale } from '../../lib/i18n/catalog.ts';
import { getI18n, type Locale } from '../../lib/i18n/i18n.ts';
import { errorFields, log } from '../../lib/logger.ts';
import type { Mail, MailQueue } from '../../lib/services.ts';

/** How a use case sends its notices; null (the demo seed) sends none. */
export type Notify = { mail: MailQueue; baseUrl: string } | null;

const REPRESENTATIVE_ROLES = ['partner_rep', 'enterprise_member'];

type Recipient = { email: string; locale: Locale; hasAccount: boolean };

/**
 * Who hears of a new referral: the accounts linked to the receiving organisation, each in its
 * language; when it has none, the organisation's e-mail from the directory (in Polish). One statement.
 */
export async function receivingRecipients(
  db: Db,
  opts: { localityId: string; organisationId: string },
): Promise<Recipient[]> {
  const rows = await db
    .select({ email: users.email, locale: users.locale, orgEmail: organisations.email })
    .from(organisations)
    .leftJoin(
      memberships,
      and(
        eq(memberships.organisationId, organisations.id),
        eq(memberships.localityId, organisations.localityId),
        inArray(memberships.role, REPRESENTATIVE_ROLES),
      ),
    )
    .leftJoin(users, and(eq(users.id, memberships.userId), eq(users.active, true)))
    .where(and(eq(organisations.id, opts.organisationId), eq(organisations.localityId, opts.localityId)));
  const accounts = new Map<string, Recipient>();
  for (const r of rows)
    if (r.email)
      accounts.set(r.email, {
        email: r.email,
        locale: isLocale(r.locale) ? r.locale : 'pl',
        hasAccount: true,
      });
  if (accounts.size > 0) return [...accounts.values()];
  const orgEmail = rows[0]?.orgEmail?.trim();
  return orgEmail ? [{ email: orgEmail, locale: 'pl', hasAccount: false }] : [];
}

/**
 * The notice of a new referral: who sends it and a link, never the person's data (the
 * receiving side reads those after signing in, and that read is audited).
 */
export function newReferralMail(opts: {
  recipient: Recipient;
  fromName: string | null;
  toName: string;
  localityName: string;
  link: string;
  sender: { name: string; email: string };
}): Mail {
  const { t } = getI18n(opts.recipient.locale);
  const from = opts.fromName ?? t('referrals.mail.fromCentre', { locality: opts.localityName });
  const lines = [
    t('referrals.mail.greeting'),
    '',
    t('referrals.mail.new.intro', { from, to: opts.toName }),
    '',
    opts.recipient.hasAccount
      ? t('referrals.mail.new.signIn', { link: opts.link })
      : t('referrals.mail.new.noAccount', { name: opts.sender.name, email: opts.sender.email }),
    '',
    t('referrals.mail.new.privacy'),
  ];
  return {
    to: opts.recipient.email,
    subject: t('referrals.mail.new.subject', { from }),
    text: lines.join('\n'),
  };
}

/** The notice to the sender that the receiving side accepted or declined (no personal data either). */
export function answerMail(opts: {
  to: { email: string; locale: Locale };
  decision: 'accepted' | 'declined';
  toName: string;
  link: string;
}): Mail {
  const { t } = getI18n(opts.to.locale);
  const key =
    opts.decision === 'accepted' ? 'referrals.mail.answer.accepted' : 'referrals.mail.answer.declined';
  return {
    to: opts.to.email,
    subject: t(
      opts.decision === 'accepted'
        ? 'referrals.mail.answer.acceptedSubject'
        : 'referrals.mail.answer.declinedSubject',
      { to: opts.toName },
    ),
    text: [
      t('referrals.mail.greeting'),
      '',
      t(key, { to: opts.toName }),
      '',
      t('referrals.mail.answer.link', { link: opts.link }),
    ].join('\n'),
  };
}

/** Queues the notices after the transaction: a failing queue never undoes a saved referral. */
export async function sendAll(mail: MailQueue, mails: Mail[], context: Record<string, unknown>) {
  for (const m of mails) {
    try {
      await mail.send(m);
    } catch (error) {
      log('error', 'referral notice not queued', { ...context, ...errorFields(error) });
    }
  }
}

export function referralLink(baseUrl: string, localitySlug: string, id: string) {
  return `${baseUrl}/app/${localitySlug}/referrals/${id}`;
}
