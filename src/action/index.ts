// The action entry (dist/index.js): the only file that reads the runner's inputs.
import * as core from '@actions/core';
import os from 'node:os';
import { readGitHubContext } from '../capture/github.js';
import { toProvenanceError } from '../errors.js';
import type { Logger } from '../util/log.js';
import { annotationFile } from './annotation.js';
import { parseInputs } from './inputs.js';
import { termLine, termText } from '../render/terminal.js';

// The job log is read in a browser and in terminals, and a line starting with `::` is a
// workflow command to the runner: record text leaves as one sanitised line a message
// (annotations: @actions/core escapes their newlines itself).
const logger: Logger = {
  info: (m) => core.info(termLine(m)),
  warning: (m, p) => core.warning(termText(m), p ?? {}),
  error: (m, p) => core.error(termText(m), p ?? {}),
  notice: (m, p) => core.notice(termText(m), p ?? {}),
  debug: (m) => core.debug(termLine(m)),
};

async function main(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    if (inputs.githubToken) core.setSecret(inputs.githubToken);
    if (inputs.store) core.setSecret(inputs.store);
    if (inputs.pseudonymKey) core.setSecret(inputs.pseudonymKey);
    // Loaded after the inputs parse, so a bad input is reported before zod, YAML & co load.
    const { run } = await import('./main.js');
    const outcome = await run(inputs, {
      io: {
        logger,
        setOutput: (n, v) => core.setOutput(n, v),
        summary: async (md) => {
          if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(md, true).write();
        },
      },
      github: readGitHubContext(),
      workspace,
      tempDir: process.env.RUNNER_TEMP ?? os.tmpdir(),
      env: process.env,
      // Heavy modules (sigstore, octokit, @actions/artifact) load only when used, so a
      // failing input check or an incomplete record reports fast.
      // The runner's OIDC token is masked in the log like @actions/core's getIDToken does.
      signStatement: async (st, o) => (await import('../sign/index.js')).signStatement(st, { ...o, onToken: (t) => core.setSecret(t) }),
      preflightIdentity: async (o) => (await import('../sign/index.js')).preflightIdentity(o),
      buildSlsaStatement: async (st, ctx) => (await import('../statement/slsa.js')).buildSlsaStatement(st, ctx),
      publish: async (req, ctx, d) => (await import('../publish/index.js')).publish(req, ctx, d),
      fetchBaseStatement: async (ctx, d) => (await import('../publish/index.js')).fetchBaseStatement(ctx, d),
      diffStatements: async (base, head) => (await import('../lineage/diff.js')).diffStatements(base, head),
    });
    if (!outcome.ok) process.exitCode = 1;
  } catch (err) {
    const e = toProvenanceError(err);
    const file = annotationFile(e.file, workspace);
    // One annotation with the file/line where known, then the step fails with the same text.
    core.error(termText(e.userMessage), {
      title: 'ml-provenance',
      ...(file ? { file, ...(e.line ? { startLine: e.line } : {}) } : {}),
    });
    if (core.isDebug()) core.debug(String((err as Error)?.stack ?? err));
    process.exitCode = e.exitCode;
  }
}

await main();
