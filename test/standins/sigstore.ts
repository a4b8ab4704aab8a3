/**
 * A local Sigstore (Fulcio, Rekor v1, RFC 3161 TSA) plus a GitHub-runner-like
 * OIDC token endpoint, on 127.0.0.1 with random ports and real HTTP. Built on
 * @sigstore/mock's CA, CT log, transparency log and TSA, with the fixes real
 * clients need (see test/standins/sigstore/*.ts). Self-contained: imports only
 * npm packages and node:*, so the demo can bundle it with esbuild.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { initializeCA, initializeCTLog } from '@sigstore/mock/dist/fulcio/index.js';
import { initializeTLog } from '@sigstore/mock/dist/rekor/index.js';
import { initializeTSA } from '@sigstore/mock/dist/timestamp/index.js';
import { type Fault, FaultList } from './faults.js';
import { fulcioRoute } from './sigstore/fulcio.js';
import { serve, type FaultOptions, type RecordedRequest, type Route, type Served } from './sigstore/http.js';
import { GITHUB_ACTIONS_ISSUER, TokenIssuer, defaultClaims, oidcRoute, type GitHubClaims } from './sigstore/oidc.js';
import { rekorRoute } from './sigstore/rekor.js';
import { trustedRootJSON } from './sigstore/trusted-root.js';
import { tsaRoute, wholeSecondClock } from './sigstore/tsa.js';

export { GITHUB_ACTIONS_ISSUER, defaultClaims, type GitHubClaims } from './sigstore/oidc.js';
export { OID, githubIdentity } from './sigstore/fulcio.js';
export { pae } from './sigstore/rekor.js';
export type { RecordedRequest } from './sigstore/http.js';
export type { Fault } from './faults.js';

/**
 * Route names for faults and `received` (a fault may also name a whole service:
 * 'oidc', 'fulcio', 'rekor', 'tsa', or '*'):
 *   oidc.token  fulcio.signingCert  rekor.entries (POST)  rekor.entry (GET by uuid)  tsa.timestamp
 */
export function sigstoreRouteName(service: string, method: string, pathname: string): string {
  switch (service) {
    case 'oidc':
      return pathname === '/token' ? 'oidc.token' : 'oidc.unknown';
    case 'fulcio':
      return pathname === '/api/v2/signingCert' ? 'fulcio.signingCert' : 'fulcio.unknown';
    case 'rekor':
      if (method === 'POST' && pathname === '/api/v1/log/entries') return 'rekor.entries';
      return pathname.startsWith('/api/v1/log/entries/') ? 'rekor.entry' : 'rekor.unknown';
    case 'tsa':
      return pathname === '/api/v1/timestamp' ? 'tsa.timestamp' : 'tsa.unknown';
    default:
      return `${service}.unknown`;
  }
}

export interface SigstoreStandinOptions {
  /** Claims of the tokens the OIDC endpoint hands out (over defaultClaims()). */
  claims?: Partial<GitHubClaims>;
  /** The issuer Fulcio trusts and tokens carry; default GitHub Actions'. */
  issuerURL?: string;
  /** The server URL Fulcio prefixes repository/workflow URIs with. */
  serverURL?: string;
  /** Run a timestamp authority (default true). */
  tsa?: boolean;
  /** Where to write trusted_root.json (default: a new temporary directory). */
  dir?: string;
}

