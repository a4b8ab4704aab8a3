/** The provenance store: one interface (db.ts), an embedded and a server backend, and what is built on them. */
export { openStore, withStore, type OpenOptions } from './open.js';
export { storedRun, storedRuns, trustedStoredRuns, type StoredLoadedDocument, type StoreSelection } from './documents.js';
export { DEFAULT_STORE, parseStoreSpec, redactUrl } from './location.js';
export type { Db } from './db.js';
export { ingestDocuments, storeDocument, writeDocuments, runIdOf, type StoreDocument, type IngestResult } from './ingest.js';
export { ingestFiles, PART_BYTES } from './ingest-files.js';
export { metricQuestion, eachMetricAnswer, datasetQuestion, modelQuestion, runsQuestion, storedDocument } from './questions.js';
export { auditStore, type AuditReport, type AuditVerifier } from './audit.js';
export { purgeRuns } from './purge.js';
export { grantRole, refuseGrantOnFile, STORE_ROLES, type StoreRole } from './grant.js';
export { IngestInterrupted, storeError } from './errors.js';
