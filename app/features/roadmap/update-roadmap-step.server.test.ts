import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, roadmapStepEvents, roadmapSteps } from '../../../db/schema/index.ts';
import { makeLocality, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';
import { getRoadmapStep, listRoadmapSteps, listStepEvents } from './roadmap.queries.server.ts';
import type { UpdateStepInput } from './roadmap.schema.ts';
import { updateRoadmapStep } from './update-roadmap-step.server.ts';

let t: TestDatabase;
let kwilcz: { id: string; slug: string; name: string };
let poznan: { id: string; slug: string; name: string };
let coordinator: { id: string };
let animator: { id: string };
let partner: { id: string };
let outsider: { id: string };
const TODAY = '2026-11-27';

beforeAll(async () => {
  t = await createTestDatabase();
  kwilcz = await makeLocality(t.db, { terytCode: '3014022' });
  poznan = await makeLocality(t.db, { terytCode: '3064011' });
  coordinator = await makeUser(t.db, {
    name: 'Koordynatorka',
    roles: [{ localityId: kwilcz.id, role: 'coordinator' }],
  });
  animator = await makeUser(t.db, { name: 'Animator', roles: [{ localityId: kwilcz.id, role: 'animator' }] });
  partner = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'partner_rep' }] });
  outsider = await makeUser(t.db, {
    name: 'Z Poznania',
    roles: [{ localityId: poznan.id, role: 'advisor' }],
  });
});
afterAll(async () => {
  await t.dispose();
});

const loc = (roles: Role[], l = kwilcz): ActorLocality => ({
  localityId: l.id,
  slug: l.slug,
  name: l.name,
  kind: 'rural',
  roles,
  organisationIds: [],
});

async function input(stepKey: string, over: Partial<UpdateStepInput> = {}): Promise<UpdateStepInput> {
  const step = await getRoadmapStep(t.db, { localityId: kwilcz.id, stepKey });
  return {
    status: step!.status,
    responsibleUserId: step!.responsibleUserId,
    dueDate: step!.dueDate,
    doneOn: step!.doneOn,
    evidenceNotes: step!.evidenceNotes,
    evidenceLinks: step!.evidenceLinks,
    version: step!.version,
    ...over,
  };
}

