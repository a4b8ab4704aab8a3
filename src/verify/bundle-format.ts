/**
 * The Sigstore bundle formats this verifier knows, as a strict zod schema of their
 * protobuf JSON form (sigstore/protobuf-specs `sigstore_bundle.proto` and the messages
 * it uses). Fail closed, as cosign and sigstore-go do: they parse bundles with
 * protojson, which refuses unknown fields at any depth, and refuse media types past
 * v0.3 ("bundle version v0.9 is not yet supported"). @sigstore/bundle ignores both.
 *
 * Only the shape is checked here (field names and JSON types; a document that is not
 * an object at all); which fields a version requires stays @sigstore/bundle's job.
 */
import * as z from 'zod';
import { InputError } from '../errors.js';
import { fieldPath } from '../util/zod-error.js';

/** protobuf JSON: bytes are base64 (standard or URL-safe, padding optional); int64 a decimal string or a number. */
const bytes = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'not base64');
const int64 = z.union([z.string().regex(/^-?\d+$/), z.number().int()]);
/**
 * protobuf JSON parsers accept a field's proto name (`verification_material`) as well as
 * its JSON name (`verificationMaterial`); so do cosign and sigstore-go. Rename one level
 * of keys before the strict check (a key given both ways stays, and fails as unknown).
 */
function jsonNames(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const src = v as Record<string, unknown>;
  if (!Object.keys(src).some((k) => k.includes('_'))) return v;
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(src)) {
    const camel = k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    out[camel !== k && !(camel in src) ? camel : k] = value;
  }
  return out;
}
const obj = <T extends z.core.$ZodLooseShape>(shape: T) => z.preprocess(jsonNames, z.strictObject(shape));

const cert = obj({ rawBytes: bytes });
const tlogEntry = obj({
  logIndex: int64.nullish(),
  logId: obj({ keyId: bytes }).nullish(),
  kindVersion: obj({ kind: z.string(), version: z.string() }).nullish(),
  integratedTime: int64.nullish(),
  inclusionPromise: obj({ signedEntryTimestamp: bytes }).nullish(),
  inclusionProof: obj({
    logIndex: int64.nullish(),
    rootHash: bytes.nullish(),
    treeSize: int64.nullish(),
    hashes: z.array(bytes).nullish(),
    checkpoint: obj({ envelope: z.string() }).nullish(),
  }).nullish(),
  canonicalizedBody: bytes.nullish(),
});

/**
 * v0.1–v0.3, the versions cosign and sigstore-go 1.x accept, with an optional patch
 * number (`v0.3.1`) as they allow; @sigstore/bundle is given the version without it.
 */
export const KNOWN_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.bundle(?:\+json;version=0\.([123])|\.v0\.(3))(?:\.\d+)?(\+json)?$/;
function baseMediaType(mediaType: string): string | undefined {
  const m = KNOWN_MEDIA_TYPE.exec(mediaType);
  if (!m) return undefined;
  // `+json` closes the `.v0.3` form and never follows the `;version=` form.
  if (m[2] && m[3]) return 'application/vnd.dev.sigstore.bundle.v0.3+json';
  if (m[1] && !m[3]) return `application/vnd.dev.sigstore.bundle+json;version=0.${m[1]}`;
  return undefined;
}
const SIGSTORE_MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.bundle/;

export const BundleDocument = obj({
  mediaType: z.string(),
  verificationMaterial: obj({
    publicKey: obj({ hint: z.string().nullish() }).nullish(),
    x509CertificateChain: obj({ certificates: z.array(cert).nullish() }).nullish(),
    certificate: cert.nullish(),
    tlogEntries: z.array(tlogEntry).nullish(),
    timestampVerificationData: obj({ rfc3161Timestamps: z.array(obj({ signedTimestamp: bytes })).nullish() }).nullish(),
  }),
  messageSignature: obj({
    messageDigest: obj({ algorithm: z.string().nullish(), digest: bytes.nullish() }).nullish(),
    signature: bytes.nullish(),
  }).nullish(),
  dsseEnvelope: obj({
    payload: bytes.nullish(),
    payloadType: z.string().nullish(),
    signatures: z.array(obj({ sig: bytes.nullish(), keyid: z.string().nullish() })).nullish(),
  }).nullish(),
});

