import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  LOCKFILES,
  capturePython,
  normaliseName,
  parseLockfile,
  parseRequirements
} from "./chunk-QB3U764D.js";
import "./chunk-B5GPVALP.js";
import "./chunk-DWXH6HXY.js";
import "./chunk-VK4AXXJQ.js";
import "./chunk-OL73OWTX.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-QANIRX4T.js";
export {
  LOCKFILES,
  capturePython,
  normaliseName,
  parseLockfile,
  parseRequirements
};
