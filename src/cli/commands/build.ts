import { Option, type Command } from 'commander';
import path from 'node:path';
import { readGitHubContext } from '../../capture/github.js';
import { formatFinding } from '../../policy/index.js';
import { defaultWorkspace, recordsLocation } from '../../record/log.js';
import { assemble } from '../../statement/assemble.js';
import { ttyProgressBar } from '../../digest/progress.js';
import { outputDirInWorkspace, writeFileAtomic } from '../../util/fs.js';
import { collect, outputFormat, processIo, run } from '../shared.js';
import { termLine } from '../../render/terminal.js';
import { readPseudonymKey } from '../pseudonym-key.js';

async function withKey(file: string | undefined) {
  const key = await readPseudonymKey(file);
  return key ? { pseudonymKey: key } : {};
}

export function register(program: Command): void {
  program
    .command('build')
    .description('build the in-toto statement for a training run and check it against the policy')
    .option('--subject <path>', 'model file, directory or glob (repeatable)', collect, [])
    .option('--config <path>', 'config file or glob: YAML/JSON/TOML (repeatable)', collect, [])
    .option('--image <ref>', 'container image, REGISTRY/NAME[:TAG]@sha256:HEX')
    .option('--datasets <file>', 'datasets manifest (YAML/JSON)')
    .option('--metrics <file>', 'metrics file (JSON/YAML)')
    .option('--records <dir>', 'records directory, relative to the workspace (default .ml-provenance, env ML_PROVENANCE_DIR)')
    .option('--dvc <dir>', 'also read datasets and stages from a DVC project (dvc.lock, *.dvc)')
    .option('--mlflow-run <dir>', 'also read params, metrics and dataset inputs from an MLflow run folder')
    .option('--policy <name|file>', 'standard, strict, none, or a policy file', 'standard')
    .option('--redact <regexp>', 'extra config key pattern to redact (repeatable)', collect, [])
    .option('--workspace <dir>', 'root that paths are relative to (default: the current directory; in GitHub Actions the checkout, GITHUB_WORKSPACE, when run inside it)')
    .option('--out <file>', 'where to write the statement', 'provenance.intoto.json')
    .option('--allow-incomplete', 'write the statement even when the policy finds it incomplete (exit code stays 1)')
    .addOption(new Option('--json', 'print the policy result as JSON on stdout (same as --format json)').implies({ format: 'json' }))
    .addOption(new Option('--format <format>', 'text, or json (same as --json)').choices(['text', 'json']).default('text'))
    .option('--python-env <spec>', 'Python environment to capture: auto (a lockfile at the workspace root), none, a lockfile, pip:PYTHON or uv:PYTHON', 'auto')
    .option('--no-hardware', 'do not capture CPU, memory and GPUs')
    .option('--no-detect-image', 'do not detect the container image the job runs in')
    .option('--anonymize <field>', 'replace a field by a keyed pseudonym, e.g. datasets.*.uri (repeatable; also the policy file\'s anonymize:)', collect, [])
    .option('--pseudonym-key-file <file>', 'the team\'s pseudonymisation key (default: env ML_PROVENANCE_PSEUDONYM_KEY)')
    .action(
      run(async (o: Record<string, unknown>) => {
        const format = outputFormat(o as { format: string; json?: boolean });
        const workspace = path.resolve((o.workspace as string | undefined) ?? defaultWorkspace());
        const out = o.out as string;
        // Checked before anything is read: --out inside the workspace may not lead through a committed symlink out of it.
        const outFile = path.join(await outputDirInWorkspace(path.dirname(path.resolve(out)), workspace, '--out'), path.basename(out));
        const res = await assemble({
          workspace,
          subjects: o.subject as string[],
          configs: o.config as string[],
          ...(o.image ? { image: o.image as string } : {}),
          ...(o.datasets ? { datasets: o.datasets as string } : {}),
          ...(o.metrics ? { metricsFile: o.metrics as string } : {}),
          records: recordsLocation({ value: o.records as string | undefined, by: '--records' }, workspace),
          policy: o.policy as string,
          redact: o.redact as string[],
          github: readGitHubContext(),
          // A progress bar on a terminal for long hashing; nothing in pipes and CI logs.
          anonymize: o.anonymize as string[],
          ...(await withKey(o.pseudonymKeyFile as string | undefined)),
          capture: { pythonEnv: o.pythonEnv as string, hardware: o.hardware !== false, image: o.detectImage !== false },
          reporting: { progress: (label) => ttyProgressBar({ label: termLine(label) }), warn: (m) => processIo.err(`warning: ${m}`) },
          bridges: {
            ...(o.dvc ? { dvc: o.dvc as string } : {}),
            ...(o.mlflowRun ? { mlflowRun: o.mlflowRun as string } : {}),
          },
        });

        const write = res.policy.complete || Boolean(o.allowIncomplete);
        if (write) await writeFileAtomic(outFile, res.text);
        if (format === 'json') {
          processIo.out(JSON.stringify({ ...res.policy, statement: write ? out : null, digest: `sha256:${res.digest}` }, null, 2));
        } else {
          for (const f of res.policy.findings) processIo.err(`${f.severity}: ${termLine(formatFinding(f))}`);
          if (write) processIo.err(`wrote ${out} (sha256:${res.digest}, ${res.statement.subject.length} subject(s), ${res.statement.predicate.datasets.length} dataset(s))`);
        }
        if (!res.policy.complete) {
          const errors = res.policy.findings.filter((f) => f.severity === 'error');
          const leaks = errors.filter((f) => f.rule === 'pseudonyms.leak').length;
          const unwritten = write ? '' : '; nothing was written (use --allow-incomplete to write it anyway)';
          if (leaks) processIo.err(`error: the record still holds pseudonymised values in clear at ${leaks} place(s) above — pseudonymise those fields too, or stop recording them${unwritten}`);
          if (errors.length > leaks) {
            processIo.err(`error: the record is incomplete under policy "${res.policy.policy}" (${errors.length - leaks} problem(s) above) — supply the missing fields${unwritten}`);
          }
          return 1;
        }
        return 0;
      }),
    );
}
