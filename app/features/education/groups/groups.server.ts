import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../../db/client.ts';
import {
  calendarFeeds,
  clubs,
  curricula,
  people,
  studyAttendance,
  studyGroupFacilitators,
  studyGroupMembers,
  studyGroups,
  studySessionModules,
  studySessions,
} from '../../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../../lib/actor.ts';
import { writeAudit } from '../../../lib/audit.server.ts';
import { dateInputValue } from '../../../lib/dates.ts';
import { AppError, type FieldError } from '../../../lib/errors.ts';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../../lib/i18n/i18n.ts';
import { hashToken, newToken } from '../../../lib/tokens.server.ts';
import { warsawToInstant } from '../../meetings/meeting.rules.ts';
import { validatePerson } from '../../people/people.server.ts';
import type { PersonFields } from '../../people/person.schema.ts';
import { explainQualification, qualificationFor, wouldCreateCycle } from '../leaders/qualification.server.ts';
import { canRunGroup, isEducationStaff } from './groups.policy.ts';
import {
  ATTENDANCE_STATUSES,
  type AttendanceStatus,
  FACILITATOR_ROLES,
  type GroupValues,
  groupBase,
  groupSchema,
  isUuid,
  memberSchema,
  type SessionValues,
  sessionSchema,
} from './groups.schema.ts';

export type Ctx = { actor: Actor; locality: ActorLocality };

async function audit(
  db: Db,
  ctx: Ctx,
  action: string,
  entityType: string,
  id: string | null,
  details: Record<string, unknown> = {},
) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType,
    entityId: id,
    details,
  });
}

/** Validates plain values with a schema whose messages are message ids; a failure is an AppError with field errors. */
export function validate<S extends z.ZodType>(schema: S, values: unknown, formKey: MessageKey): z.output<S> {
  const r = schema.safeParse(values);
  if (r.success) return r.data;
  const errors: Record<string, FieldError> = {};
  for (const issue of r.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (!errors[field]) errors[field] = issue.message as MessageKey;
  }
  throw new AppError('BAD_REQUEST', formKey, {}, errors);
}

function forbidden(): never {
  throw new AppError('FORBIDDEN', 'errors.403.body');
}
function notFound(): never {
  throw new AppError('NOT_FOUND', 'errors.404.body');
}

/** SQL: does the signed-in user's person facilitate the group `groupIdCol`? */
export function facilitatesSql(actorUserId: string, groupIdCol: SQL = sql`"study_groups"."id"`) {
  return sql<boolean>`exists (select 1 from ${studyGroupFacilitators} f join ${people} p on p.id = f.person_id
    where f.group_id = ${groupIdCol} and p.user_id = ${actorUserId} and p.erased_at is null)`;
}

export type GroupRow = {
  id: string;
  kind: string;
  name: string;
  curriculumId: string | null;
  startsOn: string;
  endsOn: string | null;
  scheduleMinutes: number;
  place: string;
  facilitates: boolean;
};

/**
 * The group of this locality that the actor may run: another locality's or an unknown id → 404,
 * a leader who does not facilitate it (or another role) → 403.
 */
export async function requireGroup(db: Db, ctx: Ctx, groupId: string): Promise<GroupRow> {
  if (!isUuid(groupId)) notFound();
  const [g] = await db
    .select({
      id: studyGroups.id,
      kind: studyGroups.kind,
      name: studyGroups.name,
      curriculumId: studyGroups.curriculumId,
      startsOn: studyGroups.startsOn,
      endsOn: studyGroups.endsOn,
      scheduleMinutes: studyGroups.scheduleMinutes,
      place: studyGroups.place,
      facilitates: facilitatesSql(ctx.actor.userId),
    })
    .from(studyGroups)
    .where(and(eq(studyGroups.id, groupId), eq(studyGroups.localityId, ctx.locality.localityId)))
    .limit(1);
  if (!g) notFound();
  if (!canRunGroup(ctx.actor, ctx.locality, Boolean(g.facilitates))) forbidden();
  return { ...g, facilitates: Boolean(g.facilitates) };
}

