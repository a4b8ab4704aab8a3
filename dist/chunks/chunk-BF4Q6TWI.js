import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  shellWords
} from "./chunk-IMH2OV3G.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/store/location.ts
var DEFAULT_STORE = ".ml-provenance/store.db";
function parseStoreSpec(spec) {
  const s = spec && spec.trim() !== "" ? spec.trim() : DEFAULT_STORE;
  if (/^postgres(ql)?:\/\//i.test(s)) return { kind: "postgres", url: s };
  return { kind: "sqlite", path: s };
}
__name(parseStoreSpec, "parseStoreSpec");
function redactUrl(text) {
  return text.replace(/(postgres(?:ql)?:\/\/)([^:@/\s]*):([^@/\s]*)@/gi, "$1$2:***@").replace(/([?&](?:password|sslpassword|sslkey)=)[^&\s]*/gi, "$1***");
}
__name(redactUrl, "redactUrl");
function listRunsCommand(store) {
  return shellWords(["ml-provenance", "lineage", "--store", redactUrl(store), "--runs", "*"]);
}
__name(listRunsCommand, "listRunsCommand");

export {
  DEFAULT_STORE,
  parseStoreSpec,
  redactUrl,
  listRunsCommand
};
