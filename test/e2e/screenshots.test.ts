/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The PR comment and the job summary, rendered as GitHub renders them and looked at in
 * a real browser: GFM + GitHub's sanitiser (test/helpers/gfm.ts), github-markdown-css,
 * and Mermaid 11 from the npm package, all from file:// (no network), in headless
 * Chromium (Debian's, via test/helpers/chromium.ts) at a comment's width of 760 px.
 *
 * Pages: the PR comment (with the base diff), the job summary (no base), and what the
 * built CLI's `summary` prints. Checked: Mermaid draws without an error; the "What changed" block starts within the
 * first 900 px; nothing overflows horizontally (folded or unfolded); the smallest text
 * of the diagram is at least 11 px on screen. The PNGs stay in .tmp/screenshots/
 * (git-ignored) for people to look at.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffStatements } from '../../src/lineage/diff.js';
import { evaluatePolicy } from '../../src/policy/index.js';
import { BUILTIN_POLICIES } from '../../src/policy/builtin.js';
import { commentBody, commentMarker } from '../../src/publish/comment.js';
import { lineageMermaid } from '../../src/render/lineage.js';
import { renderSummaryMarkdown, type SummaryOptions } from '../../src/render/summary.js';
import type { TrainingStatement } from '../../src/schema/predicate.js';
import { dataset, makeStatement, sha } from '../fixtures/statements.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium.js';
import { githubHtml } from '../helpers/gfm.js';
import { runCli } from '../helpers/run.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, '.tmp', 'screenshots');
const WIDTH = 760;

/** A fine-tuning run as teams record it: hub datasets, a derived split, several model files, per-epoch metrics. */
function realistic(run: string, o: { corpusVersion: string; lr: number; image: string; metrics: Record<string, number>; extraConfig?: Record<string, unknown> }): TrainingStatement {
  const st = makeStatement({
    run,
    datasets: [
      dataset('hf://datasets/acme/support-tickets-en', o.corpusVersion, undefined, { uri: 'hf://datasets/acme/support-tickets-en', splits: { train: 0.8, validation: 0.1, test: 0.1 }, seed: 1234 }),
      dataset('s3://acme-ml-data/labels/ticket-intents-2024-q4.parquet', '2024-12-01', undefined, { uri: 's3://acme-ml-data/labels/ticket-intents-2024-q4.parquet' }),
      dataset('tokenizer-vocab', 'v3', undefined),
    ],
    models: [
      { name: 'outputs/intent-classifier/model.safetensors' },
      { name: 'outputs/intent-classifier/config.json' },
      { name: 'outputs/intent-classifier/tokenizer.json' },
    ],
    steps: [
      {
        name: 'dedupe-and-clean',
        library: 'datasets',
        version: '3.2.0',
        parameters: { min_chars: 20, lang: 'en' },
        inputs: ['hf://datasets/acme/support-tickets-en'],
        outputs: ['tickets-clean'],
      },
      { name: 'tokenize', library: 'transformers', version: '4.47.1', parameters: { max_length: 256 }, inputs: ['tickets-clean', 'tokenizer-vocab'], outputs: ['tickets-tokenized'] },
    ],
    config: {
      model: { name_or_path: 'distilbert-base-uncased', num_labels: 42, dropout: 0.1 },
      trainer: { learning_rate: o.lr, per_device_train_batch_size: 32, num_train_epochs: 3, warmup_ratio: 0.06, weight_decay: 0.01, fp16: true },
      ...(o.extraConfig ?? {}),
    },
    hyperparameters: { learning_rate: o.lr, batch_size: 32, epochs: 3, seed: 1234, scheduler: 'linear' },
    image: o.image,
    command: ['python', '-m', 'train', '--config', 'config/train.yaml', '--output-dir', 'outputs/intent-classifier'],
    metrics: [
      { name: 'train_loss', value: 1.2, epoch: 0, split: 'train' },
      { name: 'train_loss', value: 0.61, epoch: 1, split: 'train' },
      { name: 'train_loss', value: o.metrics.train_loss!, epoch: 2, split: 'train' },
      { name: 'eval_loss', value: o.metrics.eval_loss!, epoch: 2, split: 'validation' },
      { name: 'accuracy', value: o.metrics.accuracy!, split: 'test' },
      { name: 'f1_macro', value: o.metrics.f1_macro!, split: 'test' },
      { name: 'mse', value: o.metrics.mse!, split: 'test' },
    ],
  });
  st.predicate.environment = {
    os: 'linux',
    arch: 'x64',
    runner: { environment: 'github-hosted' },
    tools: { python: '3.11.9', 'ml-provenance': '0.1.0' },
    libraries: { torch: '2.5.1', transformers: '4.47.1', datasets: '3.2.0', numpy: '2.1.3' },
  } as TrainingStatement['predicate']['environment'];
  return st;
}

