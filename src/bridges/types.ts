import type { DatasetDescriptor, Metric, Step } from '../schema/predicate.js';
import type { DatasetInput } from '../schema/inputs.js';

/**
 * What a bridge reads from another tool, in this project's own types. Datasets are
 * DatasetDescriptors (the predicate's form) because tools such as DVC only know md5,
 * which a DigestSet can carry (`digest.md5`) and a DatasetInput cannot.
 */
export interface BridgeResult {
  datasets: DatasetDescriptor[];
  steps: Step[];
  params: Record<string, string | number | boolean | null>;
  metrics: Metric[];
}

/** A string from a text-only store (MLflow params, DVC params) as the scalar it spells. */
export function scalar(text: string): string | number | boolean | null {
  const t = text.trim();
  if (t === 'true' || t === 'True') return true;
  if (t === 'false' || t === 'False') return false;
  if (t === 'null' || t === 'None') return null;
  if (/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) && Number.isFinite(Number(t))) return Number(t);
  return text;
}

/** For `ml-provenance build --datasets`: local datasets by path, remote ones by uri + sha256 when known. */
export function toDatasetInputs(result: BridgeResult): DatasetInput[] {
  return result.datasets.map((d) => {
    const p = typeof d.annotations?.path === 'string' ? d.annotations.path : undefined;
    return {
      id: d.id,
      ...(p ? { path: p } : {}),
      ...(!p || !d.uri.startsWith('file:') ? { uri: d.uri } : {}),
      ...(d.version ? { version: d.version } : {}),
      ...(d.license ? { license: d.license } : {}),
      ...(!p && d.digest?.sha256 ? { digest: `sha256:${d.digest.sha256}` } : {}),
    };
  });
}

export function emptyResult(): BridgeResult {
  return { datasets: [], steps: [], params: {}, metrics: [] };
}
