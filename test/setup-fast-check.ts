import fc from 'fast-check';

// Property tests explore new random inputs on every local run; in CI (CI=true) they
// replay one fixed seed so a run is reproducible (set FC_SEED to replay a failure).
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261124' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
