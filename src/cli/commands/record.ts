import { stderrLogger } from '../../util/log.js';
import { fileUri } from '../../util/file-uri.js';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { actionsCheckout, appendEvent, commandFolder, defaultWorkspace, recordsLocation, resetRecords, runTag, unrecordableFolder, type RecordsLocation } from '../../record/log.js';
import { isInside, posixRelative } from '../../util/fs.js';
import { parentRecordsLog } from '../../record/warnings.js';
import { pathMeantFromFolder, pathUnresolvedFromFolder } from '../../util/subfolder-path.js';
import { recordFlag, recordSubcommand } from '../record-flags.js';
import { isSpdxExpression, spdxFix } from '../../schema/license.js';
import { DatasetId } from '../../schema/common.js';
import { pathDatasetId } from '../../util/dataset-id.js';
import { collect, intOption, numberOption, processIo, run, seedOption } from '../shared.js';
import { parseKeyValue, parseLibrary, parseSplits } from '../values.js';
import { splitOutput, datasetCoverageFields, datasetCoverageOptions, runFields, runOptions, stepCoverageFields, stepCoverageOptions } from './record-coverage.js';

function recordsOption(cmd: Command): Command {
  return cmd.option('--records <dir>', 'records directory, relative to the workspace (default .ml-provenance, env ML_PROVENANCE_DIR)');
}

/**
 * A path as the log keeps it: relative to the workspace (as `build` and the action read it), which
 * in GitHub Actions is the checkout even when training runs in a sub-folder. An absolute path
 * inside the workspace (Python's `os.path.abspath`) is kept relative, or the runner's folder would
 * be in the record and the dataset's `file:` uri would differ from run to run. A relative path
 * that exists only from the current folder is the sub-folder slip: refused with the path to write,
 * not left for build to miss; one that exists from neither, with no more of its folders in the
 * workspace than in the current folder (`pathUnresolvedFromFolder`), is kept with a warning naming both.
 */
