import os from 'node:os';
import type { Environment } from '../schema/predicate.js';
import { VERSION } from '../version.js';
import type { GitHubContext } from './github.js';

/** The machine the record is built on, plus what the training code recorded. */
export function captureEnvironment(
  gh: GitHubContext | undefined,
  recorded: { libraries: Record<string, string>; accelerators: string[]; extra: Record<string, unknown> },
): Environment {
  return {
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    ...(gh ? { runner: gh.runner } : {}),
    tools: { node: process.versions.node, 'ml-provenance': VERSION },
    ...(Object.keys(recorded.libraries).length ? { libraries: recorded.libraries } : {}),
    ...(recorded.accelerators.length ? { accelerators: recorded.accelerators } : {}),
    ...(Object.keys(recorded.extra).length ? { extra: recorded.extra as Environment['extra'] } : {}),
  };
}
