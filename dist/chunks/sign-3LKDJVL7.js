import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  DEFAULT_FETCH,
  GitHubActionsTokenProvider,
  INSTANCE_NAMES,
  IN_TOTO_PAYLOAD_TYPE,
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
} from "./chunk-CH34ELRP.js";
import "./chunk-LHV3AX2D.js";
import "./chunk-X35MJ6GU.js";
import "./chunk-U4PC2X5E.js";
import "./chunk-2A2HBAQB.js";
import "./chunk-VPRBPU5E.js";
import "./chunk-NAV5SXXN.js";
import "./chunk-QANIRX4T.js";
export {
  DEFAULT_FETCH,
  GitHubActionsTokenProvider,
  INSTANCE_NAMES,
  IN_TOTO_PAYLOAD_TYPE,
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
};
