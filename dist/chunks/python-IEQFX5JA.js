import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  LOCKFILES,
  capturePython,
  normaliseName,
  parseLockfile,
  parseRequirements
} from "./chunk-4AFHKM7J.js";
import "./chunk-B5GPVALP.js";
import "./chunk-DWXH6HXY.js";
import "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-QANIRX4T.js";
export {
  LOCKFILES,
  capturePython,
  normaliseName,
  parseLockfile,
  parseRequirements
};
