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
} from "./chunk-FKENC6JW.js";
import "./chunk-NFQFVJRT.js";
import "./chunk-ZZ2FXLYW.js";
import "./chunk-WDYPODN2.js";
import {
  DEFAULT_STORE,
  parseStoreSpec,
  redactUrl
} from "./chunk-BF4Q6TWI.js";
import "./chunk-YTIBHEOE.js";
import "./chunk-O4K44SJ3.js";
import "./chunk-62XNHVZS.js";
import "./chunk-MFLXRQWX.js";
import "./chunk-LATVBRSX.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-5GZ4GUMW.js";
import "./chunk-YAQPLVGR.js";
import "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-VLIFT7NW.js";
import "./chunk-IMH2OV3G.js";
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
