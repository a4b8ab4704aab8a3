import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { isSpdxExpression, spdxFix } from '../../schema/license.js';
import { collect, intOption, numberOption, seedOption } from '../shared.js';
import { parseKeyValue, parseLibrary } from '../values.js';

/**
 * The `record dataset` and `record step` flags for the record's wider coverage (source,
 * quality, sampling, synthetic generation, license history; per-step command and
 * environment), and `record run`. Each flag maps onto the zod schemas in
 * src/schema/coverage.ts; the schema validates the assembled event.
 */
export function datasetCoverageOptions(cmd: Command): Command {
  return cmd
    .option('--source-repo <url>', 'where the data is maintained (repository, bucket, catalog entry)')
    .option('--access <level>', 'access classification: public, internal, confidential, restricted')
    .option('--data-owner <name>', 'team or person accountable for the data')
    .option('--rows <n>', 'quality: number of rows', intOption('--rows'))
    .option('--columns <n>', 'quality: number of columns', intOption('--columns'))
    .option('--missing-rate <f>', 'quality: fraction of missing values (0..1)', numberOption('--missing-rate'))
    .option('--duplicate-rate <f>', 'quality: fraction of duplicate rows (0..1)', numberOption('--duplicate-rate'))
    .option('--label <label=count>', 'quality: label distribution entry (repeatable)', collect, [])
    .option('--quality-metric <k=v>', 'quality: any other named metric (repeatable)', collect, [])
    .option('--check <name=pass|fail>', 'quality: a data check that ran and its result (repeatable)', collect, [])
    .option('--sampling <strategy>', 'sampling: none, random, stratified, systematic, cluster, weighted, oversample, undersample, time-based, other')
    .option('--sample-fraction <f>', 'sampling: fraction drawn', numberOption('--sample-fraction'))
    .option('--sample-size <n>', 'sampling: number of items drawn', intOption('--sample-size'))
    .option('--sample-by <key>', 'sampling: column stratified or weighted by')
    .option('--sample-seed <n>', 'sampling: seed', seedOption('--sample-seed'))
    .option('--synthetic-generator <name[@version]>', 'the data is synthetic: the generator that made it')
    .option('--synthetic-param <k=v>', 'synthetic: a generation parameter (repeatable)', collect, [])
    .option('--synthetic-seed <n>', 'synthetic: generation seed', seedOption('--synthetic-seed'))
    .option('--license-history <version=spdx>', 'an earlier license of this dataset, from that version on (repeatable)', collect, []);
}

function numbers(entries: string[], flag: string): Record<string, number> | undefined {
  if (!entries.length) return undefined;
  const out: Record<string, number> = {};
  for (const e of entries) {
    const [k, v] = parseKeyValue(e, flag);
    if (typeof v !== 'number') throw new InputError('bad-number', `${flag} ${k}=…: the value must be a number`, { fix: `write it as ${flag} ${k}=12` });
    out[k] = v;
  }
  return out;
}

function checks(entries: string[]): Array<{ name: string; passed: boolean }> | undefined {
  if (!entries.length) return undefined;
  return entries.map((e) => {
    const m = /^(.+)=(pass|passed|ok|true|fail|failed|false)$/i.exec(e);
    if (!m) throw new InputError('bad-check', `--check expects NAME=pass or NAME=fail`, { fix: 'write it as --check no_null_labels=pass' });
    return { name: m[1]!, passed: /^(pass|passed|ok|true)$/i.test(m[2]!) };
  });
}

const defined = <T extends Record<string, unknown>>(o: T): T | undefined => {
  const clean = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return Object.keys(clean).length ? clean : undefined;
};

/** The dataset event fields from the flags above. */
export function datasetCoverageFields(o: Record<string, unknown>): Record<string, unknown> {
  const generator = o.syntheticGenerator as string | undefined;
  const [genName, genVersion] = generator ? splitAt(generator) : [undefined, undefined];
  const syntheticParams = (o.syntheticParam as string[]).map((p) => parseKeyValue(p, '--synthetic-param'));
  if (!generator && (syntheticParams.length || o.syntheticSeed !== undefined)) {
    throw new InputError('synthetic-without-generator', '--synthetic-param/--synthetic-seed need --synthetic-generator', {
      fix: 'name the generator: --synthetic-generator NAME@VERSION',
    });
  }
  const sampling = defined({
    strategy: o.sampling,
    fraction: o.sampleFraction,
    size: o.sampleSize,
    by: o.sampleBy,
    seed: o.sampleSeed,
  });
  if (sampling && !sampling.strategy) {
    throw new InputError('sampling-without-strategy', '--sample-* flags need --sampling STRATEGY', { fix: 'add e.g. --sampling stratified' });
  }
  return {
    source: defined({ repository: o.sourceRepo, access: o.access, owner: o.dataOwner }),
    quality: defined({
      rows: o.rows,
      columns: o.columns,
      missingRate: o.missingRate,
      duplicateRate: o.duplicateRate,
      labelDistribution: numbers(o.label as string[], '--label'),
      metrics: numbers(o.qualityMetric as string[], '--quality-metric'),
      checks: checks(o.check as string[]),
    }),
    sampling,
    synthetic: generator
      ? defined({
          generator: genName,
          version: genVersion,
          parameters: syntheticParams.length ? Object.fromEntries(syntheticParams) : undefined,
          seed: o.syntheticSeed,
        })
      : undefined,
    licenseHistory: (o.licenseHistory as string[]).length
      ? (o.licenseHistory as string[]).map((e) => {
          const eq = e.indexOf('=');
          if (eq <= 0) throw new InputError('bad-license-history', '--license-history expects VERSION=SPDX', { fix: 'write it as --license-history 1.0=CC-BY-4.0' });
          const license = e.slice(eq + 1);
          // The same rule as --license: an earlier license is a license too.
          if (!isSpdxExpression(license)) {
            throw new InputError('bad-license', `--license-history "${e}": "${license}" is not an SPDX license expression`, {
              fix: `pass --license-history VERSION=SPDX with a valid license: ${spdxFix(license)}`,
              fields: ['--license-history'],
            });
          }
          return { version: e.slice(0, eq), license };
        })
      : undefined,
  };
}

