import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  failureFix,
  formatVerdict,
  verifyBundle
} from "./chunk-WGOELIVY.js";
import "./chunk-3PQGLGVD.js";
import "./chunk-3TIDGYQE.js";
import {
  processIo,
  run
} from "./chunk-KRTGOET3.js";
import "./chunk-PMOTALTQ.js";
import "./chunk-LXOT7A6V.js";
import "./chunk-TGOGGCXF.js";
import {
  readJsonFile
} from "./chunk-WC2AAZVN.js";
import "./chunk-72JRAKZ4.js";
import "./chunk-AI3BSDVQ.js";
import "./chunk-FRZVKVBL.js";
import "./chunk-7TSD53ZV.js";
import {
  stderrLogger
} from "./chunk-X35MJ6GU.js";
import "./chunk-U4PC2X5E.js";
import "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/verify.ts
function register(program) {
  program.command("verify").description("Verify a provenance bundle as a release consumer: signature, transparency log, signer identity, file digests, record, policy").argument("[SUBJECT...]", "downloaded files (or directories) whose sha256 must be among the signed subjects").requiredOption("--bundle <BUNDLE>", "the Sigstore bundle (provenance.sigstore.json)").option("--repo <OWNER/REPO>", "the repository whose workflow must have signed").option("--signer-workflow <OWNER/REPO/PATH[@REF]>", "the workflow that must have signed (e.g. acme/models/.github/workflows/train.yml@refs/heads/main)").option("--cert-identity <URI>", "exact certificate identity (subject alternative name)").option("--cert-identity-regexp <RE>", "regular expression the certificate identity must match").option("--cert-oidc-issuer <URL>", "OIDC issuer of the signing identity", "https://token.actions.githubusercontent.com").option("--custom-trusted-root <FILE>", "trusted_root.json to trust instead of the Sigstore public-good root (works offline)").option("--policy <standard|strict|none|FILE>", "also require the record to be complete under this policy").option("--offline", "never use the network (needs --custom-trusted-root or a cached public-good root)").option("--json", "print the verdict as one JSON document on stdout").action(
    run(async (subjects, flags) => {
      const identity = {
        ...flags.repo ? { repo: flags.repo } : {},
        ...flags.signerWorkflow ? { signerWorkflow: flags.signerWorkflow } : {},
        ...flags.certIdentity ? { certIdentity: flags.certIdentity } : {},
        ...flags.certIdentityRegexp ? { certIdentityRegexp: flags.certIdentityRegexp } : {},
        ...flags.certOidcIssuer ? { certOidcIssuer: flags.certOidcIssuer } : {}
      };
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
