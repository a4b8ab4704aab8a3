import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  STORE_SOURCE_HELP,
  refuseFilesWithStore,
  storeRunsById
} from "./chunk-QCXQYVP6.js";
import {
  renderDiffMarkdown
} from "./chunk-4SPKYLMB.js";
import {
  addFormatOption,
  outputFormat,
  processIo,
  run
} from "./chunk-5DLPHTA5.js";
import {
  stderrLogger
} from "./chunk-Q655VGAR.js";
import {
  loadDocument
} from "./chunk-WPZVMEAJ.js";
import "./chunk-3ISWE4GW.js";
import "./chunk-WGI67E3C.js";
import "./chunk-LO3SQUZC.js";
import "./chunk-TVF3COTD.js";
import "./chunk-NAV5SXXN.js";
import {
  diffStatements,
  renderDiffText
} from "./chunk-5DPEAFCB.js";
import "./chunk-DHN64ADI.js";
import "./chunk-3HTINU5N.js";
import "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/diff.ts
function register(program) {
  const cmd = program.command("diff").description("what changed between two training records: datasets, config, hyperparameters, image, steps, metrics (does not verify)").argument("<old>", "the earlier statement or bundle (e.g. the base branch\u2019s)").argument("<new>", "the later statement or bundle").option("--store <PATH|URL>", STORE_SOURCE_HELP);
  addFormatOption(cmd, ["markdown", "text"], "markdown").action(
    run(async (oldFile, newFile, o) => {
      outputFormat(o);
      if (o.store !== void 0) refuseFilesWithStore([oldFile, newFile], "diff");
      const [a, b] = o.store !== void 0 ? await storeRunsById(o.store, [oldFile, newFile], stderrLogger) : await Promise.all([loadDocument(oldFile), loadDocument(newFile)]);
      const diff = diffStatements(a.statement, b.statement);
      if (o.format === "json") processIo.out(JSON.stringify(diff, null, 2));
      else if (o.format === "text") processIo.out(renderDiffText(diff));
      else processIo.out(renderDiffMarkdown(diff));
    })
  );
}
__name(register, "register");
export {
  register
};
