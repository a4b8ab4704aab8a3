// Unit tests for the pure parts of publishing: markers and comment bodies, error
// mapping, file selection, and the client's retry/throttle configuration (against
// the GitHub stand-in, because a retry policy is only meaningful over HTTP).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, ServiceError } from '../../src/errors.js';
import {
  commentBody,
  commentMarker,
  legacyCommentMarker,
  releaseAssetName,
  commonDirectory,
  createGitHubClient,
  failureFacts,
  MAX_COMMENT_CHARS,
  pickStatementFile,
  stepError,
} from '../../src/publish/index.js';
import { silentLogger } from '../../src/util/log.js';
import type { Element, Root } from 'hast';
import { githubTree, headings } from '../helpers/gfm.js';
import { type GitHubStandin, startGitHubStandin } from '../standins/github.js';

describe('comment marker and body', () => {
  it('is a hidden HTML comment per workflow and job', () => {
    expect(commentMarker('train', 'fit')).toBe('<!-- ml-provenance v2 w=train j=fit -->');
    expect(commentMarker('train', 'fit')).not.toBe(commentMarker('train', 'evaluate'));
    // Matrix legs share the job id; their distinct artifact names keep their comments apart.
    expect(commentMarker('train', 'fit', 'ml-provenance')).toBe('<!-- ml-provenance v2 w=train j=fit -->');
    expect(commentMarker('train', 'fit', 'ml-provenance-py3.12')).toBe('<!-- ml-provenance v2 w=train j=fit a=ml%2Dprovenance%2Dpy3.12 -->');
    // …and so do their release assets.
    expect(releaseAssetName('/tmp/out/provenance.sigstore.json', 'ml-provenance')).toBe('provenance.sigstore.json');
    expect(releaseAssetName('/tmp/out/provenance.slsa.sigstore.json', 'model-py3.12')).toBe('model-py3.12.slsa.sigstore.json');
    expect(releaseAssetName('/tmp/out/provenance.intoto.json', 'model-py3.12')).toBe('model-py3.12.intoto.json');
  });

  it('no choice of names makes two jobs\' markers equal (a workflow named train:train)', () => {
    expect(commentMarker('train:train', 'x')).not.toBe(commentMarker('train', 'train', 'x'));
    expect(commentMarker('a b', 'c')).not.toBe(commentMarker('a', 'b c'));
    expect(commentMarker('w', 'j a=x')).not.toBe(commentMarker('w', 'j', 'x'));
    // The old ":"-joined marker is only recognised where it was unambiguous.
    expect(legacyCommentMarker('train', 'train', 'x')).toBe('<!-- ml-provenance:train:train:x -->');
    expect(legacyCommentMarker('train:train', 'x')).toBeUndefined();
  });

  it('cannot be closed early by the workflow or job name', () => {
    const m = commentMarker('my --> workflow', 'job<x>\n');
    expect(m.indexOf('-->')).toBe(m.length - 3);
    expect(m.slice(4, -3)).not.toMatch(/--|[<>\n]/);
  });

  it('puts the marker first and stays under GitHub’s comment limit', () => {
    const m = commentMarker('w', 'j');
    expect(commentBody(m, 'hello')).toBe(`${m}\nhello`);
    const long = commentBody(m, 'x'.repeat(MAX_COMMENT_CHARS * 2));
    expect(long.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(long.length).toBeGreaterThan(MAX_COMMENT_CHARS - 200);
    expect(long.startsWith(`${m}\n`)).toBe(true);
    expect(long).toMatch(/truncated: the full summary is in the job summary/);
    // One long line of characters outside the BMP: never cut between a surrogate pair.
    const emoji = commentBody(m, '😀'.repeat(MAX_COMMENT_CHARS));
    expect(emoji.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('a truncated comment, rendered as GitHub does, shows the note outside any code block and any folded <details>', () => {
    // Cut inside a Mermaid block inside <details>: an unclosed fence would swallow the note, an
    // unclosed <details> would fold it away.
    const rows = (n: number, w: string) => Array.from({ length: n }, (_, i) => `| ${w}${i} | ${'v'.repeat(40)} |`).join('\n');
    const body = [
      '## ML provenance',
      '<details><summary>Full record</summary>',
      '',
      '| key | value |\n| --- | --- |',
      rows(900, 'row'),
      '',
      '<details><summary>Lineage</summary>',
      '',
      '```mermaid',
      'graph TD',
      Array.from({ length: 2000 }, (_, i) => `  n${i}["node ${i}"] --> n${i + 1}`).join('\n'),
      '```',
      '',
      '</details>',
      '</details>',
    ].join('\n');
    expect(body.length).toBeGreaterThan(MAX_COMMENT_CHARS);
    const cut = commentBody(commentMarker('w', 'j'), body);
    expect(cut.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(cut).not.toContain('```mermaid');
    const tree = githubTree(cut);
    const ancestorsOf = (needle: string): string[] | undefined => {
      const walk = (n: Root | Element, path: string[]): string[] | undefined => {
        for (const c of n.children) {
          if (c.type === 'text' && c.value.includes(needle)) return path;
          if (c.type === 'element') {
            const hit = walk(c, [...path, c.tagName]);
            if (hit) return hit;
          }
        }
        return undefined;
      };
      return walk(tree, []);
    };
    expect(ancestorsOf('truncated: the full summary')).toEqual(['p']);
    expect(ancestorsOf('row899')).toEqual(['details', 'table', 'tbody', 'tr', 'td']);
    expect(ancestorsOf('graph TD')).toBeUndefined();
    expect(ancestorsOf('Lineage')).toEqual(['details', 'details', 'summary']);
  });

  it('a cut that leaves out a section\'s only code block leaves out its heading too', () => {
    // The summary's `### Lineage` heading, then its Mermaid block, which the cut leaves out.
    const body = ['## ML provenance', '', `${'x'.repeat(80)}\n`.repeat(780), '### Lineage', '', '```mermaid', 'graph TD', ...Array.from({ length: 500 }, (_, i) => `  n${i} --> n${i + 1}`), '```'].join('\n');
    expect(body.indexOf('```mermaid')).toBeLessThan(MAX_COMMENT_CHARS);
    const cut = commentBody(commentMarker('w', 'j'), body);
    expect(cut).not.toContain('```mermaid');
    expect(cut).not.toContain('### Lineage');
    const tree = githubTree(cut);
    expect(headings(tree)).toEqual(['ML provenance']);
    expect(cut).toMatch(/x\n\n… \(truncated: /);
  });
});

describe('failure mapping', () => {
  const requestError = (status: number, message: string, headers: Record<string, string> = {}) =>
    Object.assign(new Error(message), { status, response: { data: { message }, headers } });

  it('reads status, GitHub’s message and validation errors', () => {
    const err = Object.assign(new Error('Validation Failed'), {
      status: 422,
      response: { data: { message: 'Validation Failed', errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }] }, headers: {} },
    });
    expect(failureFacts(err)).toEqual({ status: 422, detail: 'Validation Failed (tag_name already_exists)', rateLimited: false, network: false });
  });

  it('recognises a dropped connection under octokit’s status 500', () => {
    const cause = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    const err = Object.assign(new Error('fetch failed', { cause }), { status: 500 });
    const f = failureFacts(err);
    expect(f.network).toBe(true);
    expect(f.status).toBeUndefined();
    expect(f.detail).toBe('fetch failed (UND_ERR_SOCKET)');
    expect(stepError('release', 'uploading', err, { permission: 'contents: write' }).code).toBe('release-unavailable');
  });

  it.each([
    [401, 'Bad credentials', {}, 'comment-unauthorized', /github-token input is missing, expired or revoked/],
    [403, 'Resource not accessible by integration', {}, 'comment-forbidden', /permissions: pull-requests: write/],
    [403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0' }, 'comment-rate-limited', /rate-limiting/],
    [429, 'secondary rate limit', {}, 'comment-rate-limited', /rate-limiting/],
    [404, 'Not Found', {}, 'comment-not-found', /is a pull request/],
    [503, 'Service Unavailable', {}, 'comment-unavailable', /githubstatus/],
    [418, 'teapot', {}, 'comment-failed', /ACTIONS_STEP_DEBUG/],
  ] as const)('HTTP %i → %s', (status, message, headers, code, fix) => {
    const e = stepError('comment', 'commenting on #3', requestError(status, message, headers), {
      permission: 'pull-requests: write',
      notFound: 'check that #3 is a pull request',
    });
    expect(e).toBeInstanceOf(ServiceError);
    expect(e.code).toBe(code);
    expect(e.message).toBe(`comment: commenting on #3 failed (HTTP ${status}: ${message})`);
    expect(e.fix).toMatch(fix);
  });

  it('keeps a project error’s own fix, and never exposes a stack', () => {
    const input = new InputError('x', 'bad thing', { fix: 'do y' });
    const e = stepError('artifact', 'uploading', input, { permission: 'actions: write' });
    expect(e.kind).toBe('service');
    expect(e.userMessage).toBe('artifact: bad thing — do y');
    const plain = stepError('artifact', 'uploading', new Error('Unable to get the ACTIONS_RUNTIME_TOKEN env variable'), {
      permission: 'actions: write',
      special: (f) => (/ACTIONS_RUNTIME_TOKEN/.test(f.detail) ? 'run inside GitHub Actions' : undefined),
    });
    expect(plain.userMessage).toBe('artifact: uploading failed (Unable to get the ACTIONS_RUNTIME_TOKEN env variable) — run inside GitHub Actions');
    expect(plain.userMessage).not.toMatch(/\n\s+at /);
  });
});

describe('files', () => {
  it('uploads relative to the deepest common directory', () => {
    expect(commonDirectory(['/a/b/c/x.json', '/a/b/c/y.json'])).toBe('/a/b/c');
    expect(commonDirectory(['/a/b/c/x.json', '/a/b/d/y.json'])).toBe('/a/b');
    expect(commonDirectory(['/a/x.json', '/b/y.json'])).toBe(path.sep);
  });

  it('picks the statement in a downloaded artifact', () => {
    expect(pickStatementFile(['provenance.md', 'provenance.sigstore.json', 'provenance.intoto.json'])).toBe('provenance.intoto.json');
    expect(pickStatementFile(['out/model-a.intoto.json', 'out/x.md'])).toBe('out/model-a.intoto.json');
    expect(pickStatementFile(['provenance.sigstore.json', 'provenance.md'])).toBe('provenance.sigstore.json');
    expect(pickStatementFile(['notes.md'])).toBeUndefined();
  });
});

describe('GitHub client', () => {
  let gh: GitHubStandin;
  beforeAll(async () => {
    gh = await startGitHubStandin({ token: 't0k' });
  });
  afterAll(async () => gh?.close());

  it('talks to GITHUB_API_URL with the token and a user agent', async () => {
    const saved = process.env.GITHUB_API_URL;
    process.env.GITHUB_API_URL = `${gh.apiUrl}/`;
    try {
      const client = createGitHubClient({ token: 't0k', logger: silentLogger });
      gh.addRelease({ tag: 'c1' });
      const { data } = await client.rest.repos.getReleaseByTag({ owner: 'o', repo: 'r', tag: 'c1' });
      expect(data.tag_name).toBe('c1');
      const q = gh.received('release.byTag').at(-1)!;
      expect(q.headers.authorization).toBe('token t0k');
      expect(q.headers['user-agent']).toMatch(/^ml-provenance\//);
    } finally {
      if (saved === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = saved;
    }
  });

  it('retries 5xx up to `retries` times, then gives up; 4xx are not retried', async () => {
    const client = createGitHubClient({ token: 't0k', baseUrl: gh.apiUrl, logger: silentLogger, retries: 2, retryAfterBaseValue: 1 });
    gh.fault({ route: 'release.byTag', status: 503, times: Infinity });
    const before = gh.received('release.byTag').length;
    await expect(client.rest.repos.getReleaseByTag({ owner: 'o', repo: 'r', tag: 'c1' })).rejects.toMatchObject({ status: 503 });
    expect(gh.received('release.byTag').length - before).toBe(3);
    gh.clearFaults();
    const nf = gh.received('release.byTag').length;
    await expect(client.rest.repos.getReleaseByTag({ owner: 'o', repo: 'r', tag: 'nope' })).rejects.toMatchObject({ status: 404 });
    expect(gh.received('release.byTag').length - nf).toBe(1);
  });

  it('waits out a secondary rate limit for Retry-After units, a bounded number of times', async () => {
    const logs: string[] = [];
    const logger = { ...silentLogger, info: (m: string) => void logs.push(m), warning: (m: string) => void logs.push(`warning: ${m}`) };
    const client = createGitHubClient({ token: 't0k', baseUrl: gh.apiUrl, logger, rateLimitRetries: 1, retryAfterBaseValue: 20 });
    gh.fault({ route: 'release.byTag', status: 429, retryAfter: 3, times: 1 });
    const before = gh.received('release.byTag').length;
    await client.rest.repos.getReleaseByTag({ owner: 'o', repo: 'r', tag: 'c1' });
    // Two requests: the 429, then the retry after the Retry-After wait (logged below).
    expect(gh.received('release.byTag').length - before).toBe(2);
    expect(logs[0]).toMatch(/secondary rate limit on GET .*retrying in 3s/);
    gh.fault({ route: 'release.byTag', status: 429, retryAfter: 1, times: Infinity });
    await expect(client.rest.repos.getReleaseByTag({ owner: 'o', repo: 'r', tag: 'c1' })).rejects.toMatchObject({ status: 429 });
    expect(logs.at(-1)).toMatch(/^warning: GitHub secondary rate limit .*giving up after 2 attempts/);
    gh.clearFaults();
  });
});
