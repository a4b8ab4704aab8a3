// `ml-provenance report` in a real browser: three records (one with hostile names) signed
// through dist/cli.js against the local Sigstore stand-in, the HTML written by dist/cli.js,
// then opened in Debian's headless Chromium (playwright-core, no browser download) from
// file://. Checks: no console error, no request but the page itself, every node of the
// fixture drawn, a click shows the node's record, hostile text stays text, a tampered
// bundle is reported as FAILED and kept out of the graph.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dataset, makeStatement } from '../fixtures/statements.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium.js';
import { ROOT } from '../helpers/run.js';
import { claimsOf } from '../standins/sigstore/oidc.js';
import { startSigstoreStandin, type SigstoreStandin } from '../standins/sigstore.js';
import { runCliAsync } from './sign-verify-helpers.js';

const SHOTS = path.join(ROOT, '.tmp', 'screenshots', 'report');
const HOSTILE_STEP = '<script>alert(1)</script>';
const HOSTILE_METRIC = 'acc"><img src=x onerror=alert(2)>';
const HOSTILE_MODEL = "model/</script><b onclick='x'>w.bin";
const HOSTILE_PARAM = '</script><script>alert(3)</script>';

let sigstore: SigstoreStandin;
let work: string;
let good: string;
let tampered: string;
let browser: Browser;
const statements = [
  makeStatement({ run: '101', datasets: [dataset('mnist', '1.0'), dataset('labels', '2024-01')], hyperparameters: { lr: 0.02, epochs: 2 }, metrics: [{ name: 'mse', value: 0.31, epoch: 1, split: 'test' }] }),
  makeStatement({ run: '102', datasets: [dataset('mnist', '1.1'), dataset('labels', '2024-01')], hyperparameters: { lr: 0.05, epochs: 2 }, metrics: [{ name: 'mse', value: 0.27, epoch: 1, split: 'test' }] }),
  makeStatement({
    run: '103',
    datasets: [dataset('mnist', '1.1'), dataset('labels', '2024-01'), dataset('extra', '1', 'extra', { uri: 'https://data.example.com/"quoted"&<x>' })],
    models: [{ name: HOSTILE_MODEL }],
    hyperparameters: { lr: 0.01, epochs: 2, note: HOSTILE_PARAM },
    steps: [{ name: HOSTILE_STEP, library: 'numpy', version: '2.1.0', parameters: { scale: 255 }, inputs: ['mnist'], outputs: ['mnist-norm'] }],
    metrics: [
      { name: 'mse', value: 0.22, epoch: 1, split: 'test' },
      { name: HOSTILE_METRIC, value: 0.5, epoch: 1, split: 'test' },
    ],
  }),
];
statements.forEach((s, i) => (s.predicate.runDetails.metadata.startedOn = `2026-0${i + 1}-01T00:00:00Z`));

const trust = () => ['--repo', 'acme/train', '--custom-trusted-root', sigstore.trustedRootPath, '--offline'];

