import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { localities } from '../../../db/schema/index.ts';
import { UUID } from './appointments.server.ts';

export { canReadConfidentialAdvice } from './advice.policy.ts';

export type ParticipantAdviceSession = {
  id: string;
  kind: string;
  givenOn: string;
  minutes: number;
  topic: string;
  /** '' when confidential and the reader may not see it. */
  notes: string;
  confidential: boolean;
  notesHidden: boolean;
  advisorName: string | null;
};

export type ParticipantAppointment = {
  id: string;
  status: 'requested' | 'booked';
  kind: string;
  topic: string;
  preferredTimes: string;
  startsAt: string | null;
  minutes: number | null;
  place: string | null;
  advisorName: string | null;
};

export type ParticipantAdvice = {
  sessions: ParticipantAdviceSession[];
  upcoming: ParticipantAppointment[];
};

/**
 * The advice part of a participant's page in ONE SQL statement: the newest 20 sessions (with
 * confidential notes blanked in SQL unless `canReadConfidential`) and the upcoming appointments
 * (open requests and bookings from now on, soonest first).
 */
export async function loadAdviceForParticipant(
  db: Db,
  opts: { localityId: string; personId: string; canReadConfidential: boolean; now?: Date },
): Promise<ParticipantAdvice> {
  if (!UUID.test(opts.personId)) return { sessions: [], upcoming: [] };
  const now = (opts.now ?? new Date()).toISOString();
  const canRead = opts.canReadConfidential;
  const [row] = await db
    .select({
      sessions: sql<ParticipantAdviceSession[]>`coalesce((
        select json_agg(json_build_object(
          'id', s.id, 'kind', s.kind, 'givenOn', s.given_on, 'minutes', s.minutes, 'topic', s.topic,
          'notes', case when s.confidential and not ${canRead}::boolean then '' else s.notes end,
          'confidential', s.confidential,
          'notesHidden', s.confidential and not ${canRead}::boolean,
          'advisorName', u.name
        ) order by s.given_on desc, s.created_at desc)
        from (
          select * from advice_sessions
          where locality_id = ${opts.localityId}::uuid and person_id = ${opts.personId}::uuid
          order by given_on desc, created_at desc limit 20
        ) s
        left join users u on u.id = s.advisor_user_id
      ), '[]'::json)`,
      upcoming: sql<ParticipantAppointment[]>`coalesce((
        select json_agg(json_build_object(
          'id', a.id, 'status', a.status, 'kind', a.kind, 'topic', a.topic,
          'preferredTimes', a.preferred_times, 'startsAt', sl.starts_at, 'minutes', sl.minutes,
          'place', sl.place, 'advisorName', u.name
        ) order by coalesce(sl.starts_at, a.created_at))
        from appointments a
        left join advice_slots sl on sl.id = a.slot_id
        left join users u on u.id = sl.advisor_user_id
        where a.locality_id = ${opts.localityId}::uuid and a.person_id = ${opts.personId}::uuid
          and (a.status = 'requested' or (a.status = 'booked' and sl.starts_at >= ${now}::timestamptz))
      ), '[]'::json)`,
    })
    .from(localities)
    .where(eq(localities.id, opts.localityId))
    .limit(1);
  return { sessions: row?.sessions ?? [], upcoming: row?.upcoming ?? [] };
}
