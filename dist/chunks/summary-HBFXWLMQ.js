import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  addFormatOption,
  outputFormat,
  processIo,
  run
} from "./chunk-RVHJ5GDS.js";
import {
  renderSummaryMarkdown,
  renderSummaryText
} from "./chunk-L3WYKVYL.js";
import "./chunk-W2VHXQD6.js";
import {
  lineageMermaid
} from "./chunk-O3TKYOUO.js";
import "./chunk-VUH2MMAD.js";
import "./chunk-XBNJF4YQ.js";
import "./chunk-SJC7AQ5W.js";
import {
  evaluatePolicy,
  resolvePolicy
} from "./chunk-245AEHGW.js";
import "./chunk-DWXH6HXY.js";
import {
  loadDocument
} from "./chunk-HEI5ZQQE.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-DQA3XQTC.js";
import "./chunk-VXF76SOM.js";
import "./chunk-4I3VU6PT.js";
import "./chunk-VK4AXXJQ.js";
import "./chunk-OL73OWTX.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-IALPVLNP.js";
import "./chunk-DHN64ADI.js";
import "./chunk-IMH2OV3G.js";
import "./chunk-VLIFT7NW.js";
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
