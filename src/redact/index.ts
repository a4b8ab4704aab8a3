/**
 * The redaction room: one detector for every place a credential can enter the
 * record or an error message — config files (capture/config.ts), what training
 * code records (record.ts), image references and error paths.
 * docs/SECURITY.md describes the design and its measured recall.
 */
export { REDACTED, findSecrets, redactString, shellWords } from './detect.js';
export { classifyKey, classifyName, keyWords, valueFitsName, type KeyVerdict } from './keys.js';
export { isRandomToken } from './entropy.js';
export { VALUE_RULES } from './rules.js';
export { compileKeyPatterns, escapePointer, redactValue, setOwn, type RedactionResult } from './value.js';
export { redactArgv, redactRecorded } from './record.js';
export { parserLine, parserReason, refusedValueShape } from './messages.js';
export { redactCoverage } from './coverage.js';
