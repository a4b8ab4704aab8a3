import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import type { initializeTLog } from '@sigstore/mock/dist/rekor/index.js';
import { json, type Route } from './http.js';

type TLog = Awaited<ReturnType<typeof initializeTLog>>;

interface ProposedDsse {
  apiVersion: string;
  kind: 'dsse';
  spec: { proposedContent?: { envelope?: string; verifiers?: string[] } };
}

/** DSSE pre-authentication encoding: what the signature is over. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/**
 * Real Rekor never stores a dsse entry as proposed: it checks the signature and
 * keeps only the envelope hash, the payload hash and (signature, verifier)
 * pairs. @sigstore/mock logs the proposal verbatim, which verifiers reject
 * ("DSSE payload hash mismatch"), so canonicalise here first.
 */
export function canonicalDsseEntry(proposed: ProposedDsse): object {
  const content = proposed.spec?.proposedContent;
  if (!content?.envelope || !content.verifiers?.length) throw new Error('dsse entry needs proposedContent.envelope and verifiers');
  const env = JSON.parse(content.envelope) as { payloadType: string; payload: string; signatures: { sig: string; keyid?: string }[] };
  const payload = Buffer.from(env.payload, 'base64');
  const signatures = env.signatures.map((s) => {
    const verifier = content.verifiers!.find((v) => {
      const pem = Buffer.from(v, 'base64').toString('utf8');
      const key = pem.includes('CERTIFICATE') ? new X509Certificate(pem).publicKey : pem;
      return verifySignature('sha256', pae(env.payloadType, payload), key, Buffer.from(s.sig, 'base64'));
    });
    if (!verifier) throw new Error('dsse signature does not verify with any given verifier');
    return { signature: s.sig, verifier };
  });
  signatures.sort((a, b) => (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0));
  return {
    apiVersion: proposed.apiVersion,
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(content.envelope) },
      payloadHash: { algorithm: 'sha256', value: sha256(payload) },
      signatures,
    },
  };
}

/**
 * Rekor v1 `POST /api/v1/log/entries` (and `GET .../entries/{uuid}`) over @sigstore/mock's log.
 * Like real Rekor, an entry already in the log is not logged twice: the answer is
 * 409 with the existing entry's URL in `Location` (what a retried POST whose first
 * answer was lost gets; @sigstore/sign's `fetchOnConflict` then GETs it).
 */
export function rekorRoute(tlog: TLog): Route {
  const entries = new Map<string, unknown>();
  const byContent = new Map<string, string>();
  return async ({ method, url, body }) => {
    if (method === 'GET' && url.pathname.startsWith('/api/v1/log/entries/')) {
      const uuid = url.pathname.slice('/api/v1/log/entries/'.length);
      const e = entries.get(uuid);
      return e ? json(200, { [uuid]: e }) : json(404, { code: 404, message: 'entry not found' });
    }
    if (method !== 'POST' || url.pathname !== '/api/v1/log/entries') return json(404, { code: 404, message: 'Not Found' });
    let proposed: { kind?: string };
    try {
      proposed = JSON.parse(body) as { kind?: string };
    } catch {
      return json(400, { code: 400, message: 'body is not JSON' });
    }
    let entry: object;
    try {
      entry = proposed.kind === 'dsse' ? canonicalDsseEntry(proposed as ProposedDsse) : proposed;
    } catch (err) {
      return json(400, { code: 400, message: (err as Error).message });
    }
    const key = sha256(JSON.stringify(entry));
    const existing = byContent.get(key);
    if (existing) {
      return { ...json(409, { code: 409, message: `An equivalent entry already exists in the transparency log with UUID ${existing}` }), headers: { location: `/api/v1/log/entries/${existing}` } };
    }
    const logged = (await tlog.log(entry)) as Record<string, unknown>;
    for (const [uuid, e] of Object.entries(logged)) {
      entries.set(uuid, e);
      byContent.set(key, uuid);
    }
    return json(201, logged);
  };
}