/** Why a document cannot be read as a bundle, in three kinds the CLI words differently. */
export type BundleFormatProblem =
  | { kind: 'not-a-bundle'; reason: string }
  | { kind: 'unknown-version'; mediaType: string }
  | { kind: 'unknown-fields'; reason: string };

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a JSON array';
  return `a JSON ${typeof v}`;
}

/**
 * The document as @sigstore/bundle should read it (JSON field names, the media type
 * without a patch number) when it has the shape of a bundle of a known version; else
 * what is wrong. Never recurses into the document beyond the known fields, so any
 * nesting is safe.
 */
export function readBundleDocument(doc: unknown): { bundle: Record<string, unknown> } | { problem: BundleFormatProblem } {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { problem: { kind: 'not-a-bundle', reason: `the document is ${kindOf(doc)}, not a JSON object` } };
  }
  const mediaType = (jsonNames(doc) as { mediaType?: unknown }).mediaType;
  if (typeof mediaType !== 'string' || !SIGSTORE_MEDIA_TYPE.test(mediaType)) {
    return {
      problem: {
        kind: 'not-a-bundle',
        reason: typeof mediaType === 'string' ? `its mediaType is ${JSON.stringify(mediaType.slice(0, 100))}` : 'it has no mediaType string',
      },
    };
  }
  const base = baseMediaType(mediaType);
  if (!base) return { problem: { kind: 'unknown-version', mediaType } };
  const res = BundleDocument.safeParse(doc);
  if (res.success) return { bundle: { ...(res.data as Record<string, unknown>), mediaType: base } };
  const issues = res.error.issues;
  const unknown = issues.filter((i) => i.code === 'unrecognized_keys');
  if (unknown.length > 0 && unknown.length === issues.length) {
    const names = unknown.flatMap((i) => i.keys.map((k) => fieldPath('', [...i.path, k])));
    return { problem: { kind: 'unknown-fields', reason: `unknown field(s) ${names.slice(0, 5).join(', ')}` } };
  }
  const i = issues.find((x) => x.code !== 'unrecognized_keys') ?? issues[0]!;
  const names = unknown.flatMap((u) => u.keys.map((k) => fieldPath('', [...u.path, k])));
  return {
    problem: {
      kind: 'not-a-bundle',
      reason: `${fieldPath('', i.path)}: ${i.code === 'invalid_type' ? `expected ${i.expected}` : i.message}${names.length ? `; unknown field(s) ${names.slice(0, 5).join(', ')}` : ''}`,
    },
  };
}

/** undefined when `doc` is a bundle this verifier can read; else what is wrong. */
export function bundleFormatProblem(doc: unknown): BundleFormatProblem | undefined {
  const r = readBundleDocument(doc);
  return 'problem' in r ? r.problem : undefined;
}

/** One sentence for the problem (used by the `bundle` check and the CLI's error line). */
export function describeBundleProblem(p: BundleFormatProblem): string {
  switch (p.kind) {
    case 'not-a-bundle':
      return `not a Sigstore bundle: ${p.reason}`;
    case 'unknown-version':
      return `a Sigstore bundle of a version this verifier does not know (mediaType ${JSON.stringify(p.mediaType.slice(0, 100))}; known: v0.1 to v0.3)`;
    case 'unknown-fields':
      return `a Sigstore bundle with ${p.reason}: not a bundle format this verifier knows, or an altered bundle`;
  }
}

const FIX: Record<BundleFormatProblem['kind'], string> = {
  'not-a-bundle': 'pass the provenance.sigstore.json that `ml-provenance sign` (or the action) produced',
  'unknown-version': 'verify it with an ml-provenance release that knows this bundle version',
  'unknown-fields': 'pass the bundle exactly as it was signed, or verify it with an ml-provenance release that knows its format',
};

/** The CLI's input check: a file that is not a bundle we know is exit 2, like unreadable JSON. */
export function assertBundleDocument(doc: unknown, file: string): void {
  const problem = bundleFormatProblem(doc);
  if (problem) throw new InputError(problem.kind, `${file} is ${describeBundleProblem(problem)}`, { fix: FIX[problem.kind], file });
}
