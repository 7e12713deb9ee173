/**
 * Geometry of the cascade picture (pure: the page renders it as SVG with its own labels).
 * Up to MAX_PEOPLE_IN_PICTURE leaders: one box per leader in layers by generation under the
 * Centre, a line from the leader who trained them. More: one box per generation.
 */

export const MAX_PEOPLE_IN_PICTURE = 60;

export type PictureLeader = { id: string; name: string; generation: number; parentId: string | null };

export type PictureNode = {
  id: string;
  /** 0 for the Centre's box. */
  generation: number;
  x: number;
  y: number;
  w: number;
  h: number;
};
export type PictureEdge = { from: string; to: string; x1: number; y1: number; x2: number; y2: number };
export type Picture = { width: number; height: number; nodes: PictureNode[]; edges: PictureEdge[] };

export const ROOT_ID = 'centre';
const W = 164;
const H = 48;
const GAP_X = 14;
const GAP_Y = 56;
const PAD = 12;

function edge(a: PictureNode, b: PictureNode): PictureEdge {
  return { from: a.id, to: b.id, x1: a.x + a.w / 2, y1: a.y + a.h, x2: b.x + b.w / 2, y2: b.y };
}

/** One box per leader: layers by generation, each layer ordered under its parents. */
export function layoutPeople(leaders: readonly PictureLeader[]): Picture {
  const byGen = new Map<number, PictureLeader[]>();
  for (const l of leaders) byGen.set(l.generation, [...(byGen.get(l.generation) ?? []), l]);
  const gens = [...byGen.keys()].sort((a, b) => a - b);
  const widest = Math.max(1, ...gens.map((g) => byGen.get(g)!.length));
  const width = PAD * 2 + widest * W + (widest - 1) * GAP_X;
  const order = new Map<string, number>([[ROOT_ID, 0]]);
  const nodes: PictureNode[] = [{ id: ROOT_ID, generation: 0, x: (width - W) / 2, y: PAD, w: W, h: H }];
  const byId = new Map<string, PictureNode>([[ROOT_ID, nodes[0]!]]);
  const known = new Set(leaders.map((l) => l.id));
  for (const [row, g] of gens.entries()) {
    const layer = [...byGen.get(g)!].sort((a, b) => {
      const pa = order.get(a.parentId && known.has(a.parentId) ? a.parentId : ROOT_ID) ?? 0;
      const pb = order.get(b.parentId && known.has(b.parentId) ? b.parentId : ROOT_ID) ?? 0;
      return pa - pb || a.name.localeCompare(b.name, 'pl');
    });
    const layerWidth = layer.length * W + (layer.length - 1) * GAP_X;
    const x0 = (width - layerWidth) / 2;
    const y = PAD + (row + 1) * (H + GAP_Y);
    for (const [i, l] of layer.entries()) {
      const n = { id: l.id, generation: g, x: x0 + i * (W + GAP_X), y, w: W, h: H };
      order.set(l.id, i);
      nodes.push(n);
      byId.set(l.id, n);
    }
  }
  const edges = leaders.map((l) => {
    const parent = byId.get(l.parentId && known.has(l.parentId) ? l.parentId : ROOT_ID)!;
    return edge(parent, byId.get(l.id)!);
  });
  const height = PAD * 2 + (gens.length + 1) * H + gens.length * GAP_Y;
  return { width, height, nodes, edges };
}

/** One box per generation under the Centre (for large cascades). */
export function layoutGenerations(generations: readonly number[]): Picture {
  const w = 420;
  const width = w + PAD * 2;
  const nodes: PictureNode[] = [{ id: ROOT_ID, generation: 0, x: PAD + (w - W) / 2, y: PAD, w: W, h: H }];
  for (const [i, g] of [...generations].sort((a, b) => a - b).entries())
    nodes.push({ id: `g${g}`, generation: g, x: PAD, y: PAD + (i + 1) * (H + GAP_Y), w, h: H });
  const edges = nodes.slice(1).map((n, i) => edge(nodes[i]!, n));
  return { width, height: PAD * 2 + nodes.length * H + (nodes.length - 1) * GAP_Y, nodes, edges };
}

/** A name cut to fit a box, with an ellipsis. */
export function fitLabel(text: string, max = 19): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
