import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  OPEN_FLAGS,
  SYNC_CHUNK,
  hashFileSync,
  specialKind
} from "./chunks/chunk-ACIUNWAG.js";
import "./chunks/chunk-QANIRX4T.js";
export {
  OPEN_FLAGS,
  SYNC_CHUNK,
  hashFileSync,
  specialKind
};
