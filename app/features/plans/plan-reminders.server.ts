import { and, eq, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  localities,
  memberships,
  people,
  supportPlanReviews,
  supportPlans,
  users,
} from '../../../db/schema/index.ts';
import type { Locale } from '../../lib/i18n/catalog.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import type { MailQueue } from '../../lib/services.ts';
import { addDays, daysBetween, REVIEW_PARAMETER, type ReviewParameter } from './plans.rules.ts';

type Recipient = { email: string; locale: string };
type DueReview = {
  id: string;
  dueOn: string;
  planId: string;
  personId: string;
  givenName: string;
  familyName: string;
  localityId: string;
  localitySlug: string;
  userEmail: string | null;
  userLocale: string | null;
};

/** Initials only ("A. N."): the e-mail points to the plan; the person's data stay in Splot. */
function initials(given: string, family: string) {
  return [given, family]
    .map((n) => n.trim().charAt(0).toUpperCase())
    .filter(Boolean)
    .map((c) => `${c}.`)
    .join(' ');
}

/**
 * The daily reminder about plan reviews: every review not held, of an open plan, due within
 * `remindDaysBefore` days (the dated parameter `supportPlans.review`) or overdue, and not yet
 * reminded today, is claimed (`reminded_on` = today, so at most one reminder a day) and the
 * plan's responsible staff member gets one e-mail in their language listing their reviews, each
 * with its date, "overdue" or "in n days", and a link. A plan without an active responsible
 * person goes to the locality's coordinators. Returns how many reviews were reminded about.
 */
export async function sendPlanReviewReminders(
  db: Db,
  opts: { mail: MailQueue; today: string; baseUrl: string },
): Promise<number> {
  const param = await legalParameter<ReviewParameter>(db, REVIEW_PARAMETER, opts.today);
  const horizon = addDays(opts.today, param.value.remindDaysBefore);
  const claimed = await db
    .update(supportPlanReviews)
    .set({ remindedOn: opts.today })
    .where(
      and(
        isNull(supportPlanReviews.heldOn),
        lte(supportPlanReviews.dueOn, horizon),
        or(isNull(supportPlanReviews.remindedOn), lt(supportPlanReviews.remindedOn, opts.today)),
        sql`exists (select 1 from support_plans p where p.id = support_plan_reviews.plan_id and p.step <> 'closed')`,
      ),
    )
    .returning({ id: supportPlanReviews.id });
  if (claimed.length === 0) return 0;
  const reviews: DueReview[] = await db
    .select({
      id: supportPlanReviews.id,
      dueOn: supportPlanReviews.dueOn,
      planId: supportPlans.id,
      personId: supportPlans.personId,
      givenName: people.givenName,
      familyName: people.familyName,
      localityId: localities.id,
      localitySlug: localities.slug,
      userEmail: sql<string | null>`case when ${users.active} then ${users.email} end`,
      userLocale: users.locale,
    })
    .from(supportPlanReviews)
    .innerJoin(supportPlans, eq(supportPlans.id, supportPlanReviews.planId))
    .innerJoin(people, eq(people.id, supportPlans.personId))
    .innerJoin(localities, eq(localities.id, supportPlans.localityId))
    .leftJoin(users, eq(users.id, supportPlans.responsibleUserId))
    .where(
      and(
        inArray(
          supportPlanReviews.id,
          claimed.map((c) => c.id),
        ),
        ne(supportPlans.step, 'closed'),
        isNull(people.erasedAt),
      ),
    )
    .orderBy(supportPlanReviews.dueOn, supportPlanReviews.id);
  const orphanLocalities = [...new Set(reviews.filter((r) => !r.userEmail).map((r) => r.localityId))];
  const coordinators =
    orphanLocalities.length > 0
      ? await db
          .select({ localityId: memberships.localityId, email: users.email, locale: users.locale })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(
            and(
              inArray(memberships.localityId, orphanLocalities),
              eq(memberships.role, 'coordinator'),
              eq(users.active, true),
            ),
          )
      : [];
  const byRecipient = new Map<string, { recipient: Recipient; reviews: DueReview[] }>();
  const add = (r: Recipient, review: DueReview) => {
    const entry = byRecipient.get(r.email) ?? { recipient: r, reviews: [] };
    entry.reviews.push(review);
    byRecipient.set(r.email, entry);
  };
  for (const review of reviews) {
    if (review.userEmail) add({ email: review.userEmail, locale: review.userLocale ?? 'pl' }, review);
    else for (const c of coordinators.filter((x) => x.localityId === review.localityId)) add(c, review);
  }
  for (const { recipient, reviews: own } of byRecipient.values()) {
    const locale: Locale = recipient.locale === 'en' ? 'en' : 'pl';
    const { t, date } = getI18n(locale);
    const lines = own.map((r) => {
      const days = daysBetween(opts.today, r.dueOn);
      return t('plans.mail.reminder.line', {
        person: initials(r.givenName, r.familyName),
        due: date(r.dueOn),
        when:
          days < 0
            ? t('plans.mail.reminder.overdue', { count: -days })
            : days === 0
              ? t('plans.mail.reminder.today')
              : t('plans.mail.reminder.inDays', { count: days }),
        link: `${opts.baseUrl}/app/${r.localitySlug}/participants/${r.personId}/plans/${r.planId}`,
      });
    });
    await opts.mail.send({
      to: recipient.email,
      subject: t('plans.mail.reminder.subject', { count: own.length }),
      text: t('plans.mail.reminder.body', { count: own.length, reviews: lines.join('\n\n') }),
    });
  }
  return reviews.length;
}
