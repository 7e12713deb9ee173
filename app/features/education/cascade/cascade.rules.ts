/**
 * The cascade (issue 5, item 4) is derived, never stored. Generation 1: the leaders qualified in
 * a leaders' course run by the Centre's trainers. A self-education group facilitated by a
 * generation-g leader (study_group_facilitators.qualification_id) is a generation g + 1 group;
 * its members are reached at g + 1, and those who qualify in it are generation g + 1 leaders.
 * A group reached by two paths takes the smaller generation (breadth first); a cycle in bad data
 * is visited once (and grants and facilitators that would close one are refused).
 */

export type CascadeInput = {
  /** Groups of the locality that can be in the cascade, with the leaders' programme modules covered. */
  groups: { id: string; kind: string; covered: number; total: number }[];
  /** Facilitator edges: a group run under a leader's qualification. */
  edges: { groupId: string; qualificationId: string; lead: boolean }[];
  /** Valid qualifications: where each was earned. */
  qualifications: {
    id: string;
    personId: string;
    groupId: string;
    name: string;
    certificateNumber: string;
    groupName: string;
  }[];
  members: { groupId: string; personId: string }[];
};

export type GenerationFigures = {
  generation: number;
  /** Leaders qualified in this generation's groups. */
  leaders: number;
  groups: number;
  /** Unique people who were members of this generation's groups. */
  reached: number;
  /** Average share (0..1) of the leaders' programme modules covered by this generation's groups. */
  fidelity: number;
};

export type CascadeSummary = {
  generations: GenerationFigures[];
  /** Unique people reached by any group of the cascade. */
  reachedTotal: number;
  leadersTotal: number;
};

export type CascadeLeader = {
  /** The qualification id (a leader's node in the cascade). */
  id: string;
  personId: string;
  name: string;
  generation: number;
  /** The group where the qualification was earned. */
  groupName: string;
  certificateNumber: string;
  /** The leader whose group produced this one (null for generation 1: the Centre's trainers). */
  parentId: string | null;
  /** Groups of the cascade this leader facilitates. */
  groups: number;
  /** Unique people in the groups this leader facilitates. */
  reachedDirectly: number;
  /** Unique people reached directly or through the leaders they trained, at any depth. */
  reachedTotal: number;
  /** Leaders qualified in this leader's own groups. */
  trainedDirectly: number;
  /** Leaders descending from this one at any depth. */
  trainedTotal: number;
};

export type Cascade = CascadeSummary & { leaders: CascadeLeader[] };

const round3 = (n: number) => Math.round(n * 1000) / 1000;

export function computeCascade(input: CascadeInput): Cascade {
  const groupById = new Map(input.groups.map((g) => [g.id, g]));
  const earnedIn = new Map<string, CascadeInput['qualifications']>();
  for (const q of input.qualifications) earnedIn.set(q.groupId, [...(earnedIn.get(q.groupId) ?? []), q]);
  const runs = new Map<string, string[]>();
  for (const e of input.edges) {
    if (groupById.get(e.groupId)?.kind !== 'self_education') continue;
    runs.set(e.qualificationId, [...(runs.get(e.qualificationId) ?? []), e.groupId]);
  }
  const membersOf = new Map<string, string[]>();
  for (const m of input.members) membersOf.set(m.groupId, [...(membersOf.get(m.groupId) ?? []), m.personId]);

  // Generations, breadth first from the Centre's courses.
  const generation = new Map<string, number>();
  let frontier = input.groups.filter((g) => g.kind === 'leaders_course').map((g) => g.id);
  for (const id of frontier) generation.set(id, 1);
  for (let g = 1; frontier.length > 0 && g < 50; g++) {
    const next: string[] = [];
    for (const groupId of frontier)
      for (const q of earnedIn.get(groupId) ?? [])
        for (const child of runs.get(q.id) ?? [])
          if (!generation.has(child)) {
            generation.set(child, g + 1);
            next.push(child);
          }
    frontier = next;
  }

  const leaders = input.qualifications.filter((q) => generation.has(q.groupId));
  const leaderIds = new Set(leaders.map((q) => q.id));
  const byGen = new Map<
    number,
    { groups: string[]; leaders: Set<string>; reached: Set<string>; fidelity: number[] }
  >();
  const gen = (n: number) => {
    let v = byGen.get(n);
    if (!v) {
      v = { groups: [], leaders: new Set(), reached: new Set(), fidelity: [] };
      byGen.set(n, v);
    }
    return v;
  };
  const reachedAll = new Set<string>();
  for (const [groupId, n] of generation) {
    const v = gen(n);
    const g = groupById.get(groupId)!;
    v.groups.push(groupId);
    if (g.total > 0) v.fidelity.push(g.covered / g.total);
    for (const p of membersOf.get(groupId) ?? []) {
      v.reached.add(p);
      reachedAll.add(p);
    }
  }
  for (const q of leaders) gen(generation.get(q.groupId)!).leaders.add(q.personId);

  // The leader who ran the group where each leader qualified (the lead facilitator first).
  const parentOfGroup = new Map<string, string>();
  for (const e of [...input.edges].sort((a, b) => Number(b.lead) - Number(a.lead)))
    if (leaderIds.has(e.qualificationId) && !parentOfGroup.has(e.groupId))
      parentOfGroup.set(e.groupId, e.qualificationId);

  const cascadeGroups = (qid: string) => (runs.get(qid) ?? []).filter((g) => generation.has(g));
  const out: CascadeLeader[] = leaders.map((q) => {
    const direct = cascadeGroups(q.id);
    const directPeople = new Set(direct.flatMap((g) => membersOf.get(g) ?? []));
    const trainedDirectly = direct
      .flatMap((g) => earnedIn.get(g) ?? [])
      .filter((x) => leaderIds.has(x.id)).length;
    // Everything below this leader, each qualification visited once (safe with bad data).
    const seen = new Set<string>([q.id]);
    const all = new Set<string>();
    const stack = [q.id];
    while (stack.length) {
      const qid = stack.pop()!;
      for (const g of cascadeGroups(qid)) {
        for (const p of membersOf.get(g) ?? []) all.add(p);
        for (const child of earnedIn.get(g) ?? [])
          if (leaderIds.has(child.id) && !seen.has(child.id)) {
            seen.add(child.id);
            stack.push(child.id);
          }
      }
    }
    const parent = parentOfGroup.get(q.groupId) ?? null;
    return {
      id: q.id,
      personId: q.personId,
      name: q.name,
      generation: generation.get(q.groupId)!,
      groupName: q.groupName,
      certificateNumber: q.certificateNumber,
      parentId: parent && parent !== q.id ? parent : null,
      groups: direct.length,
      reachedDirectly: directPeople.size,
      reachedTotal: all.size,
      trainedDirectly,
      trainedTotal: seen.size - 1,
    };
  });
  out.sort(
    (a, b) =>
      b.reachedTotal - a.reachedTotal || a.generation - b.generation || a.name.localeCompare(b.name, 'pl'),
  );
  return {
    generations: [...byGen.keys()]
      .sort((a, b) => a - b)
      .map((n) => {
        const v = byGen.get(n)!;
        return {
          generation: n,
          leaders: v.leaders.size,
          groups: v.groups.length,
          reached: v.reached.size,
          fidelity: v.fidelity.length ? round3(v.fidelity.reduce((s, x) => s + x, 0) / v.fidelity.length) : 0,
        };
      }),
    reachedTotal: reachedAll.size,
    leadersTotal: new Set(leaders.map((q) => q.personId)).size,
    leaders: out,
  };
}
