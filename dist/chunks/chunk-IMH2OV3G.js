import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/util/shell.ts
var PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;
var CONTROL = /[\u0000-\u001f\u007f]/g;
function word(a) {
  if (PLAIN.test(a)) return a;
  if (a.search(CONTROL) < 0) return `'${a.replace(/'/g, `'\\''`)}'`;
  const named = { "\n": "\\n", "	": "\\t", "\r": "\\r" };
  return `$'${a.replace(/[\\']/g, "\\$&").replace(CONTROL, (c) => named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)}'`;
}
__name(word, "word");
function shellWords(argv) {
  return argv.map(word).join(" ");
}
__name(shellWords, "shellWords");
function commandInFolder(argv, dir) {
  return `${shellWords(argv)}${dir ? ` (in ${dir}/)` : ""}`;
}
__name(commandInFolder, "commandInFolder");

export {
  shellWords,
  commandInFolder
};
