import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlCounter } from '../../../db/client.ts';
import {
  auditLog,
  localProblems,
  memberships,
  programmeItemProblems,
  programmeItems,
} from '../../../db/schema/index.ts';
import { makeLocality, makeOrganisation, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import type { Role } from '../../lib/roles.ts';
import { addMember, savePartnership } from '../partnerships/manage-partnership.server.ts';
import { raiseProblem } from '../problems/problems.server.ts';
import { liveEvidence } from '../roadmap/roadmap.evidence.server.ts';
import { loadProgramme, programmeSummary } from './programme.queries.server.ts';
import { type ProgrammeItemInput, programmeItemSchema } from './programme.schema.ts';
import { createProgrammeItem, updateProgrammeItem } from './programme.server.ts';
import {
  cancelProgrammeItem,
  restoreProgrammeItem,
  updateProgrammeProgress,
} from './programme-progress.server.ts';

let t: TestDatabase;
let kwilcz: { id: string; slug: string; name: string };
let poznan: { id: string; slug: string; name: string };
let gops: { id: string };
let parish: { id: string };
let school: { id: string };
let poznanOrg: { id: string };
let coordinator: { id: string };
let priest: { id: string };
let advisor: { id: string };
let poznanUser: { id: string };
let partnershipId: string;
let otherPartnershipId: string;
let openProblem: string;
let pendingProblem: string;
let poznanProblem: string;
const TODAY = '2027-01-15';

const loc = (roles: Role[], organisationIds: string[] = []): ActorLocality => ({
  localityId: kwilcz.id,
  slug: kwilcz.slug,
  name: kwilcz.name,
  kind: 'rural',
  roles,
  organisationIds,
});
const coord = () => ({ actor: actorFor(coordinator), locality: loc(['coordinator']) });
const rep = () => ({ actor: actorFor(priest), locality: loc(['partner_rep'], [parish.id]) });
const input = (fields: Record<string, unknown>): ProgrammeItemInput => programmeItemSchema.parse(fields);

async function snapshot() {
  const n = async (table: typeof programmeItems | typeof programmeItemProblems | typeof auditLog) =>
    (await t.db.select({ n: count() }).from(table))[0]!.n;
  return { items: await n(programmeItems), links: await n(programmeItemProblems), audit: await n(auditLog) };
}

async function item(id: string) {
  const [row] = await t.db.select().from(programmeItems).where(eq(programmeItems.id, id));
  return row!;
}

/** Runs a use case expecting a refusal; returns the error and checks nothing was written. */
async function refused(fn: () => Promise<unknown>) {
  const before = await snapshot();
  const error = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(await snapshot()).toEqual(before);
  return error as AppError;
}

beforeAll(async () => {
  t = await createTestDatabase();
  kwilcz = await makeLocality(t.db, { terytCode: '3014022' });
  poznan = await makeLocality(t.db, { terytCode: '3064011' });
  gops = await makeOrganisation(t.db, { localityId: kwilcz.id, name: 'GOPS w Kwilczu', kind: 'ops' });
  parish = await makeOrganisation(t.db, { localityId: kwilcz.id, name: 'Parafia w Kwilczu', kind: 'parish' });
  school = await makeOrganisation(t.db, { localityId: kwilcz.id, name: 'Szkoła w Kwilczu', kind: 'school' });
  poznanOrg = await makeOrganisation(t.db, {
    localityId: poznan.id,
    name: 'Fundacja z Poznania',
    kind: 'foundation',
  });
  coordinator = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'coordinator' }] });
  priest = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'partner_rep' }] });
  await t.db.update(memberships).set({ organisationId: parish.id }).where(eq(memberships.userId, priest.id));
  advisor = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'advisor' }] });
  poznanUser = await makeUser(t.db, { roles: [{ localityId: poznan.id, role: 'advisor' }] });

  partnershipId = await savePartnership(t.db, {
    ...coord(),
    input: { name: 'Partnerstwo dla Kwilcza', aim: '', formedOn: null },
  });
  otherPartnershipId = await savePartnership(t.db, {
    ...coord(),
    input: { name: 'Drugie partnerstwo', aim: '', formedOn: null },
  });
  for (const org of [gops, parish])
    await addMember(t.db, {
      ...coord(),
      partnershipId,
      organisationId: org.id,
      role: 'partner',
      joinedOn: null,
    });
  const problem = (title: string) => ({
    title,
    description: 'Opis',
    affected: '',
    evidence: '',
    proposals: '',
  });
  openProblem = await raiseProblem(t.db, { ...coord(), input: problem('Bezrobocie kobiet') });
  const [pending] = await t.db
    .insert(localProblems)
    .values({
      localityId: kwilcz.id,
      title: 'Czeka na moderację',
      description: 'x',
      status: 'pending',
      source: 'resident',
    })
    .returning({ id: localProblems.id });
  pendingProblem = pending!.id;
  const [pz] = await t.db
    .insert(localProblems)
    .values({
      localityId: poznan.id,
      title: 'Problem z Poznania',
      description: 'x',
      status: 'open',
      source: 'staff',
    })
    .returning({ id: localProblems.id });
  poznanProblem = pz!.id;
});
afterAll(async () => {
  await t.dispose();
});

