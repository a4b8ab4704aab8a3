import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  signerIdentity
} from "./chunk-62XNHVZS.js";
import {
  digestDirectory,
  digestFile
} from "./chunk-AT7NZQCF.js";
import {
  evaluatePolicy,
  resolvePolicy
} from "./chunk-W7K5PQYI.js";
import {
  require_dist as require_dist3,
  require_v2
} from "./chunk-2D5AWCES.js";
import {
  silentLogger
} from "./chunk-Q655VGAR.js";
import {
  require_dist as require_dist2
} from "./chunk-U4PC2X5E.js";
import {
  require_dist
} from "./chunk-MFLXRQWX.js";
import {
  IN_TOTO_PAYLOAD_TYPE,
  parseStatement
} from "./chunk-LATVBRSX.js";
import {
  fieldPath
} from "./chunk-CJJWD6LY.js";
import {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_V1
} from "./chunk-5KXDBTSY.js";
import {
  BUILD_TYPE_GITHUB,
  PREDICATE_TYPE,
  STATEMENT_TYPE
} from "./chunk-5GZ4GUMW.js";
import {
  array,
  number,
  preprocess,
  strictObject,
  string,
  union
} from "./chunk-YAQPLVGR.js";
import {
  refusedValueShape
} from "./chunk-7HOGFP5I.js";
import {
  readJsonFile
} from "./chunk-KPRIV5WI.js";
import {
  InputError,
  ProvenanceError,
  ServiceError
} from "./chunk-NAV5SXXN.js";
import {
  __commonJS,
  __name,
  __require,
  __toESM
} from "./chunk-QANIRX4T.js";

// node_modules/@sigstore/verify/dist/bundle/dsse.js
var require_dsse = __commonJS({
  "node_modules/@sigstore/verify/dist/bundle/dsse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DSSESignatureContent = void 0;
    var core_1 = require_dist();
    var DSSESignatureContent = class {
      static {
        __name(this, "DSSESignatureContent");
      }
      env;
      constructor(env) {
        this.env = env;
      }
      compareDigest(digest) {
        return core_1.crypto.bufferEqual(digest, core_1.crypto.digest("sha256", this.env.payload));
      }
      // For a DSSE envelope the signature is computed over the pre-authentication
      // encoding (PAE), so the digest of the signed bytes is the digest of the PAE.
      // This is what a Rekor v2 hashedrekord entry records for a DSSE envelope.
      compareSignedDigest(digest) {
        return core_1.crypto.bufferEqual(digest, core_1.crypto.digest("sha256", this.preAuthEncoding));
      }
      compareSignature(signature) {
        return core_1.crypto.bufferEqual(signature, this.signature);
      }
      verifySignature(key) {
        return core_1.crypto.verify(this.preAuthEncoding, key, this.signature);
      }
      get signature() {
        return this.env.signatures.length > 0 ? this.env.signatures[0].sig : Buffer.from("");
      }
      // DSSE Pre-Authentication Encoding
      get preAuthEncoding() {
        return core_1.dsse.preAuthEncoding(this.env.payloadType, this.env.payload);
      }
    };
    exports.DSSESignatureContent = DSSESignatureContent;
  }
});

// node_modules/@sigstore/verify/dist/bundle/message.js
var require_message = __commonJS({
  "node_modules/@sigstore/verify/dist/bundle/message.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MessageSignatureContent = void 0;
    var core_1 = require_dist();
    var protobuf_specs_1 = require_dist2();
    var HASH_ALGORITHM_MAP = {
      [protobuf_specs_1.HashAlgorithm.HASH_ALGORITHM_UNSPECIFIED]: "sha256",
      [protobuf_specs_1.HashAlgorithm.SHA2_256]: "sha256",
      [protobuf_specs_1.HashAlgorithm.SHA2_384]: "sha384",
      [protobuf_specs_1.HashAlgorithm.SHA2_512]: "sha512",
      [protobuf_specs_1.HashAlgorithm.SHA3_256]: "sha3-256",
      [protobuf_specs_1.HashAlgorithm.SHA3_384]: "sha3-384"
    };
    var MessageSignatureContent = class {
      static {
        __name(this, "MessageSignatureContent");
      }
      signature;
      messageDigest;
      artifact;
      hashAlgorithm;
      constructor(messageSignature, artifact) {
        this.signature = messageSignature.signature;
        this.messageDigest = messageSignature.messageDigest.digest;
        this.artifact = artifact;
        this.hashAlgorithm = HASH_ALGORITHM_MAP[messageSignature.messageDigest.algorithm] ?? /* istanbul ignore next */
        "sha256";
      }
      compareSignature(signature) {
        return core_1.crypto.bufferEqual(signature, this.signature);
      }
      compareDigest(digest) {
        return core_1.crypto.bufferEqual(digest, this.messageDigest);
      }
      // For a message signature the signature is computed over the artifact, so the
      // digest of the signed bytes is the artifact's message digest.
      compareSignedDigest(digest) {
        return this.compareDigest(digest);
      }
      verifySignature(key) {
        return core_1.crypto.verify(this.artifact, key, this.signature, this.hashAlgorithm);
      }
    };
    exports.MessageSignatureContent = MessageSignatureContent;
  }
});

// node_modules/@sigstore/verify/dist/bundle/index.js
var require_bundle = __commonJS({
  "node_modules/@sigstore/verify/dist/bundle/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toSignedEntity = toSignedEntity2;
    exports.signatureContent = signatureContent;
    var core_1 = require_dist();
    var dsse_1 = require_dsse();
    var message_1 = require_message();
    function toSignedEntity2(bundle, artifact) {
      const { tlogEntries, timestampVerificationData } = bundle.verificationMaterial;
      const timestamps = [];
      for (const entry of tlogEntries) {
        if (entry.integratedTime && entry.integratedTime !== "0") {
          timestamps.push({
            $case: "transparency-log",
            tlogEntry: entry
          });
        }
      }
      for (const ts of timestampVerificationData?.rfc3161Timestamps ?? []) {
        timestamps.push({
          $case: "timestamp-authority",
          timestamp: core_1.RFC3161Timestamp.parse(Buffer.from(ts.signedTimestamp))
        });
      }
      return {
        signature: signatureContent(bundle, artifact),
        key: key(bundle),
        tlogEntries,
        timestamps
      };
    }
    __name(toSignedEntity2, "toSignedEntity");
    function signatureContent(bundle, artifact) {
      switch (bundle.content.$case) {
        case "dsseEnvelope":
          return new dsse_1.DSSESignatureContent(bundle.content.dsseEnvelope);
        case "messageSignature":
          return new message_1.MessageSignatureContent(bundle.content.messageSignature, artifact);
      }
    }
    __name(signatureContent, "signatureContent");
    function key(bundle) {
      switch (bundle.verificationMaterial.content.$case) {
        case "publicKey":
          return {
            $case: "public-key",
            hint: bundle.verificationMaterial.content.publicKey.hint
          };
        case "x509CertificateChain":
          return {
            $case: "certificate",
            certificate: core_1.X509Certificate.parse(Buffer.from(bundle.verificationMaterial.content.x509CertificateChain.certificates[0].rawBytes))
          };
        case "certificate":
          return {
            $case: "certificate",
            certificate: core_1.X509Certificate.parse(Buffer.from(bundle.verificationMaterial.content.certificate.rawBytes))
          };
      }
    }
    __name(key, "key");
  }
});

// node_modules/@sigstore/verify/dist/error.js
var require_error = __commonJS({
  "node_modules/@sigstore/verify/dist/error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PolicyError = exports.VerificationError = void 0;
    var BaseError = class extends Error {
      static {
        __name(this, "BaseError");
      }
      code;
      cause;
      /* eslint-disable-line @typescript-eslint/no-explicit-any */
      constructor({ code, message, cause }) {
        super(message);
        this.code = code;
        this.cause = cause;
        this.name = this.constructor.name;
      }
    };
    var VerificationError = class extends BaseError {
      static {
        __name(this, "VerificationError");
      }
    };
    exports.VerificationError = VerificationError;
    var PolicyError = class extends BaseError {
      static {
        __name(this, "PolicyError");
      }
    };
    exports.PolicyError = PolicyError;
  }
});

// node_modules/@sigstore/verify/dist/trust/filter.js
var require_filter = __commonJS({
  "node_modules/@sigstore/verify/dist/trust/filter.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.filterCertAuthorities = filterCertAuthorities;
    exports.filterTLogAuthorities = filterTLogAuthorities;
    function filterCertAuthorities(certAuthorities, timestamp) {
      return certAuthorities.filter((ca) => {
        return ca.validFor.start <= timestamp && ca.validFor.end >= timestamp;
      });
    }
    __name(filterCertAuthorities, "filterCertAuthorities");
    function filterTLogAuthorities(tlogAuthorities, criteria) {
      return tlogAuthorities.filter((tlog) => {
        if (criteria.logID && !tlog.logID.equals(criteria.logID)) {
          return false;
        }
        return tlog.validFor.start <= criteria.targetDate && criteria.targetDate <= tlog.validFor.end;
      });
    }
    __name(filterTLogAuthorities, "filterTLogAuthorities");
  }
});

// node_modules/@sigstore/verify/dist/trust/index.js
var require_trust = __commonJS({
  "node_modules/@sigstore/verify/dist/trust/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.filterTLogAuthorities = exports.filterCertAuthorities = void 0;
    exports.toTrustMaterial = toTrustMaterial2;
    var core_1 = require_dist();
    var protobuf_specs_1 = require_dist2();
    var error_1 = require_error();
    var BEGINNING_OF_TIME = /* @__PURE__ */ new Date(0);
    var END_OF_TIME = /* @__PURE__ */ new Date(864e13);
    var filter_1 = require_filter();
    Object.defineProperty(exports, "filterCertAuthorities", { enumerable: true, get: /* @__PURE__ */ __name(function() {
      return filter_1.filterCertAuthorities;
    }, "get") });
    Object.defineProperty(exports, "filterTLogAuthorities", { enumerable: true, get: /* @__PURE__ */ __name(function() {
      return filter_1.filterTLogAuthorities;
    }, "get") });
    function toTrustMaterial2(root, keys) {
      const keyFinder = typeof keys === "function" ? keys : keyLocator(keys);
      return {
        certificateAuthorities: root.certificateAuthorities.map(createCertAuthority),
        timestampAuthorities: root.timestampAuthorities.map(createCertAuthority),
        tlogs: root.tlogs.map(createTLogAuthority),
        ctlogs: root.ctlogs.map(createTLogAuthority),
        publicKey: keyFinder
      };
    }
    __name(toTrustMaterial2, "toTrustMaterial");
    function createTLogAuthority(tlogInstance) {
      const keyDetails = tlogInstance.publicKey.keyDetails;
      const keyType = keyDetails === protobuf_specs_1.PublicKeyDetails.PKCS1_RSA_PKCS1V5 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V5 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V15_3072_SHA256 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V15_4096_SHA256 ? "pkcs1" : "spki";
      return {
        baseURL: tlogInstance.baseUrl,
        logID: tlogInstance.checkpointKeyId ? tlogInstance.checkpointKeyId.keyId : tlogInstance.logId.keyId,
        publicKey: core_1.crypto.createPublicKey(tlogInstance.publicKey.rawBytes, keyType),
        validFor: {
          start: tlogInstance.publicKey.validFor?.start || BEGINNING_OF_TIME,
          end: tlogInstance.publicKey.validFor?.end || END_OF_TIME
        }
      };
    }
    __name(createTLogAuthority, "createTLogAuthority");
    function createCertAuthority(ca) {
      return {
        certChain: ca.certChain.certificates.map((cert2) => {
          return core_1.X509Certificate.parse(Buffer.from(cert2.rawBytes));
        }),
        validFor: {
          start: ca.validFor?.start || BEGINNING_OF_TIME,
          end: ca.validFor?.end || END_OF_TIME
        }
      };
    }
    __name(createCertAuthority, "createCertAuthority");
    function keyLocator(keys) {
      return (hint) => {
        const key = (keys || {})[hint];
        if (!key) {
          throw new error_1.VerificationError({
            code: "PUBLIC_KEY_ERROR",
            message: `key not found: ${hint}`
          });
        }
        return {
          publicKey: core_1.crypto.createPublicKey(key.rawBytes),
          validFor: /* @__PURE__ */ __name((date) => {
            return (key.validFor?.start || BEGINNING_OF_TIME) <= date && (key.validFor?.end || END_OF_TIME) >= date;
          }, "validFor")
        };
      };
    }
    __name(keyLocator, "keyLocator");
  }
});