function statusFor(startsOn: string, endsOn: string | null | undefined, today: string) {
  if (startsOn > today) return 'planned';
  if (endsOn && endsOn < today) return 'finished';
  return 'running';
}

async function requirePerson(db: Db, ctx: Ctx, personId: string, field: string, key: MessageKey) {
  if (!isUuid(personId))
    throw new AppError('BAD_REQUEST', 'education.groups.form.invalid', {}, { [field]: key });
  const [p] = await db
    .select({ id: people.id })
    .from(people)
    .where(
      and(eq(people.id, personId), eq(people.localityId, ctx.locality.localityId), isNull(people.erasedAt)),
    )
    .limit(1);
  if (!p) throw new AppError('BAD_REQUEST', 'education.groups.form.invalid', {}, { [field]: key });
}

/**
 * Adds a facilitator inside a transaction. For a self-education group the person must hold a
 * leader qualification that is not revoked; it is recorded (the cascade's edge).
 */
async function insertFacilitator(
  tx: Db,
  ctx: Ctx,
  group: { id: string; kind: string },
  personId: string,
  role: string,
) {
  await requirePerson(tx, ctx, personId, 'personId', 'education.groups.facilitator.unknownPerson');
  const localityId = ctx.locality.localityId;
  const qualification = await qualificationFor(tx, { localityId, personId });
  if (group.kind === 'self_education' && !qualification) {
    const why = await explainQualification(tx, { localityId, personId });
    throw new AppError(
      'DOMAIN_RULE',
      'education.groups.facilitator.unqualified',
      {},
      { personId: why.message },
    );
  }
  if (await wouldCreateCycle(tx, { localityId, personId, groupId: group.id, as: 'facilitator' }))
    throw new AppError(
      'DOMAIN_RULE',
      'education.groups.facilitator.cycle',
      {},
      {
        personId: 'education.groups.facilitator.cycle',
      },
    );
  const qualificationId = qualification?.id ?? null;
  const inserted = await tx
    .insert(studyGroupFacilitators)
    .values({ groupId: group.id, personId, localityId: ctx.locality.localityId, role, qualificationId })
    .onConflictDoNothing()
    .returning({ personId: studyGroupFacilitators.personId });
  if (!inserted.length)
    throw new AppError(
      'CONFLICT',
      'education.groups.facilitator.already',
      {},
      {
        personId: 'education.groups.facilitator.already',
      },
    );
  await audit(tx, ctx, 'education.group.facilitator_add', 'study_group', group.id, {
    personId,
    role,
    qualificationId,
  });
}

/**
 * Creates a group (staff). A self-education group's facilitator may be given at once
 * (`facilitatorPersonId`); `requireFacilitator` makes it mandatory (the page does).
 */
