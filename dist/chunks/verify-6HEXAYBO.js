import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  addTrustFlags,
  identityFrom
} from "./chunk-GTNPXQ2D.js";
import {
  processIo,
  run
} from "./chunk-IIXKIORC.js";
import {
  failureFix,
  formatVerdict,
  verifyBundle
} from "./chunk-ZBID2I6S.js";
import {
  stderrLogger
} from "./chunk-VRTPJNTG.js";
import "./chunk-U4PC2X5E.js";
import "./chunk-SOF5HSAE.js";
import "./chunk-72RVQJW5.js";
import "./chunk-B5GPVALP.js";
import "./chunk-LNJGPLWF.js";
import "./chunk-6VB4X4JY.js";
import "./chunk-JVHSXTM2.js";
import "./chunk-UWSO75RQ.js";
import {
  readJsonFile
} from "./chunk-6OCRJMU6.js";
import "./chunk-VYZM6XTX.js";
import "./chunk-AI3BSDVQ.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-ACIUNWAG.js";
import "./chunk-3HTINU5N.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/verify.ts
function register(program) {
  const cmd = program.command("verify").description("Verify a provenance bundle as a release consumer: signature, transparency log, signer identity, file digests, record, policy").argument("[SUBJECT...]", "downloaded files (or directories) whose sha256 must be among the signed subjects").requiredOption("--bundle <BUNDLE>", "the Sigstore bundle (provenance.sigstore.json)");
  addTrustFlags(cmd).option("--policy <standard|strict|none|FILE>", "also require the record to be complete under this policy").option("--json", "print the verdict as one JSON document on stdout").action(
    run(async (subjects, flags) => {
      const identity = identityFrom(flags);
      const bundle = await readJsonFile(flags.bundle, "bundle");
      const verdict = await verifyBundle(bundle, {
        subjects,
        identity,
        ...flags.customTrustedRoot ? { customTrustedRoot: flags.customTrustedRoot } : {},
        ...flags.offline ? { offline: true } : {},
        ...flags.policy ? { policy: flags.policy } : {},
        logger: stderrLogger
      });
      processIo.out(flags.json ? JSON.stringify(verdict, null, 2) : formatVerdict(verdict));
      if (!verdict.verified) processIo.err(`error: verification failed: ${verdict.failure} \u2014 ${failureFix(verdict)}`);
      return verdict.verified ? 0 : 1;
    })
  );
}
__name(register, "register");
export {
  register
};
