import { InputError } from '../errors.js';

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
  if (!m) {
    throw new InputError('bad-image-ref', `image "${ref}" is not a valid image reference`, {
      fix: 'use REGISTRY/NAME[:TAG]@sha256:<64 hex>, e.g. ghcr.io/acme/train:1.2@sha256:…',
      fields: ['image'],
    });
  }
  const [, repository, tag, digest] = m;
  if (digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(digest)) {
    throw new InputError('bad-image-digest', `image digest "${digest}" is not sha256:<64 lower-case hex>`, {
      fix: 'copy the digest exactly as the registry or `docker buildx imagetools inspect` prints it',
      fields: ['image'],
    });
  }
  return { repository: repository!, ...(tag ? { tag } : {}), ...(digest ? { digest: digest.slice(7) } : {}), reference: r };
}

export function imageDescriptor(ref: string) {
  const p = parseImageRef(ref);
  return {
    uri: `oci://${p.repository}${p.tag ? `:${p.tag}` : ''}`,
    name: p.repository,
    reference: p.reference,
    pinned: p.digest !== undefined,
    ...(p.digest ? { digest: { sha256: p.digest } } : {}),
    mediaType: 'application/vnd.oci.image.index.v1+json',
  };
}