export async function createGroup(
  db: Db,
  ctx: Ctx & {
    values: (GroupValues | Record<string, unknown>) & { facilitatorPersonId?: string };
    requireFacilitator?: boolean;
    today?: string;
  },
): Promise<string> {
  if (!isEducationStaff(ctx.actor, ctx.locality)) forbidden();
  const v = validate(groupSchema, ctx.values, 'education.groups.form.invalid');
  const rawFacilitator = (ctx.values as Record<string, unknown>).facilitatorPersonId;
  const facilitator = typeof rawFacilitator === 'string' ? rawFacilitator.trim() : '';
  if (ctx.requireFacilitator && v.kind === 'self_education' && !facilitator)
    throw new AppError(
      'BAD_REQUEST',
      'education.groups.form.invalid',
      {},
      {
        facilitatorPersonId: 'education.groups.facilitator.required',
      },
    );
  const today = ctx.today ?? todayInWarsaw();
  return db.transaction(async (tx) => {
    if (v.curriculumId) {
      const [c] = await tx
        .select({ id: curricula.id })
        .from(curricula)
        .where(and(eq(curricula.id, v.curriculumId), eq(curricula.localityId, ctx.locality.localityId)));
      if (!c)
        throw new AppError(
          'BAD_REQUEST',
          'education.groups.form.invalid',
          {},
          {
            curriculumId: 'education.groups.curriculum.unknown',
          },
        );
    }
    if (v.clubId) {
      const [c] = await tx
        .select({ id: clubs.id })
        .from(clubs)
        .where(and(eq(clubs.id, v.clubId), eq(clubs.localityId, ctx.locality.localityId)));
      if (!c)
        throw new AppError(
          'BAD_REQUEST',
          'education.groups.form.invalid',
          {},
          {
            clubId: 'education.groups.club.unknown',
          },
        );
    }
    const [row] = await tx
      .insert(studyGroups)
      .values({
        localityId: ctx.locality.localityId,
        kind: v.kind,
        name: v.name,
        curriculumId: v.curriculumId ?? null,
        clubId: v.clubId ?? null,
        startsOn: v.startsOn,
        endsOn: v.endsOn ?? null,
        scheduleWeekday: v.scheduleWeekday ?? null,
        scheduleTime: v.scheduleTime ?? '',
        scheduleMinutes: v.scheduleMinutes ?? 120,
        scheduleEveryWeeks: v.scheduleEveryWeeks ?? 1,
        place: v.place ?? '',
        status: statusFor(v.startsOn, v.endsOn, today),
        createdBy: ctx.actor.userId,
      })
      .returning({ id: studyGroups.id });
    const id = row!.id;
    await audit(tx, ctx, 'education.group.create', 'study_group', id, { kind: v.kind, name: v.name });
    if (facilitator) await insertFacilitator(tx, ctx, { id, kind: v.kind }, facilitator, 'lead');
    return id;
  });
}

/** Adds a facilitator (staff). A self-education group needs a qualified leader; the refusal says what is missing. */
export async function addFacilitator(
  db: Db,
  ctx: Ctx & { groupId: string; personId: string; role?: string },
): Promise<void> {
  if (!isEducationStaff(ctx.actor, ctx.locality)) forbidden();
  const role = ctx.role && (FACILITATOR_ROLES as readonly string[]).includes(ctx.role) ? ctx.role : 'lead';
  await db.transaction(async (tx) => {
    const g = await requireGroup(tx, ctx, ctx.groupId);
    await insertFacilitator(tx, ctx, g, ctx.personId, role);
  });
}

export async function removeFacilitator(
  db: Db,
  ctx: Ctx & { groupId: string; personId: string },
): Promise<void> {
  if (!isEducationStaff(ctx.actor, ctx.locality)) forbidden();
  await db.transaction(async (tx) => {
    const g = await requireGroup(tx, ctx, ctx.groupId);
    if (!isUuid(ctx.personId)) notFound();
    const gone = await tx
      .delete(studyGroupFacilitators)
      .where(and(eq(studyGroupFacilitators.groupId, g.id), eq(studyGroupFacilitators.personId, ctx.personId)))
      .returning({ personId: studyGroupFacilitators.personId });
    if (!gone.length) notFound();
    await audit(tx, ctx, 'education.group.facilitator_remove', 'study_group', g.id, {
      personId: ctx.personId,
    });
  });
}

/** Adds a person of this locality as a member (staff, or the group's leader). */
export async function addMember(
  db: Db,
  ctx: Ctx & { groupId: string; personId: string; joinedOn: string },
): Promise<string> {
  const v = validate(
    memberSchema,
    { personId: ctx.personId, joinedOn: ctx.joinedOn },
    'education.groups.form.invalid',
  );
  return db.transaction(async (tx) => {
    const g = await requireGroup(tx, ctx, ctx.groupId);
    await requirePerson(tx, ctx, v.personId, 'personId', 'education.groups.member.person.required');
    const [row] = await tx
      .insert(studyGroupMembers)
      .values({
        groupId: g.id,
        personId: v.personId,
        localityId: ctx.locality.localityId,
        joinedOn: v.joinedOn,
      })
      .onConflictDoNothing()
      .returning({ id: studyGroupMembers.id });
    if (!row)
      throw new AppError(
        'CONFLICT',
        'education.groups.member.already',
        {},
        {
          personId: 'education.groups.member.already',
        },
      );
    await audit(tx, ctx, 'education.group.member_add', 'study_group', g.id, {
      personId: v.personId,
      memberId: row.id,
    });
    return row.id;
  });
}

