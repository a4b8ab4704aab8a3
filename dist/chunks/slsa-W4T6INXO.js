import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_V1,
  buildSlsaStatement
} from "./chunk-7RQTGPEK.js";
import "./chunk-4JSUM4P4.js";
import "./chunk-6VSQANCY.js";
import "./chunk-IFWJZX5H.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-QANIRX4T.js";
export {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_V1,
  buildSlsaStatement
};
