import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import {
  auditLog,
  enterpriseStatusDecisions,
  enterprises,
  localities,
  memberships,
  organisations,
  users,
} from '../../../../db/schema/index.ts';
import { writeAudit } from '../../../lib/audit.server.ts';
import { getI18n } from '../../../lib/i18n/i18n.ts';
import { legalParameter } from '../../../lib/legal-parameters.server.ts';
import type { MailQueue } from '../../../lib/services.ts';
import { psStatusOn } from '../legal/enterprise.rules.ts';
import type { AnnualReportValue } from '../legal/legal.types.ts';
import { annualReportDue } from '../legal/status.rules.ts';

export const ANNUAL_REPORT_REMINDER = 'enterprise.annual_report_reminder';

/**
 * The daily task: from the reminder day of `ps.annualReport` (1 March) to the due day (31 March),
 * every enterprise holding the PS status gets one reminder a year, sent to the locality's
 * coordinators and the enterprise's members with accounts. Each enterprise's reminder is recorded
 * in the audit log (action `enterprise.annual_report_reminder`, details.year), which keeps it from
 * being sent twice. The e-mail names the enterprise, the year and the due day; no personal data.
 */
export async function sendAnnualReportReminders(
  db: Db,
  opts: { mail: MailQueue; today: string; baseUrl: string },
): Promise<number> {
  const param = await legalParameter<AnnualReportValue>(db, 'ps.annualReport', opts.today);
  const due = annualReportDue(opts.today, {
    annualReport: {
      key: param.key,
      value: param.value,
      validFrom: param.validFrom,
      source: param.source,
      verified: param.verified,
    },
  });
  if (!due.remind) return 0;
  const year = String(due.reportYear);
  const candidates = await db
    .select({
      id: enterprises.id,
      localityId: enterprises.localityId,
      slug: localities.slug,
      organisationId: enterprises.organisationId,
      name: organisations.name,
    })
    .from(enterprises)
    .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
    .innerJoin(localities, eq(localities.id, enterprises.localityId))
    .where(
      and(
        sql`(${enterprises.closedOn} is null or ${enterprises.closedOn} > ${opts.today})`,
        sql`not exists (select 1 from audit_log a where a.action = ${ANNUAL_REPORT_REMINDER} and a.entity_id = ${enterprises.id}::text and a.details->>'year' = ${year})`,
      ),
    );
  if (candidates.length === 0) return 0;
  const decisions = await db
    .select({
      enterpriseId: enterpriseStatusDecisions.enterpriseId,
      kind: enterpriseStatusDecisions.kind,
      decidedOn: enterpriseStatusDecisions.decidedOn,
      finalOn: enterpriseStatusDecisions.finalOn,
      validUntil: enterpriseStatusDecisions.validUntil,
    })
    .from(enterpriseStatusDecisions)
    .where(
      inArray(
        enterpriseStatusDecisions.enterpriseId,
        candidates.map((c) => c.id),
      ),
    );
  const holders = candidates.filter(
    (c) =>
      psStatusOn(
        decisions.filter((d) => d.enterpriseId === c.id),
        opts.today,
      )?.kind === 'ps_granted',
  );
  if (holders.length === 0) return 0;
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
        inArray(memberships.localityId, [...new Set(holders.map((h) => h.localityId))]),
        or(eq(memberships.role, 'coordinator'), eq(memberships.role, 'enterprise_member')),
        eq(users.active, true),
      ),
    );
  let sent = 0;
  for (const h of holders) {
    // Record first (one row per enterprise and year), so a crash cannot send it twice.
    await db.transaction(async (tx) => {
      const [already] = await tx
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.action, ANNUAL_REPORT_REMINDER),
            eq(auditLog.entityId, h.id),
            sql`${auditLog.details}->>'year' = ${year}`,
          ),
        )
        .limit(1);
      if (already) return;
      await writeAudit(tx, {
        actorUserId: null,
        localityId: h.localityId,
        requestId: null,
        action: ANNUAL_REPORT_REMINDER,
        entityType: 'enterprise',
        entityId: h.id,
        details: { year: due.reportYear, dueOn: due.dueOn },
      });
      const to = recipients.filter(
        (r) =>
          r.localityId === h.localityId &&
          (r.role === 'coordinator' ||
            (r.role === 'enterprise_member' && r.organisationId === h.organisationId)),
      );
      const seen = new Set<string>();
      for (const r of to) {
        if (seen.has(r.email)) continue;
        seen.add(r.email);
        const { t, dateLong } = getI18n(r.locale === 'en' ? 'en' : 'pl');
        await opts.mail.send({
          to: r.email,
          subject: t('costs.annual.mail.subject', { year: String(due.reportYear), name: h.name }),
          text: t('costs.annual.mail.body', {
            year: String(due.reportYear),
            name: h.name,
            dueOn: dateLong(due.dueOn),
            link: `${opts.baseUrl}/app/${h.slug}/enterprises/${h.id}/annual-report?year=${due.reportYear}`,
          }),
        });
      }
      sent += 1;
    });
  }
  return sent;
}
