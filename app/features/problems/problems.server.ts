import { and, count, desc, eq, gt, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { localities, localProblems, loginAttempts } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import {
  checkSpam,
  checkTransition,
  type ProblemStatus,
  PUBLIC_STATUSES,
  type SpamVerdict,
} from './problem.rules.ts';
import type { problemSchema, publicProblemSchema } from './problem.schema.ts';

type ProblemInput = z.output<typeof problemSchema>;
type PublicInput = z.output<typeof publicProblemSchema>;

/** Staff who keep the register (any staff role); partners and enterprise members may add problems too. */
export function canModerateProblems(actor: Actor, locality: ActorLocality): boolean {
  return (
    actor.isPlatformAdmin ||
    locality.roles.some((r) => r === 'coordinator' || r === 'advisor' || r === 'animator' || r === 'leader')
  );
}
export function canRaiseProblems(actor: Actor, locality: ActorLocality): boolean {
  return (
    canModerateProblems(actor, locality) ||
    locality.roles.some((r) => r === 'partner_rep' || r === 'enterprise_member')
  );
}

export async function findPublicLocality(db: Db, slug: string) {
  const [row] = await db
    .select({ id: localities.id, slug: localities.slug, name: localities.name })
    .from(localities)
    .where(eq(localities.slug, slug))
    .limit(1);
  return row ?? null;
}

/**
 * A resident's problem from the public form. It waits for moderation and shows nowhere until
 * accepted. Bots are kept out by a hidden field, a minimum fill time and a limit per address.
 */
export async function submitPublicProblem(
  db: Db,
  opts: { localityId: string; input: PublicInput; ip: string; requestId: string; now?: Date },
): Promise<SpamVerdict> {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - 3_600_000);
  const [recent] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.scope, 'problem_form'),
        eq(loginAttempts.key, opts.ip),
        gt(loginAttempts.at, since),
      ),
    );
  const verdict = checkSpam({
    honeypot: opts.input.website,
    renderedAt: opts.input.renderedAt,
    now: now.getTime(),
    recentFromAddress: recent?.n ?? 0,
  });
  if (!verdict.ok) return verdict;
  const i = opts.input;
  await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ scope: 'problem_form', key: opts.ip, succeeded: true, at: now });
    const [row] = await tx
      .insert(localProblems)
      .values({
        localityId: opts.localityId,
        title: i.title,
        description: i.description,
        affected: i.affected,
        evidence: i.evidence,
        proposals: i.proposals,
        status: 'pending',
        source: 'resident',
        contactName: i.consent ? i.contactName : '',
        contactEmail: i.consent ? i.contactEmail : '',
        contactConsentAt: i.consent && i.contactEmail ? now : null,
      })
      .returning({ id: localProblems.id });
    await writeAudit(tx, {
      actorUserId: null,
      localityId: opts.localityId,
      requestId: opts.requestId,
      action: 'problem.submit_public',
      entityType: 'local_problem',
      entityId: row!.id,
    });
  });
  return verdict;
}

/** A problem raised by staff or a partner: it is on the register at once (no moderation). */
export async function raiseProblem(
  db: Db,
  opts: { actor: Actor; locality: ActorLocality; input: ProblemInput },
): Promise<string> {
  if (!canRaiseProblems(opts.actor, opts.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const source = canModerateProblems(opts.actor, opts.locality) ? 'staff' : 'partner';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(localProblems)
      .values({
        ...opts.input,
        localityId: opts.locality.localityId,
        status: 'open',
        source,
        organisationId: source === 'partner' ? (opts.locality.organisationIds[0] ?? null) : null,
        createdBy: opts.actor.userId,
      })
      .returning({ id: localProblems.id });
    await writeAudit(tx, {
      actorUserId: opts.actor.userId,
      localityId: opts.locality.localityId,
      requestId: opts.actor.requestId,
      action: 'problem.create',
      entityType: 'local_problem',
      entityId: row!.id,
      details: { source },
    });
    return row!.id;
  });
}

/** Moves a problem to another status by the named rules (moderation included); explains a refusal. */
export async function changeProblemStatus(
  db: Db,
  opts: { actor: Actor; locality: ActorLocality; id: string; to: ProblemStatus; note: string },
) {
  if (!canModerateProblems(opts.actor, opts.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  await db.transaction(async (tx) => {
    const [p] = await tx
      .select({ id: localProblems.id, status: localProblems.status })
      .from(localProblems)
      .where(and(eq(localProblems.id, opts.id), eq(localProblems.localityId, opts.locality.localityId)))
      .limit(1);
    if (!p) throw new AppError('NOT_FOUND', 'errors.404.body');
    const refusal = checkTransition(p.status as ProblemStatus, opts.to);
    if (refusal) throw new AppError('DOMAIN_RULE', refusal);
    if (opts.to === 'rejected' && !opts.note.trim()) {
      throw new AppError(
        'DOMAIN_RULE',
        'problems.errors.rejectReason',
        {},
        { note: 'problems.errors.rejectReason' },
      );
    }
    const moderation = p.status === 'pending';
    await tx
      .update(localProblems)
      .set({
        status: opts.to,
        updatedAt: new Date(),
        ...(moderation
          ? { moderatedBy: opts.actor.userId, moderatedAt: new Date(), moderationNote: opts.note.trim() }
          : {}),
      })
      .where(eq(localProblems.id, p.id));
    await writeAudit(tx, {
      actorUserId: opts.actor.userId,
      localityId: opts.locality.localityId,
      requestId: opts.actor.requestId,
      action: moderation ? 'problem.moderate' : 'problem.status',
      entityType: 'local_problem',
      entityId: p.id,
      details: { from: p.status, to: opts.to },
    });
  });
}

const publicColumns = {
  id: localProblems.id,
  title: localProblems.title,
  description: localProblems.description,
  affected: localProblems.affected,
  proposals: localProblems.proposals,
  status: localProblems.status,
  createdAt: localProblems.createdAt,
};

/** Accepted problems only, without any personal data: for the public page. */
export async function listPublicProblems(
  db: Db,
  opts: { localityId: string; offset: number; limit: number },
) {
  const where = and(
    eq(localProblems.localityId, opts.localityId),
    inArray(localProblems.status, [...PUBLIC_STATUSES]),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(publicColumns)
      .from(localProblems)
      .where(where)
      .orderBy(desc(localProblems.createdAt))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(localProblems).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function listProblems(
  db: Db,
  opts: { localityId: string; status: ProblemStatus | null; offset: number; limit: number },
) {
  const where = and(
    eq(localProblems.localityId, opts.localityId),
    opts.status ? eq(localProblems.status, opts.status) : undefined,
  );
  const [rows, [total], [pending]] = await Promise.all([
    db
      .select({
        ...publicColumns,
        source: localProblems.source,
        evidence: localProblems.evidence,
        contactName: localProblems.contactName,
        contactEmail: localProblems.contactEmail,
        moderationNote: localProblems.moderationNote,
      })
      .from(localProblems)
      .where(where)
      .orderBy(desc(localProblems.createdAt))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(localProblems).where(where),
    db
      .select({ n: count() })
      .from(localProblems)
      .where(and(eq(localProblems.localityId, opts.localityId), eq(localProblems.status, 'pending'))),
  ]);
  return { rows, total: total?.n ?? 0, pending: pending?.n ?? 0 };
}
