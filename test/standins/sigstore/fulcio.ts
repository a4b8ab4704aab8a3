import { verify as verifySignature } from 'node:crypto';
import type { initializeCA } from '@sigstore/mock/dist/fulcio/index.js';
import { GITHUB_ACTIONS_ISSUER, type TokenIssuer } from './oidc.js';
import { json, type Route } from './http.js';

/** Fulcio's OIDs for GitHub Actions identities (fulcio docs/oid-info.md). */
export const OID = {
  issuerV1: '1.3.6.1.4.1.57264.1.1',
  githubWorkflowTrigger: '1.3.6.1.4.1.57264.1.2',
  githubWorkflowSha: '1.3.6.1.4.1.57264.1.3',
  githubWorkflowName: '1.3.6.1.4.1.57264.1.4',
  githubWorkflowRepository: '1.3.6.1.4.1.57264.1.5',
  githubWorkflowRef: '1.3.6.1.4.1.57264.1.6',
  issuer: '1.3.6.1.4.1.57264.1.8',
  buildSignerURI: '1.3.6.1.4.1.57264.1.9',
  buildSignerDigest: '1.3.6.1.4.1.57264.1.10',
  runnerEnvironment: '1.3.6.1.4.1.57264.1.11',
  sourceRepositoryURI: '1.3.6.1.4.1.57264.1.12',
  sourceRepositoryDigest: '1.3.6.1.4.1.57264.1.13',
  sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
  sourceRepositoryIdentifier: '1.3.6.1.4.1.57264.1.15',
  sourceRepositoryOwnerURI: '1.3.6.1.4.1.57264.1.16',
  sourceRepositoryOwnerIdentifier: '1.3.6.1.4.1.57264.1.17',
  buildConfigURI: '1.3.6.1.4.1.57264.1.18',
  buildConfigDigest: '1.3.6.1.4.1.57264.1.19',
  buildTrigger: '1.3.6.1.4.1.57264.1.20',
  runInvocationURI: '1.3.6.1.4.1.57264.1.21',
  sourceRepositoryVisibility: '1.3.6.1.4.1.57264.1.22',
} as const;

interface Extension {
  oid: string;
  value: string;
  /** Legacy (1.1-1.6) extensions hold raw bytes; the others a DER UTF8String. */
  legacy?: boolean;
}

type CA = Awaited<ReturnType<typeof initializeCA>>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/**
 * What real Fulcio derives from a GitHub Actions token. @sigstore/mock's handler
 * maps most claims but names the certificate after `sub` and hardcodes the
 * server; Fulcio's SAN for GitHub is `<server>/<job_workflow_ref>`, and it only
 * issues for an issuer it trusts, so the identity checks of `verify` are real.
 */
export function githubIdentity(claims: Record<string, unknown>, serverURL: string): { san: string; extensions: Extension[] } {
  const jobWorkflowRef = str(claims.job_workflow_ref);
  const iss = str(claims.iss);
  if (!jobWorkflowRef || !iss) throw new Error('token lacks job_workflow_ref or iss: not a GitHub Actions token');
  const ext: Extension[] = [
    { oid: OID.issuerV1, value: iss, legacy: true },
    { oid: OID.issuer, value: iss },
  ];
  const add = (oid: string, value: string | undefined, legacy = false): void => {
    if (value !== undefined) ext.push({ oid, value, legacy });
  };
  const c = (k: string) => str(claims[k]);
  add(OID.githubWorkflowTrigger, c('event_name'), true);
  add(OID.githubWorkflowSha, c('sha'), true);
  add(OID.githubWorkflowName, c('workflow'), true);
  add(OID.githubWorkflowRepository, c('repository'), true);
  add(OID.githubWorkflowRef, c('ref'), true);
  add(OID.buildSignerURI, `${serverURL}/${jobWorkflowRef}`);
  add(OID.buildSignerDigest, c('job_workflow_sha'));
  add(OID.runnerEnvironment, c('runner_environment'));
  add(OID.sourceRepositoryURI, c('repository') && `${serverURL}/${c('repository')}`);
  add(OID.sourceRepositoryDigest, c('sha'));
  add(OID.sourceRepositoryRef, c('ref'));
  add(OID.sourceRepositoryIdentifier, c('repository_id'));
  add(OID.sourceRepositoryOwnerURI, c('repository_owner') && `${serverURL}/${c('repository_owner')}`);
  add(OID.sourceRepositoryOwnerIdentifier, c('repository_owner_id'));
  add(OID.buildConfigURI, c('workflow_ref') && `${serverURL}/${c('workflow_ref')}`);
  add(OID.buildConfigDigest, c('workflow_sha'));
  add(OID.buildTrigger, c('event_name'));
  if (c('repository') && c('run_id') && c('run_attempt')) {
    add(OID.runInvocationURI, `${serverURL}/${c('repository')}/actions/runs/${c('run_id')}/attempts/${c('run_attempt')}`);
  }
  add(OID.sourceRepositoryVisibility, c('repository_visibility'));
  return { san: `${serverURL}/${jobWorkflowRef}`, extensions: ext };
}

// 64-character lines, never an empty one: a blank line before END (DER whose base64 is a
// multiple of 64 long, about one certificate in twenty here) makes OpenSSL reject the PEM.
function toPEM(der: ArrayBufferView): string {
  const lines = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

interface SigningCertRequest {
  credentials?: { oidcIdentityToken?: string };
  publicKeyRequest?: { publicKey?: { content?: string }; proofOfPossession?: string };
}

export function fulcioRoute(ca: CA, issuer: TokenIssuer, opts: { issuerURL?: string; serverURL?: string } = {}): Route {
  const issuerURL = opts.issuerURL ?? GITHUB_ACTIONS_ISSUER;
  const serverURL = opts.serverURL ?? 'https://github.com';
  return async ({ method, url, body }) => {
    if (method !== 'POST' || url.pathname !== '/api/v2/signingCert') return json(404, { message: 'Not Found' });
    let req: SigningCertRequest;
    try {
      req = JSON.parse(body) as SigningCertRequest;
    } catch {
      return json(400, { message: 'request body is not JSON' });
    }
    const token = req.credentials?.oidcIdentityToken;
    const pem = req.publicKeyRequest?.publicKey?.content;
    const pop = req.publicKeyRequest?.proofOfPossession;
    if (!token || !pem || !pop) return json(400, { message: 'missing identity token, public key or proof of possession' });
    let claims: Record<string, unknown>;
    try {
      claims = issuer.verify(token, { issuer: issuerURL, audience: 'sigstore' });
    } catch (err) {
      return json(401, { message: (err as Error).message });
    }
    // Proof of possession: the client signed the token's subject with the key to certify.
    const subject = String(claims.email ?? claims.sub ?? '');
    if (!verifySignature('sha256', Buffer.from(subject), pem, Buffer.from(pop, 'base64'))) {
      return json(400, { message: 'proof of possession does not verify with the submitted public key' });
    }
    let identity: ReturnType<typeof githubIdentity>;
    try {
      identity = githubIdentity(claims, serverURL);
    } catch (err) {
      return json(400, { message: (err as Error).message });
    }
    const der = Buffer.from(pem.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/\s/g, ''), 'base64');
    const leaf = await ca.issueCertificate({ publicKey: der, subjectAltName: identity.san, extensions: identity.extensions });
    return json(201, {
      signedCertificateEmbeddedSct: { chain: { certificates: [toPEM(leaf), toPEM(ca.rootCertificate)] } },
    });
  };
}
