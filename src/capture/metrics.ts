import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import { MetricsFile } from '../schema/inputs.js';
import type { Metric } from '../schema/predicate.js';
import { parseWith } from '../util/zod-error.js';
import { readInputText, resolveInWorkspace } from './paths.js';

/** Parse a metrics file's text (JSON/YAML: `{name: number}` or a list of entries); errors name `file`. */
export function parseMetricsText(text: string, file: string): Metric[] {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
  } catch (err) {
    throw new InputError('malformed-metrics', `${file} is not valid JSON/YAML: ${(err as Error).message.split('\n')[0]}`, {
      fix: 'fix the syntax of the metrics file',
      file,
      cause: err,
    });
  }
  if (data === null || data === undefined) return [];
  const doc = parseWith(MetricsFile, data, { file, what: 'metrics file', fix: 'see schemas/metrics.schema.json' });
  if (Array.isArray(doc)) return doc;
  if ('metrics' in doc && Array.isArray(doc.metrics)) return doc.metrics;
  return Object.entries(doc as Record<string, number>).map(([name, value]) => ({ name, value }));
}

/** Read a metrics file (JSON/YAML: `{name: number}` or a list of entries). */
export async function loadMetricsFile(file: string, workspace: string): Promise<Metric[]> {
  const { abs, rel } = await resolveInWorkspace(file, workspace, 'metrics file', 'file');
  return parseMetricsText((await readInputText(abs, rel, 'metrics file')).text, rel);
}
