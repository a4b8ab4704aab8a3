/**
 * Which `ml-provenance record …` flag set each field of a record event, so a value the
 * schema refuses is reported as the user typed it (`--epoch`, `--split train=…`), not as
 * the event's field (`epoch`, `splits.train`). Keys are dotted event paths without list
 * indices; the longest matching prefix wins. A `*` flag ends with the map or list key.
 */
export const RECORD_FLAGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  dataset: {
    id: '--id', uri: '--uri', version: '--version', path: '--path', digest: '--digest', license: '--license',
    splits: '--split *=…', seed: '--seed', mediaType: '--media-type',
    'source.repository': '--source-repo', 'source.access': '--access', 'source.owner': '--data-owner',
    'quality.rows': '--rows', 'quality.columns': '--columns', 'quality.missingRate': '--missing-rate',
    'quality.duplicateRate': '--duplicate-rate', 'quality.labelDistribution': '--label *=…',
    'quality.metrics': '--quality-metric *=…', 'quality.checks': '--check',
    'sampling.strategy': '--sampling', 'sampling.fraction': '--sample-fraction', 'sampling.size': '--sample-size',
    'sampling.by': '--sample-by', 'sampling.seed': '--sample-seed',
    'synthetic.generator': '--synthetic-generator', 'synthetic.version': '--synthetic-generator',
    'synthetic.parameters': '--synthetic-param *=…', 'synthetic.seed': '--synthetic-seed',
    licenseHistory: '--license-history',
  },
  step: {
    name: '--name', library: '--library', parameters: '--param *=…', inputs: '--input', outputs: '--output',
    splits: '--split *=…', seed: '--seed', command: 'the command after --', cwd: 'the current folder',
    'environment.image': '--env-image', 'environment.libraries': '--env-library *=…',
  },
  metric: { name: '--name', value: '--value', epoch: '--epoch', step: '--step', split: '--split' },
  run: {
    purpose: '--purpose', flags: '--flag *=…', 'cluster.nodes': '--nodes', 'cluster.acceleratorsPerNode': '--accelerators-per-node',
    'cluster.accelerator': '--accelerator', 'cluster.strategy': '--strategy', 'cluster.scheduler': '--scheduler',
  },
  param: { params: '*=…' },
  environment: { libraries: '--library *=…', accelerators: '--accelerator' },
  command: { argv: 'the command', cwd: 'the current folder' },
};

/** The `record` subcommand that writes events of `kind` (`environment` events: `record env`). */
export function recordSubcommand(kind: string): string {
  return kind === 'environment' ? 'env' : kind;
}

/** The flag for an event field of `kind` (the event's `kind`), or undefined when none sets it. */
export function recordFlag(kind: string, issuePath: ReadonlyArray<PropertyKey>): string | undefined {
  const table = RECORD_FLAGS[kind];
  if (!table) return undefined;
  const names = issuePath.filter((p) => typeof p === 'string');
  for (let n = names.length; n > 0; n--) {
    const flag = table[names.slice(0, n).join('.')];
    if (flag === undefined) continue;
    const key = names[n];
    return flag.includes('*') ? flag.replace('*', key ?? 'KEY') : flag;
  }
  return undefined;
}