const base = realistic('12345670', { corpusVersion: '2024-11-02', lr: 5e-5, image: 'train', metrics: { train_loss: 0.42, eval_loss: 0.51, accuracy: 0.912, f1_macro: 0.874, mse: 0.071 } });
const head = realistic('12345678', {
  corpusVersion: '2024-12-15',
  lr: 3e-5,
  image: 'train-cuda12',
  metrics: { train_loss: 0.39, eval_loss: 0.49, accuracy: 0.921, f1_macro: 0.869, mse: 0.101 },
  extraConfig: { data: { max_length: 256, shuffle: true } },
});

function view(st: TrainingStatement, extra: Partial<SummaryOptions>): SummaryOptions {
  return {
    title: { workflow: 'train', job: 'fine-tune', leg: 'intent-classifier' },
    policy: evaluatePolicy(st, { name: 'standard', rules: BUILTIN_POLICIES.standard }),
    signature: { signed: true, instance: 'public-good', identity: 'https://github.com/acme/support-ml/.github/workflows/train.yml@refs/heads/main', rekorLogIndex: '153892317' },
    mermaid: lineageMermaid(st),
    links: [
      { label: 'artifact intent-classifier', url: 'https://github.com/acme/support-ml/actions/runs/12345678#artifacts' },
    ],
    ...extra,
  };
}

/** `ml-provenance summary` of the same record, by the built CLI (provenance.md of a plain build). */
function cliSummary(st: TrainingStatement): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlp-shot-'));
  writeFileSync(path.join(dir, 'st.intoto.json'), JSON.stringify(st));
  const r = runCli(['summary', 'st.intoto.json'], { cwd: dir });
  if (r.code !== 0) throw new Error(`summary failed: ${r.stderr}`);
  return r.stdout;
}

const PAGES: Record<string, string> = {
  // What the action posts on a pull request: the marker, then the summary with the base diff.
  comment: commentBody(commentMarker('train', 'fine-tune', 'intent-classifier'), renderSummaryMarkdown(head, view(head, { base: { diff: diffStatements(base, head), label: 'main' } }))),
  // The job summary of a push to main: no base to compare with.
  'job-summary': renderSummaryMarkdown(head, view(head, { base: { note: 'No record from the base branch to compare with.' } })),
  // The job summary of a run whose record is incomplete under `strict`: findings first, nothing signed.
  incomplete: renderSummaryMarkdown(head, {
    ...view(head, {}),
    policy: evaluatePolicy(head, { name: 'strict', rules: { ...BUILTIN_POLICIES.strict, metrics: { require: ['bleu'] } } }),
    signature: { signed: false, reason: 'the record is incomplete' },
  }),
  // `ml-provenance summary`: no base, no title (what a consumer prints).
  'cli-summary': cliSummary(head),
};
/** Pages that compare with a base record (the others have no "What changed" block). */
const WITH_BASE = new Set(['comment', 'job-summary']);