function workspacePath(p: string | undefined, flag: string, workspace: string, prefix = '', cwd: string = process.cwd()): string | undefined {
  if (p === undefined) return undefined;
  if (path.isAbsolute(p)) {
    // The folder's real path (GITHUB_WORKSPACE may be reached through a symlink), not the file's:
    // a file symlinked out of the workspace (a DVC cache) is still named by its place in it.
    let abs = path.resolve(p);
    try {
      abs = path.join(realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      // a folder not made yet: compared as written
    }
    return isInside(abs, workspace) && abs !== workspace ? posixRelative(workspace, abs) : p;
  }
  if (workspace === cwd) return p;
  const folder = posixRelative(workspace, cwd);
  const meant = pathMeantFromFolder(p, workspace, cwd);
  const unresolved = meant === undefined ? pathUnresolvedFromFolder(p, workspace, cwd) : undefined;
  // The path through the current folder would hold its unrecordable name (`a\b/x.csv`), and a step
  // could not keep the folder for build to explain the path by: the folder is what to change.
  const why = meant !== undefined || unresolved !== undefined ? unrecordableFolder(workspace, cwd) : undefined;
  if (why !== undefined) {
    const where = meant !== undefined ? `where ${p} does not exist (it does from the current folder ${folder})` : `where ${p} does not exist yet, nor from the current folder ${folder}`;
    throw new InputError('folder-not-recordable', `${flag} ${prefix}${p}: paths are relative to the workspace ${workspace}, ${where}, and the current folder cannot be named in a record: ${why}`, {
      fix: "rename the folder (no '\\' in its name) and write the path relative to the workspace, or run `ml-provenance record` from the workspace's root",
      fields: [flag],
    });
  }
  if (meant !== undefined) {
    throw new InputError('path-from-subfolder', `${flag} ${prefix}${p}: paths are relative to the workspace ${workspace}, where ${p} does not exist (it does from the current folder ${cwd})`, {
      fix: `write ${flag} ${prefix}${meant}`,
      fields: [flag],
    });
  }
  // Not written yet, and nothing says which folder it will be written in: kept as typed (the
  // rule), with both readings named, as build looks for the first only.
  if (unresolved !== undefined) {
    stderrLogger.warning(`${flag} ${prefix}${p} is recorded relative to the workspace ${workspace}, as build reads it: neither ${p} nor ${unresolved} (from the current folder ${folder}) exists yet, and build will look for ${p} only — if the file is written under the current folder, write ${flag} ${prefix}${unresolved}`);
  }
  return p;
}

/**
 * A step names its datasets by id; one typed as a path (`raw data/x.csv`, a DVC output) is refused
 * with the id that path has (`raw%20data/x.csv`), which is what the dataset was recorded under.
 */
function checkDatasetRefs(ids: string[], flag: string): void {
  for (const ref of ids) {
    const id = flag === '--output' ? splitOutput(ref).id : ref;
    const parsed = DatasetId.safeParse(id);
    if (parsed.success) continue;
    const encoded = pathDatasetId(id);
    throw new InputError('bad-dataset-id', `${flag} ${id}: ${parsed.error.issues[0]?.message ?? 'not a dataset id'}`, {
      fix: `pass the id the dataset was recorded under${encoded === id ? '' : `; if ${id} is a path or name (a DVC output, an MLflow or Hugging Face dataset), its id is ${encoded}: write ${flag} ${ref.replace(id, encoded)}`}`,
      fields: [flag],
    });
  }
}

/**
 * A relative records folder that leads out of the checkout (`--records ../.ml-provenance` typed in
 * `train/`, meaning the checkout's log) would be written where neither build nor the action reads
 * it (both keep the log inside the workspace): refused with the value to write.
 */
function checkRecordsPath(loc: RecordsLocation, value: string | undefined, workspace: string, cwd: string = process.cwd()): void {
  if (value === undefined || path.isAbsolute(value.trim()) || workspace === cwd || isInside(loc.dir, workspace)) return;
  const meant = path.resolve(cwd, value.trim());
  const write = loc.from === '--records' ? (v: string) => `--records ${v}` : (v: string) => `ML_PROVENANCE_DIR=${v}`;
  throw new InputError('records-outside-workspace', `${write(value.trim())}: the records folder is relative to the workspace ${workspace}, and this one leads out of it (to ${loc.dir}), where neither build nor the action reads it`, {
    fix: isInside(meant, workspace) ? `write ${write(path.relative(workspace, meant) || '.')}` : 'name a folder inside the checkout (default .ml-provenance)',
    fields: [loc.from ?? '--records'],
  });
}

async function append(records: string | undefined, event: Record<string, unknown>): Promise<void> {
  // Tagged with the run, so a log a reused workspace keeps from an earlier run is not merged into this one's record.
  const clean = Object.fromEntries(Object.entries({ ...event, ...runTag() }).filter(([, v]) => v !== undefined));
  const kind = String(clean.kind);
  const sub = recordSubcommand(kind);
  // A refused value is named by the flag that gave it, with the command's help as the fix.
  const workspace = defaultWorkspace();
  const loc = recordsLocation({ value: records, by: '--records' }, workspace);
  checkRecordsPath(loc, records ?? process.env.ML_PROVENANCE_DIR, workspace);
  const checkout = actionsCheckout();
  if (checkout !== undefined && !isInside(loc.dir, checkout)) {
    // Run outside the checkout (a script that cd's to $RUNNER_TEMP): the log is made, but the action reads only the checkout's.
    stderrLogger.warning(`the records log ${loc.dir} is outside the checkout (GITHUB_WORKSPACE ${checkout}), where the action does not read it — run the training inside the checkout, or set ML_PROVENANCE_DIR to a folder in it (e.g. $GITHUB_WORKSPACE/.ml-provenance)`);
  }
  await appendEvent(loc.dir, clean, undefined, {
    what: `value for \`record ${sub}\``,
    fix: `correct the value named above (\`ml-provenance record ${sub} --help\` lists each option and its form)`,
    name: (p) => recordFlag(kind, p),
  });
}

export function register(program: Command): void {
  const record = program
    .command('record')
    .description('append what the training code knows to the records log (.ml-provenance/records.jsonl)');

  recordsOption(
    datasetCoverageOptions(record
      .command('dataset')
      .description('declare a dataset used or produced by the run')
      .requiredOption('--id <id>', 'stable dataset id, referenced by steps')
      .option('--uri <uri>', 'where the data lives (s3://…, hf://datasets/ORG/NAME@REV, file:…); default file:<--path>, percent-encoded as a URI')
      .option('--version <v>', 'dataset version (default: the REV of an hf://datasets/…@REV URI)')
      .option('--path <p>', 'local file or directory to hash (relative to the workspace)')
      .option('--digest <sha256:hex>', 'content digest of remote data')
      .option('--license <spdx>', 'SPDX license expression (MIT, CC-BY-4.0, Apache-2.0 OR MIT) or LicenseRef-NAME')
      .option('--split <name=fraction>', 'a split and its fraction (repeatable)', collect, [])
      .option('--seed <n>', 'seed used for splitting/shuffling', seedOption('--seed'))
      .option('--media-type <type>', 'media type of the data')),
  ).action(
    run(async (o: Record<string, unknown>) => {
      const [uri, dataPath, license] = [o.uri as string | undefined, o.path as string | undefined, o.license as string | undefined];
      if (!uri && !dataPath) {
        throw new InputError('dataset-without-location', `record dataset --id ${String(o.id)} needs --uri or --path`, {
          fix: 'pass --path FILE_OR_DIR for local data (hashed at build) or --uri URI for remote data (s3://…, hf://datasets/ORG/NAME@REV)',
          fields: ['--uri', '--path'],
        });
      }
      const kept = workspacePath(dataPath, '--path', defaultWorkspace());
      if (license !== undefined && !isSpdxExpression(license)) {
        throw new InputError('bad-license', `--license "${license}" is not an SPDX license expression`, { fix: `pass --license with a valid value: ${spdxFix(license)}`, fields: ['--license'] });
      }
      await append(o.records as string | undefined, {
        kind: 'dataset',
        id: o.id,
        // Like the manifest: local data without a URI lives at file:<path> (percent-encoded, a URI).
        uri: uri ?? fileUri(kept!),
        version: o.version,
        path: kept,
        digest: o.digest,
        license: o.license,
        splits: parseSplits(o.split as string[]),
        seed: o.seed,
        mediaType: o.mediaType,
        ...datasetCoverageFields(o),
      });
    }),
  );

  recordsOption(
    stepCoverageOptions(record
      .command('step')
      .description('record a data transformation step')
      .requiredOption('--name <name>', 'step name')
      .option('--library <name@version>', 'library that performed it')
      .option('--param <k=v>', 'a step parameter (repeatable)', collect, [])
      .option('--input <id>', 'input dataset id (repeatable)', collect, [])
      .option('--output <id[=path]>', 'output dataset id; with =PATH the output file/directory is hashed at build, so later runs that read the same bytes link to this one (repeatable)', collect, [])
      .option('--split <name=fraction>', 'a split this step made of its inputs (repeatable); its outputs are the parts', collect, [])
      .option('--seed <n>', 'seed this step split or shuffled with', seedOption('--seed'))),
  ).action(
    run(async (command: string[], o: Record<string, unknown>) => {
      const params = (o.param as string[]).map((p, i) => parseKeyValue(p, '--param', i + 1));
      checkDatasetRefs(o.input as string[], '--input');
      checkDatasetRefs(o.output as string[], '--output');
      const outputs = (o.output as string[]).map(splitOutput).map((out) => ({ ...out, path: workspacePath(out.path, '--output', defaultWorkspace(), `${out.id}=`) }));
      await append(o.records as string | undefined, {
        kind: 'step',
        name: o.name,
        library: o.library,
        parameters: params.length ? Object.fromEntries(params) : undefined,
        inputs: (o.input as string[]).length ? o.input : undefined,
        outputs: (o.output as string[]).length ? (o.output as string[]).map((x) => splitOutput(x).id) : undefined,
        splits: parseSplits(o.split as string[]),
        seed: o.seed,
        ...(await stepCoverageFields(command, o, (m) => stderrLogger.warning(m))),
        // The folder its command runs in; without one, the folder its output paths were typed in, which
        // lets build explain a path typed relative to it (left out when no record can name it).
        cwd: command.length ? commandFolder(defaultWorkspace()) : outputs.some((out) => out.path) ? commandFolder(defaultWorkspace(), process.cwd(), false) : undefined,
      });
      // Outputs written to a path become datasets hashed at build: a content identity across runs.
      for (const out of outputs) {
        if (out.path) await append(o.records as string | undefined, { kind: 'dataset', id: out.id, path: out.path });
      }
    }),
  );

  recordsOption(runOptions(record.command('run').description('record what the run is for and how it was laid out: purpose, feature flags, cluster'))).action(
    run(async (o: Record<string, unknown>) => {
      await append(o.records as string | undefined, runFields(o));
    }),
  );

  recordsOption(
    record
      .command('metric')
      .description('record a metric value')
      .requiredOption('--name <name>', 'metric name')
      .requiredOption('--value <number>', 'metric value', numberOption('--value'))
      .option('--epoch <n>', 'epoch', intOption('--epoch'))
      .option('--step <n>', 'global step', intOption('--step'))
      .option('--split <name>', 'split evaluated (train, validation, test…)'),
  ).action(
    run(async (o: Record<string, unknown>) => {
      await append(o.records as string | undefined, { kind: 'metric', name: o.name, value: o.value, epoch: o.epoch, step: o.step, split: o.split });
    }),
  );

  recordsOption(
    record
      .command('param')
      .description('record hyperparameters: K=V …')
      .argument('<kv...>', 'KEY=VALUE pairs'),
  ).action(
    run(async (kv: string[], o: Record<string, unknown>) => {
      await append(o.records as string | undefined, { kind: 'param', params: Object.fromEntries(kv.map((x, i) => parseKeyValue(x, 'param', i + 1))) });
    }),
  );

  recordsOption(
    record
      .command('command')
      .description('record the training command (after --), used by `replay --run`')
      .argument('<argv...>', 'the command and its arguments'),
  ).action(
    run(async (argv: string[], o: Record<string, unknown>) => {
      await append(o.records as string | undefined, { kind: 'command', argv, cwd: commandFolder(defaultWorkspace()) });
    }),
  );

  recordsOption(
    record
      .command('env')
      .description('record library versions and accelerators')
      .option('--library <name=version>', 'a library and its version, NAME=VERSION or NAME@VERSION (repeatable)', collect, [])
      .option('--accelerator <name>', 'an accelerator used (repeatable)', collect, []),
  ).action(
    run(async (o: Record<string, unknown>) => {
      const libs = (o.library as string[]).map((l, i) => parseLibrary(l, '--library', i + 1));
      await append(o.records as string | undefined, {
        kind: 'environment',
        libraries: libs.length ? Object.fromEntries(libs) : undefined,
        accelerators: (o.accelerator as string[]).length ? o.accelerator : undefined,
      });
    }),
  );

  recordsOption(
    record
      .command('reset')
      .description('start an empty records log: remove the lines earlier runs left (every log file build reads in the records folder)'),
  ).action(
    run(async (o: Record<string, unknown>) => {
      // The folder `record` writes, by the same rule (the checkout's in GitHub Actions, from any sub-folder).
      const workspace = defaultWorkspace();
      const loc = recordsLocation({ value: o.records as string | undefined, by: '--records' }, workspace);
      checkRecordsPath(loc, (o.records as string | undefined) ?? process.env.ML_PROVENANCE_DIR, workspace);
      const shown = isInside(loc.dir, workspace) ? posixRelative(workspace, loc.dir) || '.' : loc.dir;
      const removed = await resetRecords(loc.dir);
      if (!removed.length) processIo.err(`no records log in ${shown}: nothing to remove`);
      for (const r of removed) processIo.err(`removed ${shown}/${r.name} (${r.lines} line(s))`);
      // Outside GitHub Actions the log `build` names from a sub-folder is a parent folder's: say it
      // is left as it is and how to empty it, rather than let "nothing to remove" pass for done.
      const parent = removed.some((r) => r.lines > 0) ? undefined : await parentRecordsLog(loc, workspace);
      if (parent) {
        processIo.err(
          `warning: ${parent.log} (in ${parent.which}) holds a records log, left as it is: outside GitHub Actions \`record\`, \`record reset\` and \`build\` each take the folder they run in as the workspace — to empty that log, run \`ml-provenance record reset\` in ${parent.there} (${parent.dir})`,
        );
      }
      return 0;
    }),
  );
}
