import { InputError } from '../errors.js';
import { refusedValueShape } from '../redact/messages.js';

export type SigstoreInstanceName = 'public-good' | 'github' | 'custom';

/** Where to sign: the certificate authority and the witnesses to ask. */
export interface SigstoreEndpoints {
  instance: SigstoreInstanceName;
  fulcioURL: string;
  /** Rekor v1 base URL; absent for GitHub's instance, which has no public log. */
  rekorURL?: string;
  /** RFC 3161 timestamp authority base URL. */
  tsaURL?: string;
}

// The same endpoints actions/attest uses for each instance.
const PUBLIC_GOOD = { fulcioURL: 'https://fulcio.sigstore.dev', rekorURL: 'https://rekor.sigstore.dev' } as const;
const GITHUB = { fulcioURL: 'https://fulcio.githubapp.com', tsaURL: 'https://timestamp.githubapp.com' } as const;

export const INSTANCE_NAMES: readonly SigstoreInstanceName[] = ['public-good', 'github', 'custom'];

export function parseInstanceName(value: string): SigstoreInstanceName {
  if ((INSTANCE_NAMES as readonly string[]).includes(value)) return value as SigstoreInstanceName;
  throw new InputError('bad-sigstore-instance', `unknown Sigstore instance ${refusedValueShape(value)}`, {
    fix: `use one of ${INSTANCE_NAMES.join(', ')}`,
    fields: ['sigstore'],
  });
}

function checkURL(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError('bad-url', `${flag} is not a URL ${refusedValueShape(value)}`, { fix: `pass ${flag} https://host[:port] (no user:password@)`, fields: [flag] });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('bad-url', `${flag} must be an http(s) URL ${refusedValueShape(value)}`, { fix: `pass ${flag} https://host[:port] (no user:password@)`, fields: [flag] });
  }
  return value.replace(/\/+$/, '');
}

/** The one place instance names become URLs. */
export function resolveEndpoints(opts: { instance: SigstoreInstanceName; fulcioURL?: string; rekorURL?: string; tsaURL?: string }): SigstoreEndpoints {
  const given = (['fulcioURL', 'rekorURL', 'tsaURL'] as const).filter((k) => opts[k]);
  if (opts.instance !== 'custom') {
    if (given.length > 0) {
      throw new InputError('urls-without-custom', `service URLs (${given.map(flagName).join(', ')}) are only used with the custom Sigstore instance, not "${opts.instance}"`, {
        fix: 'drop the URLs, or select the custom instance (`--instance custom` / action input `sigstore: custom`)',
        fields: given.map(flagName),
      });
    }
    return opts.instance === 'public-good' ? { instance: 'public-good', ...PUBLIC_GOOD } : { instance: 'github', ...GITHUB };
  }
  // A witness is required: Rekor, or (for an instance without a transparency log, like
  // GitHub's private one) a timestamp authority.
  if (!opts.fulcioURL || (!opts.rekorURL && !opts.tsaURL)) {
    const missing = [!opts.fulcioURL && '--fulcio-url', !opts.rekorURL && !opts.tsaURL && '--rekor-url'].filter(Boolean) as string[];
    throw new InputError('custom-instance-incomplete', `the custom Sigstore instance needs ${missing.join(' and ')}`, {
      fix: 'pass --fulcio-url and --rekor-url (and optionally --tsa-url; an instance without a transparency log: --tsa-url instead of --rekor-url), or action inputs fulcio-url / rekor-url / tsa-url',
      fields: missing,
    });
  }
  return {
    instance: 'custom',
    fulcioURL: checkURL('--fulcio-url', opts.fulcioURL),
    ...(opts.rekorURL ? { rekorURL: checkURL('--rekor-url', opts.rekorURL) } : {}),
    ...(opts.tsaURL ? { tsaURL: checkURL('--tsa-url', opts.tsaURL) } : {}),
  };
}

function flagName(k: 'fulcioURL' | 'rekorURL' | 'tsaURL'): string {
  return { fulcioURL: '--fulcio-url', rekorURL: '--rekor-url', tsaURL: '--tsa-url' }[k];
}
