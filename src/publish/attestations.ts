/**
 * Attestations API adapter: store Sigstore bundles with GitHub so that
 * `gh attestation verify` finds them (POST /repos/{owner}/{repo}/attestations).
 */
import type { Logger } from '../util/log.js';
import type { GitHubClient } from './client.js';
import { stepError } from './errors.js';
import type { RepoRef } from './release.js';

export async function createAttestation(
  client: GitHubClient,
  repo: RepoRef,
  bundle: Record<string, unknown>,
  logger: Logger,
): Promise<string> {
  try {
    const { data } = await client.request('POST /repos/{owner}/{repo}/attestations', { ...repo, bundle });
    const id = String((data as { id?: unknown }).id ?? '');
    logger.info(`Stored attestation ${id} in ${repo.owner}/${repo.repo}`);
    return id;
  } catch (err) {
    throw stepError('attestations', 'storing the attestation with GitHub', err, {
      permission: 'attestations: write',
      notFound:
        'the attestations API is not available for this repository (private repositories need GitHub Enterprise Cloud): set attestations: false',
      special: (f) =>
        f.status === 422
          ? 'GitHub rejected the bundle: attest only bundles signed in this workflow run (check the bundle and its subjects)'
          : undefined,
    });
  }
}
