import { describe, expect, it } from 'vitest';
import { fitLabel, layoutGenerations, layoutPeople, ROOT_ID } from './cascade.layout.ts';

describe('the cascade picture', () => {
  it('puts each generation in its own layer under the leader who trained them', () => {
    const p = layoutPeople([
      { id: 'a', name: 'Anna', generation: 1, parentId: null },
      { id: 'b', name: 'Bogdan', generation: 1, parentId: null },
      { id: 'c', name: 'Celina', generation: 2, parentId: 'b' },
      { id: 'd', name: 'Dawid', generation: 3, parentId: 'c' },
    ]);
    const y = (id: string) => p.nodes.find((n) => n.id === id)!.y;
    expect(y(ROOT_ID)).toBeLessThan(y('a'));
    expect(y('a')).toBe(y('b'));
    expect(y('c')).toBeGreaterThan(y('b'));
    expect(y('d')).toBeGreaterThan(y('c'));
    expect(p.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(['b>c', 'c>d', 'centre>a', 'centre>b']);
    for (const n of p.nodes) expect(n.x + n.w).toBeLessThanOrEqual(p.width);
  });

  it('aggregates per generation', () => {
    const p = layoutGenerations([2, 1, 3]);
    expect(p.nodes.map((n) => n.id)).toEqual([ROOT_ID, 'g1', 'g2', 'g3']);
    expect(p.edges).toHaveLength(3);
  });

  it('cuts long names', () => {
    expect(fitLabel('Krzysztof Brzęczyszczykiewicz', 12)).toBe('Krzysztof B…');
  });
});