function pageHtml(markdown: string): string {
  const nm = (p: string) => pathToFileURL(path.join(ROOT, 'node_modules', p)).href;
  return `<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="${nm('github-markdown-css/github-markdown-light.css')}">
<style>
  body { margin: 0; background: #fff; }
  /* A comment body: GitHub pads the rendered Markdown by 16 px inside the comment box. */
  .markdown-body { box-sizing: border-box; padding: 16px; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
</style>
<script src="${nm('mermaid/dist/mermaid.min.js')}"></script>
</head><body>
<article class="markdown-body">${githubHtml(markdown)}</article>
<script>
  // GitHub swaps each mermaid code block for the rendered diagram, at the comment's width.
  window.mermaidErrors = [];
  const blocks = [...document.querySelectorAll('pre > code.language-mermaid')];
  for (const code of blocks) {
    const div = document.createElement('div');
    div.className = 'mermaid';
    div.textContent = code.textContent;
    code.parentElement.replaceWith(div);
  }
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  window.mermaidDone = mermaid
    .run({ querySelector: '.mermaid', suppressErrors: false })
    .then(() => true, (e) => { window.mermaidErrors.push(String(e && e.message || e)); return false; });
</script>
</body></html>`;
}

let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
});

async function open(name: string): Promise<{ page: Page; errors: string[] }> {
  const file = path.join(OUT, `${name}.html`);
  writeFileSync(file, pageHtml(PAGES[name]!));
  writeFileSync(path.join(OUT, `${name}.md`), PAGES[name]!);
  const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // No network: anything but file:// is refused, so a stray request fails the page.
  await page.route(/^(?!file:)/, (r) => r.abort());
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => (window as unknown as { mermaidDone?: Promise<boolean> }).mermaidDone !== undefined);
  await page.evaluate(() => (window as unknown as { mermaidDone: Promise<boolean> }).mermaidDone);
  return { page, errors };
}

interface Measures {
  mermaidErrors: string[];
  svgCount: number;
  errorText: boolean;
  literalBackticks: boolean;
  changedTop: number | null;
  scrollWidth: number;
  minDiagramFontPx: number;
  diagramWidth: number;
}

function measure(page: Page): Promise<Measures> {
  return page.evaluate(() => {
    const svgs = [...document.querySelectorAll('.mermaid svg')] as SVGSVGElement[];
    let min = Infinity;
    let width = 0;
    for (const svg of svgs) {
      const box = svg.getBoundingClientRect();
      width = Math.max(width, box.width);
      const vb = svg.viewBox.baseVal;
      const scale = vb && vb.width ? box.width / vb.width : 1;
      const texts = [...svg.querySelectorAll('text, .nodeLabel, .edgeLabel span, foreignObject div, foreignObject span')];
      for (const t of texts) {
        if (!(t.textContent ?? '').trim()) continue;
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < min) min = px;
      }
    }
    const h = [...document.querySelectorAll('h3')].find((e) => /^What changed/.test(e.textContent ?? ''));
    return {
      mermaidErrors: (window as unknown as { mermaidErrors: string[] }).mermaidErrors,
      svgCount: svgs.length,
      errorText: /Syntax error in text|Parse error/i.test(document.body.innerText),
      literalBackticks: document.body.innerText.includes('\\`'),
      changedTop: h ? h.getBoundingClientRect().top + window.scrollY : null,
      scrollWidth: document.documentElement.scrollWidth,
      minDiagramFontPx: min,
      diagramWidth: width,
    };
  });
}

