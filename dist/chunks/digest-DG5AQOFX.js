import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  addFormatOption,
  collect,
  outputFormat,
  processIo,
  run
} from "./chunk-555ZQ6IP.js";
import {
  ttyProgressBar
} from "./chunk-II6Z5TGG.js";
import {
  digestPath,
  manifestText
} from "./chunk-AT7NZQCF.js";
import "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-ACIUNWAG.js";
import "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/digest.ts
import path from "node:path";
function register(program) {
  const cmd = program.command("digest").description("print the sha256 a record would hold for a file or directory (to recompute or compare a digest)").argument("<path>", "a file or a directory");
  addFormatOption(cmd, ["manifest", "model-signing"], "manifest", "manifest: the directory manifest and its digest; json; model-signing: the OpenSSF model-signing statement (unsigned)").option("--ignore <path>", "with --format model-signing: a path to leave out, relative to the directory (repeatable)", collect, []).action(
    run(async (target, o) => {
      outputFormat(o);
      const abs = path.resolve(target);
      const boundary = path.dirname(abs);
      const onProgress = ttyProgressBar({ label: path.basename(abs) });
      if (o.format === "model-signing") {
        const { modelSigningDigest, modelSigningStatement } = await import("./model-signing-RBBHGIUD.js");
        const m = await modelSigningDigest(abs, abs, { ignorePaths: o.ignore, ...onProgress ? { onProgress } : {} });
        processIo.out(JSON.stringify(modelSigningStatement(m), null, 2));
        return;
      }
      const d = await digestPath(abs, boundary, onProgress ? { onProgress } : {});
      if (o.format === "json") processIo.out(JSON.stringify({ path: target, kind: d.kind, sha256: d.sha256, size: d.size, files: d.files }, null, 2));
      else if (d.kind === "file") processIo.out(`${d.sha256}  ${target}`);
      else processIo.out(`${manifestText(d.files)}sha256:${d.sha256}  ${target}/ (manifest of ${d.files.length} file(s), ${d.size} bytes)`);
    })
  );
}
__name(register, "register");
export {
  register
};
