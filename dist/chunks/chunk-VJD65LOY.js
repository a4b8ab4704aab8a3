import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/publish/base-record.ts
function baseRecordSentence(r) {
  return r.unreadable ? `_Could not read the base branch's record, so nothing is compared: ${r.reason}${r.fix ? ` \u2014 ${r.fix}` : ""}._` : `_No record from the base branch to compare with (${r.reason})._`;
}
__name(baseRecordSentence, "baseRecordSentence");

export {
  baseRecordSentence
};
