// Errors never echo the value they refuse: a CI log is public on a public repo,
// and the value refused is often a credential typed in the wrong place. Each
// refusal below is given a credential from the corpus and must not quote it.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFromHfUri, readDvc, readMlflowRun } from '../../src/bridges/index.js';
import { imageDescriptor, parseImageRef } from '../../src/capture/image.js';
import { parseConfigText } from '../../src/capture/config.js';
import { intOption, numberOption } from '../../src/cli/shared.js';
import { parseKeyValue, parseLibrary, parseSplits } from '../../src/cli/values.js';
import { parseInputs } from '../../src/action/inputs.js';
import { parserReason, refusedValueShape } from '../../src/redact/index.js';
import { parseInstanceName, resolveEndpoints } from '../../src/sign/instances.js';
import { validateIdentityPolicy } from '../../src/verify/identity.js';
import { CREDENTIALS } from '../corpora/credentials.js';

const cred = (name: string) => CREDENTIALS.find((c) => c.name === name)!;
const GH = cred('github_ghp').value;
const HF = cred('huggingface_token').value;
const PW = cred('pgpassword').value;

/** The message (what the user sees) of what `fn` throws. */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    const e = err as Error & { userMessage?: string };
    return e.userMessage ?? e.message;
  }
  throw new Error('expected a throw');
}
async function messageOfAsync(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (err) {
    const e = err as Error & { userMessage?: string };
    return e.userMessage ?? e.message;
  }
  throw new Error('expected a throw');
}

describe('command-line values', () => {
  it('record param <value> without "=" names the position, not the value', () => {
    const m = messageOf(() => parseKeyValue(GH, 'param', 2));
    expect(m).toMatch(/^record param: argument 2 is not KEY=VALUE/);
    expect(m).not.toContain(GH);
  });
  it('record step --param, record env --library, --split', () => {
    for (const m of [messageOf(() => parseKeyValue(HF, '--param', 1)), messageOf(() => parseLibrary(HF, '--library', 3)), messageOf(() => parseSplits([`train=${PW}`]))]) {
      expect(m).not.toContain(HF);
      expect(m).not.toContain(PW);
    }
    expect(messageOf(() => parseLibrary(HF, '--library', 3))).toMatch(/--library: argument 3 is not NAME=VERSION/);
  });
  it('record dataset --seed and record metric --value', () => {
    expect(messageOf(() => intOption('--seed')(PW))).toMatch(/^--seed must be an integer/);
    expect(messageOf(() => intOption('--seed')(PW))).not.toContain(PW);
    expect(messageOf(() => numberOption('--value')(GH))).not.toContain(GH);
  });
});

