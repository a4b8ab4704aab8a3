import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-MFLXRQWX.js";
import {
  __name,
  __toESM
} from "./chunk-QANIRX4T.js";

// src/verify/certificate.ts
var import_core = __toESM(require_dist(), 1);
var OIDS = [
  ["issuer", "1.3.6.1.4.1.57264.1.8"],
  ["buildSignerURI", "1.3.6.1.4.1.57264.1.9"],
  ["buildSignerDigest", "1.3.6.1.4.1.57264.1.10"],
  ["runnerEnvironment", "1.3.6.1.4.1.57264.1.11"],
  ["sourceRepositoryURI", "1.3.6.1.4.1.57264.1.12"],
  ["sourceRepositoryDigest", "1.3.6.1.4.1.57264.1.13"],
  ["sourceRepositoryRef", "1.3.6.1.4.1.57264.1.14"],
  ["sourceRepositoryOwnerURI", "1.3.6.1.4.1.57264.1.16"],
  ["buildConfigURI", "1.3.6.1.4.1.57264.1.18"],
  ["buildTrigger", "1.3.6.1.4.1.57264.1.20"],
  ["runInvocationURI", "1.3.6.1.4.1.57264.1.21"]
];
var OID_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
function utf8Extension(cert, oid) {
  const ext = cert.extension(oid);
  if (!ext) return void 0;
  try {
    return ext.valueObj.subs[0]?.value.toString("utf8");
  } catch {
    return void 0;
  }
}
__name(utf8Extension, "utf8Extension");
function signerIdentity(certDER) {
  const cert = import_core.X509Certificate.parse(Buffer.from(certDER));
  const id = {};
  const san = cert.subjectAltName;
  if (san) id.subjectAlternativeName = san;
  for (const [key, oid] of OIDS) {
    const v = utf8Extension(cert, oid);
    if (v !== void 0) id[key] = v;
  }
  if (!id.issuer) {
    const legacy = cert.extension(OID_ISSUER_V1)?.value.toString("utf8");
    if (legacy) id.issuer = legacy;
  }
  return id;
}
__name(signerIdentity, "signerIdentity");
function bundleCertificate(bundle) {
  const vm = bundle?.verificationMaterial;
  const raw = vm?.certificate?.rawBytes ?? vm?.x509CertificateChain?.certificates?.[0]?.rawBytes;
  return raw ? Buffer.from(raw, "base64") : void 0;
}
__name(bundleCertificate, "bundleCertificate");
function bundleSigner(bundle) {
  const cert = bundleCertificate(bundle);
  if (!cert) return {};
  try {
    return signerIdentity(cert);
  } catch {
    return {};
  }
}
__name(bundleSigner, "bundleSigner");

export {
  signerIdentity,
  bundleCertificate,
  bundleSigner
};