function splitAt(s: string): [string, string | undefined] {
  const at = s.lastIndexOf('@');
  return at > 0 ? [s.slice(0, at), s.slice(at + 1)] : [s, undefined];
}

export function stepCoverageOptions(cmd: Command): Command {
  return cmd
    .option('--env-image <ref>', 'the container image this step ran in, when not the run\'s')
    .option('--env-library <name=version>', 'a library version this step used, when not the run\'s (repeatable)', collect, [])
    .option('--env-python <spec>', 'capture this step\'s Python packages: a lockfile, pip:PYTHON or uv:PYTHON (`pip freeze` of that interpreter), or auto')
    .option('--env-detect-image', 'capture the container image this step runs in (Docker API, Kubernetes pod status, Podman), as the build does for the run')
    .argument('[command...]', 'after --: the command that ran this step (replayed by `replay --run`)');
}

/**
 * The step's command and environment. Captured values (--env-python, --env-detect-image)
 * say where they came from; values typed with --env-library/--env-image win over them.
 * A capture that finds nothing is a warning, never a failure (as in the build).
 */
export async function stepCoverageFields(command: string[], o: Record<string, unknown>, warn: (m: string) => void): Promise<Record<string, unknown>> {
  const typed = Object.fromEntries((o.envLibrary as string[]).map((l) => parseLibrary(l, '--env-library')));
  const sources: string[] = [];
  let captured: Record<string, string> = {};
  if (typeof o.envPython === 'string') {
    const { capturePython } = await import('../../capture/python.js');
    const py = await capturePython(o.envPython, process.cwd());
    if (py) {
      captured = py.packages;
      const from = py.file && py.file.name !== py.source ? py.file.name : py.interpreter;
      sources.push(from ? `${py.source} (${from})` : py.source);
    } else warn(`--env-python ${o.envPython === 'auto' ? 'auto found no lockfile in the workspace' : 'captured nothing'}: the step's libraries are not recorded`);
  }
  let image = o.envImage as string | undefined;
  if (o.envDetectImage && image === undefined) {
    const { detectImage } = await import('../../capture/container.js');
    let noted = false;
    const found = await detectImage({ onNote: (m) => ((noted = true), warn(m)) });
    if (found) {
      image = found.reference;
      sources.push(found.source);
    } else if (!noted) warn('--env-detect-image: this step does not run in a container the tool can see (Docker API, Kubernetes, Podman); pass --env-image REF');
  }
  const libraries = { ...captured, ...typed };
  return {
    command: command.length ? command : undefined,
    environment: defined({ image, libraries: Object.keys(libraries).length ? libraries : undefined, sources: sources.length ? sources : undefined }),
  };
}

export function runOptions(cmd: Command): Command {
  return cmd
    .option('--purpose <text>', 'why this run was made, in a sentence')
    .option('--flag <k=v>', 'a feature / A-B flag in effect (repeatable)', collect, [])
    .option('--nodes <n>', 'cluster: number of nodes', intOption('--nodes'))
    .option('--accelerators-per-node <n>', 'cluster: accelerators per node', intOption('--accelerators-per-node'))
    .option('--accelerator <name>', 'cluster: accelerator model')
    .option('--strategy <name>', 'cluster: distributed strategy (ddp, fsdp, deepspeed-zero3, …)')
    .option('--scheduler <name>', 'cluster: scheduler (slurm, kubernetes, ray, …)');
}

export function runFields(o: Record<string, unknown>): Record<string, unknown> {
  const flags = (o.flag as string[]).map((f) => parseKeyValue(f, '--flag'));
  return {
    kind: 'run',
    purpose: o.purpose,
    flags: flags.length ? Object.fromEntries(flags) : undefined,
    cluster: defined({
      nodes: o.nodes,
      acceleratorsPerNode: o.acceleratorsPerNode,
      accelerator: o.accelerator,
      strategy: o.strategy,
      scheduler: o.scheduler,
    }),
  };
}

/** `--output ID` or `--output ID=PATH`. */
export function splitOutput(arg: string): { id: string; path?: string } {
  const eq = arg.indexOf('=');
  return eq > 0 ? { id: arg.slice(0, eq), path: arg.slice(eq + 1) } : { id: arg };
}