/**
 * Removes a member. Without attendance the row is deleted; with attendance recorded the member
 * is marked as having left (`leftOn`), so the registers stay true.
 */
export async function removeMember(
  db: Db,
  ctx: Ctx & { groupId: string; memberId: string; today?: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const g = await requireGroup(tx, ctx, ctx.groupId);
    if (!isUuid(ctx.memberId)) notFound();
    const [m] = await tx
      .select({
        id: studyGroupMembers.id,
        personId: studyGroupMembers.personId,
        marks: sql<number>`(select count(*)::int from ${studyAttendance} a where a.member_id = "study_group_members"."id")`,
      })
      .from(studyGroupMembers)
      .where(and(eq(studyGroupMembers.id, ctx.memberId), eq(studyGroupMembers.groupId, g.id)));
    if (!m) notFound();
    if (Number(m.marks) > 0)
      await tx
        .update(studyGroupMembers)
        .set({ leftOn: ctx.today ?? todayInWarsaw() })
        .where(eq(studyGroupMembers.id, m.id));
    else await tx.delete(studyGroupMembers).where(eq(studyGroupMembers.id, m.id));
    await audit(tx, ctx, 'education.group.member_remove', 'study_group', g.id, {
      personId: m.personId,
      memberId: m.id,
      kept: Number(m.marks) > 0,
    });
  });
}

async function checkModules(tx: Db, ctx: Ctx, curriculumId: string | null, moduleIds: string[]) {
  if (!moduleIds.length) return;
  const ok = curriculumId
    ? await tx
        .select({ id: sql<string>`id` })
        .from(sql`curriculum_modules`)
        .where(
          sql`id in (${sql.join(
            moduleIds.map((m) => sql`${m}::uuid`),
            sql`, `,
          )}) and curriculum_id = ${curriculumId} and locality_id = ${ctx.locality.localityId}`,
        )
    : [];
  if (ok.length !== new Set(moduleIds).size)
    throw new AppError(
      'BAD_REQUEST',
      'education.sessions.form.invalid',
      {},
      {
        moduleIds: 'education.sessions.modules.unknown',
      },
    );
}

/** Adds a session within the group's dates (staff, or the group's leader); the modules must be the programme's. */
export async function addSession(
  db: Db,
  ctx: Ctx & { groupId: string; values: SessionValues },
): Promise<string> {
  const v = validate(sessionSchema, ctx.values, 'education.sessions.form.invalid');
  const startsAt = warsawToInstant(v.startsOn, v.startsAt);
  if (!startsAt)
    throw new AppError(
      'BAD_REQUEST',
      'education.sessions.form.invalid',
      {},
      {
        startsAt: 'education.sessions.startsAt.skipped',
      },
    );
  return db.transaction(async (tx) => {
    const g = await requireGroup(tx, ctx, ctx.groupId);
    if (v.startsOn < g.startsOn || (g.endsOn && v.startsOn > g.endsOn)) {
      const key: MessageKey = g.endsOn ? 'education.sessions.outside' : 'education.sessions.beforeStart';
      const values = { startsOn: dateInputValue(g.startsOn), endsOn: dateInputValue(g.endsOn) };
      throw new AppError('DOMAIN_RULE', 'education.sessions.form.invalid', {}, { startsOn: { key, values } });
    }
    const moduleIds = [...new Set(v.moduleIds ?? [])];
    await checkModules(tx, ctx, g.curriculumId, moduleIds);
    const [row] = await tx
      .insert(studySessions)
      .values({
        groupId: g.id,
        localityId: ctx.locality.localityId,
        startsAt,
        minutes: v.minutes,
        place: v.place ?? g.place,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: studySessions.id });
    const id = row!.id;
    if (moduleIds.length)
      await tx
        .insert(studySessionModules)
        .values(
          moduleIds.map((moduleId) => ({ sessionId: id, moduleId, localityId: ctx.locality.localityId })),
        );
    await audit(tx, ctx, 'education.session.create', 'study_session', id, {
      groupId: g.id,
      startsOn: v.startsOn,
      minutes: v.minutes,
      modules: moduleIds.length,
    });
    return id;
  });
}

