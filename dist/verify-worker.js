import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  verifyBundle
} from "./chunks/chunk-5ZCMPX7L.js";
import "./chunks/chunk-62XNHVZS.js";
import "./chunks/chunk-AT7NZQCF.js";
import "./chunks/chunk-W7K5PQYI.js";
import "./chunks/chunk-DWXH6HXY.js";
import "./chunks/chunk-2D5AWCES.js";
import "./chunks/chunk-Q655VGAR.js";
import {
  require_dist
} from "./chunks/chunk-U4PC2X5E.js";
import "./chunks/chunk-MFLXRQWX.js";
import "./chunks/chunk-LATVBRSX.js";
import "./chunks/chunk-CJJWD6LY.js";
import "./chunks/chunk-5KXDBTSY.js";
import "./chunks/chunk-5GZ4GUMW.js";
import "./chunks/chunk-YAQPLVGR.js";
import "./chunks/chunk-7HOGFP5I.js";
import "./chunks/chunk-QXFPCRYH.js";
import "./chunks/chunk-KPRIV5WI.js";
import "./chunks/chunk-ZOAPFRB3.js";
import "./chunks/chunk-E7LSDQ4Q.js";
import "./chunks/chunk-NAV5SXXN.js";
import "./chunks/chunk-ACIUNWAG.js";
import "./chunks/chunk-3HTINU5N.js";
import "./chunks/chunk-5Y6NISUK.js";
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