let goalId: string;
let actionId: string;
let parishTask: string;
let gopsTask: string;
let advisorTask: string;

describe('building the programme', () => {
  it('adds a goal, an action and tasks, each with its audit row and links to problems', async () => {
    const before = await snapshot();
    goalId = await createProgrammeItem(t.db, {
      ...coord(),
      partnershipId,
      today: TODAY,
      input: input({
        level: 'goal',
        title: 'Kobiety 50+ wracają do pracy',
        indicatorName: 'Osoby zatrudnione',
        indicatorUnit: 'osób',
        indicatorTarget: '10',
        indicatorActual: '2',
        problemIds: [openProblem],
      }),
    });
    actionId = await createProgrammeItem(t.db, {
      ...coord(),
      partnershipId,
      today: TODAY,
      input: input({
        level: 'action',
        parentId: goalId,
        title: 'Klub samopomocowy',
        responsibleOrganisationId: gops.id,
      }),
    });
    parishTask = await createProgrammeItem(t.db, {
      ...coord(),
      partnershipId,
      today: TODAY,
      input: input({
        level: 'task',
        parentId: actionId,
        title: 'Sala parafialna na spotkania',
        responsibleOrganisationId: parish.id,
        startsOn: '1.12.2026',
        dueOn: '10.01.2027',
        status: 'in_progress',
        progress: '40',
      }),
    });
    gopsTask = await createProgrammeItem(t.db, {
      ...coord(),
      partnershipId,
      today: TODAY,
      input: input({
        level: 'task',
        parentId: actionId,
        title: 'Nabór uczestników',
        responsibleOrganisationId: gops.id,
        dueOn: '2027-02-01',
        status: 'done',
        progress: '10',
        problemIds: [openProblem],
      }),
    });
    advisorTask = await createProgrammeItem(t.db, {
      ...coord(),
      partnershipId,
      today: TODAY,
      input: input({
        level: 'task',
        parentId: actionId,
        title: 'Doradztwo zawodowe',
        responsibleUserId: advisor.id,
      }),
    });
    const after = await snapshot();
    expect(after.items - before.items).toBe(5);
    expect(after.links - before.links).toBe(2);
    expect(after.audit - before.audit).toBe(5);
    expect(await item(gopsTask)).toMatchObject({
      status: 'done',
      progress: 100,
      completedOn: TODAY,
      position: 1,
    });

    const rows = await loadProgramme(t.db, { localityId: kwilcz.id, partnershipId, today: TODAY });
    expect(rows.map((r) => r.title)).toEqual([
      'Kobiety 50+ wracają do pracy',
      'Klub samopomocowy',
      'Sala parafialna na spotkania',
      'Nabór uczestników',
      'Doradztwo zawodowe',
    ]);
    const byTitle = new Map(rows.map((r) => [r.title, r]));
    // (40 + 100 + 0) / 3 tasks
    expect(byTitle.get('Klub samopomocowy')!.progress).toBe(47);
    expect(byTitle.get('Kobiety 50+ wracają do pracy')!.progress).toBe(47);
    expect(byTitle.get('Kobiety 50+ wracają do pracy')!.problems).toEqual([
      { id: openProblem, title: 'Bezrobocie kobiet' },
    ]);
    expect(byTitle.get('Sala parafialna na spotkania')).toMatchObject({
      overdue: true,
      responsibleOrganisationName: 'Parafia w Kwilczu',
    });
    expect(byTitle.get('Nabór uczestników')!.overdue).toBe(false);
    expect(byTitle.get('Doradztwo zawodowe')!.responsibleUserName).toMatch(/^Test User/);
  });

  it('reads the whole programme in two statements and the summary in one', async () => {
    const counter = { count: 0 };
    await sqlCounter.run(counter, () =>
      loadProgramme(t.db, { localityId: kwilcz.id, partnershipId, today: TODAY }),
    );
    expect(counter.count).toBe(2);
    const c2 = { count: 0 };
    const summary = await sqlCounter.run(c2, () =>
      programmeSummary(t.db, { localityId: kwilcz.id, partnershipId, today: TODAY }),
    );
    expect(c2.count).toBe(1);
    expect(summary).toEqual({
      goals: [
        { id: goalId, title: 'Kobiety 50+ wracają do pracy', status: 'planned', progress: 47, tasks: 3 },
      ],
      tasks: 3,
      done: 1,
      overdue: 1,
    });
  });

  it('shows the roadmap evidence in Polish with the right plural forms', async () => {
    const evidence = await liveEvidence(t.db, { localityId: kwilcz.id });
    const { t: tr } = getI18n('pl');
    expect(tr(evidence.programmes_and_funding!.key, evidence.programmes_and_funding!.values)).toBe(
      'Program działania: 1 cel, 3 zadania, 1 wykonane',
    );
    expect(
      getI18n('en').t(evidence.programmes_and_funding!.key, evidence.programmes_and_funding!.values),
    ).toBe('Programme of action: 1 goal, 3 tasks, 1 done');
  });
});

