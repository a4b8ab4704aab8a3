#!/usr/bin/env node
import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunks/chunk-QANIRX4T.js";

// src/cli/node-version.ts
var MIN_NODE = "24.15.0";
var parts = /* @__PURE__ */ __name((v) => v.replace(/^v/, "").split(/[.-]/).slice(0, 3).map((n) => Number.parseInt(n, 10) || 0), "parts");
function nodeVersionProblem(version) {
  const have = parts(version);
  const need = parts(MIN_NODE);
  for (let i = 0; i < 3; i++) {
    if (have[i] > need[i]) return void 0;
    if (have[i] < need[i]) {
      return `ml-provenance needs Node.js ${MIN_NODE} or later; this is Node.js ${version.replace(/^v/, "")} \u2014 install Node.js 24 (https://nodejs.org), or use the standalone executable from the release, which needs no Node (docs/INSTALL.md)`;
    }
  }
  return void 0;
}
__name(nodeVersionProblem, "nodeVersionProblem");

// src/cli/index.ts
var problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(`error: ${problem}
`);
  process.exitCode = 2;
} else {
  const { main } = await import("./chunks/program-OQINJDF4.js");
  process.exitCode = await main(process.argv.slice(2));
}
