import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  processIo,
  run
} from "./chunk-555ZQ6IP.js";
import {
  INSTANCE_NAMES,
  parseInstanceName,
  preflightIdentity,
  signStatement
} from "./chunk-4WUPCTAH.js";
import "./chunk-2A2HBAQB.js";
import "./chunk-ETYAMXNU.js";
import "./chunk-LHV3AX2D.js";
import "./chunk-VSU34BMK.js";
import "./chunk-2D5AWCES.js";
import {
  stderrLogger
} from "./chunk-Q655VGAR.js";
import "./chunk-U4PC2X5E.js";
import "./chunk-MFLXRQWX.js";
import {
  isSigstoreBundle,
  parseStatement
} from "./chunk-LATVBRSX.js";
import "./chunk-CJJWD6LY.js";
import {
  PREDICATE_TYPE,
  STATEMENT_TYPE
} from "./chunk-5GZ4GUMW.js";
import "./chunk-YAQPLVGR.js";
import "./chunk-7HOGFP5I.js";
import "./chunk-QXFPCRYH.js";
import {
  parseJsonText,
  readFileChecked,
  writeFileAtomic
} from "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/sign.ts
async function readStatementToSign(file) {
  const bytes = await readFileChecked(file, "statement");
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError("statement-not-utf8", `${file} is not valid UTF-8`, { fix: "sign the statement written by `ml-provenance build`", file });
  }
  const doc = parseJsonText(text, file);
  if (isSigstoreBundle(doc)) {
    throw new InputError("already-signed", `${file} is a Sigstore bundle, not an unsigned statement`, { fix: "pass the statement written by `ml-provenance build`", file });
  }
  const d = doc;
  if (!d || typeof d !== "object" || d._type !== STATEMENT_TYPE || !Array.isArray(d.subject) || typeof d.predicateType !== "string") {
    throw new InputError("not-a-statement", `${file} is not an in-toto Statement v1 (_type ${STATEMENT_TYPE}, subject[], predicateType)`, {
      fix: "pass the statement written by `ml-provenance build`",
      file
    });
  }
  if (d.predicateType === PREDICATE_TYPE) parseStatement(doc, file);
  return bytes;
}
__name(readStatementToSign, "readStatementToSign");
function register(program) {
  program.command("sign").description("Keyless-sign a statement with Sigstore (Fulcio certificate, Rekor and/or TSA) into a bundle").argument("<STATEMENT>", "the unsigned in-toto statement (provenance.intoto.json)").requiredOption("--out <BUNDLE>", "where to write the Sigstore bundle (provenance.sigstore.json)").option("--instance <NAME>", `Sigstore instance: ${INSTANCE_NAMES.join(" | ")} (default: custom when URLs are given, else public-good)`).option("--fulcio-url <URL>", "Fulcio URL (custom instance)").option("--rekor-url <URL>", "Rekor URL (custom instance)").option("--tsa-url <URL>", "RFC 3161 timestamp authority URL (custom instance, optional)").option("--identity-token <TOKEN>", 'OIDC token with audience "sigstore" (default: env SIGSTORE_ID_TOKEN, else the GitHub runner token)').action(
    run(async (statementFile, flags) => {
      const anyURL = Boolean(flags.fulcioUrl || flags.rekorUrl || flags.tsaUrl);
      const instance = flags.instance ? parseInstanceName(flags.instance) : anyURL ? "custom" : "public-good";
      const opts = {
        instance,
        ...flags.fulcioUrl ? { fulcioURL: flags.fulcioUrl } : {},
        ...flags.rekorUrl ? { rekorURL: flags.rekorUrl } : {},
        ...flags.tsaUrl ? { tsaURL: flags.tsaUrl } : {},
        ...flags.identityToken ? { identityToken: flags.identityToken } : {},
        logger: stderrLogger
      };
      preflightIdentity(opts);
      const statement = await readStatementToSign(statementFile);
      const result = await signStatement(statement, opts);
      await writeFileAtomic(flags.out, JSON.stringify(result.bundle) + "\n");
      const facts = [result.signerIdentity && `signer ${result.signerIdentity}`, result.rekorLogIndex !== void 0 && `Rekor log index ${result.rekorLogIndex}`].filter(Boolean);
      processIo.out(`wrote ${flags.out}${facts.length ? ` (${facts.join(", ")})` : ""}`);
      return 0;
    })
  );
}
__name(register, "register");
export {
  readStatementToSign,
  register
};
