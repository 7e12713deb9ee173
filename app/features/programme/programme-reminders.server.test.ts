import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberships, programmeItems, users } from '../../../db/schema/index.ts';
import { makeLocality, makeOrganisation, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor, recordingMail } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { addMember, savePartnership } from '../partnerships/manage-partnership.server.ts';
import { programmeItemSchema } from './programme.schema.ts';
import { createProgrammeItem } from './programme.server.ts';
import { sendProgrammeReminders } from './programme-reminders.server.ts';

let t: TestDatabase;
const BASE = 'https://splot.example';
const TODAY = '2027-01-15';
let slug: string;
let partnershipId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  const kwilcz = await makeLocality(t.db, { terytCode: '3014022' });
  const poznan = await makeLocality(t.db, { terytCode: '3064011' });
  slug = kwilcz.slug;
  const gops = await makeOrganisation(t.db, { localityId: kwilcz.id, name: 'GOPS w Kwilczu', kind: 'ops' });
  const parish = await makeOrganisation(t.db, {
    localityId: kwilcz.id,
    name: 'Parafia w Kwilczu',
    kind: 'parish',
  });
  const coordinator = await makeUser(t.db, {
    email: 'koordynator@example.test',
    roles: [{ localityId: kwilcz.id, role: 'coordinator' }],
  });
  // A coordinator elsewhere never hears about Kwilcz's tasks.
  await makeUser(t.db, {
    email: 'poznan@example.test',
    roles: [{ localityId: poznan.id, role: 'coordinator' }],
  });
  const priest = await makeUser(t.db, {
    email: 'proboszcz@example.test',
    roles: [{ localityId: kwilcz.id, role: 'partner_rep' }],
  });
  await t.db.update(memberships).set({ organisationId: parish.id }).where(eq(memberships.userId, priest.id));
  const advisor = await makeUser(t.db, {
    email: 'advisor@example.test',
    name: 'Ann Advisor',
    locale: 'en',
    roles: [{ localityId: kwilcz.id, role: 'advisor' }],
  });
  const locality: ActorLocality = {
    localityId: kwilcz.id,
    slug: kwilcz.slug,
    name: kwilcz.name,
    kind: 'rural',
    roles: ['coordinator'],
    organisationIds: [],
  };
  const ctx = { actor: actorFor(coordinator), locality };
  partnershipId = await savePartnership(t.db, {
    ...ctx,
    input: { name: 'Partnerstwo dla Kwilcza', aim: '', formedOn: null },
  });
  for (const org of [gops, parish])
    await addMember(t.db, { ...ctx, partnershipId, organisationId: org.id, role: 'partner', joinedOn: null });
  const add = (fields: Record<string, string>) =>
    createProgrammeItem(t.db, {
      ...ctx,
      partnershipId,
      today: TODAY,
      input: programmeItemSchema.parse(fields),
    });
  const goal = await add({ level: 'goal', title: 'Cel' });
  const action = await add({ level: 'action', parentId: goal, title: 'Działanie', dueOn: '2027-01-01' });
  const task = (title: string, fields: Record<string, string>) =>
    add({ level: 'task', parentId: action, title, ...fields });
  ids.advisor = await task('Advisor’s task', { responsibleUserId: advisor.id, dueOn: '2027-01-10' });
  ids.parish = await task('Sala parafialna', { responsibleOrganisationId: parish.id, dueOn: '2027-01-05' });
  ids.gops = await task('Nabór uczestników', { responsibleOrganisationId: gops.id, dueOn: '2027-01-14' });
  ids.nobody = await task('Ulotki', { dueOn: '2027-01-02', status: 'in_progress', progress: '20' });
  ids.dueToday = await task('Na dziś', { responsibleOrganisationId: parish.id, dueOn: TODAY });
  ids.done = await task('Zrobione', {
    responsibleOrganisationId: parish.id,
    dueOn: '2027-01-02',
    status: 'done',
  });
  // A deactivated person no longer gets mail; the coordinators do.
  const gone = await makeUser(t.db, {
    email: 'gone@example.test',
    roles: [{ localityId: kwilcz.id, role: 'leader' }],
  });
  ids.gone = await task('Zadanie osoby, która odeszła', { responsibleUserId: gone.id, dueOn: '2027-01-03' });
  await t.db.update(users).set({ active: false }).where(eq(users.id, gone.id));
});
afterAll(async () => {
  await t.dispose();
});

describe('overdue reminders', () => {
  it('e-mails each owner once, in their language, with the task, its due date and a link', async () => {
    const mail = recordingMail();
    const n = await sendProgrammeReminders(t.db, { mail, today: TODAY, baseUrl: BASE });
    expect(n).toBe(5);
    const to = (email: string) => mail.sent.filter((m) => m.to === email);
    expect(mail.sent.map((m) => m.to).sort()).toEqual([
      'advisor@example.test',
      'koordynator@example.test',
      'proboszcz@example.test',
    ]);

    const [english] = to('advisor@example.test');
    expect(english!.subject).toBe('Reminder: 1 task overdue in the programme of action');
    expect(english!.text).toContain('Advisor’s task (Partnerstwo dla Kwilcza)');
    expect(english!.text).toContain('Due: 10/01/2027');
    expect(english!.text).toContain(
      `${BASE}/app/${slug}/partnerships/${partnershipId}/programme/${ids.advisor}`,
    );

    const [priest] = to('proboszcz@example.test');
    expect(priest!.subject).toBe('Przypomnienie: 1 zadanie po terminie w programie działania');
    expect(priest!.text).toContain('Sala parafialna');
    expect(priest!.text).toContain('Termin: 5.01.2027');
    expect(priest!.text).not.toContain('Na dziś');
    expect(priest!.text).not.toContain('Zrobione');

    // No partner representative for the GOPS, no one for the leaflets, a deactivated person: the coordinator.
    const [coordinator] = to('koordynator@example.test');
    expect(coordinator!.subject).toBe('Przypomnienie: 3 zadania po terminie w programie działania');
    for (const title of ['Nabór uczestników', 'Ulotki', 'Zadanie osoby, która odeszła'])
      expect(coordinator!.text).toContain(title);
    expect(coordinator!.text).not.toContain('Działanie (');

    const [row] = await t.db.select().from(programmeItems).where(eq(programmeItems.id, ids.parish!));
    expect(row!.remindedOn).toBe(TODAY);
  });

  it('sends nothing more the same day, and reminds again the next day', async () => {
    const mail = recordingMail();
    expect(await sendProgrammeReminders(t.db, { mail, today: TODAY, baseUrl: BASE })).toBe(0);
    expect(mail.sent).toEqual([]);
    const next = recordingMail();
    expect(await sendProgrammeReminders(t.db, { mail: next, today: '2027-01-16', baseUrl: BASE })).toBe(6);
    expect(next.sent.find((m) => m.to === 'proboszcz@example.test')!.subject).toBe(
      'Przypomnienie: 2 zadania po terminie w programie działania',
    );
  });
});
