import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  Option
} from "./chunk-ZWHDYMP4.js";
import {
  processIo,
  run
} from "./chunk-FUIBVE7S.js";
import {
  loadDocument
} from "./chunk-AOAP7T7L.js";
import {
  lineageMermaid,
  renderSummaryMarkdown,
  renderSummaryText
} from "./chunk-PHGJKUFL.js";
import "./chunk-3ESXPTDV.js";
import {
  evaluatePolicy,
  resolvePolicy
} from "./chunk-I2QGNP76.js";
import "./chunk-RMZXMSBF.js";
import "./chunk-EV6DDHLU.js";
import "./chunk-I7VICHM5.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-OED5QAUZ.js";
import "./chunk-7GSWSSOS.js";
import "./chunk-3HTINU5N.js";
import {
  termStrings
} from "./chunk-5Y6NISUK.js";
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
      else if (o.format === "text") processIo.out(renderSummaryText(termStrings(statement), { policy: termStrings(policy) }));
      else processIo.out(renderSummaryMarkdown(statement, { policy, mermaid: lineageMermaid(statement) }));
    })
  );
}
__name(register, "register");
export {
  register
};
