import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_V1,
  buildSlsaStatement
} from "./chunk-3PQGLGVD.js";
import "./chunk-TGOGGCXF.js";
import "./chunk-72JRAKZ4.js";
import "./chunk-AI3BSDVQ.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-QANIRX4T.js";
export {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_V1,
  buildSlsaStatement
};