describe('bad input: a clear message and nothing half-saved', () => {
  const task = (fields: Record<string, unknown>) =>
    input({ level: 'task', parentId: actionId, title: 'Zadanie', ...fields });

  it('refuses dates in the wrong order', async () => {
    const e = await refused(() =>
      createProgrammeItem(t.db, {
        ...coord(),
        partnershipId,
        input: task({ startsOn: '2027-03-10', dueOn: '2027-03-01', problemIds: [openProblem] }),
      }),
    );
    expect(e.fieldErrors).toEqual({ dueOn: 'programme.errors.datesOrder' });
  });

  it('refuses an organisation of another locality as if it were unknown', async () => {
    const e = await refused(() =>
      createProgrammeItem(t.db, {
        ...coord(),
        partnershipId,
        input: task({ responsibleOrganisationId: poznanOrg.id }),
      }),
    );
    expect(e.fieldErrors).toEqual({ responsibleOrganisationId: 'programme.errors.organisationNotMember' });
    expect(getI18n('en').t(e.messageKey)).toContain('must be a member of this partnership');
  });

  it('refuses an organisation of this locality that is not a member of the partnership', async () => {
    const e = await refused(() =>
      createProgrammeItem(t.db, {
        ...coord(),
        partnershipId,
        input: task({ responsibleOrganisationId: school.id }),
      }),
    );
    expect(e.messageKey).toBe('programme.errors.organisationNotMember');
  });

  it('refuses a person without a role in this locality', async () => {
    const e = await refused(() =>
      createProgrammeItem(t.db, {
        ...coord(),
        partnershipId,
        input: task({ responsibleUserId: poznanUser.id }),
      }),
    );
    expect(e.fieldErrors).toEqual({ responsibleUserId: 'programme.errors.userNotInLocality' });
  });

  it('refuses problems waiting for moderation or from another locality', async () => {
    for (const problemId of [pendingProblem, poznanProblem]) {
      const e = await refused(() =>
        createProgrammeItem(t.db, {
          ...coord(),
          partnershipId,
          input: task({ problemIds: [openProblem, problemId] }),
        }),
      );
      expect(e.fieldErrors).toEqual({ problemIds: 'programme.errors.problemUnknown' });
    }
  });

  it('keeps the tree in shape: a task under a goal, an action without a goal, a parent of another partnership', async () => {
    expect(
      (
        await refused(() =>
          createProgrammeItem(t.db, { ...coord(), partnershipId, input: task({ parentId: goalId }) }),
        )
      ).fieldErrors,
    ).toEqual({ parentId: 'programme.errors.taskNeedsAction' });
    expect(
      (
        await refused(() =>
          createProgrammeItem(t.db, {
            ...coord(),
            partnershipId,
            input: input({ level: 'action', title: 'X' }),
          }),
        )
      ).messageKey,
    ).toBe('programme.errors.actionNeedsGoal');
    expect(
      (
        await refused(() =>
          createProgrammeItem(t.db, { ...coord(), partnershipId: otherPartnershipId, input: task({}) }),
        )
      ).messageKey,
    ).toBe('programme.errors.taskNeedsAction');
  });

  it('treats a partnership of another locality as unknown, and refuses anyone but the coordinator', async () => {
    const poznanCtx = {
      actor: actorFor(coordinator),
      locality: { ...loc(['coordinator']), localityId: poznan.id, slug: poznan.slug },
    };
    expect(
      (await refused(() => createProgrammeItem(t.db, { ...poznanCtx, partnershipId, input: task({}) }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (await refused(() => createProgrammeItem(t.db, { ...rep(), partnershipId, input: task({}) }))).code,
    ).toBe('FORBIDDEN');
    const unknownDecision = '33333333-3333-4333-8333-333333333333';
    expect(
      (
        await refused(() =>
          createProgrammeItem(t.db, {
            ...coord(),
            partnershipId,
            input: task({}),
            decisionId: unknownDecision,
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });
});

describe('reporting progress', () => {
  it('lets a partner representative update their organisation’s task', async () => {
    const before = await item(parishTask);
    await updateProgrammeProgress(t.db, {
      ...rep(),
      partnershipId,
      itemId: parishTask,
      today: TODAY,
      input: { status: 'done', progress: 80, indicatorActual: '3', version: before.version },
    });
    expect(await item(parishTask)).toMatchObject({
      status: 'done',
      progress: 100,
      completedOn: TODAY,
      indicatorActual: '3.00',
      version: before.version + 1,
    });
    const [audit] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, parishTask), eq(auditLog.action, 'programme_item.progress')));
    expect(audit!.n).toBe(1);
  });

  it('refuses the partner representative on another organisation’s task, and cancelling', async () => {
    const e = await refused(() =>
      updateProgrammeProgress(t.db, {
        ...rep(),
        partnershipId,
        itemId: gopsTask,
        input: { status: 'in_progress', progress: 10, indicatorActual: null, version: 0 },
      }),
    );
    expect(e).toMatchObject({ code: 'FORBIDDEN', messageKey: 'programme.errors.notResponsible' });
    const cancel = await refused(() =>
      updateProgrammeProgress(t.db, {
        ...rep(),
        partnershipId,
        itemId: parishTask,
        input: { status: 'cancelled', progress: 0, indicatorActual: null, version: 0 },
      }),
    );
    expect(cancel.messageKey).toBe('programme.errors.onlyManagerCancels');
    expect(
      (await refused(() => cancelProgrammeItem(t.db, { ...rep(), partnershipId, itemId: parishTask }))).code,
    ).toBe('FORBIDDEN');
  });

  it('lets a person update the task they are responsible for, and refuses a stale form', async () => {
    const ctx = { actor: actorFor(advisor), locality: loc(['advisor']) };
    const v = (await item(advisorTask)).version;
    await updateProgrammeProgress(t.db, {
      ...ctx,
      partnershipId,
      itemId: advisorTask,
      input: { status: 'in_progress', progress: 30, indicatorActual: null, version: v },
    });
    expect(await item(advisorTask)).toMatchObject({ status: 'in_progress', progress: 30 });
    const stale = await refused(() =>
      updateProgrammeProgress(t.db, {
        ...ctx,
        partnershipId,
        itemId: advisorTask,
        input: { status: 'done', progress: 100, indicatorActual: null, version: v },
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(
      (
        await refused(() =>
          updateProgrammeProgress(t.db, {
            ...ctx,
            partnershipId,
            itemId: gopsTask,
            input: { status: 'in_progress', progress: 30, indicatorActual: null, version: 0 },
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('the coordinator’s edits and cancelling', () => {
  it('edits an item, replacing its problem links, and refuses bad dates without changing anything', async () => {
    const current = await item(advisorTask);
    await updateProgrammeItem(t.db, {
      ...coord(),
      partnershipId,
      itemId: advisorTask,
      version: current.version,
      input: input({
        level: 'task',
        parentId: actionId,
        title: 'Doradztwo zawodowe PUP',
        responsibleUserId: advisor.id,
        status: 'in_progress',
        progress: '30',
        problemIds: [openProblem],
      }),
    });
    expect((await item(advisorTask)).title).toBe('Doradztwo zawodowe PUP');
    const links = await t.db
      .select()
      .from(programmeItemProblems)
      .where(eq(programmeItemProblems.itemId, advisorTask));
    expect(links.map((l) => l.problemId)).toEqual([openProblem]);
    const e = await refused(() =>
      updateProgrammeItem(t.db, {
        ...coord(),
        partnershipId,
        itemId: advisorTask,
        version: 0,
        input: input({
          level: 'task',
          parentId: actionId,
          title: 'Nowa nazwa',
          startsOn: '2027-02-02',
          dueOn: '2027-02-01',
        }),
      }),
    );
    expect(e.messageKey).toBe('programme.errors.datesOrder');
    expect((await item(advisorTask)).title).toBe('Doradztwo zawodowe PUP');
    expect(
      (
        await refused(() =>
          updateProgrammeItem(t.db, {
            ...coord(),
            partnershipId,
            itemId: advisorTask,
            version: 0,
            input: input({ level: 'action', parentId: goalId, title: 'X' }),
          }),
        )
      ).messageKey,
    ).toBe('programme.errors.levelChange');
  });

  it('cancels a goal with what is under it and not done; restores the goal alone', async () => {
    await cancelProgrammeItem(t.db, { ...coord(), partnershipId, itemId: goalId });
    expect((await item(goalId)).status).toBe('cancelled');
    expect((await item(actionId)).status).toBe('cancelled');
    expect((await item(advisorTask)).status).toBe('cancelled');
    expect((await item(gopsTask)).status).toBe('done');
    expect((await item(parishTask)).status).toBe('done');
    const summary = await programmeSummary(t.db, { localityId: kwilcz.id, partnershipId, today: TODAY });
    expect(summary).toMatchObject({ tasks: 2, done: 2, overdue: 0 });
    await restoreProgrammeItem(t.db, { ...coord(), partnershipId, itemId: goalId });
    expect((await item(goalId)).status).toBe('planned');
    expect((await item(actionId)).status).toBe('cancelled');
    const e = await refused(() => restoreProgrammeItem(t.db, { ...coord(), partnershipId, itemId: goalId }));
    expect(e.messageKey).toBe('programme.errors.transition');
  });
});
