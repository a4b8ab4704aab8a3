import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  GitHubActionsTokenProvider,
  INSTANCE_NAMES,
  SIGSTORE_AUDIENCE,
  StaticTokenProvider,
  checkToken,
  identityProviderFor,
  parseInstanceName,
  preflightIdentity,
  resolveEndpoints,
  signPayload,
  signStatement,
  tokenSource,
  witnessesFor
} from "./chunk-4WUPCTAH.js";
import "./chunk-2A2HBAQB.js";
import {
  DEFAULT_FETCH,
  RETRY_BASE_ENV,
  TIMEOUT_ENV,
  fetchPolicyFromEnv
} from "./chunk-ETYAMXNU.js";
import "./chunk-LHV3AX2D.js";
import "./chunk-VSU34BMK.js";
import "./chunk-2D5AWCES.js";
import "./chunk-Q655VGAR.js";
import "./chunk-U4PC2X5E.js";
import "./chunk-MFLXRQWX.js";
import {
  IN_TOTO_PAYLOAD_TYPE
} from "./chunk-LATVBRSX.js";
import "./chunk-CJJWD6LY.js";
import "./chunk-5GZ4GUMW.js";
import "./chunk-YAQPLVGR.js";
import "./chunk-7HOGFP5I.js";
import "./chunk-QXFPCRYH.js";
import "./chunk-KPRIV5WI.js";
import "./chunk-ZOAPFRB3.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-5Y6NISUK.js";
import "./chunk-QANIRX4T.js";
export {
  DEFAULT_FETCH,
  GitHubActionsTokenProvider,
  INSTANCE_NAMES,
  IN_TOTO_PAYLOAD_TYPE,
  RETRY_BASE_ENV,
  SIGSTORE_AUDIENCE,
  StaticTokenProvider,
  TIMEOUT_ENV,
  checkToken,
  fetchPolicyFromEnv,
  identityProviderFor,
  parseInstanceName,
  preflightIdentity,
  resolveEndpoints,
  signPayload,
  signStatement,
  tokenSource,
  witnessesFor
};