export interface SigstoreStandin {
  fulcioURL: string;
  rekorURL: string;
  /** Undefined when started with `tsa: false`. */
  tsaURL: string | undefined;
  /** Like ACTIONS_ID_TOKEN_REQUEST_URL (already carries a query, as GitHub's does). */
  oidcURL: string;
  /** Like ACTIONS_ID_TOKEN_REQUEST_TOKEN: the bearer token the OIDC endpoint requires. */
  oidcRequestToken: string;
  issuerURL: string;
  trustedRootPath: string;
  trustedRoot: Record<string, unknown>;
  /** Every request the services received, in order. */
  requests: RecordedRequest[];
  /** Requests to one route (`fulcio.signingCert`) or service (`fulcio`), faulted or not. */
  received(route: string): RecordedRequest[];
  /** Inject a fault (see test/standins/faults.ts) on a route, a service, or '*'. */
  fault(f: Fault): void;
  clearFaults(): void;
  /** Claims of the tokens handed out from now on. */
  claims: GitHubClaims;
  setClaims(overrides: Partial<GitHubClaims>): void;
  /** A signed token, as SIGSTORE_ID_TOKEN would carry it. */
  mintToken(overrides?: Partial<GitHubClaims>, audience?: string): string;
  /** The runner variables a signing step sees. */
  runnerEnv(): { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  close(): Promise<void>;
}

const ecKeyPair = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

/** Serve a route whose handler needs the server's own URL first (Rekor's checkpoint names its host). */
async function serveLate(service: string, log: RecordedRequest[], faults: FaultOptions): Promise<{ served: Served; set(route: Route): void }> {
  let route: Route = async () => ({ status: 503, body: 'starting' });
  const served = await serve(service, (r) => route(r), log, faults);
  return { served, set: (r) => (route = r) };
}

export async function startSigstoreStandin(opts: SigstoreStandinOptions = {}): Promise<SigstoreStandin> {
  const requests: RecordedRequest[] = [];
  const faultList = new FaultList();
  const faults = (service: string): FaultOptions => ({ faults: faultList, routeName: (method, pathname) => sigstoreRouteName(service, method, pathname) });
  const issuerURL = opts.issuerURL ?? GITHUB_ACTIONS_ISSUER;
  const validFrom = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  const tokens = new TokenIssuer();
  const oidcRequestToken = randomBytes(24).toString('hex');
  let claims = defaultClaims({ iss: issuerURL, ...opts.claims });

  const ctlog = await initializeCTLog(ecKeyPair());
  const ca = await initializeCA(ecKeyPair(), ctlog);
  const servers: Served[] = [];
  try {
    const oidc = await serve('oidc', oidcRoute(tokens, oidcRequestToken, () => claims), requests, faults('oidc'));
    servers.push(oidc);
    const fulcio = await serve('fulcio', fulcioRoute(ca, tokens, { issuerURL, serverURL: opts.serverURL ?? 'https://github.com' }), requests, faults('fulcio'));
    servers.push(fulcio);
    const rekor = await serveLate('rekor', requests, faults('rekor'));
    servers.push(rekor.served);
    const rekorKeys = ecKeyPair();
    const tlog = await initializeTLog(rekor.served.url, rekorKeys);
    rekor.set(rekorRoute(tlog));
    let tsaURL: string | undefined;
    let tsaCerts: { signing: ArrayBufferView; root: ArrayBufferView } | undefined;
    if (opts.tsa !== false) {
      const tsa = wholeSecondClock(await initializeTSA(ecKeyPair()));
      const served = await serve('tsa', tsaRoute(tsa), requests, faults('tsa'));
      servers.push(served);
      tsaURL = served.url;
      tsaCerts = { signing: tsa.intCertificate, root: tsa.rootCertificate };
    }

    const trustedRoot = trustedRootJSON({
      fulcioURL: fulcio.url,
      caRoot: ca.rootCertificate,
      ctlog,
      rekorURL: rekor.served.url,
      rekorPublicKey: tlog.publicKey,
      ...(tsaURL && tsaCerts ? { tsa: { url: tsaURL, ...tsaCerts } } : {}),
      validFrom,
    });
    const dir = opts.dir ?? (await mkdtemp(path.join(tmpdir(), 'sigstore-standin-')));
    const trustedRootPath = path.join(dir, 'trusted_root.json');
    await writeFile(trustedRootPath, JSON.stringify(trustedRoot, null, 2) + '\n');

    const oidcURL = `${oidc.url}/token?api-version=2.0`;
    const standin: SigstoreStandin = {
      fulcioURL: fulcio.url,
      rekorURL: rekor.served.url,
      tsaURL,
      oidcURL,
      oidcRequestToken,
      issuerURL,
      trustedRootPath,
      trustedRoot,
      requests,
      received: (route) => requests.filter((r) => r.route === route || r.service === route),
      fault: (f) => faultList.add(f),
      clearFaults: () => faultList.clear(),
      get claims() {
        return claims;
      },
      set claims(c: GitHubClaims) {
        claims = c;
      },
      setClaims(overrides) {
        claims = defaultClaims({ iss: issuerURL, ...opts.claims, ...overrides });
      },
      mintToken(overrides = {}, audience = 'sigstore') {
        return tokens.mint(defaultClaims({ iss: issuerURL, ...opts.claims, ...overrides }), audience);
      },
      runnerEnv: () => ({ ACTIONS_ID_TOKEN_REQUEST_URL: oidcURL, ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidcRequestToken }),
      close: async () => {
        await Promise.all(servers.map((s) => s.close()));
      },
    };
    return standin;
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    throw err;
  }
}
