import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_V1,
  buildSlsaStatement
} from "./chunk-D7CI6XP5.js";
import "./chunk-RMZXMSBF.js";
import "./chunk-I7VICHM5.js";
import "./chunk-IFWJZX5H.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-QANIRX4T.js";
export {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_PROVENANCE_V1,
  buildSlsaStatement
};
