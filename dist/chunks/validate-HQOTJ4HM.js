import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  addFormatOption,
  outputFormat,
  processIo,
  run
} from "./chunk-555ZQ6IP.js";
import {
  evaluatePolicy,
  formatFinding,
  resolvePolicy
} from "./chunk-W7K5PQYI.js";
import "./chunk-DWXH6HXY.js";
import {
  loadDocument
} from "./chunk-LATVBRSX.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-5GZ4GUMW.js";
import "./chunk-YAQPLVGR.js";
import "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-3HTINU5N.js";
import {
  termLine
} from "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/validate.ts
function register(program) {
  const cmd = program.command("validate").description("check a statement (or bundle) against the schema and a policy; exit 1 when incomplete").argument("<statement>", "provenance.intoto.json or a Sigstore bundle").option("--policy <name|file>", "standard, strict, none, or a policy file", "standard");
  addFormatOption(cmd, ["text"], "text").action(
    run(async (file, o) => {
      const format = outputFormat(o);
      const { statement } = await loadDocument(file);
      const result = evaluatePolicy(statement, await resolvePolicy(o.policy));
      if (format === "json") processIo.out(JSON.stringify(result, null, 2));
      else {
        for (const f of result.findings) processIo.err(`${f.severity}: ${termLine(formatFinding(f))}`);
        processIo.out(result.complete ? `complete under policy "${result.policy}"` : `INCOMPLETE under policy "${result.policy}"`);
      }
      if (!result.complete) {
        processIo.err(`error: ${file} is incomplete under policy "${result.policy}" \u2014 supply the fields listed above and rebuild`);
      }
      return result.complete ? 0 : 1;
    })
  );
}
__name(register, "register");
export {
  register
};