// node_modules/@sigstore/verify/dist/key/certificate.js
var require_certificate = __commonJS({
  "node_modules/@sigstore/verify/dist/key/certificate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CertificateChainVerifier = void 0;
    exports.verifyCertificateChain = verifyCertificateChain;
    var error_1 = require_error();
    var trust_1 = require_trust();
    function verifyCertificateChain(timestamp, leaf, certificateAuthorities) {
      const cas = (0, trust_1.filterCertAuthorities)(certificateAuthorities, timestamp);
      let error;
      for (const ca of cas) {
        try {
          const verifier = new CertificateChainVerifier({
            trustedCerts: ca.certChain,
            untrustedCert: leaf,
            timestamp
          });
          return verifier.verify();
        } catch (err) {
          error = err;
        }
      }
      throw new error_1.VerificationError({
        code: "CERTIFICATE_ERROR",
        message: "Failed to verify certificate chain",
        cause: error
      });
    }
    __name(verifyCertificateChain, "verifyCertificateChain");
    var CertificateChainVerifier = class {
      static {
        __name(this, "CertificateChainVerifier");
      }
      untrustedCert;
      trustedCerts;
      localCerts;
      timestamp;
      constructor(opts) {
        this.untrustedCert = opts.untrustedCert;
        this.trustedCerts = opts.trustedCerts;
        this.localCerts = dedupeCertificates([
          ...opts.trustedCerts,
          opts.untrustedCert
        ]);
        this.timestamp = opts.timestamp;
      }
      verify() {
        const certificatePath = this.sort();
        this.checkPath(certificatePath);
        const validForDate = certificatePath.every((cert2) => cert2.validForDate(this.timestamp));
        if (!validForDate) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "certificate is not valid or expired at the specified date"
          });
        }
        return certificatePath;
      }
      sort() {
        const leafCert = this.untrustedCert;
        let paths = this.buildPaths(leafCert);
        paths = paths.filter((path4) => path4.some((cert2) => this.trustedCerts.includes(cert2)));
        if (paths.length === 0) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "no trusted certificate path found"
          });
        }
        const path3 = paths.reduce((prev, curr) => prev.length < curr.length ? prev : curr);
        return [leafCert, ...path3].slice(0, -1);
      }
      // Recursively build all possible paths from the leaf to the root
      buildPaths(certificate) {
        const paths = [];
        const issuers = this.findIssuer(certificate);
        if (issuers.length === 0) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "no valid certificate path found"
          });
        }
        for (let i = 0; i < issuers.length; i++) {
          const issuer = issuers[i];
          if (issuer.equals(certificate)) {
            paths.push([certificate]);
            continue;
          }
          const subPaths = this.buildPaths(issuer);
          for (let j = 0; j < subPaths.length; j++) {
            paths.push([issuer, ...subPaths[j]]);
          }
        }
        return paths;
      }
      // Return all possible issuers for the given certificate
      findIssuer(certificate) {
        let issuers = [];
        let keyIdentifier;
        if (certificate.subject.equals(certificate.issuer)) {
          if (certificate.verify()) {
            return [certificate];
          }
        }
        if (certificate.extAuthorityKeyID) {
          keyIdentifier = certificate.extAuthorityKeyID.keyIdentifier;
        }
        this.localCerts.forEach((possibleIssuer) => {
          if (keyIdentifier) {
            if (possibleIssuer.extSubjectKeyID) {
              if (possibleIssuer.extSubjectKeyID.keyIdentifier.equals(keyIdentifier)) {
                issuers.push(possibleIssuer);
              }
              return;
            }
          }
          if (possibleIssuer.subject.equals(certificate.issuer)) {
            issuers.push(possibleIssuer);
          }
        });
        issuers = issuers.filter((issuer) => {
          try {
            return certificate.verify(issuer);
          } catch (ex) {
            return false;
          }
        });
        return issuers;
      }
      checkPath(path3) {
        if (path3.length < 1) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "certificate chain must contain at least one certificate"
          });
        }
        const validCAs = path3.slice(1).every((cert2) => cert2.isCA);
        if (!validCAs) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "intermediate certificate is not a CA"
          });
        }
        for (let i = path3.length - 2; i >= 0; i--) {
          if (!path3[i].issuer.equals(path3[i + 1].subject)) {
            throw new error_1.VerificationError({
              code: "CERTIFICATE_ERROR",
              message: "incorrect certificate name chaining"
            });
          }
        }
        for (let i = 0; i < path3.length; i++) {
          const cert2 = path3[i];
          if (cert2.extBasicConstraints?.isCA) {
            const pathLength = cert2.extBasicConstraints.pathLenConstraint;
            if (pathLength !== void 0 && pathLength < i - 1) {
              throw new error_1.VerificationError({
                code: "CERTIFICATE_ERROR",
                message: "path length constraint exceeded"
              });
            }
          }
        }
      }
    };
    exports.CertificateChainVerifier = CertificateChainVerifier;
    function dedupeCertificates(certs) {
      for (let i = 0; i < certs.length; i++) {
        for (let j = i + 1; j < certs.length; j++) {
          if (certs[i].equals(certs[j])) {
            certs.splice(j, 1);
            j--;
          }
        }
      }
      return certs;
    }
    __name(dedupeCertificates, "dedupeCertificates");
  }
});

// node_modules/@sigstore/verify/dist/key/sct.js
var require_sct = __commonJS({
  "node_modules/@sigstore/verify/dist/key/sct.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifySCTs = verifySCTs;
    var core_1 = require_dist();
    var error_1 = require_error();
    var trust_1 = require_trust();
    function verifySCTs(cert2, issuer, ctlogs) {
      let extSCT;
      const clone = cert2.clone();
      for (let i = 0; i < clone.extensions.length; i++) {
        const ext = clone.extensions[i];
        if (ext.subs[0].toOID() === core_1.EXTENSION_OID_SCT) {
          extSCT = new core_1.X509SCTExtension(ext);
          clone.extensions.splice(i, 1);
          break;
        }
      }
      if (!extSCT) {
        return [];
      }
      if (extSCT.signedCertificateTimestamps.length === 0) {
        return [];
      }
      const preCert = new core_1.ByteStream();
      const issuerId = core_1.crypto.digest("sha256", issuer.publicKey);
      preCert.appendView(issuerId);
      const tbs = clone.tbsCertificate.toDER();
      preCert.appendUint24(tbs.length);
      preCert.appendView(tbs);
      return extSCT.signedCertificateTimestamps.map((sct) => {
        const validCTLogs = (0, trust_1.filterTLogAuthorities)(ctlogs, {
          logID: sct.logID,
          targetDate: sct.datetime
        });
        const verified = validCTLogs.some((log) => sct.verify(preCert.buffer, log.publicKey));
        if (!verified) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "SCT verification failed"
          });
        }
        return sct.logID;
      });
    }
    __name(verifySCTs, "verifySCTs");
  }
});

// node_modules/@sigstore/verify/dist/key/index.js
var require_key = __commonJS({
  "node_modules/@sigstore/verify/dist/key/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyPublicKey = verifyPublicKey;
    exports.verifyCertificate = verifyCertificate;
    var core_1 = require_dist();
    var error_1 = require_error();
    var certificate_1 = require_certificate();
    var sct_1 = require_sct();
    var OID_FULCIO_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
    var OID_FULCIO_ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
    function verifyPublicKey(hint, timestamps, trustMaterial) {
      const key = trustMaterial.publicKey(hint);
      timestamps.forEach((timestamp) => {
        if (!key.validFor(timestamp)) {
          throw new error_1.VerificationError({
            code: "PUBLIC_KEY_ERROR",
            message: `Public key is not valid for timestamp: ${timestamp.toISOString()}`
          });
        }
      });
      return { key: key.publicKey };
    }
    __name(verifyPublicKey, "verifyPublicKey");
    function verifyCertificate(leaf, timestamps, trustMaterial) {
      let path3 = [];
      timestamps.forEach((timestamp) => {
        path3 = (0, certificate_1.verifyCertificateChain)(timestamp, leaf, trustMaterial.certificateAuthorities);
      });
      return {
        scts: (0, sct_1.verifySCTs)(path3[0], path3[1], trustMaterial.ctlogs),
        signer: getSigner(path3[0])
      };
    }
    __name(verifyCertificate, "verifyCertificate");
    function getSigner(cert2) {
      let issuer;
      const issuerExtension = cert2.extension(OID_FULCIO_ISSUER_V2);
      if (issuerExtension) {
        issuer = issuerExtension.valueObj.subs?.[0]?.value.toString("ascii");
      } else {
        issuer = cert2.extension(OID_FULCIO_ISSUER_V1)?.value.toString("ascii");
      }
      const oids = cert2.extensions.map((ext) => {
        const oid = ext.subs[0].toOID();
        return {
          oid: { id: oid.split(".").map(Number) },
          value: ext.subs[ext.subs.length - 1].value
        };
      });
      const identity = {
        extensions: { issuer },
        subjectAlternativeName: cert2.subjectAltName,
        oids
      };
      return {
        key: core_1.crypto.createPublicKey(cert2.publicKey),
        identity
      };
    }
    __name(getSigner, "getSigner");
  }
});

// node_modules/@sigstore/verify/dist/policy.js
var require_policy = __commonJS({
  "node_modules/@sigstore/verify/dist/policy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifySubjectAlternativeName = verifySubjectAlternativeName;
    exports.verifyExtensions = verifyExtensions;
    exports.verifyOIDs = verifyOIDs;
    var error_1 = require_error();
    function verifySubjectAlternativeName(policyIdentity, signerIdentity2) {
      if (signerIdentity2 === void 0 || !signerIdentity2.match(policyIdentity)) {
        throw new error_1.PolicyError({
          code: "UNTRUSTED_SIGNER_ERROR",
          message: `certificate identity error - expected ${policyIdentity}, got ${signerIdentity2}`
        });
      }
    }
    __name(verifySubjectAlternativeName, "verifySubjectAlternativeName");
    function verifyExtensions(policyExtensions, signerExtensions = {}) {
      let key;
      for (key in policyExtensions) {
        if (signerExtensions[key] !== policyExtensions[key]) {
          throw new error_1.PolicyError({
            code: "UNTRUSTED_SIGNER_ERROR",
            message: `invalid certificate extension - expected ${key}=${policyExtensions[key]}, got ${key}=${signerExtensions[key]}`
          });
        }
      }
    }
    __name(verifyExtensions, "verifyExtensions");
    function verifyOIDs(policyOIDs, signerOIDs = []) {
      for (const policyOID of policyOIDs) {
        const match = signerOIDs.find((signerOID) => oidEquals(policyOID.oid?.id, signerOID.oid?.id) && policyOID.value.equals(signerOID.value));
        if (!match) {
          const oid = policyOID.oid?.id.join(".") ?? "<unknown>";
          throw new error_1.PolicyError({
            code: "UNTRUSTED_SIGNER_ERROR",
            message: `invalid certificate extension - missing OID ${oid}`
          });
        }
      }
    }
    __name(verifyOIDs, "verifyOIDs");
    function oidEquals(a, b) {
      if (a === void 0 || b === void 0) {
        return false;
      }
      return a.length === b.length && a.every((v, i) => v === b[i]);
    }
    __name(oidEquals, "oidEquals");
  }
});

// node_modules/@sigstore/verify/dist/timestamp/tsa.js
var require_tsa = __commonJS({
  "node_modules/@sigstore/verify/dist/timestamp/tsa.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyRFC3161Timestamp = verifyRFC3161Timestamp;
    var core_1 = require_dist();
    var error_1 = require_error();
    var certificate_1 = require_certificate();
    var trust_1 = require_trust();
    function verifyRFC3161Timestamp(timestamp, data, timestampAuthorities) {
      const signingTime = timestamp.signingTime;
      timestampAuthorities = (0, trust_1.filterCertAuthorities)(timestampAuthorities, signingTime);
      timestampAuthorities = filterCAsBySerialAndIssuer(timestampAuthorities, {
        serialNumber: timestamp.signerSerialNumber,
        issuer: timestamp.signerIssuer
      });
      const verified = timestampAuthorities.some((ca) => {
        try {
          verifyTimestampForCA(timestamp, data, ca);
          return true;
        } catch (e) {
          return false;
        }
      });
      if (!verified) {
        throw new error_1.VerificationError({
          code: "TIMESTAMP_ERROR",
          message: "timestamp could not be verified"
        });
      }
    }
    __name(verifyRFC3161Timestamp, "verifyRFC3161Timestamp");
    function verifyTimestampForCA(timestamp, data, ca) {
      const [leaf, ...cas] = ca.certChain;
      const signingKey = core_1.crypto.createPublicKey(leaf.publicKey);
      const signingTime = timestamp.signingTime;
      try {
        new certificate_1.CertificateChainVerifier({
          untrustedCert: leaf,
          trustedCerts: cas,
          timestamp: signingTime
        }).verify();
      } catch (e) {
        throw new error_1.VerificationError({
          code: "TIMESTAMP_ERROR",
          message: "invalid certificate chain"
        });
      }
      timestamp.verify(data, signingKey);
    }
    __name(verifyTimestampForCA, "verifyTimestampForCA");
    function filterCAsBySerialAndIssuer(timestampAuthorities, criteria) {
      return timestampAuthorities.filter((ca) => ca.certChain.length > 0 && core_1.crypto.bufferEqual(ca.certChain[0].serialNumber, criteria.serialNumber) && core_1.crypto.bufferEqual(ca.certChain[0].issuer, criteria.issuer));
    }
    __name(filterCAsBySerialAndIssuer, "filterCAsBySerialAndIssuer");
  }
});

