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
import "./chunk-RMZXMSBF.js";
import "./chunk-EV6DDHLU.js";
import "./chunk-I7VICHM5.js";
import "./chunk-NAV5SXXN.js";
import {
  diffStatements,
  renderDiffMarkdown,
  renderDiffText
} from "./chunk-OED5QAUZ.js";
import "./chunk-7GSWSSOS.js";
import "./chunk-3HTINU5N.js";
import "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/diff.ts
function register(program) {
  program.command("diff").description("what changed between two training records: datasets, config, hyperparameters, image, steps, metrics (does not verify)").argument("<old>", "the earlier statement or bundle (e.g. the base branch\u2019s)").argument("<new>", "the later statement or bundle").addOption(new Option("--format <format>", "output format").choices(["markdown", "text", "json"]).default("markdown")).action(
    run(async (oldFile, newFile, o) => {
      const [a, b] = await Promise.all([loadDocument(oldFile), loadDocument(newFile)]);
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
