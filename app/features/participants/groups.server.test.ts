import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubActivities, clubAttendance, clubMembers, clubs, people } from '../../../db/schema/index.ts';
import { makeLocality } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { loadGroupsForPerson } from './groups.server.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.dispose();
});

describe("a person's groups on the participant page", () => {
  it('lists club memberships and the latest activities with attendance, only in this locality', async () => {
    const here = await makeLocality(t.db, { terytCode: '3064011' });
    const there = await makeLocality(t.db, { terytCode: '3028011' });
    const [person] = await t.db
      .insert(people)
      .values({ localityId: here.id, givenName: 'Ewa', familyName: 'Nowak', legalBasis: 'public_task' })
      .returning();
    const [club] = await t.db.insert(clubs).values({ localityId: here.id, name: 'KIS Jeżyce' }).returning();
    const [member] = await t.db
      .insert(clubMembers)
      .values({
        localityId: here.id,
        clubId: club!.id,
        personId: person!.id,
        joinedOn: '2026-02-01',
        socialContract: true,
      })
      .returning();
    const [activity] = await t.db
      .insert(clubActivities)
      .values({
        localityId: here.id,
        clubId: club!.id,
        title: 'Warsztat CV',
        kind: 'job_search',
        startsAt: new Date('2026-03-02T09:00:00Z'),
        endsAt: new Date('2026-03-02T11:00:00Z'),
      })
      .returning();
    await t.db
      .insert(clubAttendance)
      .values({ activityId: activity!.id, memberId: member!.id, localityId: here.id, status: 'present' });

    const groups = await loadGroupsForPerson(t.db, { localityId: here.id, personId: person!.id });
    expect(groups.memberships).toEqual([
      expect.objectContaining({ clubName: 'KIS Jeżyce', joinedOn: '2026-02-01', socialContract: true }),
    ]);
    expect(groups.attended.map((a) => [a.title, a.status])).toEqual([['Warsztat CV', 'present']]);
    expect(groups.presentCount).toBe(1);

    const elsewhere = await loadGroupsForPerson(t.db, { localityId: there.id, personId: person!.id });
    expect(elsewhere).toEqual({ studyGroups: [], memberships: [], attended: [], presentCount: 0 });
  });
});
