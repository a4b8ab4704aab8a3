import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  containerIdFromMountinfo,
  detectImage,
  parseContainerenv
} from "./chunk-7ADZOXV7.js";
import "./chunk-QANIRX4T.js";
export {
  containerIdFromMountinfo,
  detectImage,
  parseContainerenv
};