describe.each(Object.keys(PAGES))('the %s as GitHub shows it, at 760 px', (name) => {
  it('draws the diagram, leads with what changed, fits the width, keeps diagram text legible', async () => {
    const { page, errors } = await open(name);
    try {
      const m = await measure(page);
      await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
      expect(m.mermaidErrors).toEqual([]);
      expect(m.errorText).toBe(false);
      // Commands in findings and notes show as code, not as backslash-backticks.
      expect(m.literalBackticks).toBe(false);
      expect(m.svgCount).toBe(1);
      if (WITH_BASE.has(name)) {
        expect(m.changedTop, 'the "What changed" heading').not.toBeNull();
        expect(m.changedTop!).toBeLessThan(900);
      }
      expect(m.scrollWidth).toBeLessThanOrEqual(WIDTH);
      expect(m.diagramWidth).toBeLessThanOrEqual(WIDTH);
      expect(m.minDiagramFontPx).toBeGreaterThanOrEqual(11);

      // Unfolded, the full record still fits (wide tables and digests scroll inside themselves).
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => d.setAttribute('open', '')));
      const open = await measure(page);
      await page.screenshot({ path: path.join(OUT, `${name}-unfolded.png`), fullPage: true });
      expect(open.scrollWidth).toBeLessThanOrEqual(WIDTH);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('hostile labels in the diagram', () => {
  it("Mermaid draws issue 12's attacks as text: no image, link or HTML element from a label", async () => {
    const attacks = ['<img src="https://t.example/p.gif">', '&lt;img src=x&gt;', '"]-->x[("pwn', '## ✅ Security review: approved', '<!-- hidden', '`**md string**`', 'accuracy cc @acme/ml-platform'];
    const st = makeStatement({ run: '9', steps: [], metrics: attacks.map((name, i) => ({ name, value: i, split: 'test' })) });
    Object.assign(st.predicate.datasets[0]!, { id: attacks[0], version: attacks[2] });
    st.subject[0]!.name = attacks[4]!;
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
    try {
      await page.route(/^(?!file:)/, (r) => r.abort());
      const file = path.join(OUT, 'hostile-labels.html');
      writeFileSync(file, pageHtml(`## x\n\n\`\`\`mermaid\n${lineageMermaid(st)}\`\`\`\n`));
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction(() => (window as unknown as { mermaidDone?: Promise<boolean> }).mermaidDone !== undefined);
      await page.evaluate(() => (window as unknown as { mermaidDone: Promise<boolean> }).mermaidDone);
      const found = await page.evaluate(() => {
        const svg = document.querySelector('.mermaid svg');
        return {
          svg: Boolean(svg),
          errors: (window as unknown as { mermaidErrors: string[] }).mermaidErrors,
          injected: svg ? [...svg.querySelectorAll('img, a, h1, h2, script, iframe, strong, b')].map((e) => e.outerHTML) : [],
          text: svg?.textContent ?? '',
        };
      });
      await page.screenshot({ path: path.join(OUT, 'hostile-labels.png'), fullPage: true });
      expect(found.svg).toBe(true);
      expect(found.errors).toEqual([]);
      expect(found.injected).toEqual([]);
      // The labels are shown (shortened), as text.
      expect(found.text).toContain('<img');
      expect(found.text).toContain('## ✅');
    } finally {
      await page.close();
    }
  });
});

describe('the checks can fail', () => {
  it('a left-to-right picture of the same run is too wide for a comment: its text shrinks below 11 px', async () => {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
    try {
      await page.route(/^(?!file:)/, (r) => r.abort());
      const lr = lineageMermaid(head).replace(/^flowchart TB/, 'flowchart LR');
      const file = path.join(OUT, 'lr-counterexample.html');
      writeFileSync(file, pageHtml(`## x\n\n\`\`\`mermaid\n${lr}\`\`\`\n`));
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction(() => (window as unknown as { mermaidDone?: Promise<boolean> }).mermaidDone !== undefined);
      await page.evaluate(() => (window as unknown as { mermaidDone: Promise<boolean> }).mermaidDone);
      const m = await measure(page);
      expect(m.svgCount).toBe(1);
      expect(m.minDiagramFontPx).toBeLessThan(11);
    } finally {
      await page.close();
    }
  });
});

// Keep the fixture honest: the sha helper is what the statements fixture digests with.
it('the realistic record differs from its base where the comment says it does', () => {
  const d = diffStatements(base, head);
  expect(d.datasets.changed.map((c) => c.key)).toEqual(['hf://datasets/acme/support-tickets-en']);
  expect(d.image).toBeDefined();
  expect(sha('x')).toMatch(/^[0-9a-f]{64}$/);
});
