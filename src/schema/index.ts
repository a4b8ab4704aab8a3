export * from './common.js';
export * from './coverage.js';
export * from './record-event.js';
export * from './inputs.js';
export * from './policy.js';
export * from './predicate.js';
