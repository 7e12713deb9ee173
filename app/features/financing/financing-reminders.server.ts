import { and, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { fundingApplications, grants, localities, memberships, users } from '../../../db/schema/index.ts';
import type { Locale } from '../../lib/i18n/catalog.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import type { MailQueue } from '../../lib/services.ts';
import { addDays, daysBetween, REMINDERS_PARAMETER, type RemindersParameter } from './financing.rules.ts';

type Item = {
  kind: 'deadline' | 'obligation';
  id: string;
  title: string;
  due: string;
  localityId: string;
  slug: string;
};

/**
 * The daily financing reminder: planned applications whose deadline is within
 * `deadlineDaysBefore` days and grants whose obligation ends within `obligationDaysBefore` days
 * (the dated parameter `financing.reminders`) are claimed once (`*_reminder_sent_at`, so never
 * repeated) and the locality's coordinators get one e-mail each in their language, with titles,
 * dates and links only. Returns how many applications and grants were reminded about.
 */
export async function sendFinancingReminders(
  db: Db,
  opts: { mail: MailQueue; today: string; baseUrl: string },
): Promise<number> {
  const param = (await legalParameter<RemindersParameter>(db, REMINDERS_PARAMETER, opts.today)).value;
  const deadlineHorizon = addDays(opts.today, param.deadlineDaysBefore);
  const obligationHorizon = addDays(opts.today, param.obligationDaysBefore);
  const items = await db.transaction(async (tx) => {
    const apps = await tx
      .update(fundingApplications)
      .set({ deadlineReminderSentAt: sql`now()` })
      .where(
        and(
          eq(fundingApplications.status, 'planned'),
          isNull(fundingApplications.deadlineReminderSentAt),
          gte(fundingApplications.deadline, opts.today),
          lte(fundingApplications.deadline, deadlineHorizon),
        ),
      )
      .returning({
        id: fundingApplications.id,
        title: fundingApplications.callName,
        due: fundingApplications.deadline,
        localityId: fundingApplications.localityId,
      });
    const obligations = await tx
      .update(grants)
      .set({ obligationReminderSentAt: sql`now()` })
      .where(
        and(
          isNotNull(grants.obligationUntil),
          isNull(grants.obligationReminderSentAt),
          gte(grants.obligationUntil, opts.today),
          lte(grants.obligationUntil, obligationHorizon),
        ),
      )
      .returning({
        id: grants.id,
        title: grants.title,
        due: grants.obligationUntil,
        localityId: grants.localityId,
      });
    return [
      ...apps.map((a) => ({ kind: 'deadline' as const, ...a })),
      ...obligations.map((g) => ({ kind: 'obligation' as const, ...g, due: g.due as string })),
    ];
  });
  if (items.length === 0) return 0;
  const localityIds = [...new Set(items.map((i) => i.localityId))];
  const [places, coordinators] = await Promise.all([
    db
      .select({ id: localities.id, slug: localities.slug })
      .from(localities)
      .where(inArray(localities.id, localityIds)),
    db
      .select({ localityId: memberships.localityId, email: users.email, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          inArray(memberships.localityId, localityIds),
          eq(memberships.role, 'coordinator'),
          eq(users.active, true),
        ),
      ),
  ]);
  const slug = new Map(places.map((p) => [p.id, p.slug]));
  const withSlug: Item[] = items.map((i) => ({ ...i, slug: slug.get(i.localityId) ?? '' }));
  for (const c of coordinators) {
    const own = withSlug.filter((i) => i.localityId === c.localityId);
    if (own.length === 0) continue;
    const locale: Locale = c.locale === 'en' ? 'en' : 'pl';
    const { t, date } = getI18n(locale);
    const lines = own.map((i) =>
      t(i.kind === 'deadline' ? 'financing.mail.deadlineLine' : 'financing.mail.obligationLine', {
        title: i.title,
        due: date(i.due),
        count: daysBetween(opts.today, i.due),
        link:
          i.kind === 'deadline'
            ? `${opts.baseUrl}/app/${i.slug}/financing/applications/${i.id}`
            : `${opts.baseUrl}/app/${i.slug}/financing/grants/${i.id}`,
      }),
    );
    await opts.mail.send({
      to: c.email,
      subject: t('financing.mail.subject', { count: own.length }),
      text: t('financing.mail.body', { count: own.length, items: lines.join('\n\n') }),
    });
  }
  return items.length;
}
