import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/lineage/trust.ts
async function trustDocuments(docs, o) {
  const unreadable = o.unreadable ?? [];
  if (!o.noVerify) await o.verifier.verifyAll(unreadable, o.signal);
  for (const u of unreadable) {
    if (u.explicit) throw u.error;
    (u.companion ? (m) => o.logger?.debug(m) : (m) => o.logger?.warning(m))(
      o.noVerify ? `skipping ${u.file}: a Sigstore bundle, but not an ml-provenance training record (${u.error.message}; not verified)` : `skipping ${u.file}: signed, but not an ml-provenance training record (${u.error.message})`
    );
  }
  if (o.noVerify) return docs;
  const trusted = [];
  const signed = o.signed ?? /* @__PURE__ */ new Set();
  for (const d of docs) if (d.bundle && d.statementSha256) signed.add(d.statementSha256);
  for (const doc of docs) {
    if (!doc.bundle && doc.scanned) {
      if (o.skipped) o.skipped.push(doc);
      else skippedStatementNote(doc, signed, o.logger);
      continue;
    }
    if (!doc.bundle) {
      throw new InputError("unsigned-statement", `${doc.file} is an unsigned statement, so it cannot be verified`, {
        fix: "pass the Sigstore bundle (provenance.sigstore.json) instead, or --no-verify to trust unsigned statements",
        file: doc.file
      });
    }
    trusted.push(doc);
  }
  await o.verifier.verifyAll(trusted, o.signal);
  return trusted;
}
__name(trustDocuments, "trustDocuments");
function skippedStatementNote(doc, signed, logger) {
  const note = `skipping ${doc.file}: an unsigned statement (its signed bundle is what counts; --no-verify to use it)`;
  if (doc.statementSha256 && signed.has(doc.statementSha256)) logger?.debug(note);
  else logger?.warning(note);
}
__name(skippedStatementNote, "skippedStatementNote");

export {
  trustDocuments,
  skippedStatementNote
};
