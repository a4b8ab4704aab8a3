import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  IngestInterrupted,
  PART_BYTES,
  STORE_ROLES,
  auditStore,
  datasetQuestion,
  eachMetricAnswer,
  grantRole,
  ingestDocuments,
  ingestFiles,
  metricQuestion,
  modelQuestion,
  openStore,
  purgeRuns,
  refuseGrantOnFile,
  runIdOf,
  runsQuestion,
  storeDocument,
  storeError,
  storedDocument,
  storedRun,
  storedRuns,
  trustedStoredRuns,
  withStore,
  writeDocuments
} from "./chunk-JH2ZOEWF.js";
import "./chunk-EKIUOJBA.js";
import "./chunk-ZZ2FXLYW.js";
import {
  DEFAULT_STORE,
  parseStoreSpec,
  redactUrl
} from "./chunk-HMUNZMFG.js";
import "./chunk-YTIBHEOE.js";
import "./chunk-XBNJF4YQ.js";
import "./chunk-62XNHVZS.js";
import "./chunk-MFLXRQWX.js";
import "./chunk-HEI5ZQQE.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-DQA3XQTC.js";
import "./chunk-VXF76SOM.js";
import "./chunk-VK4AXXJQ.js";
import "./chunk-OL73OWTX.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-VLIFT7NW.js";
import "./chunk-3HTINU5N.js";
import "./chunk-QANIRX4T.js";
export {
  DEFAULT_STORE,
  IngestInterrupted,
  PART_BYTES,
  STORE_ROLES,
  auditStore,
  datasetQuestion,
  eachMetricAnswer,
  grantRole,
  ingestDocuments,
  ingestFiles,
  metricQuestion,
  modelQuestion,
  openStore,
  parseStoreSpec,
  purgeRuns,
  redactUrl,
  refuseGrantOnFile,
  runIdOf,
  runsQuestion,
  storeDocument,
  storeError,
  storedDocument,
  storedRun,
  storedRuns,
  trustedStoredRuns,
  withStore,
  writeDocuments
};
