import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { sessionFeedback } from '../../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../../lib/actor.ts';
import { writeAudit } from '../../../lib/audit.server.ts';
import { AppError } from '../../../lib/errors.ts';
import type { FieldErrors } from '../../../lib/forms.ts';
import type { Role } from '../../../lib/roles.ts';
import { COMMENT_MAX } from './feedback.rules.ts';

type Ctx = { actor: Actor; locality: ActorLocality };

const CENTRE_STAFF: readonly Role[] = ['coordinator', 'advisor', 'animator'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Centre staff may type in paper forms for any group (as may the group's own facilitators). */
function isCentreStaff(ctx: Ctx): boolean {
  return ctx.locality.roles.some((r) => CENTRE_STAFF.includes(r));
}

export type FeedbackSession = {
  id: string;
  startsAt: string;
  minutes: number;
  cancelled: boolean;
  groupId: string;
  groupName: string;
  modules: string[];
  /** The actor's membership in the group (through their person record), when they are a member. */
  memberId: string | null;
  /** The member's attendance at the session as recorded (null: not taken yet, or not a member). */
  attendance: string | null;
  /** The actor's own earlier answer, when there is one (it is replaced by a new one). */
  mine: { usefulness: number; clarity: number; comment: string } | null;
  /** Whether the actor may type in anonymous paper forms (Centre staff, the group's facilitators). */
  canEnterPaper: boolean;
  answers: number;
};

/**
 * A session as the feedback form needs it, with what the actor may do there, in one SQL
 * statement. Null when the session is not this locality's.
 */
export async function feedbackSession(db: Db, ctx: Ctx, sessionId: string): Promise<FeedbackSession | null> {
  if (!UUID.test(sessionId)) return null;
  const localityId = ctx.locality.localityId;
  const result = (await db.execute(sql`
    with me as (
      select p.id from people p
      where p.locality_id = ${localityId} and p.user_id = ${ctx.actor.userId} and p.erased_at is null
    )
    select s.id, s.starts_at, s.minutes, s.cancelled, g.id as group_id, g.name as group_name,
      coalesce((select json_agg(cm.title order by c.name, cm.position)
                from study_session_modules x
                join curriculum_modules cm on cm.id = x.module_id
                join curricula c on c.id = cm.curriculum_id
                where x.session_id = s.id), '[]'::json) as modules,
      (select m.id from study_group_members m
        where m.group_id = g.id and m.person_id in (select id from me) limit 1) as member_id,
      (select a.status from study_attendance a
        join study_group_members m on m.id = a.member_id
        where a.session_id = s.id and m.group_id = g.id and m.person_id in (select id from me)
        limit 1) as attendance,
      exists (select 1 from study_group_facilitators f
        where f.group_id = g.id and f.person_id in (select id from me)) as is_facilitator,
      (select count(*) from session_feedback sf where sf.session_id = s.id)::int as answers
    from study_sessions s
    join study_groups g on g.id = s.group_id
    where s.id = ${sessionId} and s.locality_id = ${localityId}
  `)) as unknown as { rows: Record<string, unknown>[] };
  const row = result.rows[0];
  if (!row) return null;
  const memberId = row.member_id ? String(row.member_id) : null;
  let mine: FeedbackSession['mine'] = null;
  if (memberId) {
    const [prev] = await db
      .select({
        usefulness: sessionFeedback.usefulness,
        clarity: sessionFeedback.clarity,
        comment: sessionFeedback.comment,
      })
      .from(sessionFeedback)
      .where(and(eq(sessionFeedback.sessionId, sessionId), eq(sessionFeedback.memberId, memberId)));
    mine = prev ?? null;
  }
  const startsAt = row.starts_at instanceof Date ? row.starts_at.toISOString() : String(row.starts_at);
  return {
    id: String(row.id),
    startsAt: new Date(startsAt).toISOString(),
    minutes: Number(row.minutes),
    cancelled: Boolean(row.cancelled),
    groupId: String(row.group_id),
    groupName: String(row.group_name),
    modules: (typeof row.modules === 'string' ? JSON.parse(row.modules) : row.modules) as string[],
    memberId,
    attendance: row.attendance ? String(row.attendance) : null,
    mine,
    canEnterPaper: isCentreStaff(ctx) || Boolean(row.is_facilitator),
    answers: Number(row.answers),
  };
}

export type FeedbackMode = 'member' | 'paper';

function rating(raw: string | undefined): number | null {
  const n = Number((raw ?? '').trim());
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

/**
 * Saves one answer to the feedback form. `member`: the signed-in member of the group answers
 * for themselves; one answer per member and session – sending again replaces the earlier answer
 * (people change their mind; nothing is counted twice). `paper`: Centre staff or the group's
 * facilitator types in a paper form, saved without a member (anonymous), any number of them.
 * Refused: a session not yet held or cancelled, someone who is not a member (or may not enter
 * paper forms). The write and its audit row are one transaction.
 */
export async function submitFeedback(
  db: Db,
  ctx: Ctx & {
    sessionId: string;
    mode: FeedbackMode;
    values: Record<string, string>;
    now?: Date;
  },
): Promise<{ id: string; replaced: boolean }> {
  const session = await feedbackSession(db, ctx, ctx.sessionId);
  if (!session) throw new AppError('NOT_FOUND', 'errors.404.body');
  if (ctx.mode === 'member' && !session.memberId)
    throw new AppError('FORBIDDEN', 'education.feedback.notMember');
  if (ctx.mode === 'paper' && !session.canEnterPaper)
    throw new AppError('FORBIDDEN', 'education.feedback.notFacilitator');
  if (session.cancelled) throw new AppError('DOMAIN_RULE', 'education.feedback.cancelled');
  // Only those who were there evaluate the session (when attendance was taken).
  if (ctx.mode === 'member' && session.attendance !== null && session.attendance !== 'present')
    throw new AppError('DOMAIN_RULE', 'education.feedback.notPresent');
  if (new Date(session.startsAt).getTime() > (ctx.now ?? new Date()).getTime())
    throw new AppError('DOMAIN_RULE', 'education.feedback.notYet');

  const errors: FieldErrors = {};
  const usefulness = rating(ctx.values.usefulness);
  const clarity = rating(ctx.values.clarity);
  const comment = (ctx.values.comment ?? '').trim();
  if (usefulness === null) errors.usefulness = 'education.feedback.form.usefulness.required';
  if (clarity === null) errors.clarity = 'education.feedback.form.clarity.required';
  if (comment.length > COMMENT_MAX)
    errors.comment = { key: 'education.feedback.form.comment.tooLong', values: { max: COMMENT_MAX } };
  if (usefulness === null || clarity === null || Object.keys(errors).length)
    throw new AppError('BAD_REQUEST', 'education.feedback.form.invalid', {}, errors);

  const memberId = ctx.mode === 'member' ? session.memberId : null;
  return db.transaction(async (tx) => {
    let id: string;
    let replaced = false;
    const [prev] = memberId
      ? await tx
          .select({ id: sessionFeedback.id })
          .from(sessionFeedback)
          .where(and(eq(sessionFeedback.sessionId, session.id), eq(sessionFeedback.memberId, memberId)))
      : [];
    if (prev) {
      await tx
        .update(sessionFeedback)
        .set({ usefulness, clarity, comment, createdAt: new Date() })
        .where(eq(sessionFeedback.id, prev.id));
      id = prev.id;
      replaced = true;
    } else {
      const [created] = await tx
        .insert(sessionFeedback)
        .values({
          sessionId: session.id,
          localityId: ctx.locality.localityId,
          memberId,
          usefulness,
          clarity,
          comment,
        })
        .returning({ id: sessionFeedback.id });
      id = created!.id;
    }
    // The comment itself is not copied into the audit log (it may say something personal).
    await writeAudit(tx, {
      actorUserId: ctx.actor.userId,
      localityId: ctx.locality.localityId,
      requestId: ctx.actor.requestId,
      action: replaced ? 'education.feedback.replace' : 'education.feedback.create',
      entityType: 'session_feedback',
      entityId: id,
      details: {
        sessionId: session.id,
        mode: ctx.mode,
        usefulness,
        clarity,
        hasComment: comment.length > 0,
      },
    });
    return { id, replaced };
  });
}
