import { and, eq, inArray, isNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { localities, memberships, partnerships, programmeItems, users } from '../../../db/schema/index.ts';
import type { Locale } from '../../lib/i18n/catalog.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import type { MailQueue } from '../../lib/services.ts';

type Recipient = { email: string; locale: string };
type OverdueTask = {
  id: string;
  title: string;
  dueOn: string | null;
  partnershipId: string;
  partnershipName: string;
  localityId: string;
  localitySlug: string;
  responsibleOrganisationId: string | null;
  userEmail: string | null;
  userLocale: string | null;
};

/**
 * The daily reminder: every overdue task (due date passed, not done or cancelled) not yet
 * reminded today is claimed (`reminded_on` = today, so at most one reminder a day) and its
 * owner gets an e-mail in their language with the task, its due date and a link: the
 * responsible person; else the partner representatives of the responsible organisation; else
 * the locality's coordinators. One e-mail per person lists all of their overdue tasks.
 * Returns how many tasks were reminded about.
 */
export async function sendProgrammeReminders(
  db: Db,
  opts: { mail: MailQueue; today: string; baseUrl: string },
): Promise<number> {
  const claimed = await db
    .update(programmeItems)
    .set({ remindedOn: opts.today })
    .where(
      and(
        eq(programmeItems.level, 'task'),
        lt(programmeItems.dueOn, opts.today),
        notInArray(programmeItems.status, ['done', 'cancelled']),
        or(isNull(programmeItems.remindedOn), lt(programmeItems.remindedOn, opts.today)),
      ),
    )
    .returning({ id: programmeItems.id });
  if (claimed.length === 0) return 0;
  const tasks: OverdueTask[] = await db
    .select({
      id: programmeItems.id,
      title: programmeItems.title,
      dueOn: programmeItems.dueOn,
      partnershipId: partnerships.id,
      partnershipName: partnerships.name,
      localityId: localities.id,
      localitySlug: localities.slug,
      responsibleOrganisationId: programmeItems.responsibleOrganisationId,
      userEmail: sql<string | null>`case when ${users.active} then ${users.email} end`,
      userLocale: users.locale,
    })
    .from(programmeItems)
    .innerJoin(partnerships, eq(partnerships.id, programmeItems.partnershipId))
    .innerJoin(localities, eq(localities.id, programmeItems.localityId))
    .leftJoin(users, eq(users.id, programmeItems.responsibleUserId))
    .where(
      inArray(
        programmeItems.id,
        claimed.map((c) => c.id),
      ),
    )
    .orderBy(programmeItems.dueOn);
  const localityIds = [...new Set(tasks.map((t) => t.localityId))];
  // Partner representatives and coordinators of the localities concerned, in one statement.
  const people = await db
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
        inArray(memberships.localityId, localityIds),
        inArray(memberships.role, ['partner_rep', 'coordinator']),
        eq(users.active, true),
      ),
    );
  const byRecipient = new Map<string, { recipient: Recipient; tasks: OverdueTask[] }>();
  const add = (r: Recipient, task: OverdueTask) => {
    const entry = byRecipient.get(r.email) ?? { recipient: r, tasks: [] };
    entry.tasks.push(task);
    byRecipient.set(r.email, entry);
  };
  for (const task of tasks) {
    if (task.userEmail) {
      add({ email: task.userEmail, locale: task.userLocale ?? 'pl' }, task);
      continue;
    }
    const reps = task.responsibleOrganisationId
      ? people.filter(
          (p) =>
            p.role === 'partner_rep' &&
            p.localityId === task.localityId &&
            p.organisationId === task.responsibleOrganisationId,
        )
      : [];
    const owners =
      reps.length > 0
        ? reps
        : people.filter((p) => p.role === 'coordinator' && p.localityId === task.localityId);
    for (const o of owners) add(o, task);
  }
  for (const { recipient, tasks: own } of byRecipient.values()) {
    const locale: Locale = recipient.locale === 'en' ? 'en' : 'pl';
    const { t, date } = getI18n(locale);
    const lines = own.map((task) =>
      t('programme.mail.overdue.line', {
        title: task.title,
        partnership: task.partnershipName,
        due: date(task.dueOn),
        link: `${opts.baseUrl}/app/${task.localitySlug}/partnerships/${task.partnershipId}/programme/${task.id}`,
      }),
    );
    await opts.mail.send({
      to: recipient.email,
      subject: t('programme.mail.overdue.subject', { count: own.length }),
      text: t('programme.mail.overdue.body', { count: own.length, tasks: lines.join('\n\n') }),
    });
  }
  return tasks.length;
}
