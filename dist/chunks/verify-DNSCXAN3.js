import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  addTrustFlags,
  identityFrom
} from "./chunk-IVV76MIV.js";
import {
  addFormatOption,
  outputFormat,
  processIo,
  run
} from "./chunk-555ZQ6IP.js";
import "./chunk-LNJGPLWF.js";
import "./chunk-B5GPVALP.js";
import {
  assertBundleDocument,
  failureFix,
  formatVerdict,
  verifyBundle
} from "./chunk-5ZCMPX7L.js";
import "./chunk-62XNHVZS.js";
import "./chunk-AT7NZQCF.js";
import "./chunk-W7K5PQYI.js";
import "./chunk-DWXH6HXY.js";
import "./chunk-2D5AWCES.js";
import {
  stderrLogger
} from "./chunk-Q655VGAR.js";
import "./chunk-U4PC2X5E.js";
import "./chunk-MFLXRQWX.js";
import "./chunk-LATVBRSX.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-5KXDBTSY.js";
import "./chunk-5GZ4GUMW.js";
import "./chunk-YAQPLVGR.js";
import "./chunk-7HOGFP5I.js";
import "./chunk-QXFPCRYH.js";
import {
  readJsonFile
} from "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import "./chunk-E7LSDQ4Q.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-ACIUNWAG.js";
import "./chunk-3HTINU5N.js";
import {
  termLine,
  termStrings
} from "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/verify.ts
function register(program) {
  const cmd = program.command("verify").description("Verify a provenance bundle as a release consumer: signature, transparency log, signer identity, file digests, record, policy").argument("[SUBJECT...]", "downloaded files (or directories) whose sha256 must be among the signed subjects").requiredOption("--bundle <BUNDLE>", "the Sigstore bundle (provenance.sigstore.json)");
  addTrustFlags(cmd).option("--policy <standard|strict|none|FILE>", "also require the record to be complete under this policy");
  addFormatOption(cmd, ["text"], "text", "text, or json: the verdict as one JSON document on stdout").action(
    run(async (subjects, flags) => {
      const format = outputFormat(flags);
      const identity = identityFrom(flags);
      const bundle = await readJsonFile(flags.bundle, "bundle");
      assertBundleDocument(bundle, flags.bundle);
      const verdict = await verifyBundle(bundle, {
        subjects,
        identity,
        ...flags.customTrustedRoot ? { customTrustedRoot: flags.customTrustedRoot } : {},
        ...flags.offline ? { offline: true } : {},
        ...flags.policy ? { policy: flags.policy } : {},
        logger: stderrLogger
      });
      processIo.out(format === "json" ? JSON.stringify(verdict, null, 2) : formatVerdict(termStrings(verdict)));
      if (!verdict.verified) processIo.err(`error: verification failed: ${termLine(verdict.failure ?? "")} \u2014 ${failureFix(verdict)}`);
      return verdict.verified ? 0 : 1;
    })
  );
}
__name(register, "register");
export {
  register
};