describe('updateRoadmapStep', () => {
  it('gives every new locality the seed steps, in order', async () => {
    const steps = await listRoadmapSteps(t.db, { localityId: kwilcz.id });
    expect(steps.map((s) => s.stepKey)).toEqual([
      'leader_organisation',
      'local_partners',
      'leaders_trained',
      'club_premises',
      'animator_employed',
      'programmes_and_funding',
      'study_groups_started',
      'centre_created',
      'enterprises_founded',
      'cooperation_promoted',
    ]);
    expect(steps.every((s) => s.status === 'not_started')).toBe(true);
  });

  it('lets the coordinator move a step on, and records history and audit', async () => {
    const actor = actorFor(coordinator, { requestId: 'req-42' });
    await updateRoadmapStep(t.db, {
      actor,
      locality: loc(['coordinator']),
      stepKey: 'leader_organisation',
      input: await input('leader_organisation', {
        status: 'in_progress',
        responsibleUserId: animator.id,
        dueDate: '2026-12-15',
      }),
      today: TODAY,
    });
    await updateRoadmapStep(t.db, {
      actor,
      locality: loc(['coordinator']),
      stepKey: 'leader_organisation',
      input: await input('leader_organisation', {
        status: 'done',
        evidenceNotes: 'Uchwała nr 1/2026',
        doneOn: null,
      }),
      today: TODAY,
    });
    const step = await getRoadmapStep(t.db, { localityId: kwilcz.id, stepKey: 'leader_organisation' });
    expect(step).toMatchObject({
      status: 'done',
      doneOn: TODAY,
      startedOn: TODAY,
      responsibleName: 'Animator',
      version: 3,
    });

    const events = await listStepEvents(t.db, { localityId: kwilcz.id, stepId: step!.id });
    expect(events).toHaveLength(2);
    expect(events[1]!.changes).toMatchObject({
      status: { from: 'not_started', to: 'in_progress' },
      responsible: { from: null, to: 'Animator' },
    });
    expect(events[0]!.actorName).toBe('Koordynatorka');

    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, step!.id), eq(auditLog.action, 'roadmap_step.update')));
    expect(audit).toHaveLength(2);
    expect(
      audit.every(
        (a) => a.requestId === 'req-42' && a.actorUserId === coordinator.id && a.localityId === kwilcz.id,
      ),
    ).toBe(true);
  });

  it('lets the responsible animator update their own step but not another', async () => {
    const actor = actorFor(animator);
    // The animator is responsible for leader_organisation (above), not for local_partners.
    await updateRoadmapStep(t.db, {
      actor,
      locality: loc(['animator']),
      stepKey: 'leader_organisation',
      input: await input('leader_organisation', { evidenceNotes: 'Uchwała nr 1/2026 z podpisami' }),
      today: TODAY,
    });
    await expect(
      updateRoadmapStep(t.db, {
        actor,
        locality: loc(['animator']),
        stepKey: 'local_partners',
        input: await input('local_partners', { status: 'in_progress' }),
        today: TODAY,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a partner representative and writes nothing', async () => {
    const before = await getRoadmapStep(t.db, { localityId: kwilcz.id, stepKey: 'club_premises' });
    await expect(
      updateRoadmapStep(t.db, {
        actor: actorFor(partner),
        locality: loc(['partner_rep']),
        stepKey: 'club_premises',
        input: await input('club_premises', { status: 'in_progress' }),
        today: TODAY,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', messageKey: 'roadmap.errors.cannotUpdate' });
    expect(await getRoadmapStep(t.db, { localityId: kwilcz.id, stepKey: 'club_premises' })).toEqual(before);
    expect(
      await t.db.select().from(roadmapStepEvents).where(eq(roadmapStepEvents.stepId, before!.id)),
    ).toHaveLength(0);
  });

  it('refuses "done" without evidence, naming the field, and writes nothing', async () => {
    const before = await getRoadmapStep(t.db, { localityId: kwilcz.id, stepKey: 'local_partners' });
    const err = await updateRoadmapStep(t.db, {
      actor: actorFor(coordinator),
      locality: loc(['coordinator']),
      stepKey: 'local_partners',
      input: await input('local_partners', { status: 'done', evidenceNotes: '', evidenceLinks: [] }),
      today: TODAY,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'DOMAIN_RULE',
      fieldErrors: { evidenceNotes: 'roadmap.rules.evidenceRequired' },
    });
    expect(await getRoadmapStep(t.db, { localityId: kwilcz.id, stepKey: 'local_partners' })).toEqual(before);
  });

  it('refuses a stale form: someone else changed the step meanwhile', async () => {
    const stale = await input('programmes_and_funding');
    await updateRoadmapStep(t.db, {
      actor: actorFor(coordinator),
      locality: loc(['coordinator']),
      stepKey: 'programmes_and_funding',
      input: { ...stale, status: 'in_progress' },
      today: TODAY,
    });
    await expect(
      updateRoadmapStep(t.db, {
        actor: actorFor(coordinator),
        locality: loc(['coordinator']),
        stepKey: 'programmes_and_funding',
        input: { ...stale, dueDate: '2027-01-31' },
        today: TODAY,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses to make someone from another locality responsible', async () => {
    await expect(
      updateRoadmapStep(t.db, {
        actor: actorFor(coordinator),
        locality: loc(['coordinator']),
        stepKey: 'centre_created',
        input: await input('centre_created', { responsibleUserId: outsider.id }),
        today: TODAY,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { responsibleUserId: 'roadmap.form.responsible.invalid' },
    });
  });

  it('saves nothing when nothing changed', async () => {
    const r = await updateRoadmapStep(t.db, {
      actor: actorFor(coordinator),
      locality: loc(['coordinator']),
      stepKey: 'enterprises_founded',
      input: await input('enterprises_founded'),
      today: TODAY,
    });
    expect(r).toEqual({ changed: false });
  });

  it('keeps localities apart: a step id of one locality is not found through another', async () => {
    await expect(
      updateRoadmapStep(t.db, {
        actor: actorFor(outsider, { isPlatformAdmin: false }),
        locality: loc(['coordinator'], poznan),
        stepKey: 'no_such_step',
        input: await input('enterprises_founded'),
        today: TODAY,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const poznanSteps = await listRoadmapSteps(t.db, { localityId: poznan.id });
    expect(poznanSteps.every((s) => s.status === 'not_started')).toBe(true);
    const rows = await t.db.select().from(roadmapSteps).where(eq(roadmapSteps.localityId, poznan.id));
    expect(rows).toHaveLength(10);
  });
});
