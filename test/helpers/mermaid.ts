// A flowchart as `lineage --format mermaid` and the PR comment write it, taken apart line by
// line (node, edge or class line; anything else fails the test), and a path search over it.
import { expect } from 'vitest';

export interface Flowchart {
  labels: Map<string, string>;
  edges: [string, string][];
}

export function parseMermaid(text: string): Flowchart {
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^flowchart (LR|TB)$/);
  const labels = new Map<string, string>();
  const edges: [string, string][] = [];
  for (const l of lines.slice(1)) {
    const node = /^ {2}(n\w+)(?:\[\(|\[\[|\(\[|\[\/|\[)"([^"]*)"(?:\)\]|\]\]|\]\)|\/\]|\])$/.exec(l);
    const edge = /^ {2}(n\w+) --> (n\w+)$/.exec(l);
    expect(node ?? edge ?? /^ {2}(classDef \w+ .+|class (n\w+,)*n\w+ \w+)$/.exec(l), l).toBeTruthy();
    if (node) {
      expect(labels.has(node[1]!), `duplicate node ${node[1]}`).toBe(false);
      labels.set(node[1]!, node[2]!);
    }
    if (edge) edges.push([edge[1]!, edge[2]!]);
  }
  for (const [a, b] of edges) expect(labels.has(a) && labels.has(b), `${a} --> ${b}`).toBe(true);
  return { labels, edges };
}

/** Is there a path from the one node whose label matches `from` to the one matching `to`? */
export function leadsTo(text: string, from: RegExp, to: RegExp): boolean {
  const { labels, edges } = parseMermaid(text);
  const find = (re: RegExp) => {
    const hit = [...labels].filter(([, l]) => re.test(l)).map(([id]) => id);
    expect(hit, `one node labelled ${re}`).toHaveLength(1);
    return hit[0]!;
  };
  const target = find(to);
  const seen = new Set<string>();
  const stack = [find(from)];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === target) return true;
    if (seen.has(n)) continue;
    seen.add(n);
    for (const [a, b] of edges) if (a === n) stack.push(b);
  }
  return false;
}