/** Cancels (or restores) a session; raises its version so calendars update. */
export async function setSessionCancelled(
  db: Db,
  ctx: Ctx & { groupId: string; sessionId: string; cancelled: boolean },
): Promise<void> {
  await db.transaction(async (tx) => {
    const g = await requireGroup(tx, ctx, ctx.groupId);
    if (!isUuid(ctx.sessionId)) notFound();
    const done = await tx
      .update(studySessions)
      .set({ cancelled: ctx.cancelled, version: sql`${studySessions.version} + 1` })
      .where(and(eq(studySessions.id, ctx.sessionId), eq(studySessions.groupId, g.id)))
      .returning({ id: studySessions.id });
    if (!done.length) notFound();
    await audit(
      tx,
      ctx,
      ctx.cancelled ? 'education.session.cancel' : 'education.session.restore',
      'study_session',
      ctx.sessionId,
      {
        groupId: g.id,
      },
    );
  });
}

/**
 * Records the attendance of a whole session in one go: one select (the session, the group, the
 * actor's right, which of the given ids are members, which modules are the programme's), one
 * INSERT … ON CONFLICT for every mark, the modules covered replaced in one statement when given,
 * one audit row. An id that is not a member of the group → refused, nothing saved.
 */
export async function recordAttendance(
  db: Db,
  ctx: Ctx & {
    sessionId: string;
    statuses: Record<string, AttendanceStatus | string>;
    moduleIds?: string[];
    groupId?: string;
  },
): Promise<{ present: number; absent: number; excused: number }> {
  if (!isUuid(ctx.sessionId) || (ctx.groupId !== undefined && !isUuid(ctx.groupId))) notFound();
  const entries = Object.entries(ctx.statuses);
  if (!entries.length)
    throw new AppError(
      'BAD_REQUEST',
      'education.attendance.empty',
      {},
      { _form: 'education.attendance.empty' },
    );
  const errors: Record<string, FieldError> = {};
  for (const [memberId, status] of entries) {
    if (!isUuid(memberId)) errors._form = 'education.attendance.notMember';
    else if (!(ATTENDANCE_STATUSES as readonly string[]).includes(status))
      errors[`status-${memberId}`] = 'education.attendance.status.invalid';
  }
  if (Object.keys(errors).length)
    throw new AppError('BAD_REQUEST', 'education.attendance.invalid', {}, errors);
  const moduleIds = ctx.moduleIds ? [...new Set(ctx.moduleIds)] : undefined;
  if (moduleIds?.some((m) => !isUuid(m)))
    throw new AppError(
      'BAD_REQUEST',
      'education.attendance.invalid',
      {},
      {
        moduleIds: 'education.sessions.modules.unknown',
      },
    );
  const ids = entries.map(([id]) => id);
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const moduleList = moduleIds?.length
    ? sql.join(
        moduleIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )
    : sql`null::uuid`;
  return db.transaction(async (tx) => {
    const [s] = await tx
      .select({
        id: studySessions.id,
        groupId: studySessions.groupId,
        cancelled: studySessions.cancelled,
        facilitates: facilitatesSql(ctx.actor.userId, sql`"study_sessions"."group_id"`),
        members: sql<string[]>`coalesce((select json_agg(m.id) from ${studyGroupMembers} m
          where m.group_id = "study_sessions"."group_id" and m.id in (${idList})), '[]'::json)`,
        modules: sql<string[]>`coalesce((select json_agg(cm.id) from curriculum_modules cm
          join ${studyGroups} g on g.curriculum_id = cm.curriculum_id
          where g.id = "study_sessions"."group_id" and cm.id in (${moduleList})), '[]'::json)`,
      })
      .from(studySessions)
      .where(
        and(
          eq(studySessions.id, ctx.sessionId),
          eq(studySessions.localityId, ctx.locality.localityId),
          ...(ctx.groupId ? [eq(studySessions.groupId, ctx.groupId)] : []),
        ),
      )
      .limit(1);
    if (!s) notFound();
    if (!canRunGroup(ctx.actor, ctx.locality, Boolean(s.facilitates))) forbidden();
    if (s.cancelled) throw new AppError('DOMAIN_RULE', 'education.attendance.cancelled');
    const members = new Set(typeof s.members === 'string' ? (JSON.parse(s.members) as string[]) : s.members);
    if (ids.some((id) => !members.has(id)))
      throw new AppError(
        'BAD_REQUEST',
        'education.attendance.notMember',
        {},
        {
          _form: 'education.attendance.notMember',
        },
      );
    const modules = typeof s.modules === 'string' ? (JSON.parse(s.modules) as string[]) : s.modules;
    if (moduleIds && modules.length !== moduleIds.length)
      throw new AppError(
        'BAD_REQUEST',
        'education.attendance.invalid',
        {},
        {
          moduleIds: 'education.sessions.modules.unknown',
        },
      );
    await tx
      .insert(studyAttendance)
      .values(
        entries.map(([memberId, status]) => ({
          sessionId: s.id,
          memberId,
          localityId: ctx.locality.localityId,
          status,
          recordedBy: ctx.actor.userId,
        })),
      )
      .onConflictDoUpdate({
        target: [studyAttendance.sessionId, studyAttendance.memberId],
        set: { status: sql`excluded.status`, recordedBy: sql`excluded.recorded_by` },
      });
    if (moduleIds) {
      // Replace the modules covered in one statement.
      const keep = moduleIds.length ? sql`and module_id not in (${moduleList})` : sql``;
      await tx.execute(sql`with gone as (
          delete from ${studySessionModules} where session_id = ${s.id} ${keep} returning 1)
        insert into ${studySessionModules} (session_id, module_id, locality_id)
        select ${s.id}::uuid, m, ${ctx.locality.localityId}::uuid
        from unnest(array[${moduleList}]) as m where m is not null
        on conflict do nothing`);
    }
    const counts = { present: 0, absent: 0, excused: 0 };
    for (const [, status] of entries) counts[status as AttendanceStatus] += 1;
    await audit(tx, ctx, 'education.attendance.record', 'study_session', s.id, {
      groupId: s.groupId,
      ...counts,
      ...(moduleIds ? { modules: moduleIds.length } : {}),
    });
    return counts;
  });
}

