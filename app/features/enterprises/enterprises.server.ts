import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  enterpriseJobs,
  enterpriseMembers,
  enterpriseMonthlyFigures,
  enterpriseStatusDecisions,
  enterprises,
  grants,
  organisations,
  participantCategories,
  people,
} from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, parseForm } from '../../lib/forms.ts';
import type { MailQueue } from '../../lib/services.ts';
import { decisionSchema, figuresSchema, memberSchema, profileSchema } from './enterprise.schema.ts';
import { canEditEnterprise, canManageEnterprises, canSeeEnterprise } from './enterprises.policy.ts';
import { fteOverlap, keepUntilFor } from './enterprises.rules.ts';
import { jobSchema } from './job.schema.ts';
import { recheckEnterprise } from './legal/legal.server.ts';

export type Ctx = { actor: Actor; locality: ActorLocality };
/** Where the status re-check after a change sends its notice (omitted: no re-check, e.g. in the seed). */
export type Recheck = { mail: MailQueue; baseUrl: string; today: string };

/** A day as written in both languages' messages (27.03.2027). */
const dayLabel = (iso: string) => `${Number(iso.slice(8, 10))}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toForm(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
}

function invalid(errors: FieldErrors): never {
  throw new AppError('BAD_REQUEST', 'enterprises.form.invalid', {}, errors);
}

function throwIfErrors(errors: FieldErrors) {
  if (Object.keys(errors).length) invalid(errors);
}

async function audit(db: Db, ctx: Ctx, action: string, id: string, details: Record<string, unknown> = {}) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType: 'enterprise',
    entityId: id,
    details,
  });
}

/** Re-runs the legal status check after a job or member change (right after the commit). */
async function recheck(db: Db, ctx: Ctx, enterpriseId: string, opts: Recheck | undefined) {
  if (!opts) return;
  await recheckEnterprise(db, { ...opts, enterpriseId, localityId: ctx.locality.localityId });
}

export type EnterpriseRef = {
  id: string;
  organisationId: string;
  name: string;
  registeredOn: string | null;
  createdOn: string;
};

/** An enterprise of the locality the actor may see; anything else is 404. */
export async function requireEnterprise(db: Db, ctx: Ctx, id: string): Promise<EnterpriseRef> {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const [row] = await db
    .select({
      id: enterprises.id,
      organisationId: enterprises.organisationId,
      name: organisations.name,
      registeredOn: enterprises.registeredOn,
      createdOn: sql<string>`to_char(${enterprises.createdAt} at time zone 'Europe/Warsaw', 'YYYY-MM-DD')`,
    })
    .from(enterprises)
    .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
    .where(and(eq(enterprises.id, id), eq(enterprises.localityId, ctx.locality.localityId)))
    .limit(1);
  if (!row || !canSeeEnterprise(ctx.actor, ctx.locality, row))
    throw new AppError('NOT_FOUND', 'errors.404.body');
  return row;
}

async function requireEditable(db: Db, ctx: Ctx, id: string): Promise<EnterpriseRef> {
  const e = await requireEnterprise(db, ctx, id);
  if (!canEditEnterprise(ctx.actor, ctx.locality, e)) throw new AppError('FORBIDDEN', 'errors.403.body');
  return e;
}

/** Makes an enterprise profile for an organisation of the directory that has none yet. */
export async function createEnterprise(
  db: Db,
  ctx: Ctx & { organisationId: string; values: Record<string, string> },
): Promise<string> {
  if (!canManageEnterprises(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const parsed = parseForm(toForm(ctx.values), profileSchema);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (!ctx.organisationId) errors.organisationId = 'enterprises.new.organisation.required';
  throwIfErrors(errors);
  const p = parsed.ok ? parsed.data : null;
  return db.transaction(async (tx) => {
    const [org] = UUID.test(ctx.organisationId)
      ? await tx
          .select({ id: organisations.id, has: enterprises.id })
          .from(organisations)
          .leftJoin(enterprises, eq(enterprises.organisationId, organisations.id))
          .where(
            and(
              eq(organisations.id, ctx.organisationId),
              eq(organisations.localityId, ctx.locality.localityId),
            ),
          )
          .limit(1)
      : [];
    if (!org) invalid({ organisationId: 'enterprises.new.organisation.unknown' });
    if (org.has) invalid({ organisationId: 'enterprises.new.organisation.already' });
    const [row] = await tx
      .insert(enterprises)
      .values({
        ...profileValues(p!),
        localityId: ctx.locality.localityId,
        organisationId: org.id,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: enterprises.id });
    await audit(tx, ctx, 'enterprise.create', row!.id, { organisationId: org.id });
    return row!.id;
  });
}

function profileValues(p: NonNullable<ReturnType<typeof profileSchema.parse>>) {
  return {
    registeredOn: p.registeredOn,
    foundedBy: p.foundedBy,
    psAims: [
      ...(p.aimReintegration ? ['reintegration'] : []),
      ...(p.aimSocialServices ? ['social_services'] : []),
    ],
    publicControl: p.publicControl,
    servicesToLocality: p.servicesToLocality,
    beneficiaries: p.beneficiaries,
    offerSummary: p.offerSummary,
    openingCashPln: p.openingCash ?? '0',
  };
}

/** Edits the enterprise profile (managers, or a member for their own enterprise). */
export async function updateProfile(
  db: Db,
  ctx: Ctx & { enterpriseId: string; values: Record<string, string>; recheck?: Recheck },
): Promise<void> {
  const e = await requireEditable(db, ctx, ctx.enterpriseId);
  const parsed = parseForm(toForm(ctx.values), profileSchema);
  if (!parsed.ok) invalid(parsed.errors);
  await db.transaction(async (tx) => {
    await tx
      .update(enterprises)
      .set({ ...profileValues(parsed.data), version: sql`${enterprises.version} + 1`, updatedAt: new Date() })
      .where(eq(enterprises.id, e.id));
    await audit(tx, ctx, 'enterprise.profile.update', e.id, { ...profileValues(parsed.data) });
  });
  await recheck(db, ctx, e.id, ctx.recheck);
}

/** Records (or corrects) one month's figures. */
export async function saveFigures(
  db: Db,
  ctx: Ctx & { enterpriseId: string; values: Record<string, string> },
): Promise<void> {
  const e = await requireEditable(db, ctx, ctx.enterpriseId);
  const parsed = parseForm(toForm(ctx.values), figuresSchema);
  if (!parsed.ok) invalid(parsed.errors);
  const f = parsed.data;
  const values = {
    ownRevenuePln: f.ownRevenue,
    grantsPln: f.grants,
    costsPln: f.costs,
    headcount: f.headcount,
    customers: f.customers,
    updatedAt: new Date(),
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(enterpriseMonthlyFigures)
      .values({ ...values, localityId: ctx.locality.localityId, enterpriseId: e.id, month: f.month })
      .onConflictDoUpdate({
        target: [enterpriseMonthlyFigures.enterpriseId, enterpriseMonthlyFigures.month],
        set: values,
      });
    await audit(tx, ctx, 'enterprise.figures.save', e.id, {
      month: f.month,
      ...values,
      updatedAt: undefined,
    });
  });
}

/** Adds a member (a person of the locality, an organisation, or a name). */
export async function addMember(
  db: Db,
  ctx: Ctx & { enterpriseId: string; values: Record<string, string>; recheck?: Recheck },
): Promise<void> {
  const e = await requireEditable(db, ctx, ctx.enterpriseId);
  const parsed = parseForm(toForm(ctx.values), memberSchema);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (parsed.ok && !parsed.data.personId && !parsed.data.organisationId && !parsed.data.displayName)
    errors.displayName = 'enterprises.member.who.required';
  throwIfErrors(errors);
  const m = parsed.ok ? parsed.data : null!;
  await db.transaction(async (tx) => {
    let name = m.displayName;
    if (m.personId) {
      const [p] = UUID.test(m.personId)
        ? await tx
            .select({ given: people.givenName, family: people.familyName })
            .from(people)
            .where(
              and(
                eq(people.id, m.personId),
                eq(people.localityId, ctx.locality.localityId),
                isNull(people.erasedAt),
              ),
            )
        : [];
      if (!p) invalid({ personId: 'enterprises.member.person.unknown' });
      name ||= `${p.given} ${p.family}`;
    }
    if (m.organisationId) {
      const [o] = UUID.test(m.organisationId)
        ? await tx
            .select({ name: organisations.name })
            .from(organisations)
            .where(
              and(
                eq(organisations.id, m.organisationId),
                eq(organisations.localityId, ctx.locality.localityId),
              ),
            )
        : [];
      if (!o) invalid({ organisationId: 'enterprises.member.organisation.unknown' });
      name ||= o.name;
    }
    const [row] = await tx
      .insert(enterpriseMembers)
      .values({
        localityId: ctx.locality.localityId,
        enterpriseId: e.id,
        kind: m.kind,
        personId: m.kind === 'natural' ? m.personId : null,
        organisationId: m.kind === 'legal' ? m.organisationId : null,
        displayName: name,
        atRisk: Boolean(m.atRiskCategory),
        atRiskCategory: m.atRiskCategory,
        isFounder: m.isFounder,
        shareCapitalPln: m.shareCapital ?? '0',
        joinedOn: m.joinedOn,
      })
      .returning({ id: enterpriseMembers.id });
    await audit(tx, ctx, 'enterprise.member.add', e.id, {
      memberId: row!.id,
      kind: m.kind,
      founder: m.isFounder,
    });
  });
  await recheck(db, ctx, e.id, ctx.recheck);
}

/** A member of the enterprise as stored (for correcting it). */
export async function memberRow(db: Db, enterpriseId: string, memberId: string) {
  if (!UUID.test(memberId)) return null;
  const [row] = await db
    .select({
      id: enterpriseMembers.id,
      kind: enterpriseMembers.kind,
      personId: enterpriseMembers.personId,
      organisationId: enterpriseMembers.organisationId,
      displayName: enterpriseMembers.displayName,
      atRiskCategory: enterpriseMembers.atRiskCategory,
      isFounder: enterpriseMembers.isFounder,
      shareCapitalPln: enterpriseMembers.shareCapitalPln,
      joinedOn: enterpriseMembers.joinedOn,
      leftOn: enterpriseMembers.leftOn,
    })
    .from(enterpriseMembers)
    .where(and(eq(enterpriseMembers.id, memberId), eq(enterpriseMembers.enterpriseId, enterpriseId)));
  return row ?? null;
}

/**
 * Corrects a member's details (name when not linked, at-risk category, founder, share capital,
 * the day they joined); who the member is stays. Audited with the fields before and after; the
 * status is re-checked (founders' and members' shares at risk may change).
 */
export async function updateMember(
  db: Db,
  ctx: Ctx & { enterpriseId: string; memberId: string; values: Record<string, string>; recheck?: Recheck },
): Promise<void> {
  const e = await requireEditable(db, ctx, ctx.enterpriseId);
  const m = await memberRow(db, e.id, ctx.memberId);
  if (!m) throw new AppError('NOT_FOUND', 'errors.404.body');
  const linked = Boolean(m.personId || m.organisationId);
  const parsed = parseForm(
    toForm({
      ...ctx.values,
      kind: m.kind,
      personId: m.personId ?? '',
      organisationId: m.organisationId ?? '',
      displayName: linked ? m.displayName : (ctx.values.displayName ?? ''),
    }),
    memberSchema,
  );
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (parsed.ok && !linked && !parsed.data.displayName)
    errors.displayName = 'enterprises.member.who.required';
  if (parsed.ok && m.leftOn && parsed.data.joinedOn > m.leftOn)
    errors.joinedOn = 'enterprises.member.joinedOn.afterLeft';
  throwIfErrors(errors);
  const d = parsed.ok ? parsed.data : null!;
  const now = {
    displayName: linked ? m.displayName : d.displayName,
    atRisk: Boolean(d.atRiskCategory),
    atRiskCategory: d.atRiskCategory,
    isFounder: d.isFounder,
    shareCapitalPln: d.shareCapital ?? '0',
    joinedOn: d.joinedOn,
  };
  await db.transaction(async (tx) => {
    await tx.update(enterpriseMembers).set(now).where(eq(enterpriseMembers.id, m.id));
    await audit(tx, ctx, 'enterprise.member.update', e.id, {
      memberId: m.id,
      was: {
        displayName: m.displayName,
        atRiskCategory: m.atRiskCategory,
        isFounder: m.isFounder,
        shareCapitalPln: m.shareCapitalPln,
        joinedOn: m.joinedOn,
      },
      now,
    });
  });
  await recheck(db, ctx, e.id, ctx.recheck);
}

/** Records a status decision (managers only). */
export async function addDecision(
  db: Db,
  ctx: Ctx & { enterpriseId: string; values: Record<string, string>; recheck?: Recheck },
): Promise<void> {
  if (!canManageEnterprises(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const e = await requireEnterprise(db, ctx, ctx.enterpriseId);
  const parsed = parseForm(toForm(ctx.values), decisionSchema);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (parsed.ok) {
    const d = parsed.data;
    if (d.kind === 'ps_lost' && !d.finalOn) errors.finalOn = 'enterprises.decision.finalOn.required';
    if (d.kind === 'ps_legacy_ct9' && !d.validUntil)
      errors.validUntil = 'enterprises.decision.validUntil.required';
    if (d.kind === 'ps_granted' && !d.number) errors.number = 'enterprises.decision.number.required';
    if (d.finalOn && d.finalOn < d.decidedOn) errors.finalOn = 'enterprises.decision.finalOn.beforeDecided';
  }
  throwIfErrors(errors);
  const d = parsed.ok ? parsed.data : null!;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(enterpriseStatusDecisions)
      .values({ ...d, localityId: ctx.locality.localityId, enterpriseId: e.id, createdBy: ctx.actor.userId })
      .returning({ id: enterpriseStatusDecisions.id });
    await audit(tx, ctx, 'enterprise.decision.add', e.id, { decisionId: row!.id, ...d });
  });
  await recheck(db, ctx, e.id, ctx.recheck);
}

/**
 * Removes a status decision entered by mistake (staff who manage enterprises, with a reason).
 * The audit entry keeps what was removed; the status rules are re-checked.
 */
export async function removeDecision(
  db: Db,
  ctx: Ctx & { enterpriseId: string; decisionId: string; reason: string; recheck?: Recheck },
): Promise<void> {
  if (!canManageEnterprises(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const e = await requireEnterprise(db, ctx, ctx.enterpriseId);
  const reason = ctx.reason.trim();
  const errors: FieldErrors = {};
  if (!UUID.test(ctx.decisionId)) errors.decisionId = 'enterprises.decision.remove.unknown';
  if (!reason) errors.reason = 'enterprises.decision.remove.reason.required';
  else if (reason.length > 500) errors.reason = 'enterprises.decision.remove.reason.tooLong';
  throwIfErrors(errors);
  await db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(enterpriseStatusDecisions)
      .where(
        and(
          eq(enterpriseStatusDecisions.id, ctx.decisionId),
          eq(enterpriseStatusDecisions.enterpriseId, e.id),
        ),
      )
      .returning();
    if (!removed) invalid({ decisionId: 'enterprises.decision.remove.unknown' });
    await audit(tx, ctx, 'enterprise.decision.remove', e.id, {
      decisionId: removed.id,
      kind: removed.kind,
      decidedOn: removed.decidedOn,
      number: removed.number,
      reason,
    });
  });
  await recheck(db, ctx, e.id, ctx.recheck);
}

/**
 * Adds a job. Refused with field errors (nothing saved): a start before the enterprise's
 * registration (or before it exists here), working time outside 0–1.0 FTE, an end before the
 * start, or a person whose jobs would add up above 1.0 FTE on some day.
 */
export async function createJob(
  db: Db,
  ctx: Ctx & { enterpriseId: string; values: Record<string, string>; recheck?: Recheck },
): Promise<string> {
  return saveJob(db, { ...ctx, jobId: null });
}

/**
 * Corrects a job (position, person, contract, FTE, dates, at-risk category, funding) with the
 * same rules as adding one; the job itself does not count in the person's FTE overlap. Audited
 * with the fields as they were and as they are; the status is re-checked.
 */
export async function updateJob(
  db: Db,
  ctx: Ctx & { enterpriseId: string; jobId: string; values: Record<string, string>; recheck?: Recheck },
): Promise<string> {
  return saveJob(db, ctx);
}

async function saveJob(
  db: Db,
  ctx: Ctx & {
    enterpriseId: string;
    jobId: string | null;
    values: Record<string, string>;
    recheck?: Recheck;
  },
): Promise<string> {
  const e = await requireEditable(db, ctx, ctx.enterpriseId);
  const existing = ctx.jobId === null ? null : await jobRow(db, e.id, ctx.jobId);
  if (ctx.jobId !== null && !existing) throw new AppError('NOT_FOUND', 'errors.404.body');
  const parsed = parseForm(toForm(ctx.values), jobSchema);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  if (parsed.ok) {
    const j = parsed.data;
    if (!j.personId && !j.displayName) errors.displayName = 'enterprises.job.person.required';
    if (j.endOn && j.endOn < j.startOn) errors.endOn = 'enterprises.job.endOn.beforeStart';
    if (e.registeredOn && j.startOn < e.registeredOn)
      errors.startOn = {
        key: 'enterprises.job.startOn.beforeRegistration',
        values: { date: dayLabel(e.registeredOn) },
      };
    else if (!e.registeredOn && j.startOn < e.createdOn)
      errors.startOn = {
        key: 'enterprises.job.startOn.beforeEnterprise',
        values: { date: dayLabel(e.createdOn) },
      };
    if (j.keepUntil && j.keepUntil < j.startOn) errors.keepUntil = 'enterprises.job.keepUntil.beforeStart';
  }
  throwIfErrors(errors);
  const j = parsed.ok ? parsed.data : null!;
  const id = await db.transaction(async (tx) => {
    let name = j.displayName;
    if (j.personId) {
      const [p] = UUID.test(j.personId)
        ? await tx
            .select({ given: people.givenName, family: people.familyName })
            .from(people)
            .where(
              and(
                eq(people.id, j.personId),
                eq(people.localityId, ctx.locality.localityId),
                isNull(people.erasedAt),
              ),
            )
        : [];
      if (!p) invalid({ personId: 'enterprises.job.person.unknown' });
      name ||= `${p.given} ${p.family}`;
      const others = await tx
        .select({
          id: enterpriseJobs.id,
          position: enterpriseJobs.position,
          startOn: enterpriseJobs.startOn,
          endOn: enterpriseJobs.endOn,
          fte: sql<number>`${enterpriseJobs.fte}::float8`,
          enterprise: organisations.name,
        })
        .from(enterpriseJobs)
        .innerJoin(enterprises, eq(enterprises.id, enterpriseJobs.enterpriseId))
        .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
        .where(
          and(
            eq(enterpriseJobs.personId, j.personId),
            eq(enterpriseJobs.localityId, ctx.locality.localityId),
          ),
        );
      const clash = fteOverlap(
        j,
        others.filter((o) => o.id !== ctx.jobId),
      );
      if (clash) {
        const other = others.find((o) => o.id === clash.job.id)!;
        invalid({
          fte: {
            key: clash.to ? 'enterprises.job.fte.overlap' : 'enterprises.job.fte.overlapOpen',
            values: {
              position: other.position,
              enterprise: other.enterprise,
              from: dayLabel(clash.from),
              to: clash.to ? dayLabel(clash.to) : '',
              total: String(clash.total).replace('.', ','),
            },
          },
        });
      }
    }
    let category: string | null = j.atRiskCategory === 'none' ? null : j.atRiskCategory;
    if (category === 'auto' || (category === null && j.atRiskCategory === null)) {
      // Prefilled from the participant's recorded categories (the first in order); none: not at risk.
      const [c] = j.personId
        ? await tx
            .select({ category: participantCategories.category })
            .from(participantCategories)
            .where(eq(participantCategories.personId, j.personId))
            .orderBy(participantCategories.notedOn)
            .limit(1)
        : [];
      category = c?.category ?? null;
    }
    let obligationUntil: string | null = null;
    if (j.grantId) {
      const [g] = UUID.test(j.grantId)
        ? await tx
            .select({ until: grants.obligationUntil })
            .from(grants)
            .where(
              and(
                eq(grants.id, j.grantId),
                eq(grants.enterpriseId, e.id),
                eq(grants.localityId, ctx.locality.localityId),
              ),
            )
        : [];
      if (!g) invalid({ grantId: 'enterprises.job.grant.unknown' });
      obligationUntil = g.until;
    }
    const fields = {
      position: j.position,
      personId: j.personId,
      displayName: name,
      contractType: j.contractType,
      fte: j.fte.toFixed(2),
      startOn: j.startOn,
      endOn: j.endOn,
      atRiskCategory: category,
      grantId: j.grantId,
      fundingNote: j.fundingNote,
      keepUntil: keepUntilFor(j.keepUntil, obligationUntil),
    };
    if (existing) {
      await tx
        .update(enterpriseJobs)
        .set({ ...fields, updatedAt: new Date() })
        .where(eq(enterpriseJobs.id, existing.id));
      const { id: _id, ...was } = existing;
      await audit(tx, ctx, 'enterprise.job.update', e.id, { jobId: existing.id, was, now: fields });
      return existing.id;
    }
    const [row] = await tx
      .insert(enterpriseJobs)
      .values({
        localityId: ctx.locality.localityId,
        enterpriseId: e.id,
        ...fields,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: enterpriseJobs.id });
    await audit(tx, ctx, 'enterprise.job.create', e.id, {
      jobId: row!.id,
      position: j.position,
      contractType: j.contractType,
      fte: j.fte,
      startOn: j.startOn,
      endOn: j.endOn,
      grantId: j.grantId,
    });
    return row!.id;
  });
  await recheck(db, ctx, e.id, ctx.recheck);
  return id;
}

/** A job of the enterprise as stored (for editing and for the audit of a correction). */
export async function jobRow(db: Db, enterpriseId: string, jobId: string) {
  if (!UUID.test(jobId)) return null;
  const [row] = await db
    .select({
      id: enterpriseJobs.id,
      position: enterpriseJobs.position,
      personId: enterpriseJobs.personId,
      displayName: enterpriseJobs.displayName,
      contractType: enterpriseJobs.contractType,
      fte: enterpriseJobs.fte,
      startOn: enterpriseJobs.startOn,
      endOn: enterpriseJobs.endOn,
      atRiskCategory: enterpriseJobs.atRiskCategory,
      grantId: enterpriseJobs.grantId,
      fundingNote: enterpriseJobs.fundingNote,
      keepUntil: enterpriseJobs.keepUntil,
    })
    .from(enterpriseJobs)
    .where(and(eq(enterpriseJobs.id, jobId), eq(enterpriseJobs.enterpriseId, enterpriseId)));
  return row ?? null;
}

/** Ends a job on a day (not before its start). */
export async function endJob(
  db: Db,
  ctx: Ctx & { enterpriseId: string; jobId: string; endOn: string | null; recheck?: Recheck },
): Promise<void> {
  const e = await requireEditable(db, ctx, ctx.enterpriseId);
  if (!ctx.endOn) invalid({ endOn: 'enterprises.job.endOn.required' });
  await db.transaction(async (tx) => {
    const [job] = UUID.test(ctx.jobId)
      ? await tx
          .select({ id: enterpriseJobs.id, startOn: enterpriseJobs.startOn })
          .from(enterpriseJobs)
          .where(and(eq(enterpriseJobs.id, ctx.jobId), eq(enterpriseJobs.enterpriseId, e.id)))
      : [];
    if (!job) throw new AppError('NOT_FOUND', 'errors.404.body');
    if (ctx.endOn! < job.startOn) invalid({ endOn: 'enterprises.job.endOn.beforeStart' });
    await tx
      .update(enterpriseJobs)
      .set({ endOn: ctx.endOn, updatedAt: new Date() })
      .where(eq(enterpriseJobs.id, job.id));
    await audit(tx, ctx, 'enterprise.job.end', e.id, { jobId: job.id, endOn: ctx.endOn });
  });
  await recheck(db, ctx, e.id, ctx.recheck);
}

/**
 * A member leaves (a cooperative member's resignation or exclusion, a founder stepping out): the
 * last day of membership, not before the day they joined. The member stays in the history;
 * the status rules are re-checked, since member counts and founders' shares may change.
 */
export async function endMembership(
  db: Db,
  ctx: Ctx & { enterpriseId: string; memberId: string; leftOn: string | null; recheck?: Recheck },
): Promise<void> {
  const e = await requireEditable(db, ctx, ctx.enterpriseId);
  if (!ctx.leftOn) invalid({ leftOn: 'enterprises.member.leftOn.required' });
  await db.transaction(async (tx) => {
    const [member] = UUID.test(ctx.memberId)
      ? await tx
          .select({
            id: enterpriseMembers.id,
            joinedOn: enterpriseMembers.joinedOn,
            leftOn: enterpriseMembers.leftOn,
          })
          .from(enterpriseMembers)
          .where(and(eq(enterpriseMembers.id, ctx.memberId), eq(enterpriseMembers.enterpriseId, e.id)))
      : [];
    if (!member) invalid({ memberId: 'enterprises.member.leave.unknown' });
    if (member.leftOn) invalid({ memberId: 'enterprises.member.leave.already' });
    if (ctx.leftOn! < member.joinedOn) invalid({ leftOn: 'enterprises.member.leftOn.beforeJoined' });
    await tx.update(enterpriseMembers).set({ leftOn: ctx.leftOn }).where(eq(enterpriseMembers.id, member.id));
    await audit(tx, ctx, 'enterprise.member.leave', e.id, { memberId: member.id, leftOn: ctx.leftOn });
  });
  await recheck(db, ctx, e.id, ctx.recheck);
}

/** Organisations of the locality without an enterprise profile (for the "new" form). */
export async function organisationsWithoutProfile(db: Db, localityId: string) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .leftJoin(enterprises, eq(enterprises.organisationId, organisations.id))
    .where(and(eq(organisations.localityId, localityId), isNull(enterprises.id)))
    .orderBy(organisations.name)
    .limit(500);
}
