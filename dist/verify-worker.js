import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  verifyBundle
} from "./chunks/chunk-VOQUOE2R.js";
import "./chunks/chunk-VRTPJNTG.js";
import {
  require_dist
} from "./chunks/chunk-U4PC2X5E.js";
import "./chunks/chunk-GZZOH7DR.js";
import "./chunks/chunk-AGTI4MSJ.js";
import "./chunks/chunk-6VB4X4JY.js";
import "./chunks/chunk-RBL5RZRI.js";
import "./chunks/chunk-KXVODHO7.js";
import "./chunks/chunk-6OCRJMU6.js";
import "./chunks/chunk-ZVQFUZTM.js";
import "./chunks/chunk-AI3BSDVQ.js";
import "./chunks/chunk-NAV5SXXN.js";
import "./chunks/chunk-ACIUNWAG.js";
import "./chunks/chunk-3HTINU5N.js";
import {
  __toESM
} from "./chunks/chunk-QANIRX4T.js";

// src/verify/worker.ts
var import_protobuf_specs = __toESM(require_dist(), 1);
import { isMainThread, parentPort, workerData } from "node:worker_threads";
var data = workerData;
if (!isMainThread && parentPort && data?.mlpVerifyWorker) {
  const port = parentPort;
  const root = import_protobuf_specs.TrustedRoot.fromJSON(data.trustedRoot);
  port.on("message", async (req) => {
    const results = [];
    for (const text of req.items) {
      try {
        results.push({ verdict: await verifyBundle(JSON.parse(text), { identity: data.identity, trustedRoot: root }) });
      } catch (err) {
        results.push({ error: err instanceof Error ? err.message : String(err) });
      }
    }
    port.postMessage({ type: "done", id: req.id, results });
  });
}
