import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  STORE_SOURCE_HELP,
  refuseFilesWithStore,
  storeRunsById
} from "./chunk-UKDGKPL6.js";
import {
  addFormatOption,
  collect,
  outputFormat,
  processIo,
  run
} from "./chunk-555ZQ6IP.js";
import "./chunk-BF4Q6TWI.js";
import {
  renderDiffMarkdown
} from "./chunk-LHDT7ZK4.js";
import "./chunk-NUK3A53C.js";
import {
  mergeOverrides,
  parseDirectionLines
} from "./chunk-MX72BTTZ.js";
import {
  resolvePolicy
} from "./chunk-W7K5PQYI.js";
import "./chunk-DWXH6HXY.js";
import {
  stderrLogger
} from "./chunk-Q655VGAR.js";
import {
  loadDocument
} from "./chunk-LATVBRSX.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-5GZ4GUMW.js";
import "./chunk-YAQPLVGR.js";
import "./chunk-7HOGFP5I.js";
import "./chunk-QXFPCRYH.js";
import "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import "./chunk-NAV5SXXN.js";
import {
  diffStatements,
  renderDiffText
} from "./chunk-TEKKXLFQ.js";
import "./chunk-DIIYQ2ZF.js";
import "./chunk-VLIFT7NW.js";
import "./chunk-IMH2OV3G.js";
import "./chunk-3HTINU5N.js";
import "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/diff.ts
async function directionsFrom(policy, lines) {
  const given = parseDirectionLines(lines.join("\n"), "--metric-directions");
  const metrics = policy === void 0 ? void 0 : (await resolvePolicy(policy)).rules.metrics;
  return { overrides: mergeOverrides(metrics?.directions, given), ...metrics?.tolerance !== void 0 ? { tolerance: metrics.tolerance } : {} };
}
__name(directionsFrom, "directionsFrom");
function register(program) {
  const cmd = program.command("diff").description("what changed between two training records: datasets, config, hyperparameters, image, steps, metrics (does not verify)").argument("<old>", "the earlier statement or bundle (e.g. the base branch\u2019s); with --store, a run id").argument("<new>", "the later statement or bundle; with --store, a run id").option("--store <PATH|URL>", STORE_SOURCE_HELP).option("--policy <name|file>", "read which way each metric is better (rules.metrics.directions, tolerance) from this policy, as the action does for its PR comment (markdown); without it, guessed from the metric names").option("--metric-directions <NAME: lower|higher [N%]>", `which way a metric is better, as the action's metric-directions input: one "NAME: lower" or "NAME: higher [TOLERANCE%]" a line or a value (repeatable); wins over --policy and the guess from the name`, collect, []);
  addFormatOption(cmd, ["markdown", "text"], "markdown").action(
    run(async (oldFile, newFile, o) => {
      outputFormat(o);
      if (o.store !== void 0) refuseFilesWithStore([oldFile, newFile], "diff", o.store);
      const directions = await directionsFrom(o.policy, o.metricDirections);
      const [a, b] = o.store !== void 0 ? await storeRunsById(o.store, [oldFile, newFile], stderrLogger) : await Promise.all([loadDocument(oldFile), loadDocument(newFile)]);
      const diff = diffStatements(a.statement, b.statement);
      if (o.format === "json") processIo.out(JSON.stringify(diff, null, 2));
      else if (o.format === "text") processIo.out(renderDiffText(diff));
      else processIo.out(renderDiffMarkdown(diff, directions));
    })
  );
}
__name(register, "register");
export {
  register
};
