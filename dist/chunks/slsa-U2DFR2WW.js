import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_V1,
  buildSlsaStatement
} from "./chunk-N5Y65BXZ.js";
import "./chunk-SLG2NNIC.js";
import "./chunk-A6NCO4C7.js";
import "./chunk-E7LSDQ4Q.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-QANIRX4T.js";
export {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_V1,
  buildSlsaStatement
};
