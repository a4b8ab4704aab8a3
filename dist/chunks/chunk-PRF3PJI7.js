import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/util/shell-word.ts
function shellWord(a) {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}
__name(shellWord, "shellWord");

export {
  shellWord
};
