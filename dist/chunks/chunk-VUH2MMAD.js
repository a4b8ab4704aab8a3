import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/statement/serialize.ts
import { hash } from "node:crypto";
function serializeStatement(st) {
  return JSON.stringify(st, null, 2) + "\n";
}
__name(serializeStatement, "serializeStatement");
function statementRunId(d) {
  return d.statementSha256 ?? hash("sha256", d.payload ?? serializeStatement(d.statement), "hex");
}
__name(statementRunId, "statementRunId");

export {
  serializeStatement,
  statementRunId
};