/**
 * Records a new person with the minimum data and the GDPR basis and adds them as a member, in one
 * transaction (staff, or the group's leader).
 */
export async function addNewMember(
  db: Db,
  ctx: Ctx & { groupId: string; person: PersonFields; joinedOn: string },
): Promise<{ personId: string; memberId: string }> {
  const person = validatePerson(ctx.person);
  const { joinedOn } = validate(
    memberSchema.pick({ joinedOn: true }),
    { joinedOn: ctx.joinedOn },
    'education.groups.form.invalid',
  );
  return db.transaction(async (tx) => {
    const g = await requireGroup(tx, ctx, ctx.groupId);
    const [p] = await tx
      .insert(people)
      .values({ ...person, localityId: ctx.locality.localityId, createdBy: ctx.actor.userId })
      .returning({ id: people.id });
    const [m] = await tx
      .insert(studyGroupMembers)
      .values({ groupId: g.id, personId: p!.id, localityId: ctx.locality.localityId, joinedOn })
      .returning({ id: studyGroupMembers.id });
    await writeAudit(tx, {
      actorUserId: ctx.actor.userId,
      localityId: ctx.locality.localityId,
      requestId: ctx.actor.requestId,
      action: 'person.create',
      entityType: 'person',
      entityId: p!.id,
      details: { legalBasis: person.legalBasis, via: 'study_group' },
    });
    await audit(tx, ctx, 'education.group.member_add', 'study_group', g.id, {
      personId: p!.id,
      memberId: m!.id,
    });
    return { personId: p!.id, memberId: m!.id };
  });
}

