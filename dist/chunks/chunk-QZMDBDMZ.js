import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  MIN_KEY_BYTES,
  pseudonymKey
} from "./chunk-BSFTEBY6.js";
import {
  readFileChecked
} from "./chunk-KPRIV5WI.js";
import {
  InputError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/pseudonym-key.ts
async function readPseudonymKey(file, env = process.env) {
  if (file) return keyFromFile(await readFileChecked(file, "pseudonym key file", { maxBytes: 4096 }), file);
  const v = env.ML_PROVENANCE_PSEUDONYM_KEY;
  if (!v) return void 0;
  const key = pseudonymKey(v, "ML_PROVENANCE_PSEUDONYM_KEY");
  return { ...key, earlier: pseudonymKey(Buffer.from(`${v.trim()}
`, "utf8"), "ML_PROVENANCE_PSEUDONYM_KEY") };
}
__name(readPseudonymKey, "readPseudonymKey");
function keyFromFile(bytes, file) {
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let s;
  try {
    s = text.decode(bytes);
  } catch {
    return pseudonymKey(bytes, file);
  }
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(s)) return pseudonymKey(bytes, file);
  const key = pseudonymKey(s, file);
  return s.trim().length >= MIN_KEY_BYTES ? { ...key, earlier: pseudonymKey(Buffer.from(`${s.trim()}
`, "utf8"), file) } : key;
}
__name(keyFromFile, "keyFromFile");
async function requirePseudonymKey(file) {
  const key = await readPseudonymKey(file);
  if (!key) {
    throw new InputError("pseudonym-key-missing", "no pseudonymisation key was given", {
      fix: "pass --pseudonym-key-file FILE or set ML_PROVENANCE_PSEUDONYM_KEY to the key the record was built with",
      fields: ["pseudonym-key"]
    });
  }
  return key;
}
__name(requirePseudonymKey, "requirePseudonymKey");

export {
  readPseudonymKey,
  requirePseudonymKey
};
