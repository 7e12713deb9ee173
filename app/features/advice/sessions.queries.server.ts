import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { adviceSessions, memberships, organisations, people, users } from '../../../db/schema/index.ts';
import { ADVICE_KINDS, isAdviceKind } from './advice.policy.ts';
import { UUID } from './appointments.server.ts';

const NONE = '00000000-0000-0000-0000-000000000000';

export type SessionFilter = { kind: string; advisor: string; month: string };

/** Reads the list filters from the URL; anything malformed is ignored, never an error. */
export function sessionFilter(url: URL): SessionFilter {
  const kind = url.searchParams.get('kind') ?? '';
  const advisor = url.searchParams.get('advisor') ?? '';
  const month = url.searchParams.get('month') ?? '';
  return {
    kind: isAdviceKind(kind) ? kind : '',
    advisor: UUID.test(advisor) ? advisor : '',
    month: /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : '',
  };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function where(localityId: string, f: SessionFilter): SQL | undefined {
  return and(
    eq(adviceSessions.localityId, localityId),
    f.kind ? eq(adviceSessions.kind, f.kind) : undefined,
    f.advisor ? eq(adviceSessions.advisorUserId, f.advisor) : undefined,
    f.month ? gte(adviceSessions.givenOn, `${f.month}-01`) : undefined,
    f.month ? lt(adviceSessions.givenOn, nextMonth(f.month)) : undefined,
  );
}

/** Who the session was for, as shown: a person's name, an organisation's, or the initiative. */
const targetName = sql<string>`coalesce(
  nullif(${people.givenName} || ' ' || ${people.familyName}, ' '), ${organisations.name}, ${adviceSessions.initiative})`;

export type SessionRow = {
  id: string;
  givenOn: string;
  kind: string;
  minutes: number;
  topic: string;
  confidential: boolean;
  advisorName: string | null;
  targetName: string;
  targetType: 'person' | 'organisation' | 'initiative';
};

/** One page of sessions (never their notes), newest first. */
export async function listSessions(
  db: Db,
  opts: { localityId: string; filter: SessionFilter; offset: number; limit: number },
): Promise<SessionRow[]> {
  const rows = await db
    .select({
      id: adviceSessions.id,
      givenOn: adviceSessions.givenOn,
      kind: adviceSessions.kind,
      minutes: adviceSessions.minutes,
      topic: adviceSessions.topic,
      confidential: adviceSessions.confidential,
      advisorName: users.name,
      targetName,
      personId: adviceSessions.personId,
      organisationId: adviceSessions.organisationId,
    })
    .from(adviceSessions)
    .leftJoin(users, eq(users.id, adviceSessions.advisorUserId))
    .leftJoin(people, eq(people.id, adviceSessions.personId))
    .leftJoin(organisations, eq(organisations.id, adviceSessions.organisationId))
    .where(where(opts.localityId, opts.filter))
    .orderBy(desc(adviceSessions.givenOn), desc(adviceSessions.createdAt))
    .offset(opts.offset)
    .limit(opts.limit);
  return rows.map(({ personId, organisationId, ...r }) => ({
    ...r,
    targetType: personId ? 'person' : organisationId ? 'organisation' : 'initiative',
  }));
}

/** Sessions and minutes per kind for the filter (the list's count and the hours table). */
export async function sessionTotals(
  db: Db,
  opts: { localityId: string; filter: SessionFilter },
): Promise<{ kind: string; sessions: number; minutes: number }[]> {
  const rows = await db
    .select({
      kind: adviceSessions.kind,
      sessions: sql<number>`count(*)::int`,
      minutes: sql<number>`coalesce(sum(${adviceSessions.minutes}), 0)::int`,
    })
    .from(adviceSessions)
    .where(where(opts.localityId, opts.filter))
    .groupBy(adviceSessions.kind);
  const order = (kind: string) => (ADVICE_KINDS as readonly string[]).indexOf(kind);
  return rows.sort((a, b) => order(a.kind) - order(b.kind));
}

/** The advisors of a locality (for filters and the calendar). */
export async function listAdvisors(db: Db, opts: { localityId: string }) {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.localityId, opts.localityId), eq(memberships.role, 'advisor')))
    .orderBy(asc(users.name));
}

export type SessionView = {
  id: string;
  kind: string;
  givenOn: string;
  minutes: number;
  topic: string;
  /** Blank when confidential and the reader may not see it (decided in SQL, not in the page). */
  notes: string;
  confidential: boolean;
  notesHidden: boolean;
  initiative: string;
  personId: string | null;
  personName: string | null;
  organisationId: string | null;
  organisationName: string | null;
  advisorName: string | null;
  advisorUserId: string | null;
};

/**
 * One session of the locality. Confidential notes leave the database only for a reader who
 * may see them; anyone else gets '' and `notesHidden`.
 */
export async function getSession(
  db: Db,
  opts: { localityId: string; id: string; canReadConfidential: boolean },
): Promise<SessionView | null> {
  if (!UUID.test(opts.id)) return null;
  const hide = sql`${adviceSessions.confidential} and not ${opts.canReadConfidential}::boolean`;
  const [row] = await db
    .select({
      id: adviceSessions.id,
      kind: adviceSessions.kind,
      givenOn: adviceSessions.givenOn,
      minutes: adviceSessions.minutes,
      topic: adviceSessions.topic,
      notes: sql<string>`case when ${hide} then '' else ${adviceSessions.notes} end`,
      notesHidden: sql<boolean>`(${hide})`,
      confidential: adviceSessions.confidential,
      initiative: adviceSessions.initiative,
      personId: adviceSessions.personId,
      personName: sql<string | null>`${people.givenName} || ' ' || ${people.familyName}`,
      organisationId: adviceSessions.organisationId,
      organisationName: organisations.name,
      advisorName: users.name,
      advisorUserId: adviceSessions.advisorUserId,
    })
    .from(adviceSessions)
    .leftJoin(users, eq(users.id, adviceSessions.advisorUserId))
    .leftJoin(people, eq(people.id, adviceSessions.personId))
    .leftJoin(organisations, eq(organisations.id, adviceSessions.organisationId))
    .where(and(eq(adviceSessions.id, opts.id), eq(adviceSessions.localityId, opts.localityId)))
    .limit(1);
  return row ?? null;
}

/** Organisations of the locality to choose from (by name), capped; and the one named, if any. */
export async function organisationChoices(db: Db, opts: { localityId: string; ids?: string[] }) {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.localityId, opts.localityId),
        opts.ids ? inArray(organisations.id, opts.ids.length ? opts.ids : [NONE]) : undefined,
      ),
    )
    .orderBy(asc(organisations.name))
    .limit(500);
  return rows;
}

/** A person's name for a form heading ("advice for Jan Kowal"); null when unknown here. */
export async function personName(db: Db, opts: { localityId: string; personId: string }) {
  if (!UUID.test(opts.personId)) return null;
  const [row] = await db
    .select({ id: people.id, name: sql<string>`${people.givenName} || ' ' || ${people.familyName}` })
    .from(people)
    .where(
      and(
        eq(people.id, opts.personId),
        eq(people.localityId, opts.localityId),
        sql`${people.erasedAt} is null`,
      ),
    )
    .limit(1);
  return row ?? null;
}
