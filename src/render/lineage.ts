import { graphFromStatements } from '../lineage/graph.js';
import { renderMermaid } from '../lineage/render.js';
import type { TrainingStatement } from '../schema/predicate.js';

/** The one-run lineage picture shown in summaries and PR comments. */
export function lineageMermaid(st: TrainingStatement): string {
  return renderMermaid(graphFromStatements([st]));
}
