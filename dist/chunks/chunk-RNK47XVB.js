import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  pseudonymKey
} from "./chunk-5TS4UR5X.js";
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
  if (file) return pseudonymKey(await readFileChecked(file, "pseudonym key file", { maxBytes: 4096 }), file);
  const v = env.ML_PROVENANCE_PSEUDONYM_KEY;
  return v ? pseudonymKey(v, "ML_PROVENANCE_PSEUDONYM_KEY") : void 0;
}
__name(readPseudonymKey, "readPseudonymKey");
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