// node_modules/@sigstore/verify/dist/timestamp/index.js
var require_timestamp = __commonJS({
  "node_modules/@sigstore/verify/dist/timestamp/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getTSATimestamp = getTSATimestamp;
    exports.getTLogTimestamp = getTLogTimestamp;
    var tsa_1 = require_tsa();
    function getTSATimestamp(timestamp, data, timestampAuthorities) {
      (0, tsa_1.verifyRFC3161Timestamp)(timestamp, data, timestampAuthorities);
      return {
        type: "timestamp-authority",
        logID: timestamp.signerSerialNumber,
        timestamp: timestamp.signingTime
      };
    }
    __name(getTSATimestamp, "getTSATimestamp");
    function getTLogTimestamp(entry) {
      if (!entry.inclusionPromise) {
        return void 0;
      }
      return {
        type: "transparency-log",
        logID: entry.logId.keyId,
        timestamp: new Date(Number(entry.integratedTime) * 1e3)
      };
    }
    __name(getTLogTimestamp, "getTLogTimestamp");
  }
});

// node_modules/@sigstore/verify/dist/tlog/dsse.js
var require_dsse2 = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/dsse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DSSE_API_VERSION_V1 = void 0;
    exports.verifyDSSETLogBody = verifyDSSETLogBody;
    exports.verifyDSSETLogBodyV2 = verifyDSSETLogBodyV2;
    var error_1 = require_error();
    exports.DSSE_API_VERSION_V1 = "0.0.1";
    function verifyDSSETLogBody(tlogEntry2, content) {
      switch (tlogEntry2.apiVersion) {
        case exports.DSSE_API_VERSION_V1:
          return verifyDSSE001TLogBody(tlogEntry2, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported dsse version: ${tlogEntry2.apiVersion}`
          });
      }
    }
    __name(verifyDSSETLogBody, "verifyDSSETLogBody");
    function verifyDSSETLogBodyV2(tlogEntry2, content) {
      const spec = tlogEntry2.spec?.spec;
      if (!spec) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: `missing dsse spec`
        });
      }
      switch (spec.$case) {
        case "dsseV002":
          return verifyDSSE002TLogBody(spec.dsseV002, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported version: ${spec.$case}`
          });
      }
    }
    __name(verifyDSSETLogBodyV2, "verifyDSSETLogBodyV2");
    function verifyDSSE001TLogBody(tlogEntry2, content) {
      if (tlogEntry2.spec.signatures?.length !== 1) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature count mismatch"
        });
      }
      const tlogSig = tlogEntry2.spec.signatures[0].signature;
      if (!content.compareSignature(Buffer.from(tlogSig, "base64")))
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "tlog entry signature mismatch"
        });
      const tlogHash = tlogEntry2.spec.payloadHash?.value || "";
      if (!content.compareDigest(Buffer.from(tlogHash, "hex"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "DSSE payload hash mismatch"
        });
      }
    }
    __name(verifyDSSE001TLogBody, "verifyDSSE001TLogBody");
    function verifyDSSE002TLogBody(spec, content) {
      if (spec.signatures?.length !== 1) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature count mismatch"
        });
      }
      const tlogSig = spec.signatures[0].content;
      if (!content.compareSignature(tlogSig))
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "tlog entry signature mismatch"
        });
      const tlogHash = spec.payloadHash?.digest || Buffer.from("");
      if (!content.compareDigest(tlogHash)) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "DSSE payload hash mismatch"
        });
      }
    }
    __name(verifyDSSE002TLogBody, "verifyDSSE002TLogBody");
  }
});

// node_modules/@sigstore/verify/dist/tlog/hashedrekord.js
var require_hashedrekord = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/hashedrekord.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.HASHEDREKORD_API_VERSION_V1 = void 0;
    exports.verifyHashedRekordTLogBody = verifyHashedRekordTLogBody;
    exports.verifyHashedRekordTLogBodyV2 = verifyHashedRekordTLogBodyV2;
    var error_1 = require_error();
    exports.HASHEDREKORD_API_VERSION_V1 = "0.0.1";
    function verifyHashedRekordTLogBody(tlogEntry2, content) {
      switch (tlogEntry2.apiVersion) {
        case exports.HASHEDREKORD_API_VERSION_V1:
          return verifyHashedrekord001TLogBody(tlogEntry2, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported hashedrekord version: ${tlogEntry2.apiVersion}`
          });
      }
    }
    __name(verifyHashedRekordTLogBody, "verifyHashedRekordTLogBody");
    function verifyHashedRekordTLogBodyV2(tlogEntry2, content) {
      const spec = tlogEntry2.spec?.spec;
      if (!spec) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: `missing dsse spec`
        });
      }
      switch (spec.$case) {
        case "hashedRekordV002":
          return verifyHashedrekord002TLogBody(spec.hashedRekordV002, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported version: ${spec.$case}`
          });
      }
    }
    __name(verifyHashedRekordTLogBodyV2, "verifyHashedRekordTLogBodyV2");
    function verifyHashedrekord001TLogBody(tlogEntry2, content) {
      const tlogSig = tlogEntry2.spec.signature.content || "";
      if (!content.compareSignature(Buffer.from(tlogSig, "base64"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature mismatch"
        });
      }
      const tlogDigest = tlogEntry2.spec.data.hash?.value || "";
      if (!content.compareSignedDigest(Buffer.from(tlogDigest, "hex"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "digest mismatch"
        });
      }
    }
    __name(verifyHashedrekord001TLogBody, "verifyHashedrekord001TLogBody");
    function verifyHashedrekord002TLogBody(spec, content) {
      const tlogSig = spec.signature?.content || Buffer.from("");
      if (!content.compareSignature(tlogSig)) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature mismatch"
        });
      }
      const tlogHash = spec.data?.digest || Buffer.from("");
      if (!content.compareSignedDigest(tlogHash)) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "digest mismatch"
        });
      }
    }
    __name(verifyHashedrekord002TLogBody, "verifyHashedrekord002TLogBody");
  }
});

// node_modules/@sigstore/verify/dist/tlog/intoto.js
var require_intoto = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/intoto.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyIntotoTLogBody = verifyIntotoTLogBody;
    var error_1 = require_error();
    function verifyIntotoTLogBody(tlogEntry2, content) {
      switch (tlogEntry2.apiVersion) {
        case "0.0.2":
          return verifyIntoto002TLogBody(tlogEntry2, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported intoto version: ${tlogEntry2.apiVersion}`
          });
      }
    }
    __name(verifyIntotoTLogBody, "verifyIntotoTLogBody");
    function verifyIntoto002TLogBody(tlogEntry2, content) {
      if (tlogEntry2.spec.content.envelope.signatures?.length !== 1) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature count mismatch"
        });
      }
      const tlogSig = base64Decode(tlogEntry2.spec.content.envelope.signatures[0].sig);
      if (!content.compareSignature(Buffer.from(tlogSig, "base64"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "tlog entry signature mismatch"
        });
      }
      const tlogHash = tlogEntry2.spec.content.payloadHash?.value || "";
      if (!content.compareDigest(Buffer.from(tlogHash, "hex"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "DSSE payload hash mismatch"
        });
      }
    }
    __name(verifyIntoto002TLogBody, "verifyIntoto002TLogBody");
    function base64Decode(str2) {
      return Buffer.from(str2, "base64").toString("utf-8");
    }
    __name(base64Decode, "base64Decode");
  }
});

// node_modules/@sigstore/verify/dist/tlog/checkpoint.js
var require_checkpoint = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/checkpoint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.LogCheckpoint = void 0;
    exports.verifyCheckpoint = verifyCheckpoint;
    var core_1 = require_dist();
    var error_1 = require_error();
    var CHECKPOINT_SEPARATOR = "\n\n";
    var SIGNATURE_REGEX = /\u2014 (\S+) (\S+)\n/g;
    function verifyCheckpoint(entry, tlogs) {
      const inclusionProof = entry.inclusionProof;
      const signedNote = SignedNote.fromString(inclusionProof.checkpoint.envelope);
      const checkpoint = LogCheckpoint.fromString(signedNote.note);
      if (!verifySignedNote(signedNote, tlogs)) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "invalid checkpoint signature"
        });
      }
      return checkpoint;
    }
    __name(verifyCheckpoint, "verifyCheckpoint");
    function verifySignedNote(signedNote, tlogs) {
      const data = Buffer.from(signedNote.note, "utf-8");
      return signedNote.signatures.some((signature) => {
        const tlog = tlogs.find((tlog2) => core_1.crypto.bufferEqual(tlog2.logID.subarray(0, 4), signature.keyHint) && // Match the signature name to the base URL of the tlog. The name is
        // attacker-controlled, so it MUST be compared as a literal substring
        // and never coerced into a RegExp (as String.prototype.match would).
        tlog2.baseURL.includes(signature.name));
        if (!tlog) {
          return false;
        }
        return core_1.crypto.verify(data, tlog.publicKey, signature.signature);
      });
    }
    __name(verifySignedNote, "verifySignedNote");
    var SignedNote = class _SignedNote {
      static {
        __name(this, "SignedNote");
      }
      note;
      signatures;
      constructor(note, signatures) {
        this.note = note;
        this.signatures = signatures;
      }
      // Deserialize a SignedNote from a string
      static fromString(envelope) {
        if (!envelope.includes(CHECKPOINT_SEPARATOR)) {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "missing checkpoint separator"
          });
        }
        const split = envelope.indexOf(CHECKPOINT_SEPARATOR);
        const header = envelope.slice(0, split + 1);
        const data = envelope.slice(split + CHECKPOINT_SEPARATOR.length);
        const matches = data.matchAll(SIGNATURE_REGEX);
        const signatures = Array.from(matches, (match) => {
          const [, name, signature] = match;
          const sigBytes = Buffer.from(signature, "base64");
          if (sigBytes.length < 5) {
            throw new error_1.VerificationError({
              code: "TLOG_INCLUSION_PROOF_ERROR",
              message: "malformed checkpoint signature"
            });
          }
          return {
            name,
            keyHint: sigBytes.subarray(0, 4),
            signature: sigBytes.subarray(4)
          };
        });
        if (signatures.length === 0) {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "no signatures found in checkpoint"
          });
        }
        return new _SignedNote(header, signatures);
      }
    };
    var LogCheckpoint = class _LogCheckpoint {
      static {
        __name(this, "LogCheckpoint");
      }
      origin;
      logSize;
      logHash;
      rest;
      constructor(origin, logSize, logHash, rest) {
        this.origin = origin;
        this.logSize = logSize;
        this.logHash = logHash;
        this.rest = rest;
      }
      static fromString(note) {
        const lines = note.trimEnd().split("\n");
        if (lines.length < 3) {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "too few lines in checkpoint header"
          });
        }
        const origin = lines[0];
        let logSize;
        try {
          logSize = BigInt(lines[1]);
        } catch {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "invalid checkpoint log size"
          });
        }
        const rootHash = Buffer.from(lines[2], "base64");
        const rest = lines.slice(3);
        return new _LogCheckpoint(origin, logSize, rootHash, rest);
      }
    };
    exports.LogCheckpoint = LogCheckpoint;
  }
});

// node_modules/@sigstore/verify/dist/tlog/merkle.js
var require_merkle = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/merkle.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyMerkleInclusion = verifyMerkleInclusion;
    var core_1 = require_dist();
    var error_1 = require_error();
    var RFC6962_LEAF_HASH_PREFIX = Buffer.from([0]);
    var RFC6962_NODE_HASH_PREFIX = Buffer.from([1]);
    function verifyMerkleInclusion(entry, checkpoint) {
      const inclusionProof = entry.inclusionProof;
      let logIndex;
      try {
        logIndex = BigInt(inclusionProof.logIndex);
      } catch {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "invalid inclusion proof log index"
        });
      }
      const treeSize = BigInt(checkpoint.logSize);
      let proofTreeSize;
      try {
        proofTreeSize = BigInt(inclusionProof.treeSize);
      } catch {
        proofTreeSize = void 0;
      }
      if (proofTreeSize !== treeSize) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "inclusion proof tree size does not match checkpoint"
        });
      }
      if (!core_1.crypto.bufferEqual(inclusionProof.rootHash, checkpoint.logHash)) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "inclusion proof root hash does not match checkpoint"
        });
      }
      if (logIndex < 0n || logIndex >= treeSize) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: `invalid index: ${logIndex}`
        });
      }
      const { inner, border } = decompInclProof(logIndex, treeSize);
      if (inclusionProof.hashes.length !== inner + border) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "invalid hash count"
        });
      }
      const innerHashes = inclusionProof.hashes.slice(0, inner);
      const borderHashes = inclusionProof.hashes.slice(inner);
      const leafHash = hashLeaf(entry.canonicalizedBody);
      const calculatedHash = chainBorderRight(chainInner(leafHash, innerHashes, logIndex), borderHashes);
      if (!core_1.crypto.bufferEqual(calculatedHash, checkpoint.logHash)) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "calculated root hash does not match inclusion proof"
        });
      }
    }
    __name(verifyMerkleInclusion, "verifyMerkleInclusion");
    function decompInclProof(index, size) {
      const inner = innerProofSize(index, size);
      const border = onesCount(index >> BigInt(inner));
      return { inner, border };
    }
    __name(decompInclProof, "decompInclProof");
    function chainInner(seed, hashes, index) {
      return hashes.reduce((acc, h, i) => {
        if (index >> BigInt(i) & BigInt(1)) {
          return hashChildren(h, acc);
        } else {
          return hashChildren(acc, h);
        }
      }, seed);
    }
    __name(chainInner, "chainInner");
    function chainBorderRight(seed, hashes) {
      return hashes.reduce((acc, h) => hashChildren(h, acc), seed);
    }
    __name(chainBorderRight, "chainBorderRight");
    function innerProofSize(index, size) {
      return bitLength(index ^ size - BigInt(1));
    }
    __name(innerProofSize, "innerProofSize");
    function onesCount(num) {
      return num.toString(2).split("1").length - 1;
    }
    __name(onesCount, "onesCount");
    function bitLength(n) {
      if (n === 0n) {
        return 0;
      }
      return n.toString(2).length;
    }
    __name(bitLength, "bitLength");
    function hashChildren(left, right) {
      return core_1.crypto.digest("sha256", RFC6962_NODE_HASH_PREFIX, left, right);
    }
    __name(hashChildren, "hashChildren");
    function hashLeaf(leaf) {
      return core_1.crypto.digest("sha256", RFC6962_LEAF_HASH_PREFIX, leaf);
    }
    __name(hashLeaf, "hashLeaf");
  }
});

// node_modules/@sigstore/verify/dist/tlog/set.js
var require_set = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/set.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyTLogSET = verifyTLogSET;
    var core_1 = require_dist();
    var error_1 = require_error();
    var trust_1 = require_trust();
    function verifyTLogSET(entry, tlogs) {
      const validTLogs = (0, trust_1.filterTLogAuthorities)(tlogs, {
        logID: entry.logId.keyId,
        targetDate: new Date(Number(entry.integratedTime) * 1e3)
      });
      const verified = validTLogs.some((tlog) => {
        const payload = toVerificationPayload(entry);
        const data = Buffer.from(core_1.json.canonicalize(payload), "utf8");
        const signature = entry.inclusionPromise.signedEntryTimestamp;
        return core_1.crypto.verify(data, tlog.publicKey, signature);
      });
      if (!verified) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROMISE_ERROR",
          message: "inclusion promise could not be verified"
        });
      }
    }
    __name(verifyTLogSET, "verifyTLogSET");
    function toVerificationPayload(entry) {
      const { integratedTime, logIndex, logId, canonicalizedBody } = entry;
      return {
        body: canonicalizedBody.toString("base64"),
        integratedTime: Number(integratedTime),
        logIndex: Number(logIndex),
        logID: logId.keyId.toString("hex")
      };
    }
    __name(toVerificationPayload, "toVerificationPayload");
  }
});

// node_modules/@sigstore/verify/dist/tlog/index.js
var require_tlog = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyTLogBody = verifyTLogBody;
    exports.verifyTLogInclusion = verifyTLogInclusion;
    var v2_1 = require_v2();
    var error_1 = require_error();
    var dsse_1 = require_dsse2();
    var hashedrekord_1 = require_hashedrekord();
    var intoto_1 = require_intoto();
    var checkpoint_1 = require_checkpoint();
    var merkle_1 = require_merkle();
    var set_1 = require_set();
    function verifyTLogBody(entry, sigContent) {
      const { kind, version } = entry.kindVersion;
      let body;
      try {
        body = JSON.parse(entry.canonicalizedBody.toString("utf8"));
      } catch {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "invalid canonicalized body"
        });
      }
      if (kind !== body.kind || version !== body.apiVersion) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: `kind/version mismatch - expected: ${kind}/${version}, received: ${body.kind}/${body.apiVersion}`
        });
      }
      switch (kind) {
        case "dsse":
          if (version == dsse_1.DSSE_API_VERSION_V1) {
            return (0, dsse_1.verifyDSSETLogBody)(body, sigContent);
          } else {
            const entryRekorV2 = v2_1.Entry.fromJSON(body);
            return (0, dsse_1.verifyDSSETLogBodyV2)(entryRekorV2, sigContent);
          }
        case "intoto":
          return (0, intoto_1.verifyIntotoTLogBody)(body, sigContent);
        case "hashedrekord":
          if (version == hashedrekord_1.HASHEDREKORD_API_VERSION_V1) {
            return (0, hashedrekord_1.verifyHashedRekordTLogBody)(body, sigContent);
          } else {
            const entryRekorV2 = v2_1.Entry.fromJSON(body);
            return (0, hashedrekord_1.verifyHashedRekordTLogBodyV2)(entryRekorV2, sigContent);
          }
        /* istanbul ignore next */
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported kind: ${kind}`
          });
      }
    }
    __name(verifyTLogBody, "verifyTLogBody");
    function verifyTLogInclusion(entry, tlogAuthorities) {
      let inclusionVerified = false;
      if (isTLogEntryWithInclusionPromise(entry)) {
        (0, set_1.verifyTLogSET)(entry, tlogAuthorities);
        inclusionVerified = true;
      }
      if (isTLogEntryWithInclusionProof(entry)) {
        const matchingAuthorities = tlogAuthorities.filter((tlog) => tlog.logID.equals(entry.logId.keyId));
        const checkpoint = (0, checkpoint_1.verifyCheckpoint)(entry, matchingAuthorities);
        (0, merkle_1.verifyMerkleInclusion)(entry, checkpoint);
        inclusionVerified = true;
      }
      if (!inclusionVerified) {
        throw new error_1.VerificationError({
          code: "TLOG_MISSING_INCLUSION_ERROR",
          message: "inclusion could not be verified"
        });
      }
      return;
    }
    __name(verifyTLogInclusion, "verifyTLogInclusion");
    function isTLogEntryWithInclusionPromise(entry) {
      return entry.inclusionPromise !== void 0;
    }
    __name(isTLogEntryWithInclusionPromise, "isTLogEntryWithInclusionPromise");
    function isTLogEntryWithInclusionProof(entry) {
      return entry.inclusionProof !== void 0;
    }
    __name(isTLogEntryWithInclusionProof, "isTLogEntryWithInclusionProof");
  }
});

