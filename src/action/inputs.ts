import { InputError } from '../errors.js';
import { refusedValueShape } from '../redact/messages.js';
import type { MetricDirection } from '../schema/policy.js';
import { parseDirectionLines } from '../render/metric-direction.js';
import { valueLines } from '../util/lines.js';

export type SigstoreChoice = 'auto' | 'public-good' | 'github' | 'custom';

/** Typed action inputs. Only index.ts reads the runner; everything else takes this. */
export interface RunInputs {
  subjects: string[];
  datasets?: string;
  configs: string[];
  image?: string;
  /** Detect the container image when `image` is not given. */
  detectImage: boolean;
  metrics?: string;
  /** The `records` input; the folder itself is `recordsLocation`'s (with ML_PROVENANCE_DIR). */
  records?: string;
  dvc?: string;
  mlflowRun?: string;
  policy: string;
  redact: string[];
  sign: boolean;
  sigstore: SigstoreChoice;
  fulcioURL?: string;
  rekorURL?: string;
  tsaURL?: string;
  slsa: boolean;
  uploadArtifact: boolean;
  artifactName: string;
  retentionDays?: number;
  releaseTag?: string;
  comment: 'auto' | boolean;
  attestations: boolean;
  failOnPublishError: boolean;
  outputDir?: string;
  githubToken: string;
  /** metric-directions: which way each named metric is better (wins over the policy file). */
  metricDirections?: Record<string, MetricDirection>;
  /** A provenance store (postgres URL from a secret, or a file) to write the signed bundle into. */
  store?: string;
  /** python-env: auto, none, a lockfile, pip:PYTHON or uv:PYTHON. */
  pythonEnv: string;
  /** anonymize: predicate fields replaced by keyed pseudonyms. */
  anonymize: string[];
  /** pseudonym-key: the team's key (a secret). */
  pseudonymKey?: string;
}

function bool(name: string, v: string, allowAuto = false): boolean | 'auto' {
  const s = v.trim().toLowerCase();
  if (['true', 'yes', '1', 'on'].includes(s)) return true;
  if (['false', 'no', '0', 'off'].includes(s)) return false;
  if (allowAuto && (s === 'auto' || s === '')) return 'auto';
  throw new InputError('bad-boolean-input', `input ${name} must be true or false${allowAuto ? ' or auto' : ''} ${refusedValueShape(v)}`, {
    fix: `set \`${name}: true\` or \`${name}: false\` in the workflow`,
    fields: [name],
  });
}

function opt(v: string): string | undefined {
  const s = v.trim();
  return s ? s : undefined;
}

/**
 * Path/glob lines of `subject-path` or `config`. A `!PATTERN` line is an exclusion in
 * actions/upload-artifact and @actions/glob; here it would be read as a file named `!…`,
 * so it is refused with what to write instead.
 */
function pathLines(name: string, v: string): string[] {
  const lines = valueLines(v);
  const i = lines.findIndex((l) => l.startsWith('!'));
  if (i >= 0) {
    throw new InputError('exclusion-pattern', `input ${name}: line "${lines[i]}" is an exclusion pattern, and ${name} takes only paths and globs to include (no \`!\` lines, unlike actions/upload-artifact)`, {
      fix: `list only what to include: exact paths, or a glob that matches just those files (e.g. \`model/*.safetensors\`)`,
      fields: [name],
    });
  }
  return lines;
}

/** `metric-directions`: the one parser, shared with the CLI's `--metric-directions`. */
export function parseMetricDirections(v: string): Record<string, MetricDirection> | undefined {
  return parseDirectionLines(v, 'input metric-directions');
}

/**
 * Parse inputs from a getter (core.getInput in the action, a map in tests). Every
 * problem is an InputError naming the input and the fix.
 */