async function cli(...args: string[]): Promise<void> {
  const r = await runCliAsync(args, { cwd: work });
  if (r.code !== 0) throw new Error(`ml-provenance ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
}

beforeAll(async () => {
  sigstore = await startSigstoreStandin();
  work = await mkdtemp(path.join(tmpdir(), 'mlp-report-'));
  good = path.join(work, 'good');
  tampered = path.join(work, 'tampered');
  await Promise.all([mkdir(good), mkdir(tampered), mkdir(SHOTS, { recursive: true })]);
  for (const [i, st] of statements.entries()) {
    const file = path.join(work, `run-${i + 1}.intoto.json`);
    await writeFile(file, JSON.stringify(st));
    await cli('sign', file, '--out', path.join(good, `run-${i + 1}.sigstore.json`), '--fulcio-url', sigstore.fulcioURL, '--rekor-url', sigstore.rekorURL, '--tsa-url', sigstore.tsaURL!, '--identity-token', sigstore.mintToken(claimsOf(st)));
  }
  // Tampered: run 2's signed payload with a better mse.
  for (const i of [1, 3]) await writeFile(path.join(tampered, `run-${i}.sigstore.json`), await readFile(path.join(good, `run-${i}.sigstore.json`)));
  const b = JSON.parse(await readFile(path.join(good, 'run-2.sigstore.json'), 'utf8')) as { dsseEnvelope: { payload: string } };
  const st = JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString('utf8')) as typeof statements[number];
  st.predicate.metrics[0]!.value = 0.0001;
  b.dsseEnvelope.payload = Buffer.from(JSON.stringify(st)).toString('base64');
  await writeFile(path.join(tampered, 'run-2.sigstore.json'), JSON.stringify(b));
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sigstore?.close();
});

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
  dialogs: string[];
}

async function open(file: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const o: Opened = { page, errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') o.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => o.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => o.requests.push(r.url()));
  page.on('dialog', (d) => {
    o.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return o;
}

describe('ml-provenance report', () => {
  test('writes one self-contained page that works in Chromium with no network', async () => {
    const out = path.join(work, 'report.html');
    const r = await runCliAsync(['report', good, '--out', out, ...trust()], { cwd: work });
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.code, r.stderr).toBe(0);
    const html = await readFile(out, 'utf8');
    // Hostile names never appear unescaped anywhere in the file.
    for (const s of [HOSTILE_STEP, HOSTILE_METRIC, HOSTILE_MODEL, HOSTILE_PARAM, '"quoted"&<x>']) expect(html).not.toContain(s);
    expect(html).not.toMatch(/<(link|img|iframe)\b/i);
    expect(html).not.toMatch(/\bsrc=["']?https?:/i);

    const { page, errors, requests, dialogs } = await open(out);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([pathToFileURL(out).href]);
    // Only the page's own two script elements exist: the data block and the client.
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('img, b[onclick]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="overall"]').textContent()).toBe('all 3 bundle(s) verified');
    expect(await page.locator('[data-testid="verdicts"] tbody tr').count()).toBe(3);
    expect(await page.locator('[data-testid="verdicts"] .status.verified').count()).toBe(3);

    // Every node of the fixture, drawn inside the graph's box: the dataset versions (mnist 1.0
    // and 1.1, labels shared by all three, extra), each run's normalize output, the steps, the three
    // runs, the three models and each run's final metrics.
    const expected = [
      'dataset mnist@1.0', 'dataset mnist@1.1', 'dataset labels@2024-01', 'dataset extra@1',
      'dataset mnist-norm', 'dataset mnist-norm', 'dataset mnist-norm',
      'step normalize', 'step normalize', `step ${HOSTILE_STEP}`,
      'run run 101', 'run run 102', 'run run 103',
      'model model/weights.bin', 'model model/weights.bin', `model ${HOSTILE_MODEL.slice(0, 33)}…`,
      'metrics mse (test, epoch 1) = 0.31', 'metrics mse (test, epoch 1) = 0.27', 'metrics mse (test, epoch 1) = 0.22',
    ];
    const nodes = page.locator('#graph .node');
    const drawn = await nodes.evaluateAll((els) => els.map((e) => `${e.classList[1]} ${e.querySelector('text')!.textContent}`));
    expect(drawn.sort()).toEqual([...expected].sort());
    const box = (await page.locator('#graph').boundingBox())!;
    for (let i = 0; i < expected.length; i++) {
      const b = (await nodes.nth(i).boundingBox())!;
      expect(b.width).toBeGreaterThan(20);
      expect(b.x >= box.x - 1 && b.y >= box.y - 1 && b.x + b.width <= box.x + box.width + 1 && b.y + b.height <= box.y + box.height + 1, drawn[i]).toBe(true);
    }
    await page.screenshot({ path: path.join(SHOTS, 'report-full.png'), fullPage: true });

    // Clicking a node shows its record.
    await page.locator('#graph .node.run', { hasText: 'run 103' }).click();
    const details = page.locator('[data-testid="details"]');
    await expect.poll(() => details.locator('h3').textContent()).toBe('run: run 103');
    const text = (await details.textContent())!;
    expect(text).toContain('https://github.com/acme/train/actions/runs/103/attempts/1');
    expect(text).toContain('verified');
    expect(text).toContain(HOSTILE_PARAM); // as text, inside the record
    await page.locator('#graph .node.step', { hasText: 'alert' }).click();
    await expect.poll(() => details.locator('h3').textContent()).toBe(`step: ${HOSTILE_STEP}`);
    await page.locator('#graph .node.dataset', { hasText: 'labels@2024-01' }).click();
    // The runs that used it, by their stable id (the statement digest).
    expect(await details.textContent()).toMatch(/sha256:[a-f0-9]{12}/);
    await page.locator('[data-testid="details"]').screenshot({ path: path.join(SHOTS, 'report-details.png') });

    // Zoom moves the view box; fit restores it.
    const vb = () => page.locator('#graph').getAttribute('viewBox');
    const home = await vb();
    await page.locator('#zoom-in').click();
    expect(await vb()).not.toBe(home);
    await page.locator('#zoom-fit').click();
    expect(await vb()).toBe(home);

    // Tables and the chart.
    expect(await page.locator('[data-testid="datasets"]').textContent()).toContain('https://data.example.com/"quoted"&<x>');
    expect(await page.locator('[data-testid="steps"]').textContent()).toContain(HOSTILE_STEP);
    expect(await page.locator('[data-testid="metrics"]').textContent()).toContain(HOSTILE_METRIC);
    expect(await page.locator('[data-testid="charts"] figure').count()).toBe(2);
    expect(await page.locator('[data-testid="charts"] svg[aria-label="mse (test) over runs"] circle').count()).toBe(3);

    // Diff: the last two runs by default; choosing run 1 → run 3 shows that pair.
    const shown = page.locator('.diff:not([hidden])');
    expect(await shown.count()).toBe(1);
    expect(await shown.getAttribute('data-pair')).toBe('1-2');
    await page.locator('#diff-before').selectOption('0');
    expect(await shown.getAttribute('data-pair')).toBe('0-2');
    const diff = (await shown.textContent())!;
    expect(diff).toContain('lr');
    expect(diff).toContain('0.02');
    expect(diff).toContain('mnist');
    await page.locator('#diff').screenshot({ path: path.join(SHOTS, 'report-diff.png') });
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(out).href]);
    await page.close();
  }, 120_000);

  test('a tampered bundle is FAILED in the report, left out of the graph, and exits 1', async () => {
    const out = path.join(work, 'tampered.html');
    const r = await runCliAsync(['report', tampered, '--out', out, ...trust()], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*run-2\.sigstore\.json failed verification: .* — /m);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const { page, errors } = await open(out);
    expect(errors).toEqual([]);
    expect(await page.locator('[data-testid="overall"]').textContent()).toMatch(/1 of 3 file\(s\) FAILED/);
    const failed = page.locator('[data-testid="verdicts"] tr', { has: page.locator('.status.failed') });
    expect(await failed.count()).toBe(1);
    expect(await failed.textContent()).toContain('run-2.sigstore.json');
    expect(await page.locator('#graph .node.run').count()).toBe(2);
    expect(await page.locator('body').textContent()).not.toContain('0.0001');
    await page.close();
  }, 60_000);

  test('an unsigned statement beside the bundles is left out; --no-verify includes it, marked as not verified', async () => {
    const mixed = path.join(work, 'mixed');
    await mkdir(mixed);
    for (const i of [1, 2]) await writeFile(path.join(mixed, `run-${i}.sigstore.json`), await readFile(path.join(good, `run-${i}.sigstore.json`)));
    await writeFile(path.join(mixed, 'provenance.intoto.json'), JSON.stringify(statements[2]));
    const out = path.join(work, 'mixed.html');
    const r = await runCliAsync(['report', mixed, '--out', out, ...trust()], { cwd: work });
    expect(r.code, r.stderr).toBe(0);
    const a = await open(out);
    expect(a.errors).toEqual([]);
    expect(await a.page.locator('[data-testid="overall"]').textContent()).toBe('2 of 3 file(s) verified, 1 left out (unsigned copies or other attestations)');
    expect(await a.page.locator('#graph .node.run').count()).toBe(2);
    await a.page.close();

    const loose = path.join(work, 'loose.html');
    const n = await runCliAsync(['report', mixed, '--out', loose, '--no-verify'], { cwd: work });
    expect(n.code, n.stderr).toBe(0);
    const b = await open(loose);
    expect(b.errors).toEqual([]);
    expect(await b.page.locator('[data-testid="overall"]').textContent()).toBe('0 of 3 file(s) verified, 3 included WITHOUT verification (--no-verify)');
    expect(await b.page.locator('#graph .node.run').count()).toBe(3);
    expect(await b.page.locator('[data-testid="verdicts"] .status.verified').count()).toBe(0);
    await b.page.close();
  }, 60_000);

  test('bad input: a clear error line and exit 2, no file written', async () => {
    const out = path.join(work, 'never.html');
    const noIdentity = await runCliAsync(['report', good, '--out', out, '--custom-trusted-root', sigstore.trustedRootPath, '--offline'], { cwd: work });
    expect(noIdentity.code).toBe(2);
    expect(noIdentity.stderr).toMatch(/^error: .* — /m);
    const notHtml = await runCliAsync(['report', good, '--out', path.join(work, 'x.txt'), ...trust()], { cwd: work });
    expect(notHtml.code).toBe(2);
    expect(notHtml.stderr).toMatch(/^error: --out .*x\.txt is not an \.html file — pass --out NAME\.html/m);
    const missing = await runCliAsync(['report', path.join(work, 'nope'), '--out', out, ...trust()], { cwd: work });
    expect(missing.code).toBe(2);
    await expect(readFile(out)).rejects.toThrow();
  }, 60_000);
});
