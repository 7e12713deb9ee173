import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { leaderQualifications } from '../../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../../lib/actor.ts';
import { writeAudit } from '../../../lib/audit.server.ts';
import { AppError } from '../../../lib/errors.ts';
import { todayInWarsaw } from '../../../lib/i18n/i18n.ts';
import { canManageLeaders } from './leaders.policy.ts';
import { certificatePrefix, nextCertificateNumber } from './qualification.rules.ts';
import { explainQualification, rowsOf, wouldCreateCycle } from './qualification.server.ts';

export type Ctx = { actor: Actor; locality: ActorLocality };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Grants the leader qualification to a member of a group following the leaders' programme
 * (staff). The figures that met the rule are kept on the row with a certificate number unique
 * in the locality (POZ/2026/007). Refused with the figures when the rule is not met, when the
 * person is already qualified, or when the grant would close a cycle in the cascade.
 */
export async function grantQualification(
  db: Db,
  ctx: Ctx & { groupId: string; personId: string; today?: string },
): Promise<{ id: string; certificateNumber: string }> {
  if (!canManageLeaders(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  if (!UUID.test(ctx.groupId) || !UUID.test(ctx.personId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const localityId = ctx.locality.localityId;
  const today = ctx.today ?? todayInWarsaw();
  return db.transaction(async (tx) => {
    // One grant at a time per locality, so certificate numbers follow each other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`leader-certificate:${localityId}`}))`);
    const [group] = await rowsOf<{ id: string; name: string; leaders: boolean; kind: string }>(
      tx,
      sql`select g.id, g.name, g.kind, coalesce(c.is_leaders_programme, false) as leaders
          from study_groups g left join curricula c on c.id = g.curriculum_id
          where g.id = ${ctx.groupId} and g.locality_id = ${localityId}`,
    );
    if (!group) throw new AppError('NOT_FOUND', 'errors.404.body');
    if (!group.leaders || !['leaders_course', 'self_education'].includes(group.kind))
      throw new AppError('DOMAIN_RULE', 'education.leaders.grant.notProgramme', { group: group.name });
    const e = await explainQualification(tx, { localityId, personId: ctx.personId, groupId: group.id });
    const progress = e.groups.find((g) => g.groupId === group.id);
    if (!progress) throw new AppError('NOT_FOUND', 'errors.404.body');
    if (e.qualification)
      throw new AppError('CONFLICT', 'education.leaders.grant.already', {
        name: e.personName,
        number: e.qualification.certificateNumber,
      });
    if (!progress.eligible) throw new AppError('DOMAIN_RULE', e.message.key, e.message.values);
    if (
      await wouldCreateCycle(tx, {
        localityId,
        personId: ctx.personId,
        groupId: group.id,
        as: 'qualification',
      })
    )
      throw new AppError('DOMAIN_RULE', 'education.leaders.grant.cycle', {
        name: e.personName,
        group: group.name,
      });
    const year = Number(today.slice(0, 4));
    const prefix = certificatePrefix(ctx.locality.slug);
    const existing = await rowsOf<{ n: string }>(
      tx,
      sql`select certificate_number as n from leader_qualifications
          where locality_id = ${localityId} and certificate_number like ${`${prefix}/${year}/%`}`,
    );
    const certificateNumber = nextCertificateNumber(
      prefix,
      year,
      existing.map((r) => r.n),
    );
    const values = {
      groupId: group.id,
      grantedOn: today,
      grantedBy: ctx.actor.userId,
      attendanceShare: progress.attendanceShare.toFixed(3),
      modulesShare: progress.modulesShare.toFixed(3),
      certificateNumber,
    };
    // A qualification revoked earlier is granted anew on the same row (one per person and
    // programme), with a new certificate number; the audit log keeps the earlier grant.
    const [revoked] = await tx
      .update(leaderQualifications)
      .set({ ...values, revokedAt: null })
      .where(
        and(
          eq(leaderQualifications.localityId, localityId),
          eq(leaderQualifications.personId, ctx.personId),
          eq(leaderQualifications.curriculumId, progress.curriculumId),
          isNotNull(leaderQualifications.revokedAt),
        ),
      )
      .returning({ id: leaderQualifications.id });
    const [row] = revoked
      ? [revoked]
      : await tx
          .insert(leaderQualifications)
          .values({ localityId, personId: ctx.personId, curriculumId: progress.curriculumId, ...values })
          .returning({ id: leaderQualifications.id });
    await writeAudit(tx, {
      actorUserId: ctx.actor.userId,
      localityId,
      requestId: ctx.actor.requestId,
      action: 'education.leader_qualification.grant',
      entityType: 'leader_qualification',
      entityId: row!.id,
      details: {
        personId: ctx.personId,
        groupId: group.id,
        certificateNumber,
        attendanceShare: progress.attendanceShare,
        modulesShare: progress.modulesShare,
        sessionsAttended: progress.sessionsAttended,
        sessionsHeld: progress.sessionsHeld,
        modulesCovered: progress.modulesCovered,
        modulesTotal: progress.modulesTotal,
        rule: { ...e.rule },
      },
    });
    return { id: row!.id, certificateNumber };
  });
}

export const REVOKE_REASON_MAX = 500;

/**
 * Revokes a leader qualification (staff), with the reason in the audit log. The person no longer
 * counts as a leader: they cannot be made facilitator of a new self-education group and the
 * cascade stops counting the groups they would start; groups they run now keep them. The
 * qualification can be granted again later when the rule is met.
 */
export async function revokeQualification(
  db: Db,
  ctx: Ctx & { qualificationId: string; reason: string },
): Promise<{ name: string; certificateNumber: string }> {
  if (!canManageLeaders(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  if (!UUID.test(ctx.qualificationId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const reason = ctx.reason.trim();
  if (!reason)
    throw new AppError(
      'BAD_REQUEST',
      'education.leaders.revoke.invalid',
      {},
      {
        reason: 'education.leaders.revoke.reasonRequired',
      },
    );
  if (reason.length > REVOKE_REASON_MAX)
    throw new AppError(
      'BAD_REQUEST',
      'education.leaders.revoke.invalid',
      {},
      {
        reason: { key: 'education.leaders.revoke.reasonTooLong', values: { max: REVOKE_REASON_MAX } },
      },
    );
  const localityId = ctx.locality.localityId;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(leaderQualifications)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(leaderQualifications.id, ctx.qualificationId),
          eq(leaderQualifications.localityId, localityId),
          isNull(leaderQualifications.revokedAt),
        ),
      )
      .returning({
        id: leaderQualifications.id,
        personId: leaderQualifications.personId,
        certificateNumber: leaderQualifications.certificateNumber,
      });
    if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
    const [person] = await rowsOf<{ name: string }>(
      tx,
      sql`select trim(given_name || ' ' || family_name) as name from people where id = ${row.personId}`,
    );
    await writeAudit(tx, {
      actorUserId: ctx.actor.userId,
      localityId,
      requestId: ctx.actor.requestId,
      action: 'education.leader_qualification.revoke',
      entityType: 'leader_qualification',
      entityId: row.id,
      details: { personId: row.personId, certificateNumber: row.certificateNumber, reason },
    });
    return { name: person?.name ?? '', certificateNumber: row.certificateNumber };
  });
}
