import dagre from '@dagrejs/dagre';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface Placed {
  nodes: Map<string, { x: number; y: number }>;
  edges: { from: string; to: string; points: { x: number; y: number }[] }[];
  width: number;
  height: number;
}

/** A left-to-right layered layout (dagre: Sugiyama with crossing minimisation), computed once when the report is written. */
export function layoutGraph(nodes: LayoutNode[], edges: { from: string; to: string }[]): Placed {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 56, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of edges) g.setEdge(e.from, e.to);
  dagre.layout(g);
  const placed: Placed = { nodes: new Map(), edges: [], width: 0, height: 0 };
  for (const n of nodes) {
    const p = g.node(n.id);
    placed.nodes.set(n.id, { x: p.x, y: p.y });
  }
  for (const e of edges) placed.edges.push({ ...e, points: g.edge(e.from, e.to)?.points ?? [] });
  const label = g.graph();
  placed.width = Math.ceil(label.width ?? 0);
  placed.height = Math.ceil(label.height ?? 0);
  return placed;
}