// node_modules/@sigstore/verify/dist/verifier.js
var require_verifier = __commonJS({
  "node_modules/@sigstore/verify/dist/verifier.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Verifier = void 0;
    var util_1 = __require("util");
    var error_1 = require_error();
    var key_1 = require_key();
    var policy_1 = require_policy();
    var timestamp_1 = require_timestamp();
    var tlog_1 = require_tlog();
    var Verifier2 = class {
      static {
        __name(this, "Verifier");
      }
      trustMaterial;
      options;
      constructor(trustMaterial, options = {}) {
        this.trustMaterial = trustMaterial;
        this.options = {
          ctlogThreshold: options.ctlogThreshold ?? 1,
          tlogThreshold: options.tlogThreshold ?? 1,
          timestampThreshold: options.timestampThreshold ?? options.tsaThreshold ?? 1,
          tsaThreshold: 0
        };
      }
      verify(entity, policy) {
        const timestamps = this.verifyTimestamps(entity);
        const signer = this.verifySigningKey(entity, timestamps);
        this.verifyTLogs(entity);
        this.verifySignature(entity, signer);
        if (policy) {
          this.verifyPolicy(policy, signer.identity || {});
        }
        return signer;
      }
      // Checks that all of the timestamps in the entity are valid and returns them
      verifyTimestamps(entity) {
        const timestamps = [];
        for (const timestamp of entity.timestamps) {
          switch (timestamp.$case) {
            case "timestamp-authority":
              timestamps.push((0, timestamp_1.getTSATimestamp)(timestamp.timestamp, entity.signature.signature, this.trustMaterial.timestampAuthorities));
              break;
            case "transparency-log": {
              const result = (0, timestamp_1.getTLogTimestamp)(timestamp.tlogEntry);
              if (result) {
                timestamps.push(result);
              }
              break;
            }
          }
        }
        if (containsDupes(timestamps)) {
          throw new error_1.VerificationError({
            code: "TIMESTAMP_ERROR",
            message: "duplicate timestamp"
          });
        }
        if (timestamps.length < this.options.timestampThreshold) {
          throw new error_1.VerificationError({
            code: "TIMESTAMP_ERROR",
            message: `expected ${this.options.timestampThreshold} timestamps, got ${timestamps.length}`
          });
        }
        return timestamps.map((t) => t.timestamp);
      }
      // Checks that the signing key is valid for all of the the supplied timestamps
      // and returns the signer.
      verifySigningKey({ key }, timestamps) {
        switch (key.$case) {
          case "public-key": {
            return (0, key_1.verifyPublicKey)(key.hint, timestamps, this.trustMaterial);
          }
          case "certificate": {
            const result = (0, key_1.verifyCertificate)(key.certificate, timestamps, this.trustMaterial);
            if (containsDupes(result.scts)) {
              throw new error_1.VerificationError({
                code: "CERTIFICATE_ERROR",
                message: "duplicate SCT"
              });
            }
            if (result.scts.length < this.options.ctlogThreshold) {
              throw new error_1.VerificationError({
                code: "CERTIFICATE_ERROR",
                message: `expected ${this.options.ctlogThreshold} SCTs, got ${result.scts.length}`
              });
            }
            return result.signer;
          }
        }
      }
      // Checks that the tlog entries are valid for the supplied content
      verifyTLogs({ signature: content, tlogEntries }) {
        const entryIDs = [];
        tlogEntries.forEach((entry) => {
          (0, tlog_1.verifyTLogInclusion)(entry, this.trustMaterial.tlogs);
          (0, tlog_1.verifyTLogBody)(entry, content);
          entryIDs.push({
            logID: entry.logId.keyId,
            body: entry.canonicalizedBody
          });
        });
        if (containsDupes(entryIDs)) {
          throw new error_1.VerificationError({
            code: "TLOG_ERROR",
            message: "duplicate tlog entry"
          });
        }
        if (entryIDs.length < this.options.tlogThreshold) {
          throw new error_1.VerificationError({
            code: "TLOG_ERROR",
            message: `expected ${this.options.tlogThreshold} tlog entries, got ${entryIDs.length}`
          });
        }
      }
      // Checks that the signature is valid for the supplied content
      verifySignature(entity, signer) {
        if (!entity.signature.verifySignature(signer.key)) {
          throw new error_1.VerificationError({
            code: "SIGNATURE_ERROR",
            message: "signature verification failed"
          });
        }
      }
      verifyPolicy(policy, identity) {
        if (policy.subjectAlternativeName) {
          (0, policy_1.verifySubjectAlternativeName)(policy.subjectAlternativeName, identity.subjectAlternativeName);
        }
        if (policy.extensions) {
          (0, policy_1.verifyExtensions)(policy.extensions, identity.extensions);
        }
        if (policy.oids) {
          (0, policy_1.verifyOIDs)(policy.oids, identity.oids);
        }
      }
    };
    exports.Verifier = Verifier2;
    function containsDupes(arr) {
      for (let i = 0; i < arr.length; i++) {
        for (let j = i + 1; j < arr.length; j++) {
          if ((0, util_1.isDeepStrictEqual)(arr[i], arr[j])) {
            return true;
          }
        }
      }
      return false;
    }
    __name(containsDupes, "containsDupes");
  }
});

// node_modules/@sigstore/verify/dist/index.js
var require_dist4 = __commonJS({
  "node_modules/@sigstore/verify/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Verifier = exports.toTrustMaterial = exports.VerificationError = exports.PolicyError = exports.toSignedEntity = void 0;
    var bundle_1 = require_bundle();
    Object.defineProperty(exports, "toSignedEntity", { enumerable: true, get: /* @__PURE__ */ __name(function() {
      return bundle_1.toSignedEntity;
    }, "get") });
    var error_1 = require_error();
    Object.defineProperty(exports, "PolicyError", { enumerable: true, get: /* @__PURE__ */ __name(function() {
      return error_1.PolicyError;
    }, "get") });
    Object.defineProperty(exports, "VerificationError", { enumerable: true, get: /* @__PURE__ */ __name(function() {
      return error_1.VerificationError;
    }, "get") });
    var trust_1 = require_trust();
    Object.defineProperty(exports, "toTrustMaterial", { enumerable: true, get: /* @__PURE__ */ __name(function() {
      return trust_1.toTrustMaterial;
    }, "get") });
    var verifier_1 = require_verifier();
    Object.defineProperty(exports, "Verifier", { enumerable: true, get: /* @__PURE__ */ __name(function() {
      return verifier_1.Verifier;
    }, "get") });
  }
});

