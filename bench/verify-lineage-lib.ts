// What bench/verify-lineage.mjs needs from src/ and test/, bundled by it with esbuild
// (the same settings scripts/build.mjs uses for dist/): the Sigstore stand-in, the
// signer, the verifier and the statement fixtures.
export { startSigstoreStandin } from '../test/standins/sigstore.js';
export { dataset, makeStatement, sha } from '../test/fixtures/statements.js';
export { signStatement } from '../src/sign/index.js';
export { loadTrustedRoot, verifyBundle } from '../src/verify/index.js';
