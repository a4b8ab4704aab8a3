// `ml-provenance export` through dist/cli.js on a record built with every coverage field
// (the example project, records from the CLI, a GPU and a lockfile captured, a pseudonymised
// owner and URIs, a token-looking flag value), signed against the local Sigstore stand-in.
// Each export is checked with the official validators, and its run id against `lineage`
// and `store ingest` for the same file.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../src/lineage/export/index.js';
import { expectValidExport } from '../helpers/export-validators.js';
import { copyExample, runCli, train } from '../helpers/run.js';
import { defaultClaims, startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { runCliAsync } from './sign-verify-helpers.js';

const KEY = { ML_PROVENANCE_PSEUDONYM_KEY: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' };
const TOKEN = 'hf_abcdefghijklmnopqrstuvwxyzABCDEFGH';

let sigstore: SigstoreStandin;
let ws: string;
const mlp = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: ws, env });
/** Who signed out/st.sigstore.json (the stand-in's default claims) and the stand-in's trust root: an export verifies a bundle first. */
const verifiedBy = () => ['--custom-trusted-root', sigstore.trustedRootPath, '--offline', '--repo', defaultClaims().repository];

beforeAll(async () => {
  sigstore = await startSigstoreStandin();
  ws = copyExample({ git: true });
  writeFileSync(path.join(ws, 'uv.lock'), 'version = 1\n[[package]]\nname = "numpy"\nversion = "2.1.0"\n');
  const rec = (args: string[]) => {
    const r = mlp(['record', ...args]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  };
  rec([
    'dataset', '--id', 'labels', '--uri', 'https://data.example/labels', '--version', '3', '--digest', `sha256:${'1'.repeat(64)}`, '--license', 'CC-BY-4.0',
    '--source-repo', 'https://github.com/acme/labels', '--access', 'confidential', '--data-owner', 'data-team',
    '--rows', '1000', '--missing-rate', '0.01', '--label', 'cat=600', '--label', 'dog=400', '--check', 'no_duplicates=pass', '--check', 'balance=fail',
    '--sampling', 'stratified', '--sample-by', 'label', '--sample-fraction', '0.5', '--sample-seed', '7',
    '--license-history', '1=CC-BY-NC-4.0',
  ]);
  rec(['dataset', '--id', 'synthetic-qa', '--uri', 's3://bucket/qa', '--digest', `sha256:${'2'.repeat(64)}`, '--synthetic-generator', 'llama-gen@3.1', '--synthetic-param', 'temperature=0.7', '--synthetic-seed', '11']);
  rec(['step', '--name', 'augment', '--input', 'labels', '--output', 'synthetic-qa', '--env-image', 'ghcr.io/acme/prep:1', '--env-library', 'pandas=2.2.3', '--', 'python', 'augment.py', '--n', '100']);
  train(ws);
  rec(['run', '--purpose', 'check stratified sampling', '--flag', 'new_loss=true', '--flag', `hf_token=${TOKEN}`, '--nodes', '2', '--accelerators-per-node', '8', '--strategy', 'fsdp', '--scheduler', 'slurm']);
  // A conflict: the records log and the manifest disagree on a version.
  rec(['dataset', '--id', 'points', '--uri', 'https://example.com/datasets/points', '--version', '2027.01']);
  const bin = mkdtempSync(path.join(os.tmpdir(), 'mlp-bin-'));
  writeFileSync(path.join(bin, 'nvidia-smi'), '#!/bin/sh\nif [ "$1" = "-q" ]; then echo "CUDA Version                              : 12.4"; else echo "NVIDIA L4, 550.54.15, 23034"; fi\n');
  chmodSync(path.join(bin, 'nvidia-smi'), 0o755);
  const build = mlp(
    ['build', '--subject', 'model/model.json', '--datasets', 'datasets.yaml', '--anonymize', 'datasets.*.source.owner', '--anonymize', 'datasets.*.uri', '--out', 'out/st.json'],
    { ...KEY, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
  );
  expect(build.code, build.stderr).toBe(0);
  // Async: the Sigstore stand-in answers from this process.
  const signed = await runCliAsync([
    'sign', 'out/st.json', '--out', 'out/st.sigstore.json',
    '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!,
    '--identity-token', sigstore.mintToken(),
  ], { cwd: ws });
  expect(signed.code, signed.stderr).toBe(0);
}, 180_000);
afterAll(async () => {
  await sigstore?.close();
});

describe('export of a fully covered record (dist/cli.js)', () => {
  it.each(['out/st.json', 'out/st.sigstore.json'])('%s: the export names the run exactly as lineage --format json and store ingest do', (file) => {
    const lineage = mlp(['lineage', file, '--no-verify', '--format', 'json']);
    expect(lineage.code, lineage.stderr).toBe(0);
    const lineageId = (JSON.parse(lineage.stdout).graph.runs as { key: string }[]).map((r) => r.key);
    const store = mlp(['store', 'ingest', file, '--no-verify', '--store', path.join(ws, `${path.basename(file)}.db`)]);
    expect(store.code, store.stderr).toBe(0);
    const storeId = /^stored ([a-f0-9]{64}) /m.exec(store.stdout)?.[1];
    const out = (f: string) => {
      const r = mlp(['export', file, '--no-verify', '--format', f]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const ol = out('openlineage').run.facets.mlProvenance_run.statementDigest;
    const cdx = out('cyclonedx').metadata.component.properties.find((p: any) => p.name === 'ml-provenance:runId').value;
    const prov = (Object.values(out('prov').activity) as any[]).find((a) => a['prov:type'].$ === 'mlp:Training')['mlp:runId'];
    expect(lineageId).toEqual([`sha256:${storeId}`]);
    expect([ol, cdx, prov]).toEqual([storeId, storeId, storeId]);
    // The id is of the bytes signed or written, not of a re-serialisation of the parsed statement.
    const st = JSON.parse(readFileSync(path.join(ws, 'out/st.json'), 'utf8'));
    expect(createHash('sha256').update(JSON.stringify(st)).digest('hex')).not.toBe(storeId);
  });

  it('every format validates against its official schema or validator and carries the coverage fields', async () => {
    const docs: Record<string, any> = {};
    for (const f of EXPORT_FORMATS) {
      const r = mlp(['export', 'out/st.sigstore.json', ...verifiedBy(), '--format', f, '--out', `out/${f}.json`]);
      expect(r.code, r.stderr).toBe(0);
      docs[f] = JSON.parse(readFileSync(path.join(ws, `out/${f}.json`), 'utf8'));
      await expectValidExport(f, docs[f]);
    }
    const g = docs.spdx['@graph'] as any[];
    const labels = g.find((e) => e.type === 'dataset_DatasetPackage' && e.name === 'labels' && e.software_packageVersion === '3');
    expect(labels.dataset_confidentialityLevel).toBe('red');
    expect(g.find((e) => e.name === 'synthetic-qa').dataset_dataCollectionProcess).toMatch(/^synthetic: generated by llama-gen 3\.1/);
    expect(g.find((e) => e.type === 'ai_AIPackage').ai_informationAboutTraining).toMatch(/purpose: check stratified sampling[\s\S]*GPU NVIDIA L4, 23034 MiB, driver 550\.54\.15, CUDA 12\.4/);
    expect(g.find((e) => e.type === 'build_Build').build_environment).toContainEqual({ type: 'DictionaryEntry', key: 'python:numpy', value: '2.1.0' });
    const cdxLabels = docs.cyclonedx.components.find((c: any) => c.name === 'labels');
    expect(cdxLabels.data[0].classification).toBe('confidential');
    expect(cdxLabels.pedigree.ancestors[0]).toMatchObject({ version: '1', licenses: [{ license: { id: 'CC-BY-NC-4.0' } }] });
    expect(docs.cyclonedx.formulation[0].workflows[0].tasks[0].steps[0].commands[0].executed).toBe('python augment.py --n 100');
    const olLabels = docs.openlineage.inputs.find((i: any) => i.facets.mlProvenance_dataset.id === 'labels');
    expect(olLabels.inputFacets.dataQualityAssertions.assertions.map((a: any) => a.success)).toEqual([true, false]);
    expect(olLabels.inputFacets.dataQualityMetrics.rowCount).toBe(1000);
    expect(olLabels.namespace).toMatch(/^pseud:[a-f0-9]{8}$/);
    expect(docs.openlineage.run.facets.mlProvenance_environment.cluster).toMatchObject({ nodes: 2, strategy: 'fsdp' });
    expect(Object.values(docs.prov.wasAssociatedWith)).toContainEqual(expect.objectContaining({ 'prov:agent': 'mlp:generator/llama-gen%403.1' }));
  });

  it('no export reveals a pseudonymised value or a redacted secret', () => {
    for (const f of EXPORT_FORMATS) {
      const r = mlp(['export', 'out/st.sigstore.json', ...verifiedBy(), '--format', f]);
      expect(r.code).toBe(0);
      for (const secret of [TOKEN, 'data-team', 'https://data.example/labels', 's3://bucket/qa']) expect(r.stdout, `${f}: ${secret}`).not.toContain(secret);
    }
    const ol = mlp(['export', 'out/st.sigstore.json', ...verifiedBy(), '--format', 'openlineage']).stdout;
    expect(ol).toMatch(/"owner": "pseud:[a-f0-9]{8}:[a-f0-9]{64}"/);
    expect(ol).toContain('"hf_token": "[REDACTED]"');
  });

  it('a bundle is verified before it is exported: no identity, a changed payload or another signer is refused, nothing written', () => {
    const none = mlp(['export', 'out/st.sigstore.json', '--format', 'slsa', '--out', 'out/none.json']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^error: verifying a bundle needs to know who should have signed.* — pass --repo OWNER\/REPO.*or --no-verify/m);
    // The payload changed after signing (a metric lowered), as an attacker would.
    const bundle = JSON.parse(readFileSync(path.join(ws, 'out/st.sigstore.json'), 'utf8'));
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'));
    statement.predicate.metrics[0].value = 0.0001;
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    writeFileSync(path.join(ws, 'out/tampered.sigstore.json'), JSON.stringify(bundle));
    const tampered = mlp(['export', 'out/tampered.sigstore.json', ...verifiedBy(), '--format', 'cyclonedx', '--out', 'out/tampered.json']);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/does not verify: signature: .*altered/);
    const other = mlp(['export', 'out/st.sigstore.json', '--custom-trusted-root', sigstore.trustedRootPath, '--offline', '--repo', 'someone/else', '--format', 'slsa', '--out', 'out/other.json']);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/does not verify/);
    for (const f of ['none', 'tampered', 'other']) expect(existsSync(path.join(ws, `out/${f}.json`))).toBe(false);
    // Taken on trust when asked: the same tampered record, exported.
    const onTrust = mlp(['export', 'out/tampered.sigstore.json', '--no-verify', '--format', 'cyclonedx']);
    expect(onTrust.code, onTrust.stderr).toBe(0);
  });

  it('--license-history takes SPDX licenses only, like --license', () => {
    const r = mlp(['record', 'dataset', '--id', 'x', '--uri', 's3://b/x', '--license-history', '1=apache-2.0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --license-history "1=apache-2\.0": "apache-2\.0" is not an SPDX license expression — .*did you mean "Apache-2\.0"/);
  });
});