// src/verify/bundle-format.ts
var bytes = string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, "not base64");
var int64 = union([string().regex(/^-?\d+$/), number().int()]);
function jsonNames(v) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  const src = v;
  if (!Object.keys(src).some((k) => k.includes("_"))) return v;
  const out = {};
  for (const [k, value] of Object.entries(src)) {
    const camel = k.replace(/_([a-z0-9])/g, (_m, c) => c.toUpperCase());
    out[camel !== k && !(camel in src) ? camel : k] = value;
  }
  return out;
}
__name(jsonNames, "jsonNames");
var obj = /* @__PURE__ */ __name((shape) => preprocess(jsonNames, strictObject(shape)), "obj");
var cert = obj({ rawBytes: bytes });
var tlogEntry = obj({
  logIndex: int64.nullish(),
  logId: obj({ keyId: bytes }).nullish(),
  kindVersion: obj({ kind: string(), version: string() }).nullish(),
  integratedTime: int64.nullish(),
  inclusionPromise: obj({ signedEntryTimestamp: bytes }).nullish(),
  inclusionProof: obj({
    logIndex: int64.nullish(),
    rootHash: bytes.nullish(),
    treeSize: int64.nullish(),
    hashes: array(bytes).nullish(),
    checkpoint: obj({ envelope: string() }).nullish()
  }).nullish(),
  canonicalizedBody: bytes.nullish()
});
var KNOWN_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.bundle(?:\+json;version=0\.([123])|\.v0\.(3))(?:\.\d+)?(\+json)?$/;
function baseMediaType(mediaType) {
  const m = KNOWN_MEDIA_TYPE.exec(mediaType);
  if (!m) return void 0;
  if (m[2] && m[3]) return "application/vnd.dev.sigstore.bundle.v0.3+json";
  if (m[1] && !m[3]) return `application/vnd.dev.sigstore.bundle+json;version=0.${m[1]}`;
  return void 0;
}
__name(baseMediaType, "baseMediaType");
var SIGSTORE_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.bundle/;
var BundleDocument = obj({
  mediaType: string(),
  verificationMaterial: obj({
    publicKey: obj({ hint: string().nullish() }).nullish(),
    x509CertificateChain: obj({ certificates: array(cert).nullish() }).nullish(),
    certificate: cert.nullish(),
    tlogEntries: array(tlogEntry).nullish(),
    timestampVerificationData: obj({ rfc3161Timestamps: array(obj({ signedTimestamp: bytes })).nullish() }).nullish()
  }),
  messageSignature: obj({
    messageDigest: obj({ algorithm: string().nullish(), digest: bytes.nullish() }).nullish(),
    signature: bytes.nullish()
  }).nullish(),
  dsseEnvelope: obj({
    payload: bytes.nullish(),
    payloadType: string().nullish(),
    signatures: array(obj({ sig: bytes.nullish(), keyid: string().nullish() })).nullish()
  }).nullish()
});
function kindOf(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a JSON array";
  return `a JSON ${typeof v}`;
}
__name(kindOf, "kindOf");
function readBundleDocument(doc) {
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    return { problem: { kind: "not-a-bundle", reason: `the document is ${kindOf(doc)}, not a JSON object` } };
  }
  const mediaType = jsonNames(doc).mediaType;
  if (typeof mediaType !== "string" || !SIGSTORE_MEDIA_TYPE.test(mediaType)) {
    return {
      problem: {
        kind: "not-a-bundle",
        reason: typeof mediaType === "string" ? `its mediaType is ${JSON.stringify(mediaType.slice(0, 100))}` : "it has no mediaType string"
      }
    };
  }
  const base = baseMediaType(mediaType);
  if (!base) return { problem: { kind: "unknown-version", mediaType } };
  const res = BundleDocument.safeParse(doc);
  if (res.success) return { bundle: { ...res.data, mediaType: base } };
  const issues = res.error.issues;
  const unknown = issues.filter((i2) => i2.code === "unrecognized_keys");
  if (unknown.length > 0 && unknown.length === issues.length) {
    const names2 = unknown.flatMap((i2) => i2.keys.map((k) => fieldPath("", [...i2.path, k])));
    return { problem: { kind: "unknown-fields", reason: `unknown field(s) ${names2.slice(0, 5).join(", ")}` } };
  }
  const i = issues.find((x) => x.code !== "unrecognized_keys") ?? issues[0];
  const names = unknown.flatMap((u) => u.keys.map((k) => fieldPath("", [...u.path, k])));
  return {
    problem: {
      kind: "not-a-bundle",
      reason: `${fieldPath("", i.path)}: ${i.code === "invalid_type" ? `expected ${i.expected}` : i.message}${names.length ? `; unknown field(s) ${names.slice(0, 5).join(", ")}` : ""}`
    }
  };
}
__name(readBundleDocument, "readBundleDocument");
function bundleFormatProblem(doc) {
  const r = readBundleDocument(doc);
  return "problem" in r ? r.problem : void 0;
}
__name(bundleFormatProblem, "bundleFormatProblem");
function describeBundleProblem(p) {
  switch (p.kind) {
    case "not-a-bundle":
      return `not a Sigstore bundle: ${p.reason}`;
    case "unknown-version":
      return `a Sigstore bundle of a version this verifier does not know (mediaType ${JSON.stringify(p.mediaType.slice(0, 100))}; known: v0.1 to v0.3)`;
    case "unknown-fields":
      return `a Sigstore bundle with ${p.reason}: not a bundle format this verifier knows, or an altered bundle`;
  }
}
__name(describeBundleProblem, "describeBundleProblem");
var FIX = {
  "not-a-bundle": "pass the provenance.sigstore.json that `ml-provenance sign` (or the action) produced",
  "unknown-version": "verify it with an ml-provenance release that knows this bundle version",
  "unknown-fields": "pass the bundle exactly as it was signed, or verify it with an ml-provenance release that knows its format"
};
function assertBundleDocument(doc, file) {
  const problem = bundleFormatProblem(doc);
  if (problem) throw new InputError(problem.kind, `${file} is ${describeBundleProblem(problem)}`, { fix: FIX[problem.kind], file });
}
__name(assertBundleDocument, "assertBundleDocument");

// src/verify/verdict.ts
var CHECK_ORDER = [
  "bundle",
  "signature",
  "certificate",
  "transparency-log",
  "timestamps",
  "identity",
  "source",
  "subjects",
  "statement",
  "policy"
];
var pass = /* @__PURE__ */ __name((name, reason) => ({ name, ok: true, status: "pass", reason }), "pass");
var fail = /* @__PURE__ */ __name((name, reason) => ({ name, ok: false, status: "fail", reason }), "fail");
var skip = /* @__PURE__ */ __name((name, reason) => ({ name, ok: false, status: "skip", reason }), "skip");
function toVerdict(checks, extra = {}) {
  const ordered = [...checks].sort((a, b) => CHECK_ORDER.indexOf(a.name) - CHECK_ORDER.indexOf(b.name));
  const firstFail = ordered.find((c) => c.status === "fail");
  return {
    verified: !firstFail,
    checks: ordered,
    ...firstFail ? { failure: `${firstFail.name}: ${firstFail.reason}` } : {},
    ...extra
  };
}
__name(toVerdict, "toVerdict");

