import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  Option
} from "./chunk-ZWHDYMP4.js";
import {
  processIo,
  run
} from "./chunk-IIXKIORC.js";
import {
  loadDocument
} from "./chunk-72RVQJW5.js";
import {
  lineageMermaid,
  renderSummaryMarkdown,
  renderSummaryText
} from "./chunk-QXBBGSJZ.js";
import "./chunk-3ESXPTDV.js";
import {
  evaluatePolicy,
  resolvePolicy
} from "./chunk-JVHSXTM2.js";
import "./chunk-UWSO75RQ.js";
import "./chunk-6OCRJMU6.js";
import "./chunk-VYZM6XTX.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-MOIEUSMB.js";
import "./chunk-WODNTZE4.js";
import "./chunk-3HTINU5N.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/summary.ts
function register(program) {
  program.command("summary").description("print the readable summary of a statement or bundle (does not verify; use `verify` for that)").argument("<file>", "provenance.intoto.json or provenance.sigstore.json").addOption(new Option("--format <format>", "output format").choices(["markdown", "text", "json"]).default("markdown")).option("--policy <name|file>", "policy to report completeness against", "standard").action(
    run(async (file, o) => {
      const { statement } = await loadDocument(file);
      const policy = evaluatePolicy(statement, await resolvePolicy(o.policy));
      if (o.format === "json") processIo.out(JSON.stringify({ policy, statement }, null, 2));
      else if (o.format === "text") processIo.out(renderSummaryText(statement, { policy }));
      else processIo.out(renderSummaryMarkdown(statement, { policy, mermaid: lineageMermaid(statement) }));
    })
  );
}
__name(register, "register");
export {
  register
};
