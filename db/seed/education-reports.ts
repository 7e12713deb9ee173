import { sql } from 'drizzle-orm';
import { submitFeedback } from '../../app/features/education/feedback/feedback.server.ts';
import type { Actor, ActorLocality } from '../../app/lib/actor.ts';
import type { Db } from '../client.ts';
import { coordinatorContext, type Place } from './partnerships.ts';

/** Varied answers (usefulness, clarity, comment) handed out in turn; comments in plain Polish. */
const ANSWERS: [number, number, string][] = [
  [5, 4, 'Najbardziej przydały mi się przykłady z naszej okolicy.'],
  [4, 4, ''],
  [3, 2, 'Za dużo trudnych słów. Proszę mówić prościej.'],
  [5, 5, ''],
  [4, 3, 'Dobrze, że można było zadawać pytania.'],
  [2, 3, 'Za krótko. Chciałabym więcej czasu na rozmowę w grupach.'],
  [4, 5, ''],
  [5, 4, 'Teraz wiem, od czego zacząć spółdzielnię.'],
  [3, 4, ''],
  [4, 4, 'Materiały na papierze bardzo pomagają.'],
  [5, 5, 'Poznałam sąsiadów, z którymi chcę coś razem zrobić.'],
  [3, 3, ''],
  [4, 2, 'Nie zrozumiałem, skąd wziąć pieniądze na start. Proszę to powtórzyć.'],
  [5, 4, ''],
  [2, 2, 'Było za głośno, trudno było słyszeć.'],
];

type Row = Record<string, unknown>;
async function rows(db: Db, query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
}

async function seedPlace(db: Db, today: string, place: Place, maxSessions: number) {
  const ctx = await coordinatorContext(db, place);
  const now = new Date(`${today}T00:00:00Z`);
  // Past sessions held in the locality, with how many members were there.
  const sessions = await rows(
    db,
    sql`select s.id, (select count(*) from study_attendance a
                      where a.session_id = s.id and a.status = 'present')::int as present
        from study_sessions s
        where s.locality_id = ${place.locality.id} and not s.cancelled and s.starts_at < ${now.toISOString()}::timestamptz
          and not exists (select 1 from session_feedback f where f.session_id = s.id and f.member_id is null)
        order by s.starts_at, s.id
        limit ${maxSessions}`,
  );
  let turn = 0;
  for (const [i, s] of sessions.entries()) {
    // Paper forms typed in by the coordinator: about half the people present answered.
    const answers = Math.max(1, Math.min(6, Math.ceil(Number(s.present) / 2) - (i % 2)));
    for (let k = 0; k < answers; k += 1) {
      const [usefulness, clarity, comment] = ANSWERS[turn % ANSWERS.length]!;
      turn += 1;
      await submitFeedback(db, {
        ...ctx,
        sessionId: String(s.id),
        mode: 'paper',
        values: { usefulness: String(usefulness), clarity: String(clarity), comment },
        now,
      });
    }
  }
}

/** A participant who has an account answers for themselves (e.g. uczestnik.poznan@splot.demo), once. */
async function seedMemberAnswers(db: Db, today: string, place: Place) {
  const now = new Date(`${today}T00:00:00Z`);
  const members = await rows(
    db,
    sql`select distinct on (u.id) u.id as user_id, u.name, u.email, s.id as session_id
        from study_group_members m
        join people p on p.id = m.person_id and p.user_id is not null
        join users u on u.id = p.user_id
        join study_sessions s on s.group_id = m.group_id and not s.cancelled and s.starts_at < ${now.toISOString()}::timestamptz
        join study_attendance a on a.session_id = s.id and a.member_id = m.id and a.status = 'present'
        where m.locality_id = ${place.locality.id}
          and not exists (select 1 from session_feedback f where f.member_id = m.id)
        order by u.id, s.starts_at desc`,
  );
  const coordinator = await coordinatorContext(db, place);
  for (const m of members) {
    const locality: ActorLocality = { ...coordinator.locality, roles: ['participant'] };
    const actor: Actor = {
      userId: String(m.user_id),
      name: String(m.name),
      email: String(m.email),
      isPlatformAdmin: false,
      locale: 'pl',
      memberships: [locality],
      requestId: 'seed-demo',
    };
    await submitFeedback(db, {
      actor,
      locality,
      sessionId: String(m.session_id),
      mode: 'member',
      values: { usefulness: '5', clarity: '4', comment: 'Pierwszy raz mówiłam przy wszystkich i się udało.' },
      now,
    });
  }
}

/**
 * Demo data: feedback after past sessions in Poznań and Wągrowiec, entered through the same use
 * case as the form (paper forms typed in by the coordinator; a participant with an account
 * answers for themselves). Runs last: it rates the sessions the groups seed created; a second
 * run adds nothing (sessions that already have answers are skipped).
 */
export async function seedEducationReports(
  db: Db,
  places: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
) {
  await seedPlace(db, places.today, places.poznan, 14);
  await seedPlace(db, places.today, places.wagrowiec, 8);
  await seedMemberAnswers(db, places.today, places.poznan);
}
