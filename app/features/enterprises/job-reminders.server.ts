import { and, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  enterpriseJobs,
  enterprises,
  localities,
  memberships,
  organisations,
  users,
} from '../../../db/schema/index.ts';
import { LOCALES, type Locale } from '../../lib/i18n/catalog.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import type { MailQueue } from '../../lib/services.ts';
import {
  addDays,
  KEEP_REMINDER_PARAMETER,
  type KeepReminderParameter,
  reminderDue,
} from './enterprises.rules.ts';

/**
 * Daily: e-mails the locality's coordinators and the enterprise's members with an account N days
 * before a job's keep-until date (N from `jobs.keepReminderDays`), once per reminder day; the
 * job is marked so the same reminder is not repeated. The mail names the position and the
 * enterprise, never the person or their category.
 */
export async function sendJobKeepReminders(
  db: Db,
  opts: { mail: MailQueue; today: string; baseUrl: string },
): Promise<number> {
  const param = await legalParameter<KeepReminderParameter>(db, KEEP_REMINDER_PARAMETER, opts.today);
  const days = param.value.days;
  if (days.length === 0) return 0;
  const horizon = addDays(opts.today, Math.max(...days));
  const candidates = await db
    .select({
      id: enterpriseJobs.id,
      position: enterpriseJobs.position,
      keepUntil: enterpriseJobs.keepUntil,
      sentAt: enterpriseJobs.keepReminderSentAt,
      enterpriseId: enterprises.id,
      organisationId: enterprises.organisationId,
      enterpriseName: organisations.name,
      localityId: enterpriseJobs.localityId,
      localitySlug: localities.slug,
    })
    .from(enterpriseJobs)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseJobs.enterpriseId))
    .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
    .innerJoin(localities, eq(localities.id, enterpriseJobs.localityId))
    .where(
      and(
        gte(enterpriseJobs.keepUntil, opts.today),
        lte(enterpriseJobs.keepUntil, horizon),
        or(isNull(enterpriseJobs.endOn), gte(enterpriseJobs.endOn, opts.today)),
      ),
    );
  // Due: the reminder day reached today was not covered by an earlier mail.
  const due = candidates.filter((c) => {
    const stage = reminderDue(c.keepUntil, opts.today, days);
    if (stage === null) return false;
    if (!c.sentAt) return true;
    const sentOn = c.sentAt.toISOString().slice(0, 10);
    return sentOn < addDays(c.keepUntil!, -stage);
  });
  if (due.length === 0) return 0;
  const claimed = await db
    .update(enterpriseJobs)
    .set({ keepReminderSentAt: new Date() })
    .where(
      inArray(
        enterpriseJobs.id,
        due.map((d) => d.id),
      ),
    )
    .returning({ id: enterpriseJobs.id });
  const ids = new Set(claimed.map((c) => c.id));
  const jobs = due.filter((d) => ids.has(d.id));
  const recipients = await db
    .select({
      localityId: memberships.localityId,
      role: memberships.role,
      organisationId: memberships.organisationId,
      email: users.email,
      locale: users.locale,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(memberships.localityId, [...new Set(jobs.map((j) => j.localityId))]),
        inArray(memberships.role, ['coordinator', 'enterprise_member']),
        eq(users.active, true),
      ),
    );
  let sent = 0;
  for (const job of jobs) {
    const to = recipients.filter(
      (r) =>
        r.localityId === job.localityId &&
        (r.role === 'coordinator' ||
          (r.role === 'enterprise_member' && r.organisationId === job.organisationId)),
    );
    for (const email of new Set(to.map((r) => r.email))) {
      const r = to.find((x) => x.email === email)!;
      const locale: Locale = (LOCALES as readonly string[]).includes(r.locale) ? (r.locale as Locale) : 'pl';
      const i18n = getI18n(locale);
      const values = {
        position: job.position,
        enterprise: job.enterpriseName,
        date: i18n.dateLong(job.keepUntil),
        link: `${opts.baseUrl}/app/${job.localitySlug}/enterprises/${job.enterpriseId}/jobs`,
      };
      await opts.mail.send({
        to: email,
        subject: i18n.t('enterprises.reminder.subject', values),
        text: i18n.t('enterprises.reminder.body', values),
      });
      sent++;
    }
  }
  return sent;
}
