import { InputError } from '../errors.js';
import { REDACTED, redactString } from '../redact/index.js';

export interface ImageRef {
  /** registry/name, e.g. ghcr.io/acme/train */
  repository: string;
  tag?: string;
  digest?: string;
  reference: string;
}

/**
 * Parse an OCI image reference. As in the distribution reference grammar, `:N`
 * after the first component is a registry port only when a `/` follows
 * (`localhost:5000/train`); otherwise it is a tag (`python:3`). A malformed digest is an input error (exit 2);
 * a tag without a digest parses fine and is left for the policy to flag.
 */
export function parseImageRef(ref: string): ImageRef {
  const r = ref.trim();
  const m = /^([a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+(?=\/))?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(.+))?$/.exec(
    r,
  );
  // The value is not quoted back: a refused reference may be a URL with a password or a token.
  if (!m) {
    const hint = /^[a-z][a-z0-9+.-]*:\/\//i.test(r) ? ' (it is a URL; an image reference has no scheme and no user:password@)' : '';
    throw new InputError('bad-image-ref', `the image is not a valid image reference${hint}`, {
      fix: 'use REGISTRY/NAME[:TAG]@sha256:<64 hex>, e.g. ghcr.io/acme/train:1.2@sha256:…',
      fields: ['image'],
    });
  }
  const [, repository, tag, digest] = m;
  if (digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new InputError('bad-image-digest', `the image digest (after "@") is not sha256:<64 lower-case hex>`, {
      fix: 'copy the digest exactly as the registry or `docker buildx imagetools inspect` prints it',
      fields: ['image'],
    });
  }
  return { repository: repository!, ...(tag ? { tag } : {}), ...(digest ? { digest: digest.slice(7) } : {}), reference: r };
}

/**
 * The image as recorded, with a credential used as a tag or path component
 * (`train:ghp_…`) redacted like any URI. A commit-id tag (hex) is kept.
 */
export function redactImageRef(p: ImageRef): ImageRef {
  const repository = redactString(p.repository) ?? p.repository;
  const tag = p.tag === undefined ? undefined : redactString(p.tag) === undefined ? p.tag : REDACTED;
  if (repository === p.repository && tag === p.tag) return p;
  return { ...p, repository, ...(tag !== undefined ? { tag } : {}), reference: `${repository}${tag !== undefined ? `:${tag}` : ''}${p.digest ? `@sha256:${p.digest}` : ''}` };
}

export function imageDescriptor(ref: string) {
  const p = redactImageRef(parseImageRef(ref));
  return {
    uri: `oci://${p.repository}${p.tag ? `:${p.tag}` : ''}`,
    name: p.repository,
    reference: p.reference,
    pinned: p.digest !== undefined,
    ...(p.digest ? { digest: { sha256: p.digest } } : {}),
    mediaType: 'application/vnd.oci.image.index.v1+json',
  };
}