export function parseInputs(get: (name: string) => string): RunInputs {
  const g = (n: string, d = ''): string => get(n) || d;
  const subjects = pathLines('subject-path', g('subject-path'));
  const datasets = opt(g('datasets'));
  if (subjects.length === 0 && !datasets) {
    throw new InputError('no-subject-or-datasets', 'neither subject-path nor datasets was given', {
      fix: 'set `subject-path` to the trained model files (and `datasets` to the training data)',
      fields: ['subject-path', 'datasets'],
    });
  }
  const sigstore = g('sigstore', 'auto').trim() as SigstoreChoice;
  if (!['auto', 'public-good', 'github', 'custom'].includes(sigstore)) {
    throw new InputError('bad-sigstore-input', `input sigstore must be auto, public-good, github or custom ${refusedValueShape(sigstore)}`, {
      fix: 'use `sigstore: public-good` for public repositories, `github` for private ones, `custom` with fulcio-url/rekor-url',
      fields: ['sigstore'],
    });
  }
  const fulcioURL = opt(g('fulcio-url'));
  const rekorURL = opt(g('rekor-url'));
  const tsaURL = opt(g('tsa-url'));
  if (sigstore === 'custom' && !fulcioURL) {
    throw new InputError('custom-sigstore-needs-urls', 'sigstore is custom but fulcio-url is empty', {
      fix: 'set fulcio-url and rekor-url (and tsa-url if your instance has one)',
      fields: ['fulcio-url'],
    });
  }
  for (const [name, url] of [['fulcio-url', fulcioURL], ['rekor-url', rekorURL], ['tsa-url', tsaURL]] as const) {
    if (url && !/^https?:\/\/[^\s]+$/.test(url)) {
      throw new InputError('bad-url-input', `input ${name} is not an http(s) URL ${refusedValueShape(url)}`, {
        fix: `set ${name} to the service's base URL, https://host[:port] (no user:password@)`,
        fields: [name],
      });
    }
  }
  const retention = opt(g('retention-days'));
  let retentionDays: number | undefined;
  if (retention !== undefined) {
    retentionDays = Number(retention);
    if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 90) {
      throw new InputError('bad-retention-days', `input retention-days must be a whole number from 1 to 90 ${refusedValueShape(retention)}`, {
        fix: 'set retention-days: 30 (or leave it empty for the repository default)',
        fields: ['retention-days'],
      });
    }
  }
  return {
    subjects,
    ...(datasets ? { datasets } : {}),
    configs: pathLines('config', g('config')),
    ...(opt(g('image')) ? { image: opt(g('image'))! } : {}),
    ...(opt(g('metrics')) ? { metrics: opt(g('metrics'))! } : {}),
    // An empty input is an input not given (the runner's rule); recordsLocation takes it from there.
    ...(g('records').trim() ? { records: g('records').trim() } : {}),
    ...(opt(g('dvc')) ? { dvc: opt(g('dvc'))! } : {}),
    ...(opt(g('mlflow-run')) ? { mlflowRun: opt(g('mlflow-run'))! } : {}),
    policy: g('policy', 'standard').trim(),
    redact: valueLines(g('redact')),
    detectImage: bool('detect-image', g('detect-image', 'true')) as boolean,
    sign: bool('sign', g('sign', 'true')) as boolean,
    sigstore,
    ...(fulcioURL ? { fulcioURL } : {}),
    ...(rekorURL ? { rekorURL } : {}),
    ...(tsaURL ? { tsaURL } : {}),
    slsa: bool('slsa', g('slsa', 'false')) as boolean,
    uploadArtifact: bool('upload-artifact', g('upload-artifact', 'true')) as boolean,
    artifactName: g('artifact-name', 'ml-provenance').trim(),
    ...(retentionDays !== undefined ? { retentionDays } : {}),
    ...(opt(g('release-tag')) ? { releaseTag: opt(g('release-tag'))! } : {}),
    comment: bool('comment', g('comment', 'auto'), true),
    attestations: bool('attestations', g('attestations', 'false')) as boolean,
    failOnPublishError: bool('fail-on-publish-error', g('fail-on-publish-error', 'true')) as boolean,
    ...(opt(g('output-dir')) ? { outputDir: opt(g('output-dir'))! } : {}),
    githubToken: g('github-token').trim(),
    ...(parseMetricDirections(g('metric-directions')) ? { metricDirections: parseMetricDirections(g('metric-directions'))! } : {}),
    ...(opt(g('store')) ? { store: opt(g('store'))! } : {}),
    pythonEnv: g('python-env', 'auto').trim(),
    anonymize: valueLines(g('anonymize')),
    ...(opt(g('pseudonym-key')) ? { pseudonymKey: opt(g('pseudonym-key'))! } : {}),
  };
}
