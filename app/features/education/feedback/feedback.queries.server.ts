import { sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { groupGenerationCte } from '../reports/generation.server.ts';
import { COMMENTS_PER_MODULE } from './feedback.rules.ts';

export type FeedbackFigures = { answers: number; usefulness: number | null; clarity: number | null };
export type FeedbackSummary = {
  total: FeedbackFigures;
  byModule: (FeedbackFigures & {
    moduleId: string | null;
    title: string | null;
    programme: string | null;
    /** Comments with the day of the session they are about (newest answers first). */
    comments: { text: string; on: string }[];
  })[];
  byGeneration: (FeedbackFigures & { generation: number | null })[];
};

const avg = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

/**
 * Feedback summarised for the programme's authors: per module (an answer about a session that
 * covered several modules counts for each of them), per cascade generation of the group, and
 * overall; comments without names. Two SQL statements.
 */
export async function feedbackSummary(db: Db, opts: { localityId: string }): Promise<FeedbackSummary> {
  const { localityId } = opts;
  const modules = (await db.execute(sql`
    with fb as (
      select f.id, f.session_id, f.usefulness, f.clarity, f.comment, f.created_at,
        (s.starts_at at time zone 'Europe/Warsaw')::date::text as held_on
      from session_feedback f join study_sessions s on s.id = f.session_id
      where f.locality_id = ${localityId}
    ),
    fm as (
      select fb.*, x.module_id from fb
      left join study_session_modules x on x.session_id = fb.session_id
    )
    select fm.module_id, cm.title, c.name as programme,
      count(*)::int as answers,
      avg(fm.usefulness)::float8 as usefulness,
      avg(fm.clarity)::float8 as clarity,
      coalesce((select json_agg(json_build_object('text', z.comment, 'on', z.held_on) order by z.created_at desc)
        from (select f2.comment, f2.created_at, f2.held_on from fm f2
              where f2.module_id is not distinct from fm.module_id and f2.comment <> ''
              order by f2.created_at desc limit ${COMMENTS_PER_MODULE}) z), '[]'::json) as comments
    from fm
    left join curriculum_modules cm on cm.id = fm.module_id
    left join curricula c on c.id = cm.curriculum_id
    group by fm.module_id, cm.title, c.name, cm.position
    order by c.name nulls last, cm.position
  `)) as unknown as { rows: Record<string, unknown>[] };

  const generations = (await db.execute(sql`
    with recursive ${groupGenerationCte(localityId)}
    select gg.generation,
      count(*)::int as answers,
      avg(f.usefulness)::float8 as usefulness,
      avg(f.clarity)::float8 as clarity
    from session_feedback f
    join study_sessions s on s.id = f.session_id
    left join group_generation gg on gg.group_id = s.group_id
    where f.locality_id = ${localityId}
    group by gg.generation
    order by gg.generation nulls last
  `)) as unknown as { rows: Record<string, unknown>[] };

  const byGeneration = generations.rows.map((r) => ({
    generation: r.generation === null ? null : Number(r.generation),
    answers: Number(r.answers),
    usefulness: avg(r.usefulness),
    clarity: avg(r.clarity),
    raw: { u: Number(r.usefulness) * Number(r.answers), c: Number(r.clarity) * Number(r.answers) },
  }));
  const answers = byGeneration.reduce((s, g) => s + g.answers, 0);
  const total: FeedbackFigures = {
    answers,
    usefulness: answers ? avg(byGeneration.reduce((s, g) => s + g.raw.u, 0) / answers) : null,
    clarity: answers ? avg(byGeneration.reduce((s, g) => s + g.raw.c, 0) / answers) : null,
  };
  return {
    total,
    byModule: modules.rows.map((r) => {
      const comments = (typeof r.comments === 'string' ? JSON.parse(r.comments) : r.comments) as {
        text: string;
        on: string;
      }[];
      return {
        moduleId: r.module_id === null ? null : String(r.module_id),
        title: r.title === null ? null : String(r.title),
        programme: r.programme === null ? null : String(r.programme),
        answers: Number(r.answers),
        usefulness: avg(r.usefulness),
        clarity: avg(r.clarity),
        comments: comments.map((c) => ({ text: c.text, on: String(c.on) })),
      };
    }),
    byGeneration: byGeneration.map(({ raw: _raw, ...g }) => g),
  };
}

export type PendingFeedback = { sessionId: string; startsAt: string; groupName: string };

/**
 * Sessions of the last `days` days that the signed-in person (through their person record) was
 * present at and has not rated yet, newest first (for the participant's own page). One statement.
 */
export async function pendingFeedback(
  db: Db,
  opts: { localityId: string; userId: string; now?: Date; days?: number; limit?: number },
): Promise<PendingFeedback[]> {
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - (opts.days ?? 30) * 86_400_000);
  const result = (await db.execute(sql`
    select s.id, s.starts_at, g.name
    from people p
    join study_group_members m on m.person_id = p.id
    join study_attendance a on a.member_id = m.id and a.status = 'present'
    join study_sessions s on s.id = a.session_id and not s.cancelled
    join study_groups g on g.id = s.group_id
    where p.locality_id = ${opts.localityId} and p.user_id = ${opts.userId} and p.erased_at is null
      and s.starts_at between ${since.toISOString()}::timestamptz and ${now.toISOString()}::timestamptz
      and not exists (select 1 from session_feedback f where f.session_id = s.id and f.member_id = m.id)
    order by s.starts_at desc
    limit ${opts.limit ?? 5}
  `)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows.map((r) => ({
    sessionId: String(r.id),
    startsAt: new Date(r.starts_at as string | Date).toISOString(),
    groupName: String(r.name),
  }));
}
