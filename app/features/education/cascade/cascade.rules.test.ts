import { describe, expect, it } from 'vitest';
import { computeCascade } from './cascade.rules.ts';

const q = (id: string, personId: string, groupId: string) => ({
  id,
  personId,
  groupId,
  name: personId,
  certificateNumber: id,
  groupName: groupId,
});

describe('computing the cascade', () => {
  it('takes the smaller generation and survives a cycle in bad data', () => {
    const c = computeCascade({
      groups: [
        { id: 'C', kind: 'leaders_course', covered: 4, total: 4 },
        { id: 'S1', kind: 'self_education', covered: 2, total: 4 },
        { id: 'S2', kind: 'self_education', covered: 1, total: 4 },
        { id: 'X', kind: 'club_activity', covered: 0, total: 4 },
      ],
      // S2 is run by a (gen 1) and by b (gen 2): generation 2. b also "runs" the course: ignored (not self-education).
      // S1 is run by b, who qualified in S1: a loop in bad data.
      edges: [
        { groupId: 'S1', qualificationId: 'qa', lead: true },
        { groupId: 'S2', qualificationId: 'qb', lead: true },
        { groupId: 'S2', qualificationId: 'qa', lead: false },
        { groupId: 'S1', qualificationId: 'qb', lead: false },
        { groupId: 'C', qualificationId: 'qb', lead: false },
      ],
      qualifications: [q('qa', 'a', 'C'), q('qb', 'b', 'S1')],
      members: [
        { groupId: 'C', personId: 'a' },
        { groupId: 'C', personId: 'z' },
        { groupId: 'S1', personId: 'b' },
        { groupId: 'S1', personId: 'z' },
        { groupId: 'S2', personId: 'c' },
        { groupId: 'X', personId: 'nobody' },
      ],
    });
    expect(c.generations).toEqual([
      { generation: 1, leaders: 1, groups: 1, reached: 2, fidelity: 1 },
      { generation: 2, leaders: 1, groups: 2, reached: 3, fidelity: 0.375 },
    ]);
    expect(c.reachedTotal).toBe(4);
    const a = c.leaders.find((l) => l.personId === 'a')!;
    expect(a).toMatchObject({
      generation: 1,
      groups: 2,
      reachedDirectly: 3,
      reachedTotal: 3,
      trainedDirectly: 1,
      trainedTotal: 1,
    });
    const b = c.leaders.find((l) => l.personId === 'b')!;
    expect(b).toMatchObject({ generation: 2, parentId: 'qa', trainedTotal: 0 });
  });

  it('is empty without a Centre course', () => {
    expect(computeCascade({ groups: [], edges: [], qualifications: [], members: [] })).toEqual({
      generations: [],
      reachedTotal: 0,
      leadersTotal: 0,
      leaders: [],
    });
  });
});