/**
 * A person's calendar feed: a new secret (stored hashed) for the signed-in user's own person in
 * this locality; earlier feeds of that person are revoked. Returns the token (shown once).
 */
export async function createCalendarFeed(db: Db, ctx: Ctx): Promise<string> {
  return db.transaction(async (tx) => {
    const [p] = await tx
      .select({ id: people.id })
      .from(people)
      .where(
        and(
          eq(people.userId, ctx.actor.userId),
          eq(people.localityId, ctx.locality.localityId),
          isNull(people.erasedAt),
        ),
      )
      .limit(1);
    if (!p) throw new AppError('DOMAIN_RULE', 'education.groups.feed.noPerson');
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.personId, p.id), isNull(calendarFeeds.revokedAt)));
    const token = newToken();
    await tx
      .insert(calendarFeeds)
      .values({ tokenHash: hashToken(token), localityId: ctx.locality.localityId, personId: p.id });
    await audit(tx, ctx, 'education.calendar_feed.create', 'person', p.id);
    return token;
  });
}

/**
 * Turns the signed-in person's calendar feed off: every feed address of theirs in this locality
 * stops working. Returns how many were active (0: nothing to turn off).
 */
export async function revokeCalendarFeeds(db: Db, ctx: Ctx): Promise<number> {
  return db.transaction(async (tx) => {
    const [p] = await tx
      .select({ id: people.id })
      .from(people)
      .where(
        and(
          eq(people.userId, ctx.actor.userId),
          eq(people.localityId, ctx.locality.localityId),
          isNull(people.erasedAt),
        ),
      )
      .limit(1);
    if (!p) throw new AppError('DOMAIN_RULE', 'education.groups.feed.noPerson');
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.personId, p.id), isNull(calendarFeeds.revokedAt)))
      .returning({ personId: calendarFeeds.personId });
    if (revoked.length > 0) await audit(tx, ctx, 'education.calendar_feed.revoke', 'person', p.id);
    return revoked.length;
  });
}

/** The person and locality of a calendar feed token (not revoked), or null. */
export async function feedOwner(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select({ personId: calendarFeeds.personId, localityId: calendarFeeds.localityId })
    .from(calendarFeeds)
    .innerJoin(people, eq(people.id, calendarFeeds.personId))
    .where(
      and(
        eq(calendarFeeds.tokenHash, hashToken(token)),
        isNull(calendarFeeds.revokedAt),
        isNull(people.erasedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Changes a group's recurring schedule and place (staff, or the group's leader). */
export async function updateSchedule(
  db: Db,
  ctx: Ctx & {
    groupId: string;
    values: Pick<
      GroupValues,
      'scheduleWeekday' | 'scheduleTime' | 'scheduleMinutes' | 'scheduleEveryWeeks' | 'place'
    >;
  },
): Promise<void> {
  const v = validate(
    groupBase.pick({
      scheduleWeekday: true,
      scheduleTime: true,
      scheduleMinutes: true,
      scheduleEveryWeeks: true,
      place: true,
    }),
    ctx.values,
    'education.groups.form.invalid',
  );
  await db.transaction(async (tx) => {
    const g = await requireGroup(tx, ctx, ctx.groupId);
    await tx
      .update(studyGroups)
      .set({
        scheduleWeekday: v.scheduleWeekday ?? null,
        scheduleTime: v.scheduleTime ?? '',
        scheduleMinutes: v.scheduleMinutes ?? 120,
        scheduleEveryWeeks: v.scheduleEveryWeeks ?? 1,
        ...(v.place !== undefined ? { place: v.place } : {}),
        updatedAt: new Date(),
      })
      .where(eq(studyGroups.id, g.id));
    await audit(tx, ctx, 'education.group.schedule', 'study_group', g.id, {
      weekday: v.scheduleWeekday ?? null,
      time: v.scheduleTime ?? '',
    });
  });
}
