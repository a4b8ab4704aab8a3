#!/usr/bin/env node
import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  userDirs
} from "./chunks/chunk-A4LR5M4H.js";
import "./chunks/chunk-QANIRX4T.js";

// src/cli/index.ts
import module from "node:module";
import path from "node:path";
var dirs = userDirs();
if (dirs) module.enableCompileCache?.(path.join(dirs.cache, "node-compile-cache"));
var { main } = await import("./chunks/program-EINNP6OQ.js");
process.exitCode = await main(process.argv.slice(2));
