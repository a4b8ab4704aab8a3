import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  parseWith
} from "./chunk-CJJWD6LY.js";
import {
  TrainingStatement
} from "./chunk-5GZ4GUMW.js";
import {
  parseJsonText,
  readFileChecked
} from "./chunk-KPRIV5WI.js";
import {
  assertDepth
} from "./chunk-ZOAPFRB3.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/statement/load.ts
import { hash } from "node:crypto";
var IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
function isSigstoreBundle(doc) {
  return typeof doc === "object" && doc !== null && typeof doc.mediaType === "string" && doc.mediaType.startsWith("application/vnd.dev.sigstore.bundle");
}
__name(isSigstoreBundle, "isSigstoreBundle");
function bundlePayload(bundle, file) {
  const env = bundle.dsseEnvelope;
  if (!env || typeof env.payload !== "string") {
    throw new InputError("bundle-without-dsse", `${file} is a Sigstore bundle without a DSSE envelope`, {
      fix: "pass a bundle produced by `ml-provenance sign` (an attestation bundle, not a message-signature bundle)",
      file
    });
  }
  if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new InputError("bundle-wrong-payload-type", `${file}: DSSE payloadType is ${String(env.payloadType)}, expected ${IN_TOTO_PAYLOAD_TYPE}`, {
      fix: "pass an in-toto attestation bundle",
      file
    });
  }
  return Buffer.from(env.payload, "base64");
}
__name(bundlePayload, "bundlePayload");
function parseStatement(data, file) {
  assertDepth(data, file, "statement", 100);
  return parseWith(TrainingStatement, data, {
    file,
    what: "ml-provenance statement",
    fix: "pass a statement written by `ml-provenance build` (or its bundle)"
  });
}
__name(parseStatement, "parseStatement");
async function loadDocument(file) {
  return documentFromBytes(await readFileChecked(file, "statement or bundle"), file);
}
__name(loadDocument, "loadDocument");
function documentFromBytes(bytes, file) {
  const doc = documentFromJson(parseJsonText(typeof bytes === "string" ? bytes : bytes.toString("utf8"), file), file);
  return doc.bundle ? { ...doc, bundleSha256: hash("sha256", bytes, "hex"), ...doc.payload ? { statementSha256: hash("sha256", doc.payload, "hex") } : {} } : { ...doc, statementSha256: hash("sha256", bytes, "hex") };
}
__name(documentFromBytes, "documentFromBytes");
function documentFromJson(doc, file) {
  if (isSigstoreBundle(doc)) {
    const payload = bundlePayload(doc, file);
    const statement = parseStatement(parseJsonText(payload.toString("utf8"), `${file} (DSSE payload)`), file);
    return { statement, bundle: doc, payload, file };
  }
  return { statement: parseStatement(doc, file), file };
}
__name(documentFromJson, "documentFromJson");

export {
  IN_TOTO_PAYLOAD_TYPE,
  isSigstoreBundle,
  parseStatement,
  loadDocument,
  documentFromBytes
};
