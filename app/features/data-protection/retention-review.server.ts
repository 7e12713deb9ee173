import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { localities, memberships, users } from '../../../db/schema/index.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import type { Locale } from '../../lib/i18n/catalog.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import type { MailQueue } from '../../lib/services.ts';
import { RETENTION_PARAMETER, type RetentionParameter } from './person-data.server.ts';

/** Days between two reminders to the same locality. */
export const REMINDER_INTERVAL_DAYS = 7;

/** `YYYY-MM-DD` minus `days`. */
function daysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * The daily retention review: each locality with erasure requests waiting or participants
 * past the retention period (parameter participants.retentionYears) gets an e-mail to its
 * coordinators, in each one's language, with the counts and a link to the data-protection
 * page — never names. At most once a week per locality: every reminder is an audit entry
 * 'retention.reminded' carrying the day, and a locality reminded within the last seven days
 * is skipped, so a retry or a second server the same day sends nothing. Four SQL statements
 * plus one audit row per locality reminded. Returns how many localities were reminded.
 */
export async function retentionReview(
  db: Db,
  opts: { mail: MailQueue; today: string; baseUrl: string },
): Promise<number> {
  const param = await legalParameter<RetentionParameter>(db, RETENTION_PARAMETER, opts.today);
  const year = Number(opts.today.slice(0, 4));
  const since = daysBefore(opts.today, REMINDER_INTERVAL_DAYS - 1);
  const due = await db
    .select({
      id: localities.id,
      slug: localities.slug,
      name: localities.name,
      pending: sql<number>`(select count(*)::int from erasure_requests er
        where er.locality_id = localities.id and er.status = 'pending')`,
      past: sql<number>`(select count(*)::int from participants pa
        join people pe on pe.id = pa.person_id
        where pa.locality_id = localities.id and pa.status = 'closed' and pa.closed_on is not null
          and pe.erased_at is null
          and extract(year from pa.closed_on)::int + ${param.value.years}::int < ${year}::int)`,
      remindedRecently: sql<boolean>`exists (select 1 from audit_log al
        where al.locality_id = localities.id and al.action = 'retention.reminded'
          and al.details->>'on' >= ${since}::text and al.details->>'on' <= ${opts.today}::text)`,
    })
    .from(localities);
  const toRemind = due.filter((l) => !l.remindedRecently && (l.pending > 0 || l.past > 0));
  if (toRemind.length === 0) return 0;
  const coordinators = await db
    .select({ localityId: memberships.localityId, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(
          memberships.localityId,
          toRemind.map((l) => l.id),
        ),
        eq(memberships.role, 'coordinator'),
        eq(users.active, true),
      ),
    );
  let reminded = 0;
  for (const l of toRemind) {
    const link = `${opts.baseUrl}/app/${l.slug}/data-protection`;
    for (const c of coordinators.filter((x) => x.localityId === l.id)) {
      const { t } = getI18n((c.locale === 'en' ? 'en' : 'pl') satisfies Locale);
      await opts.mail.send({
        to: c.email,
        subject: t('participants.dp.mail.review.subject', { locality: l.name }),
        text: t('participants.dp.mail.review.body', {
          locality: l.name,
          pending: l.pending,
          past: l.past,
          link,
        }),
      });
    }
    await writeAudit(db, {
      actorUserId: null,
      localityId: l.id,
      requestId: null,
      action: 'retention.reminded',
      entityType: 'locality',
      entityId: l.id,
      details: { on: opts.today, pending: l.pending, past: l.past },
    });
    reminded += 1;
  }
  return reminded;
}
