// What bench/store.mjs needs, bundled by esbuild as dist/ is: the store, the statement
// fixtures, the PostgreSQL test helper, the Sigstore stand-in and the signer.
export { openStore, writeDocuments, storeDocument, metricQuestion, datasetQuestion, modelQuestion, runsQuestion } from '../src/store/index.js';
export { makeStatement, dataset, sha } from '../test/fixtures/statements.js';
export { startPostgres } from '../test/helpers/postgres.js';
export { startSigstoreStandin } from '../test/standins/sigstore.js';
export { signStatement } from '../src/sign/index.js';
