import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  containerIdFromCgroup,
  containerIdFromMountinfo,
  detectImage,
  parseContainerenv
} from "./chunk-FBVPZRD5.js";
import "./chunk-QANIRX4T.js";
export {
  containerIdFromCgroup,
  containerIdFromMountinfo,
  detectImage,
  parseContainerenv
};