describe('image references', () => {
  it('build --image https://ci:PASSWORD@… is refused without the password', () => {
    const m = messageOf(() => parseImageRef(`https://ci:${PW}@registry.example.com/acme/train:1.0`));
    expect(m).toMatch(/not a valid image reference \(it is a URL/);
    expect(m).not.toContain(PW);
    expect(messageOf(() => parseImageRef(`ghcr.io/acme/train@${GH}`))).not.toContain(GH);
  });
  it('a token used as a tag is redacted in the recorded reference and URI; a commit-id tag is kept', () => {
    const digest = 'a'.repeat(64);
    const d = imageDescriptor(`ghcr.io/acme/train:${GH}@sha256:${digest}`);
    expect(JSON.stringify(d)).not.toContain(GH);
    expect(d.reference).toBe(`ghcr.io/acme/train:[REDACTED]@sha256:${digest}`);
    expect(d.uri).toBe('oci://ghcr.io/acme/train:[REDACTED]');
    const sha = '9f3c2a1b7e6d5c4b3a29180716f5e4d3c2b1a098';
    expect(imageDescriptor(`ghcr.io/acme/train:${sha}@sha256:${digest}`).reference).toBe(`ghcr.io/acme/train:${sha}@sha256:${digest}`);
    expect(imageDescriptor('ghcr.io/acme/train:2.4.0-cuda12.4').uri).toBe('oci://ghcr.io/acme/train:2.4.0-cuda12.4');
  });
});

describe('parse errors quote position and kind, never the file text', () => {
  it('config files: YAML, JSON, TOML', () => {
    const cases: Array<[string, 'yaml' | 'json' | 'toml']> = [
      [`password: ${PW} x: y\n`, 'yaml'],
      [`key: "unterminated ${PW}\n`, 'yaml'],
      [`{"password": ${PW}}`, 'json'],
      [`password = ${PW}`, 'toml'],
      [`x = "${PW}`, 'toml'],
    ];
    for (const [text, format] of cases) {
      const m = messageOf(() => parseConfigText(text, format, `c.${format}`));
      expect(m, text).toMatch(new RegExp(`c\\.${format}(:\\d+)? is not valid ${format.toUpperCase()}`));
      expect(m, text).not.toContain(PW);
      expect(m, text).not.toContain(PW.slice(0, 6));
    }
  });
  it('MLflow meta.yaml and DVC dvc.lock', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mlp-redact-'));
    const run = path.join(dir, 'mlruns', '0', 'r1');
    await mkdir(path.join(run, 'metrics'), { recursive: true });
    await writeFile(path.join(run, 'meta.yaml'), `run_id: r1\nartifact_uri: s3://x\ntags: {token: ${GH} x: y}\n`);
    const m1 = await messageOfAsync(() => readMlflowRun(run));
    expect(m1).toMatch(/meta\.yaml(:\d+)? is not valid YAML/);
    expect(m1).not.toContain(GH);
    const dvc = path.join(dir, 'dvc');
    await mkdir(dvc);
    await writeFile(path.join(dvc, 'dvc.lock'), `schema: '2.0'\nstages:\n  train:\n    cmd: python train.py --token ${HF} x: y\n`);
    const m2 = await messageOfAsync(() => readDvc(dvc));
    expect(m2).toMatch(/dvc\.lock(:\d+)? is not valid YAML/);
    expect(m2).not.toContain(HF);
  });
  it('a malformed MLflow metric line and a non-HF dataset URI are not quoted', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mlp-redact-'));
    const run = path.join(dir, 'r2');
    await mkdir(path.join(run, 'metrics'), { recursive: true });
    await writeFile(path.join(run, 'meta.yaml'), 'run_id: r2\n');
    await writeFile(path.join(run, 'metrics', 'loss'), `1700000000 ${GH} 1\n`);
    expect(await messageOfAsync(() => readMlflowRun(run))).not.toContain(GH);
    expect(messageOf(() => datasetFromHfUri(`https://user:${PW}@huggingface.co/x`))).not.toContain(PW);
  });
  it('parserReason keeps the kind of error and drops code frames and quoted text', () => {
    expect(parserReason(new Error(`Nested mappings are not allowed in compact mappings at line 1, column 11:\n\npassword: ${PW} x: y\n          ^\n`))).toBe(
      'Nested mappings are not allowed in compact mappings',
    );
    expect(parserReason(new Error(`Unexpected token 'h', "{"a": ${PW}}" is not valid JSON`))).toBe("Unexpected token 'h'");
    expect(parserReason(new Error(`Invalid TOML document: invalid value\n\n1:  password = ${PW}\n`))).toBe('invalid value');
  });
});