// src/verify/identity.ts
var GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";
var REPO_RE = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
function parseSignerWorkflow(spec) {
  const s = spec.replace(/^https?:\/\//, "");
  const at = s.indexOf("@");
  const main = at === -1 ? s : s.slice(0, at);
  const ref = at === -1 ? void 0 : s.slice(at + 1);
  const parts = main.split("/");
  const host = parts[0] && /[.:]/.test(parts[0]) ? parts.shift() : void 0;
  if (parts.length < 3 || parts.some((p) => p === "")) return void 0;
  const repo = `${parts[0]}/${parts[1]}`;
  if (!REPO_RE.test(repo)) return void 0;
  return { ...host ? { host } : {}, repo, path: parts.slice(2).join("/"), ...ref ? { ref } : {} };
}
__name(parseSignerWorkflow, "parseSignerWorkflow");
function validateIdentityPolicy(p, o = {}) {
  if (!p.repo && !p.signerWorkflow && !p.certIdentity && !p.certIdentityRegexp) {
    throw new InputError("no-expected-identity", "verifying a bundle needs to know who should have signed: anyone can get a Sigstore certificate, so a signature alone proves nothing", {
      fix: `pass --repo OWNER/REPO (the repository whose workflow signed), --signer-workflow OWNER/REPO/PATH[@REF], or --cert-identity/--cert-identity-regexp${o.noVerify ? " (or --no-verify to take the records on trust, unverified)" : ""}`,
      fields: ["--repo"]
    });
  }
  if (p.certIdentity && p.certIdentityRegexp) {
    throw new InputError("conflicting-identity", "--cert-identity and --cert-identity-regexp are mutually exclusive", { fix: "pass only one of them", fields: ["--cert-identity", "--cert-identity-regexp"] });
  }
  if (p.repo && !REPO_RE.test(p.repo)) {
    throw new InputError("bad-repo", `--repo must be OWNER/REPO ${refusedValueShape(p.repo)}`, { fix: "pass --repo acme/models", fields: ["--repo"] });
  }
  if (p.signerWorkflow && !parseSignerWorkflow(p.signerWorkflow)) {
    throw new InputError("bad-signer-workflow", `--signer-workflow must be OWNER/REPO/PATH[@REF] ${refusedValueShape(p.signerWorkflow)}`, {
      fix: "pass e.g. --signer-workflow acme/models/.github/workflows/train.yml@refs/heads/main",
      fields: ["--signer-workflow"]
    });
  }
  if (p.certIdentityRegexp) {
    try {
      new RegExp(p.certIdentityRegexp);
    } catch (err) {
      throw new InputError("bad-regexp", `--cert-identity-regexp is not a valid regular expression (${regexpReason(err)}) ${refusedValueShape(p.certIdentityRegexp)}`, {
        fix: "fix the expression (JavaScript syntax)",
        fields: ["--cert-identity-regexp"]
      });
    }
  }
}
__name(validateIdentityPolicy, "validateIdentityPolicy");
function splitURI(uri) {
  const m = uri ? /^https?:\/\/([^/]+)\/(.*)$/.exec(uri) : null;
  return m ? { host: m[1], rest: m[2] } : void 0;
}
__name(splitURI, "splitURI");
var sameRepo = /* @__PURE__ */ __name((a, b) => a.toLowerCase() === b.toLowerCase(), "sameRepo");
function refMatches(expected, actual) {
  return actual === expected || actual === `refs/heads/${expected}` || actual === `refs/tags/${expected}`;
}
__name(refMatches, "refMatches");
function checkIdentity(id, p) {
  const problems = [];
  const san = id.subjectAlternativeName ?? "";
  const issuer = p.certOidcIssuer ?? GITHUB_ACTIONS_ISSUER;
  if (id.issuer !== issuer) problems.push(`the OIDC issuer is ${id.issuer ?? "(none)"}, expected ${issuer}`);
  if (p.repo) {
    const src = splitURI(id.sourceRepositoryURI);
    if (!src) problems.push(`the certificate names no source repository, expected ${p.repo}`);
    else if (!sameRepo(src.rest, p.repo)) problems.push(`the source repository is ${src.rest}, expected ${p.repo}`);
    if (!p.signerWorkflow && !p.certIdentity && !p.certIdentityRegexp) {
      const s = splitURI(san);
      if (!s || !s.rest.toLowerCase().startsWith(`${p.repo.toLowerCase()}/`)) {
        problems.push(`the signing workflow ${san || "(none)"} is not in ${p.repo} (pass --signer-workflow to accept a reusable workflow from elsewhere)`);
      }
    }
  }
  if (p.signerWorkflow) {
    const want = parseSignerWorkflow(p.signerWorkflow);
    const signer = id.buildSignerURI ?? san;
    const got = splitURI(signer);
    const at = got ? got.rest.indexOf("@") : -1;
    const gotMain = got ? at === -1 ? got.rest : got.rest.slice(0, at) : "";
    const gotRef = got && at !== -1 ? got.rest.slice(at + 1) : "";
    const slash = gotMain.indexOf("/", gotMain.indexOf("/") + 1);
    const gotRepo = slash === -1 ? gotMain : gotMain.slice(0, slash);
    const gotPath = slash === -1 ? "" : gotMain.slice(slash + 1);
    const ok = got !== void 0 && (!want.host || want.host.toLowerCase() === got.host.toLowerCase()) && sameRepo(gotRepo, want.repo) && gotPath === want.path && (!want.ref || refMatches(want.ref, gotRef));
    if (!ok) problems.push(`the signing workflow is ${signer || "(none)"}, expected ${p.signerWorkflow}`);
  }
  if (p.certIdentity && san !== p.certIdentity) problems.push(`the certificate identity is ${san || "(none)"}, expected exactly ${p.certIdentity}`);
  if (p.certIdentityRegexp && !new RegExp(p.certIdentityRegexp).test(san)) {
    problems.push(`the certificate identity ${san || "(none)"} does not match /${p.certIdentityRegexp}/`);
  }
  if (problems.length) return fail("identity", problems.join("; "));
  const repo = splitURI(id.sourceRepositoryURI)?.rest;
  return pass("identity", `signed by ${san} (issuer ${id.issuer}${repo ? `, repository ${repo}` : ""})`);
}
__name(checkIdentity, "checkIdentity");
function regexpReason(err) {
  const msg = err instanceof Error ? err.message : String(err);
  const at = msg.lastIndexOf("/: ");
  const reason = at >= 0 ? msg.slice(at + 3).trim() : void 0;
  return reason && reason.length < 60 ? reason.toLowerCase() : "syntax error";
}
__name(regexpReason, "regexpReason");

// src/verify/trust.ts
var import_protobuf_specs = __toESM(require_dist2(), 1);
import { readFile, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
function parseTrustedRoot(doc, file) {
  let root;
  try {
    root = import_protobuf_specs.TrustedRoot.fromJSON(doc);
  } catch (err) {
    throw new InputError("bad-trusted-root", `${file} is not a Sigstore trusted root: ${err.message}`, {
      fix: "pass a trusted_root.json (e.g. from `sigstore-go`/`cosign trusted-root create`, or the TUF target)",
      file,
      cause: err
    });
  }
  if (root.certificateAuthorities.length === 0) {
    throw new InputError("bad-trusted-root", `${file} has no certificate authorities`, {
      fix: "pass the trusted_root.json of the Sigstore instance that signed the bundle",
      file
    });
  }
  return root;
}
__name(parseTrustedRoot, "parseTrustedRoot");
async function loadTrustedRoot(opts) {
  if (opts.customTrustedRoot) {
    const doc = await readJsonFile(opts.customTrustedRoot, "trusted root");
    return { root: parseTrustedRoot(doc, opts.customTrustedRoot), source: opts.customTrustedRoot };
  }
  if (opts.offline) return offlinePublicGoodRoot(opts.logger);
  const mod = await import("./dist-VYZJAAD5.js");
  const tuf = mod.default ?? mod;
  try {
    const root = await tuf.getTrustedRoot();
    return { root, source: "Sigstore public-good (TUF)" };
  } catch (err) {
    throw new ServiceError("tuf-failed", `cannot fetch Sigstore's public-good trust root through TUF: ${err.message}`, {
      fix: "check network access to tuf-repo-cdn.sigstore.dev, or pass --custom-trusted-root FILE (and --offline)",
      cause: err
    });
  }
}
__name(loadTrustedRoot, "loadTrustedRoot");
function tufCacheTrustedRoot(env = process.env, platform = process.platform) {
  const home = os.homedir();
  const base = platform === "darwin" ? path.join(home, "Library", "Application Support", "sigstore-js") : platform === "win32" ? path.join(env.LOCALAPPDATA || path.join(home, "AppData", "Local"), "sigstore-js", "Data") : path.join(env.XDG_DATA_HOME || path.join(home, ".local", "share"), "sigstore-js");
  if (!path.isAbsolute(base)) return void 0;
  return path.join(base, encodeURIComponent("tuf-repo-cdn.sigstore.dev"), "targets", "trusted_root.json");
}
__name(tufCacheTrustedRoot, "tufCacheTrustedRoot");
async function offlinePublicGoodRoot(logger) {
  const cached = tufCacheTrustedRoot();
  const text = cached === void 0 ? void 0 : await readFile(cached, "utf8").catch(() => void 0);
  if (cached !== void 0 && text !== void 0) {
    const age = await stat(cached).then((s) => Math.round((Date.now() - s.mtimeMs) / 864e5)).catch(() => void 0);
    logger?.info(`--offline: using the public-good trust root cached by an earlier online run (${cached}${age === void 0 ? "" : `, ${age} day(s) old`})`);
    return { root: parseTrustedRoot(JSON.parse(text), cached), source: `Sigstore public-good (TUF cache ${cached}, offline)` };
  }
  const seeds = (await import("./seeds-IOHAMAZK.js")).default;
  const seed = seeds["https://tuf-repo-cdn.sigstore.dev"]?.targets?.["trusted_root.json"];
  if (!seed) {
    throw new InputError("offline-no-trust-root", "--offline: no cached public-good trust root and none shipped with sigstore-js", {
      fix: "run verify once with network access to populate the TUF cache, or pass --custom-trusted-root FILE"
    });
  }
  logger?.info("--offline: no cached public-good trust root; using the one shipped with sigstore-js, which may predate key rotations (run once online to refresh the cache)");
  return {
    root: parseTrustedRoot(JSON.parse(Buffer.from(seed, "base64").toString("utf8")), "sigstore-js TUF seed"),
    source: "Sigstore public-good (root shipped with sigstore-js, offline)"
  };
}
__name(offlinePublicGoodRoot, "offlinePublicGoodRoot");

// src/verify/signature.ts
var import_core2 = __toESM(require_dist(), 1);
var import_verify2 = __toESM(require_dist4(), 1);

// src/verify/bundle.ts
var import_bundle = __toESM(require_dist3(), 1);
var import_core = __toESM(require_dist(), 1);
var import_verify = __toESM(require_dist4(), 1);
import nodeCrypto from "node:crypto";
function parseBundle(doc) {
  const read = readBundleDocument(doc);
  if ("problem" in read) return { check: fail("bundle", describeBundleProblem(read.problem)) };
  let bundle;
  try {
    bundle = (0, import_bundle.bundleFromJSON)(read.bundle);
  } catch (err) {
    const fields = err.fields;
    return { check: fail("bundle", `not a valid Sigstore bundle: ${libraryMessage(err)}${fields?.length ? ` (${fields.join(", ")})` : ""}`) };
  }
  if (bundle.content.$case !== "dsseEnvelope") {
    return { check: fail("bundle", "the bundle signs a message, not a DSSE envelope: it is not an attestation") };
  }
  const env = bundle.content.dsseEnvelope;
  if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return { check: fail("bundle", `the DSSE payload type is ${env.payloadType}, expected ${IN_TOTO_PAYLOAD_TYPE}`) };
  }
  const vm = bundle.verificationMaterial.content;
  const certificate = vm.$case === "certificate" ? vm.certificate.rawBytes : vm.$case === "x509CertificateChain" ? vm.x509CertificateChain.certificates[0]?.rawBytes : void 0;
  if (!certificate) {
    return { check: fail("bundle", "the bundle is signed with a bare public key, not a Sigstore (Fulcio) certificate, so no signer identity can be checked") };
  }
  const keyid = env.signatures[0]?.keyid;
  if (keyid) {
    return { check: fail("bundle", `the DSSE signature names key id ${JSON.stringify(keyid.slice(0, 80))}, but a certificate-signed Sigstore envelope carries none: the bundle was altered`) };
  }
  let entity;
  try {
    entity = (0, import_verify.toSignedEntity)(bundle);
    for (const t of entity.timestamps) if (t.$case === "timestamp-authority") void t.timestamp.signingTime;
  } catch (err) {
    return { check: fail("bundle", `the bundle's ${unreadablePart(bundle, certificate)} cannot be read: ${libraryMessage(err)}`) };
  }
  const certProblem = certificateProblem(certificate) ?? certificateKeyProblem(entity);
  if (certProblem) return { check: fail("bundle", `the bundle's signing certificate cannot be read: ${certProblem}`) };
  const m = /bundle\.v([\d.]+)\+json|version=([\d.]+)/.exec(bundle.mediaType);
  const version = m ? m[1] ?? m[2] : bundle.mediaType;
  return {
    check: pass("bundle", `Sigstore bundle v${version} with a DSSE envelope (${IN_TOTO_PAYLOAD_TYPE}) and a signing certificate`),
    parsed: { bundle, payload: Buffer.from(env.payload), certificate, entity }
  };
}
__name(parseBundle, "parseBundle");
function certificateProblem(der) {
  try {
    new nodeCrypto.X509Certificate(Buffer.from(der));
    return void 0;
  } catch (err) {
    if (err instanceof TypeError || !(err instanceof Error)) throw err;
    return "it is not a valid DER X.509 certificate as OpenSSL and cosign read it; it was altered or damaged";
  }
}
__name(certificateProblem, "certificateProblem");
function certificateKeyProblem(entity) {
  if (entity.key.$case !== "certificate") return void 0;
  try {
    import_core.crypto.createPublicKey(entity.key.certificate.publicKey);
    return void 0;
  } catch (err) {
    if (err instanceof TypeError || !(err instanceof Error)) throw err;
    return `its public key is not a key (${err.message}); the certificate was altered or damaged`;
  }
}
__name(certificateKeyProblem, "certificateKeyProblem");
function libraryMessage(err) {
  const internal = err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError || err instanceof SyntaxError;
  if (internal || !(err instanceof Error)) return "malformed content (a field has a value of the wrong kind or size)";
  return err.message;
}
__name(libraryMessage, "libraryMessage");
function unreadablePart(bundle, certificate) {
  const parses = /* @__PURE__ */ __name((f) => {
    try {
      f();
      return true;
    } catch {
      return false;
    }
  }, "parses");
  if (!parses(() => import_core.X509Certificate.parse(Buffer.from(certificate)))) return "signing certificate";
  const stamps = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? [];
  const bad = stamps.findIndex((t) => !parses(() => import_core.RFC3161Timestamp.parse(Buffer.from(t.signedTimestamp)).signingTime));
  if (bad >= 0) return `RFC 3161 timestamp [${bad}]`;
  return "verification material";
}
__name(unreadablePart, "unreadablePart");

// src/verify/signature.ts
var STEPS = ["timestamps", "certificate", "transparency-log", "signature"];
var trustMaterials = /* @__PURE__ */ new WeakMap();
function trustMaterialOf(root) {
  let material = trustMaterials.get(root);
  if (!material) trustMaterials.set(root, material = (0, import_verify2.toTrustMaterial)(root));
  return material;
}
__name(trustMaterialOf, "trustMaterialOf");
function stepOf(code) {
  if (!code) return void 0;
  if (code === "TIMESTAMP_ERROR") return "timestamps";
  if (code === "CERTIFICATE_ERROR" || code === "PUBLIC_KEY_ERROR") return "certificate";
  if (code.startsWith("TLOG_")) return "transparency-log";
  if (code === "SIGNATURE_ERROR") return "signature";
  return void 0;
}
__name(stepOf, "stepOf");
var UNKNOWN_LOG_MEANING = "signed with another Sigstore instance, or forged";
function explain(step, message) {
  if (step === "timestamps") {
    if (/expected \d+ timestamps, got 0/.test(message)) {
      return "no verifiable timestamp: the bundle has neither a transparency-log entry with a signed inclusion promise nor an RFC 3161 timestamp";
    }
    if (/timestamp could not be verified/.test(message)) {
      return "the RFC 3161 timestamp was not issued by a timestamp authority in the trusted root (or does not cover this signature)";
    }
  }
  if (step === "certificate" && /certificate chain|issuer|trusted/i.test(message)) {
    return `the signing certificate does not chain to a certificate authority in the trusted root (${message}); signed by another Sigstore instance, or forged`;
  }
  if (step === "transparency-log") {
    if (/expected \d+ tlog entries, got 0/.test(message)) return "the bundle has no transparency-log entry (1 required): it was never logged in Rekor, or the entry was removed";
    if (/payload hash mismatch|signature mismatch/i.test(message)) return `the transparency-log entry records a different signature or payload than the bundle carries (${message})`;
    if (/^unknown log/.test(message)) return `${message.replace(/^unknown log: /, "")}; ${UNKNOWN_LOG_MEANING}`;
    if (/inclusion promise/i.test(message)) {
      return `the log entry's time is not verified: its signed entry timestamp (SET) does not verify with the log's key, so its integrated time, log index or body was changed (${message})`;
    }
    if (/inclusion|checkpoint|index|hash count|set|signed entry timestamp/i.test(message)) {
      return `the transparency-log entry's proof of inclusion does not verify against the log's signed checkpoint (${message})`;
    }
  }
  if (step === "signature") return "the DSSE signature does not verify over the payload with the certificate's key: the statement was changed after signing";
  return message;
}
__name(explain, "explain");
var PASS_TEXT = {
  timestamps: "signing time attested by the transparency log and/or a trusted timestamp authority",
  certificate: "the Fulcio certificate chains to the trusted root, was valid at the signing time, and carries a valid SCT",
  "transparency-log": "the Rekor entry matches this signature and payload, and its inclusion is proven by the log's key",
  signature: "the DSSE signature verifies over the exact payload with the certificate's key"
};
function timestampText(parsed) {
  const vm = parsed.bundle.verificationMaterial;
  const tlog = vm.tlogEntries.filter((e) => e.inclusionPromise).length;
  const tsa = vm.timestampVerificationData?.rfc3161Timestamps.length ?? 0;
  const parts = [tlog && `${tlog} transparency-log time(s)`, tsa && `${tsa} RFC 3161 timestamp(s) from a trusted authority`].filter(Boolean);
  return `signing time attested by ${parts.join(" and ")}`;
}
__name(timestampText, "timestampText");
function runVerifier(material, thresholds, entity) {
  try {
    new import_verify2.Verifier(material, thresholds).verify(entity);
    return {};
  } catch (err) {
    const step = stepOf(err.code);
    return { failed: step ?? "certificate", message: step ? err.message ?? String(err) : libraryMessage(err), coded: step !== void 0 };
  }
}
__name(runVerifier, "runVerifier");
function tlogFailure(material, entity) {
  const v = new import_verify2.Verifier(material, { tlogThreshold: 1 });
  if (typeof v.verifyTLogs !== "function") return void 0;
  const unknown = entity.tlogEntries.find((e) => !material.tlogs.some((t) => t.logID.equals(e.logId.keyId)));
  if (unknown) return `unknown log: the entry is from a transparency log the trusted root does not list (log id ${unknown.logId.keyId.toString("base64")})`;
  try {
    v.verifyTLogs(entity);
    return void 0;
  } catch (err) {
    return stepOf(err.code) === "transparency-log" ? err.message : void 0;
  }
}
__name(tlogFailure, "tlogFailure");
var notChecked = /* @__PURE__ */ __name((s, because, detail = "") => skip(s, `not checked because ${because} failed${detail ? `: ${detail}` : ""}`), "notChecked");
function verifySignatureMaterial(parsed, root) {
  const entity = parsed.entity;
  const material = trustMaterialOf(root);
  const byName = /* @__PURE__ */ new Map();
  const key = entity.key.$case === "certificate" ? import_core2.crypto.createPublicKey(entity.key.certificate.publicKey) : void 0;
  const signatureOk = key ? entity.signature.verifySignature(key) : false;
  const logged = root.tlogs.length > 0;
  const thresholds = { tlogThreshold: logged ? 1 : 0, ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0, timestampThreshold: 1 };
  const tsaStamps = parsed.bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length ?? 0;
  let run = !logged && tsaStamps === 0 ? {
    failed: "timestamps",
    coded: false,
    message: "the trusted instance has no transparency log and the bundle carries no RFC 3161 timestamp: nothing proves when it was signed"
  } : runVerifier(material, thresholds, entity);
  if ((run.failed === "timestamps" || run.failed === "certificate") && logged && entity.tlogEntries.length > 0) {
    const tlogMessage = tlogFailure(material, entity);
    if (tlogMessage !== void 0) run = { failed: "transparency-log", message: tlogMessage, coded: true };
  }
  if (!run.failed) {
    for (const s of STEPS) byName.set(s, pass(s, passText(s, parsed)));
    if (root.ctlogs.length === 0) {
      byName.set("certificate", pass("certificate", "the Fulcio certificate chains to the trusted root and was valid at the signing time (the instance has no certificate transparency log)"));
    }
    if (!logged) {
      byName.set("transparency-log", skip("transparency-log", "the trusted Sigstore instance has no transparency log (like GitHub's private instance): a trusted timestamp authority proves the signing time instead"));
    }
  } else if (run.failed === "transparency-log") {
    byName.set("transparency-log", fail("transparency-log", explain("transparency-log", run.message ?? "")));
    if (tsaStamps > 0) {
      const tsaOnly = runVerifier(material, { ...thresholds, tlogThreshold: 0 }, {
        ...entity,
        tlogEntries: [],
        timestamps: entity.timestamps.filter((t) => t.$case === "timestamp-authority")
      });
      const at = tsaOnly.failed ? STEPS.indexOf(tsaOnly.failed) : STEPS.length;
      for (const s of ["timestamps", "certificate", "signature"]) {
        const idx = STEPS.indexOf(s);
        if (idx < at) byName.set(s, pass(s, s === "timestamps" ? `signing time attested by ${tsaStamps} RFC 3161 timestamp(s) from a trusted authority (the transparency-log time is not counted: transparency-log failed)` : PASS_TEXT[s]));
        else if (idx === at) byName.set(s, fail(s, tsaOnly.coded ? explain(s, tsaOnly.message ?? "") : `cannot verify: ${tsaOnly.message}`));
        else byName.set(s, notChecked(s, tsaOnly.failed));
      }
    } else {
      const otherEntry = /mismatch|body/i.test(run.message ?? "");
      byName.set(
        "timestamps",
        notChecked(
          "timestamps",
          "transparency-log",
          `${otherEntry ? "the log entry records another signature or payload, so its time is not this signature's" : "the log entry's time (its signed entry timestamp) is not verified"}, and the bundle has no RFC 3161 timestamp`
        )
      );
      byName.set("certificate", notChecked("certificate", "transparency-log", "no verified signing time to check the certificate's validity at"));
      byName.set("signature", notChecked("signature", "transparency-log"));
    }
  } else {
    const at = STEPS.indexOf(run.failed);
    STEPS.forEach((s, i) => {
      if (i < at) byName.set(s, pass(s, passText(s, parsed)));
      else if (i === at) byName.set(s, fail(s, run.coded ? explain(s, run.message ?? "") : `cannot verify: ${run.message}`));
      else byName.set(s, notChecked(s, run.failed));
    });
  }
  const cert2 = byName.get("certificate");
  const rootFailure = run.failed === "transparency-log" ? STEPS.find((s) => byName.get(s)?.status === "fail" && s !== "transparency-log") ?? "transparency-log" : run.failed;
  if (!signatureOk) byName.set("signature", fail("signature", explain("signature", "")));
  else if (cert2.status !== "pass") {
    const because = cert2.status === "fail" ? "certificate" : rootFailure ?? "certificate";
    byName.set("signature", notChecked("signature", because, "the signature matches the certificate's key, but the certificate was not verified"));
  } else if (byName.get("signature")?.status !== "pass") {
    byName.set("signature", pass("signature", PASS_TEXT.signature));
  }
  return ["signature", "certificate", "transparency-log", "timestamps"].map((s) => byName.get(s));
}
__name(verifySignatureMaterial, "verifySignatureMaterial");
function passText(s, parsed) {
  if (s === "timestamps") return timestampText(parsed);
  if (s === "transparency-log") {
    const e = parsed.bundle.verificationMaterial.tlogEntries[0];
    if (e) return `${PASS_TEXT[s]} (log index ${e.logIndex}, integrated ${new Date(Number(e.integratedTime) * 1e3).toISOString()})`;
  }
  return PASS_TEXT[s];
}
__name(passText, "passText");

// src/verify/format.ts
var MARK = { pass: "ok  ", fail: "FAIL", skip: "skip" };
function formatVerdict(v) {
  const width = Math.max(...v.checks.map((c) => c.name.length));
  const lines = v.checks.map((c) => `${MARK[c.status]}  ${c.name.padEnd(width)}  ${c.reason}`);
  if (v.policy) {
    for (const f of v.policy.findings) lines.push(`      ${f.severity === "error" ? "missing" : "warning"}: ${f.field}: ${f.message} \u2014 ${f.fix}`);
  }
  lines.push(v.verified ? "VERIFIED" : `FAILED: ${v.failure ?? "verification failed"}`);
  return lines.join("\n") + "\n";
}
__name(formatVerdict, "formatVerdict");
var FIXES = {
  bundle: "pass the provenance.sigstore.json that `ml-provenance sign` (or the action) produced",
  timestamps: "do not trust these files; if the bundle comes from a private or self-hosted Sigstore, pass its --custom-trusted-root",
  certificate: "do not trust these files; if the bundle comes from a private or self-hosted Sigstore, pass its --custom-trusted-root",
  "transparency-log": "do not trust these files: the bundle was altered or never logged (GitHub-instance bundles for private repositories have no Rekor entry; verify those with `gh attestation verify`)",
  signature: "do not trust these files: the signed statement was altered",
  identity: "do not trust these files unless the identity shown is one you trust; then pass it with --repo / --signer-workflow / --cert-identity",
  source: "do not trust these files: the record claims a repository, workflow or run other than the one that signed it, or one its certificate cannot vouch for (it was built elsewhere, or forged); ask the publisher for a record signed by the run that built it",
  subjects: "the file is not the one that was signed: download it again from the release and compare",
  statement: "the signed payload is not an ml-provenance record; verify it with a tool that understands its predicate type",
  policy: "the record is authentic but incomplete under the policy; ask the publisher for a complete record or relax --policy"
};
function failureFix(v) {
  const first = v.checks.find((c) => c.status === "fail");
  if (first?.name === "transparency-log" && first.reason.endsWith(UNKNOWN_LOG_MEANING)) return FIXES.certificate;
  return (first && FIXES[first.name]) ?? "do not trust these files";
}
__name(failureFix, "failureFix");

// src/verify/source.ts
var GITHUB_BUILD_TYPES = /* @__PURE__ */ new Set([BUILD_TYPE_GITHUB, GITHUB_WORKFLOW_BUILD_TYPE]);
var EXTENSION = {
  repository: { label: "Source Repository URI (1.3.6.1.4.1.57264.1.12)", of: /* @__PURE__ */ __name((id) => id.sourceRepositoryURI, "of") },
  // The calling workflow, as GITHUB_WORKFLOW_REF; a reusable workflow that signs is the SAN (Build Signer URI), which `identity` checks.
  workflow: { label: "Build Config URI (1.3.6.1.4.1.57264.1.18)", of: /* @__PURE__ */ __name((id) => id.buildConfigURI, "of") },
  ref: { label: "Source Repository Ref (1.3.6.1.4.1.57264.1.14)", of: /* @__PURE__ */ __name((id) => id.sourceRepositoryRef, "of") },
  commit: { label: "Source Repository Digest (1.3.6.1.4.1.57264.1.13)", of: /* @__PURE__ */ __name((id) => id.sourceRepositoryDigest, "of") },
  run: { label: "Run Invocation URI (1.3.6.1.4.1.57264.1.21)", of: /* @__PURE__ */ __name((id) => id.runInvocationURI, "of") }
};
var obj2 = /* @__PURE__ */ __name((v) => v && typeof v === "object" && !Array.isArray(v) ? v : void 0, "obj");
var str = /* @__PURE__ */ __name((v) => typeof v === "string" && v !== "" ? v : void 0, "str");
var hostOf = /* @__PURE__ */ __name((uri) => uri ? /^https?:\/\/([^/]+)\//.exec(uri)?.[1]?.toLowerCase() : void 0, "hostOf");
var uriHost = /* @__PURE__ */ __name((uri) => /^(?:[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?|(?:[^@/:]+@)?(?=[^/:@]+:(?!\/)))([^/:@]+)/i.exec(uri.replace(/^git\+/, ""))?.[1]?.toLowerCase(), "uriHost");
var isGitHubHost = /* @__PURE__ */ __name((host, certHost) => Boolean(host) && (host === "github.com" || host.endsWith(".ghe.com") || host === certHost), "isGitHubHost");
function repoKey(repo, certHost) {
  const url = /^https?:\/\/([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(repo);
  return (url ? `${url[1]}/${url[2]}` : `${certHost ?? ""}/${repo}`).toLowerCase();
}
__name(repoKey, "repoKey");
function runOf(uri) {
  const m = /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/actions\/runs\/([^/]+)/.exec(uri);
  return m ? { repo: m[1], run: m[2] } : void 0;
}
__name(runOf, "runOf");
function workflowOf(uri) {
  const m = /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/([^@]+)@(.+)$/.exec(uri);
  return m ? { repo: m[1], path: m[2], ref: m[3] } : void 0;
}
__name(workflowOf, "workflowOf");
function gitRepoOf(uri) {
  const s = uri.replace(/^git\+/, "");
  const m = /^(?:https?|ssh|git):\/\/(?:[^@/]*@)?([^/:@]+)(?::\d+)?\/([^/@]+\/[^/@]+?)(?:\.git)?\/?(?:@(.+))?$/.exec(s) ?? /^(?:[^@/:]+@)?([^/:@]+):(?!\/)([^/@]+\/[^/@]+?)(?:\.git)?\/?(?:@(.+))?$/.exec(s);
  if (!m) return void 0;
  const host = m[1].toLowerCase();
  return { host, repo: `https://${host}/${m[2]}`, ...m[3] ? { ref: m[3] } : {} };
}
__name(gitRepoOf, "gitRepoOf");
function githubClaims(raw, certHost) {
  const predicate = obj2(obj2(raw)?.predicate);
  const def = obj2(predicate?.buildDefinition);
  const run = obj2(predicate?.runDetails);
  const githubBuilt = GITHUB_BUILD_TYPES.has(def?.buildType);
  const onGitHub = /* @__PURE__ */ __name((uri) => githubBuilt || isGitHubHost(hostOf(uri), certHost), "onGitHub");
  const asUrl = /* @__PURE__ */ __name((repo) => /^https?:\/\//.test(repo) ? repo : `https://${certHost ?? "github.com"}/${repo}`, "asUrl");
  const claims = [];
  const at = "buildDefinition";
  const wf = obj2(obj2(def?.externalParameters)?.workflow);
  const wfRepo = str(wf?.repository);
  if (wfRepo) {
    claims.push({ field: `${at}.externalParameters.workflow.repository`, kind: "repository", value: wfRepo });
    const [path3, ref] = [str(wf?.path), str(wf?.ref)];
    if (path3 && ref) claims.push({ field: `${at}.externalParameters.workflow`, kind: "workflow", value: `${asUrl(wfRepo).replace(/\/$/, "")}/${path3}@${ref}` });
  }
  const ghRepo = str(obj2(obj2(def?.internalParameters)?.github)?.repository);
  if (ghRepo) claims.push({ field: `${at}.internalParameters.github.repository`, kind: "repository", value: ghRepo });
  const deps = Array.isArray(def?.resolvedDependencies) ? def.resolvedDependencies : [];
  deps.forEach((d, i) => {
    const dep = obj2(d);
    const commit = str(obj2(dep?.digest)?.gitCommit);
    if (!commit && dep?.name !== "source") return;
    const uri = str(dep?.uri);
    const git = uri ? gitRepoOf(uri) : void 0;
    if (!githubBuilt && !isGitHubHost(git?.host ?? (uri && uriHost(uri)), certHost)) return;
    const field = `${at}.resolvedDependencies[${i}]`;
    if (uri) claims.push({ field: `${field}.uri`, kind: "repository", value: git?.repo ?? uri });
    if (git?.ref) claims.push({ field: `${field}.uri`, kind: "ref", value: git.ref });
    if (commit) claims.push({ field: `${field}.digest.gitCommit`, kind: "commit", value: commit });
  });
  const invocationId = str(obj2(run?.metadata)?.invocationId);
  if (invocationId && (onGitHub(invocationId) || invocationId.includes("/actions/runs/"))) {
    claims.push({ field: "runDetails.metadata.invocationId", kind: "run", value: invocationId });
  }
  const builder = str(obj2(run?.builder)?.id);
  if (builder && /^https?:\/\/[^/]+\/[^/]+\/[^/]+\/\.github\/workflows\/[^@]+@.+$/.test(builder)) {
    claims.push({ field: "runDetails.builder.id", kind: "workflow", value: builder, orSigner: true });
  } else if (builder && isGitHubHost(hostOf(builder), certHost) && !/^https?:\/\/[^/]+\/actions\/runner\/(github|self)-hosted$/.test(builder)) {
    claims.push({ field: "runDetails.builder.id", kind: "repository", value: builder });
  }
  return claims;
}
__name(githubClaims, "githubClaims");
function agrees(kind, claimed, cert2, certHost) {
  const key = /* @__PURE__ */ __name((r) => repoKey(r, certHost), "key");
  switch (kind) {
    case "repository":
      return key(claimed) === key(cert2);
    case "workflow": {
      const [a, b] = [workflowOf(claimed), workflowOf(cert2)];
      return Boolean(a && b && key(a.repo) === key(b.repo) && a.path === b.path && a.ref === b.ref);
    }
    case "ref":
      return claimed === cert2;
    case "commit":
      return claimed.toLowerCase() === cert2.toLowerCase();
    case "run": {
      const [a, b] = [runOf(claimed), runOf(cert2)];
      return Boolean(a && b && a.run === b.run && key(a.repo) === key(b.repo));
    }
  }
}
__name(agrees, "agrees");
function sourceProblems(claims, id) {
  const certHost = hostOf(id.sourceRepositoryURI);
  const byField = /* @__PURE__ */ new Map();
  for (const c of claims) {
    if ([...byField.keys()].some((f) => `${f}.`.startsWith(`${c.field}.`) || `${c.field}.`.startsWith(`${f}.`))) continue;
    const ext = EXTENSION[c.kind];
    const certs = [...new Set([ext.of(id), c.orSigner ? id.buildSignerURI : void 0].filter((v) => Boolean(v)))];
    const label = c.orSigner ? `${ext.label} or Build Signer URI (1.3.6.1.4.1.57264.1.9)` : ext.label;
    if (certs.length === 0) {
      byField.set(c.field, `${c.field} names the GitHub ${c.kind} ${c.value}, but the certificate has no ${label} to vouch for it (not signed in GitHub Actions)`);
    } else if (!certs.some((cert2) => agrees(c.kind, c.value, cert2, certHost))) {
      byField.set(c.field, `${c.field} names ${c.value}, but the certificate's ${label} is ${certs.join(" / ")}`);
    }
  }
  return [...byField.values()];
}
__name(sourceProblems, "sourceProblems");
function checkSource(raw, id) {
  const claims = githubClaims(raw, hostOf(id.sourceRepositoryURI));
  if (claims.length === 0) return pass("source", "the statement names no GitHub repository, workflow, commit or run: the repository is the certificate's");
  const problems = sourceProblems(claims, id);
  if (problems.length) return fail("source", `${problems.join("; ")}: the statement's claimed source does not agree with the certificate that signed it`);
  const kinds = ["repository", "workflow", "ref", "commit", "run"].filter((k) => claims.some((c) => c.kind === k));
  return pass("source", `the statement's ${kinds.join(", ")} agree with the certificate (${id.sourceRepositoryURI ?? "no repository"})`);
}
__name(checkSource, "checkSource");

// src/verify/statement.ts
function readPayload(payload) {
  try {
    const v = JSON.parse(payload.toString("utf8"));
    return v && typeof v === "object" && !Array.isArray(v) ? v : void 0;
  } catch {
    return void 0;
  }
}
__name(readPayload, "readPayload");
var STATEMENT_V01 = "https://in-toto.io/Statement/v0.1";
function checkStatement(raw) {
  if (!raw) return { check: fail("statement", "the signed payload is not a JSON object") };
  const v01 = raw._type === STATEMENT_V01;
  if (raw._type !== STATEMENT_TYPE && !v01) {
    return {
      check: fail("statement", `the payload is not an in-toto Statement v1 or v0.1 (_type is ${JSON.stringify(typeof raw._type === "string" ? raw._type.slice(0, 100) : raw._type)})`),
      raw
    };
  }
  const version = v01 ? "v0.1 (as cosign 2.x attest-blob writes)" : "v1";
  if (raw.predicateType === SLSA_PROVENANCE_V1) {
    return { check: pass("statement", `in-toto Statement ${version} with SLSA provenance v1 (the companion build provenance; it carries no training record)`), raw };
  }
  if (raw.predicateType !== PREDICATE_TYPE) {
    return { check: fail("statement", `the predicate type is ${JSON.stringify(raw.predicateType)}, not an ml-provenance training record (${PREDICATE_TYPE})`), raw };
  }
  try {
    const training = parseStatement(v01 ? { ...raw, _type: STATEMENT_TYPE } : raw, "the signed statement");
    return { check: pass("statement", `in-toto Statement ${version} with a valid ml-provenance training record (${training.subject.length} subject(s))`), raw, training };
  } catch (err) {
    if (err instanceof ProvenanceError) return { check: fail("statement", err.message), raw };
    throw err;
  }
}
__name(checkStatement, "checkStatement");

// src/verify/subjects.ts
import { stat as stat2 } from "node:fs/promises";
import path2 from "node:path";
async function assertSubjectsExist(files) {
  for (const f of files) {
    try {
      await stat2(f);
    } catch {
      throw new InputError("subject-not-found", `SUBJECT ${f} does not exist`, { fix: "pass the path of the downloaded model file (or directory)", file: f });
    }
  }
}
__name(assertSubjectsExist, "assertSubjectsExist");
async function digestAll(files) {
  const out = [];
  for (const f of files) {
    if ((await stat2(f)).isDirectory()) {
      const d = await digestDirectory(f, f);
      out.push(...d.files.map((x) => ({ file: path2.join(f, x.path), sha256: x.sha256 })));
    } else {
      out.push({ file: f, sha256: (await digestFile(f)).sha256 });
    }
  }
  return out;
}
__name(digestAll, "digestAll");
async function checkSubjects(subjects, files) {
  if (files.length === 0) {
    return { check: skip("subjects", "no SUBJECT files given, so no file was compared with the signed digests"), matches: [] };
  }
  const byDigest = /* @__PURE__ */ new Map();
  for (const s of subjects) {
    const d = s.digest?.sha256?.toLowerCase();
    if (d) byDigest.set(d, s.name ?? "(unnamed)");
  }
  const matches = [];
  for (const { file, sha256 } of await digestAll(files)) {
    const subject = byDigest.get(sha256);
    matches.push({ file, sha256, ...subject ? { subject } : {} });
  }
  const bad = matches.filter((m) => !m.subject);
  if (bad.length) {
    const list = bad.map((m) => `${m.file} (sha256:${m.sha256.slice(0, 12)}\u2026)`).join(", ");
    return { check: fail("subjects", `${bad.length} of ${matches.length} file(s) match no signed subject digest: ${list}`), matches };
  }
  if (matches.length === 0) return { check: fail("subjects", "the SUBJECT directories contain no files"), matches };
  const named = matches.map((m) => path2.basename(m.file) === path2.basename(m.subject) ? m.subject : `${m.file} = ${m.subject}`);
  return { check: pass("subjects", `${matches.length} file(s) match signed subjects: ${named.slice(0, 5).join(", ")}${named.length > 5 ? ", \u2026" : ""}`), matches };
}
__name(checkSubjects, "checkSubjects");

// src/verify/index.ts
async function verifyBundle(bundleDoc, opts) {
  const logger = opts.logger ?? silentLogger;
  validateIdentityPolicy(opts.identity);
  const files = opts.subjects ?? [];
  await assertSubjectsExist(files);
  const policy = opts.policy ? await resolvePolicy(opts.policy) : void 0;
  const checks = [];
  const notReached = /* @__PURE__ */ __name((after) => (name) => skip(name, `not checked because ${after} failed`), "notReached");
  const parsed = parseBundle(bundleDoc);
  checks.push(parsed.check);
  if (!parsed.parsed) return toVerdict([...checks, ...CHECK_ORDER.slice(1).map(notReached("bundle"))]);
  const { bundle, payload, certificate } = parsed.parsed;
  const trust = opts.trustedRoot ? { root: opts.trustedRoot, source: "the given trusted root" } : await loadTrustedRoot(opts);
  logger.debug(`verify: trust root from ${trust.source}`);
  const crypto3 = verifySignatureMaterial(parsed.parsed, trust.root);
  checks.push(...crypto3);
  const rekorLogIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex;
  const base = rekorLogIndex !== void 0 ? { rekorLogIndex } : {};
  const cryptoFailed = crypto3.find((c) => c.status === "fail");
  if (cryptoFailed) {
    return toVerdict([...checks, ...["identity", "source", "subjects", "statement", "policy"].map(notReached(cryptoFailed.name))], base);
  }
  const signer = signerIdentity(certificate);
  const identity = checkIdentity(signer, opts.identity);
  checks.push(identity);
  if (!identity.ok) {
    return toVerdict([...checks, ...["source", "subjects", "statement", "policy"].map(notReached("identity"))], { ...base, signer });
  }
  const raw = readPayload(payload);
  checks.push(checkSource(raw, signer));
  const { check: subjectsCheck, matches } = await checkSubjects(raw?.subject ?? [], files);
  checks.push(subjectsCheck);
  const stmt = checkStatement(raw);
  checks.push(stmt.check);
  const predicateType = typeof raw?.predicateType === "string" ? raw.predicateType : void 0;
  let policyResult;
  if (!policy) {
    checks.push(skip("policy", "no --policy given"));
  } else if (!stmt.training) {
    checks.push(
      stmt.check.ok ? fail("policy", `--policy ${policy.name} was asked for, but the bundle carries no ml-provenance training record (predicate type ${predicateType ?? "unknown"})`) : skip("policy", "not checked because statement failed")
    );
  } else {
    const r = evaluatePolicy(stmt.training, policy);
    policyResult = { name: r.policy, complete: r.complete, findings: r.findings, missing: r.missing };
    const errors = r.findings.filter((f) => f.severity === "error");
    const warnings = r.findings.length - errors.length;
    checks.push(
      r.complete ? pass("policy", `complete under policy "${r.policy}"${warnings ? ` (${warnings} warning(s))` : ""}`) : fail("policy", `incomplete under policy "${r.policy}": ${errors.map((f) => `${f.field}: ${f.message}`).join("; ")}`)
    );
  }
  return toVerdict(checks, {
    ...base,
    signer,
    ...predicateType ? { predicateType } : {},
    ...files.length ? { subjects: matches } : {},
    ...policyResult ? { policy: policyResult } : {}
  });
}
__name(verifyBundle, "verifyBundle");

export {
  assertBundleDocument,
  GITHUB_ACTIONS_ISSUER,
  validateIdentityPolicy,
  loadTrustedRoot,
  formatVerdict,
  failureFix,
  verifyBundle
};
