import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  init_p_map,
  pMap
} from "./chunk-YTIBHEOE.js";
import {
  isSigstoreBundle,
  loadDocument
} from "./chunk-LATVBRSX.js";
import {
  readJsonFile
} from "./chunk-KPRIV5WI.js";
import {
  InputError,
  ProvenanceError
} from "./chunk-NAV5SXXN.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/lineage/sources.ts
init_p_map();
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
var COMPANION_PREDICATES = /* @__PURE__ */ new Set(["https://slsa.dev/provenance/v1"]);
function payloadPredicateType(bundle) {
  try {
    const env = bundle.dsseEnvelope;
    if (typeof env?.payload !== "string") return void 0;
    const st = JSON.parse(Buffer.from(env.payload, "base64").toString("utf8"));
    return typeof st.predicateType === "string" ? st.predicateType : void 0;
  } catch {
    return void 0;
  }
}
__name(payloadPredicateType, "payloadPredicateType");
async function unreadableBundle(file, error, doc) {
  const json = doc ?? await readJsonFile(file, "statement or bundle").catch(() => void 0);
  if (!isSigstoreBundle(json)) return void 0;
  const predicateType = payloadPredicateType(json);
  return { file, bundle: json, error, ...predicateType && COMPANION_PREDICATES.has(predicateType) ? { companion: true } : {} };
}
__name(unreadableBundle, "unreadableBundle");
var DOCUMENT_FILE = /\.json$/i;
async function walk(dir, out) {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === "node_modules" || e.name === ".git") continue;
      await walk(p, out);
    } else if (e.isFile() && DOCUMENT_FILE.test(e.name)) {
      out.push(p);
    }
  }
}
__name(walk, "walk");
async function loadDocuments(inputs, log, unreadable) {
  if (inputs.length === 0) {
    throw new InputError("no-inputs", "no statements or bundles given", {
      fix: "pass one or more statement/bundle files or directories, or --repo OWNER/REPO --from-releases"
    });
  }
  const docs = [];
  for (const input of inputs) {
    const st = await stat(input).catch(() => void 0);
    if (!st) {
      throw new InputError("file-not-found", `not found: ${input}`, { fix: "check the path", file: input });
    }
    if (!st.isDirectory()) {
      try {
        docs.push(await loadDocument(input));
      } catch (err) {
        const broken = unreadable && err instanceof ProvenanceError && err.kind === "input" ? await unreadableBundle(input, err) : void 0;
        if (!broken) throw err;
        unreadable.push({ ...broken, explicit: true });
      }
      continue;
    }
    const files = [];
    await walk(input, files);
    let found = 0;
    const loaded = await pMap(files, (f) => loadDocument(f).then((doc) => ({ f, doc }), (err) => ({ f, err })), { concurrency: 16 });
    for (const r of loaded) {
      const f = r.f;
      try {
        if ("err" in r) throw r.err;
        docs.push({ ...r.doc, scanned: true });
        found++;
      } catch (err) {
        if (err instanceof ProvenanceError && err.kind === "input") {
          const broken = await unreadableBundle(f, err);
          if (broken) {
            if (!unreadable) throw err;
            unreadable.push(broken);
            found++;
            continue;
          }
          log.warning(`skipping ${f}: not an ml-provenance statement or bundle`);
          continue;
        }
        throw err;
      }
    }
    if (found === 0) {
      throw new InputError("no-statements-in-directory", `${input} holds no ml-provenance statements or bundles`, {
        fix: "point at the directory holding provenance.intoto.json / provenance.sigstore.json files",
        file: input
      });
    }
  }
  return docs;
}
__name(loadDocuments, "loadDocuments");

export {
  unreadableBundle,
  loadDocuments
};
