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
} from "./chunk-ABUCSZTD.js";
import "./chunk-FULM47DF.js";
import "./chunk-ZZ2FXLYW.js";
import {
  DEFAULT_STORE,
  parseStoreSpec,
  redactUrl
} from "./chunk-HMUNZMFG.js";
import "./chunk-YTIBHEOE.js";
import "./chunk-62XNHVZS.js";
import "./chunk-MFLXRQWX.js";
import "./chunk-2QPZ7XAH.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-F4ZJ3MD6.js";
import "./chunk-WV6JISUJ.js";
import "./chunk-S3ZMHSIR.js";
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
