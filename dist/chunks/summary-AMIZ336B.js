import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  addFormatOption,
  outputFormat,
  processIo,
  run
} from "./chunk-555ZQ6IP.js";
import {
  renderSummaryMarkdown,
  renderSummaryText
} from "./chunk-V75VBTGA.js";
import "./chunk-LHDT7ZK4.js";
import {
  lineageMermaid
} from "./chunk-P4UEVANE.js";
import "./chunk-NUK3A53C.js";
import "./chunk-SYMDRX5X.js";
import "./chunk-VUH2MMAD.js";
import "./chunk-O4K44SJ3.js";
import "./chunk-MX72BTTZ.js";
import {
  evaluatePolicy,
  resolvePolicy
} from "./chunk-W7K5PQYI.js";
import "./chunk-DWXH6HXY.js";
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
import "./chunk-TEKKXLFQ.js";
import "./chunk-DIIYQ2ZF.js";
import "./chunk-VLIFT7NW.js";
import "./chunk-IMH2OV3G.js";
import "./chunk-3HTINU5N.js";
import {
  termStrings
} from "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/summary.ts
function register(program) {
  const cmd = program.command("summary").description("print the readable summary of a statement or bundle (does not verify; use `verify` for that)").argument("<file>", "provenance.intoto.json or provenance.sigstore.json");
  addFormatOption(cmd, ["markdown", "text"], "markdown").option("--policy <name|file>", "policy to report completeness against", "standard").action(
    run(async (file, o) => {
      outputFormat(o);
      const { statement } = await loadDocument(file);
      const policy = evaluatePolicy(statement, await resolvePolicy(o.policy));
      if (o.format === "json") processIo.out(JSON.stringify({ policy, statement }, null, 2));
      else if (o.format === "text") processIo.out(renderSummaryText(termStrings(statement), { policy: termStrings(policy) }));
      else processIo.out(renderSummaryMarkdown(statement, { policy, mermaid: lineageMermaid(statement) }));
    })
  );
}
__name(register, "register");
export {
  register
};