describe('action inputs, Sigstore URLs and verify identity flags', () => {
  const inputs = (over: Record<string, string>) => () => parseInputs((n) => ({ 'subject-path': 'model.bin', ...over })[n] ?? '');

  it('action inputs: a boolean, sigstore, a service URL, retention-days, a metric-directions line', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ sign: GH }, /^input sign must be true or false \(its text is not shown, in case it is a credential: 40 characters, looks like a credential\) —/],
      [{ comment: `yes ${HF}` }, /^input comment must be true or false or auto \(.*contains spaces, looks like a credential\) —/],
      [{ sigstore: PW }, /^input sigstore must be auto, public-good, github or custom \(its text is not shown/],
      [{ sigstore: 'custom', 'fulcio-url': `ftp://ci:${PW}@fulcio.example` }, /^input fulcio-url is not an http\(s\) URL \(.*a URL whose scheme is not http\(s\), with user:password@ in it/],
      [{ sigstore: 'custom', 'fulcio-url': 'https://f.example', 'rekor-url': `https://r.example/?token=${GH} x` }, /^input rekor-url is not an http\(s\) URL \(.*contains spaces, a https URL, with a query or fragment, looks like a credential\) —/],
      [{ 'retention-days': GH }, /^input retention-days must be a whole number from 1 to 90 \(/],
      [{ 'metric-directions': `loss: lower\n${HF}` }, /^input metric-directions: cannot read line 2 \(/],
    ];
    for (const [over, re] of cases) {
      const m = messageOf(inputs(over));
      expect(m).toMatch(re);
      for (const secret of [GH, HF, PW]) expect(m).not.toContain(secret);
    }
  });

  it('--fulcio-url, --rekor-url, --tsa-url and the instance name', () => {
    const url = `https://ci:${PW}@fulcio.example`;
    expect(messageOf(() => resolveEndpoints({ instance: 'custom', fulcioURL: `not a url ${GH}`, rekorURL: 'https://r.example' }))).toMatch(/^--fulcio-url is not a URL \(.*contains spaces, looks like a credential\) —/);
    expect(messageOf(() => resolveEndpoints({ instance: 'custom', fulcioURL: 'https://f.example', rekorURL: `ftp://ci:${PW}@r.example` }))).toMatch(/^--rekor-url must be an http\(s\) URL \(.*with user:password@ in it/);
    expect(messageOf(() => resolveEndpoints({ instance: 'custom', fulcioURL: 'https://f.example', tsaURL: `file:///${HF}` }))).toMatch(/^--tsa-url must be an http\(s\) URL \(/);
    expect(messageOf(() => parseInstanceName(GH))).toMatch(/^unknown Sigstore instance \(its text is not shown/);
    for (const m of [
      messageOf(() => resolveEndpoints({ instance: 'custom', fulcioURL: `not a url ${GH}`, rekorURL: 'https://r.example' })),
      messageOf(() => resolveEndpoints({ instance: 'custom', fulcioURL: 'https://f.example', rekorURL: url.replace('https', 'ftp') })),
      messageOf(() => resolveEndpoints({ instance: 'custom', fulcioURL: 'https://f.example', tsaURL: `file:///${HF}` })),
      messageOf(() => parseInstanceName(GH)),
    ]) {
      for (const secret of [GH, HF, PW]) expect(m).not.toContain(secret);
    }
  });

  it('verify --repo, --signer-workflow and --cert-identity-regexp', () => {
    const repo = messageOf(() => validateIdentityPolicy({ repo: GH }));
    expect(repo).toMatch(/^--repo must be OWNER\/REPO \(its text is not shown, in case it is a credential: 40 characters, looks like a credential\) —/);
    const wf = messageOf(() => validateIdentityPolicy({ signerWorkflow: `https://ci:${PW}@github.com/acme` }));
    expect(wf).toMatch(/^--signer-workflow must be OWNER\/REPO\/PATH\[@REF\] \(.*a https URL, with user:password@ in it/);
    const re = messageOf(() => validateIdentityPolicy({ certIdentityRegexp: `(${HF}` }));
    expect(re).toMatch(/^--cert-identity-regexp is not a valid regular expression \(unterminated group\) \(its text is not shown/);
    for (const m of [repo, wf, re]) for (const secret of [GH, HF, PW]) expect(m).not.toContain(secret);
  });

  it('the shape told is only from a fixed vocabulary', () => {
    expect(refusedValueShape('')).toBe('(its text is not shown, in case it is a credential: empty)');
    expect(refusedValueShape('  ')).toBe('(its text is not shown, in case it is a credential: only spaces)');
    expect(refusedValueShape('maybe')).toBe('(its text is not shown, in case it is a credential: 5 characters)');
    expect(refusedValueShape('a\nb')).toBe('(its text is not shown, in case it is a credential: 3 characters, several lines)');
  });
});
