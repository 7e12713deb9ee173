import type { Db } from '../../../db/client.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import { canEditEnterprise, canManageEnterprises } from './enterprises.policy.ts';
import { getEnterprise, listJobs } from './enterprises.queries.server.ts';
import {
  breakEven,
  jobFigures,
  KEEP_REMINDER_PARAMETER,
  type KeepReminderParameter,
  lastMonths,
  ownRevenueShare,
  runway,
  trajectory,
} from './enterprises.rules.ts';
import { type Ctx, requireEnterprise } from './enterprises.server.ts';

/** The period of "jobs created": the calendar year so far. */
export function yearPeriod(today: string) {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * Everything an enterprise's pages show: the profile, members, decisions, the trajectory and the
 * jobs with their figures. The read of members' and workers' data is audited.
 */
export async function loadEnterprisePage(db: Db, ctx: Ctx & { id: string; today: string; purpose: string }) {
  const ref = await requireEnterprise(db, ctx, ctx.id);
  const [data, jobs, param] = await Promise.all([
    getEnterprise(db, { localityId: ctx.locality.localityId, id: ref.id }),
    listJobs(db, { localityId: ctx.locality.localityId, enterpriseId: ref.id, organisationIds: null }),
    legalParameter<KeepReminderParameter>(db, KEEP_REMINDER_PARAMETER, ctx.today),
  ]);
  if (!data) throw new AppError('NOT_FOUND', 'errors.404.body');
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action: 'enterprise.read',
    entityType: 'enterprise',
    entityId: ref.id,
    details: { purpose: ctx.purpose },
  });
  const points = trajectory(data.figures, data.profile.openingCash);
  return {
    ...data,
    jobs,
    points,
    share3: ownRevenueShare(lastMonths(data.figures, 3)),
    runway: runway(data.figures, data.profile.openingCash),
    breakEven: breakEven(data.figures),
    jobFigures: jobFigures(jobs, ctx.today, yearPeriod(ctx.today), param.value.soonWindowDays),
    shareCapitalTotal: data.members.filter((m) => !m.leftOn).reduce((s, m) => s + m.shareCapital, 0),
    canEdit: canEditEnterprise(ctx.actor, ctx.locality, ref),
    canManage: canManageEnterprises(ctx.actor, ctx.locality),
  };
}
