// The command-line entry: dist/cli.js.
import { nodeVersionProblem } from './node-version.js';

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  // Before loading any command: on an older Node they fail late, some with a stack trace.
  process.stderr.write(`error: ${problem}\n`);
  process.exitCode = 2;
} else {
  const { main } = await import('./program.js');
  process.exitCode = await main(process.argv.slice(2));
}
