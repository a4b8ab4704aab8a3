import { createHash } from 'node:crypto';
import type { Section } from '../../lineage/diff.js';
import { shortDigest } from '../lineage.js';
import { exactNumber } from '../number.js';
import { renderChart } from './chart.js';
import { CLIENT_JS } from './client.js';
import { escapeHtml as h, jsonForScript } from './escape.js';
import { buildReportModel, type BundleStatus, type ReportInput, type ReportModel, type ReportNode } from './model.js';
import { REPORT_CSS } from './style.js';
import { displayUri } from '../../util/file-uri.js';

export type { BundleStatus, ReportInput, ReportRecord } from './model.js';

const sha256b64 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64');

/**
 * The auditor's report: one HTML file with everything inline. Its Content-Security-Policy
 * allows only its own script and style (by hash) and no fetch, image, font or frame
 * source, so the page cannot reach the network when it is viewed, and markup that slips
 * into a record could not run even if it escaped the escaper.
 */
export function renderReportHtml(input: ReportInput): string {
  const m = buildReportModel(input);
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256b64(CLIENT_JS)}'`,
    `style-src 'sha256-${sha256b64(REPORT_CSS)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const data = {
    nodes: Object.fromEntries(m.nodes.map((n) => [n.id, { title: `${n.kind}: ${n.lines[0] ?? ''}`, details: n.details }])),
  };
  const failed = input.bundles.filter((b) => b.status === 'failed').length;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${h(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>ML provenance report (${m.runs.length} run${m.runs.length === 1 ? '' : 's'})</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body>',
    '<header>',
    '<h1>ML provenance report</h1>',
    `<p class="meta">${h(`${input.bundles.length} file(s), ${m.runs.length} training record(s) shown, generated ${input.generatedAt}`)}${input.identity ? ` · signer required: <code>${h(input.identity)}</code>` : ''}</p>`,
    `<p class="banner ${failed ? 'bad' : 'good'}" data-testid="overall">${failed ? h(`${failed} of ${input.bundles.length} file(s) FAILED verification and are left out of the graph and tables`) : h(overallText(input))}</p>`,
    '<nav><a href="#verification">Verification</a> <a href="#lineage">Lineage</a> <a href="#runs">Runs</a> <a href="#datasets">Datasets</a> <a href="#steps">Steps</a> <a href="#models">Models</a> <a href="#metrics">Metrics</a> <a href="#diff">Diff</a></nav>',
    '</header><main>',
    verificationSection(input.bundles),
    graphSection(m),
    runsSection(m),
    datasetsSection(m),
    stepsSection(m),
    modelsSection(m),
    metricsSection(m),
    diffSection(m),
    '</main>',
    `<script type="application/json" id="report-data">${jsonForScript(data)}</script>`,
    `<script>${CLIENT_JS}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

function overallText(input: ReportInput): string {
  const n = input.bundles.length;
  const verified = input.bundles.filter((b) => b.status === 'verified').length;
  const trusted = input.records.length - verified;
  const left = n - verified - trusted;
  if (verified === n) return `all ${n} bundle(s) verified`;
  return [
    `${verified} of ${n} file(s) verified`,
    ...(trusted ? [`${trusted} included WITHOUT verification (--no-verify)`] : []),
    ...(left ? [`${left} left out (unsigned copies or other attestations)`] : []),
  ].join(', ');
}

function table(headers: string[], rows: string[][], attrs = ''): string {
  if (rows.length === 0) return '<p class="empty">none recorded</p>';
  return [
    `<div class="scroll"><table${attrs}>`,
    `<thead><tr>${headers.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead><tbody>`,
    // Cells arrive escaped (some carry <code>): see cell().
    ...rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`),
    '</tbody></table></div>',
  ].join('');
}

/** An escaped cell; `code` marks digests and identifiers, and the full value stays in the title. */
const cell = (v: unknown, code = false): string => (v === undefined || v === '' ? '' : code ? `<code>${h(v)}</code>` : h(v));
const digestCell = (d: string | undefined): string => (d ? `<code title="${h(d)}">${h(shortDigest(d, 16))}</code>` : '');

const STATUS_TEXT: Record<BundleStatus['status'], string> = {
  verified: 'VERIFIED',
  failed: 'FAILED',
  unsigned: 'unsigned statement',
  'not-verified': 'not verified (--no-verify)',
  other: 'signed, not a training record',
};

function verificationSection(bundles: BundleStatus[]): string {
  const rows = bundles.map((b) => [
    `<span class="status ${h(b.status)}">${h(STATUS_TEXT[b.status])}</span>`,
    cell(b.file, true),
    cell(b.verdict?.signer?.subjectAlternativeName ?? ''),
    cell(b.verdict?.rekorLogIndex ?? ''),
    h(b.verdict ? b.verdict.checks.map((c) => `${c.name}: ${c.status}`).join(', ') : ''),
    cell(b.verdict?.failure ?? b.note ?? ''),
  ]);
  return `<section id="verification"><h2>Verification</h2>${table(['verdict', 'file', 'signer', 'Rekor index', 'checks', 'reason'], rows, ' data-testid="verdicts"')}</section>`;
}

function nodeSvg(n: ReportNode, x: number, y: number): string {
  const left = x - n.width / 2;
  const top = y - n.height / 2;
  const text = n.lines
    .map((l, i) => `<text x="${(left + 10).toFixed(1)}" y="${(top + 20 + i * 16).toFixed(1)}"${i > 0 ? ' class="sub"' : ''}>${h(l)}</text>`)
    .join('');
  return (
    `<g class="node ${n.kind}" data-id="${h(n.id)}" data-key="${h(n.key)}" tabindex="0" role="button" aria-label="${h(`${n.kind}: ${n.lines.join(', ')}`)}">` +
    `<rect x="${left.toFixed(1)}" y="${top.toFixed(1)}" width="${n.width}" height="${n.height}" rx="${n.kind === 'run' ? 12 : 4}"/>${text}</g>`
  );
}

function graphSection(m: ReportModel): string {
  const { layout } = m;
  const w = Math.max(layout.width, 200);
  const hgt = Math.max(layout.height, 80);
  const edges = layout.edges
    .map((e) => `<polyline class="edge" points="${e.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}" marker-end="url(#arrow)"/>`)
    .join('');
  const nodes = m.nodes.map((n) => {
    const p = layout.nodes.get(n.id)!;
    return nodeSvg(n, p.x, p.y);
  });
  return [
    '<section id="lineage"><h2>Lineage</h2>',
    '<p class="hint">Datasets → steps → runs → models → final metrics. Drag to pan, wheel or buttons to zoom; click a node (or Tab + Enter) for its record.</p>',
    '<div class="legend"><span class="k dataset">dataset</span><span class="k step">step</span><span class="k run">run</span><span class="k model">model</span><span class="k metrics">metrics</span></div>',
    '<div class="graphwrap"><div class="tools"><button type="button" id="zoom-in" aria-label="zoom in">+</button><button type="button" id="zoom-out" aria-label="zoom out">−</button><button type="button" id="zoom-fit">fit</button></div>',
    `<svg id="graph" data-testid="graph" viewBox="0 0 ${w} ${hgt}" preserveAspectRatio="xMidYMid meet" role="group" aria-label="lineage graph">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>',
    edges,
    ...nodes,
    '</svg>',
    '<aside id="details" data-testid="details" aria-live="polite"><p class="hint">Click a node to see its record.</p></aside></div>',
    '</section>',
  ].join('\n');
}

function runsSection(m: ReportModel): string {
  const rows = m.runs.map((r, i) => [
    h(String(i + 1)),
    cell(r.label),
    cell(r.file, true),
    cell(r.builder, true),
    cell(r.startedOn ?? ''),
    cell(r.finishedOn ?? ''),
    r.gitCommit ? `<code title="${h(r.gitCommit)}">${h(r.gitCommit.slice(0, 12))}</code>` : '',
    cell((r.command ?? []).join(' '), true),
  ]);
  return `<section id="runs"><h2>Runs</h2>${table(['#', 'run', 'file', 'builder', 'started', 'finished', 'commit', 'command'], rows, ' data-testid="runs"')}</section>`;
}

function datasetsSection(m: ReportModel): string {
  const rows = m.graph.datasets.map((d) => [
    cell(d.id, true),
    cell(d.version ?? ''),
    digestCell(d.digest),
    cell(d.uri ? displayUri(d.uri) : '', true),
    cell(d.license ?? ''),
    h(d.derived ? 'derived (step output)' : 'input'),
  ]);
  return `<section id="datasets"><h2>Datasets</h2>${table(['id', 'version', 'digest', 'uri', 'license', 'kind'], rows, ' data-testid="datasets"')}</section>`;
}

function runName(m: ReportModel, key: string): string {
  return m.runs.find((r) => r.key === key)?.label ?? key;
}

function stepsSection(m: ReportModel): string {
  const rows = m.graph.steps.map((s) => {
    const step = m.input.records[m.graph.runs.find((r) => r.key === s.run)!.index]!.statement.predicate.steps[Number(s.key.split('/step:')[1])]!;
    return [
      cell(runName(m, s.run)),
      cell(s.name),
      cell(s.library ? `${s.library}${s.version ? `@${s.version}` : ''}` : '', true),
      cell(s.parameters ? JSON.stringify(s.parameters) : '', true),
      cell((step.inputs ?? []).join(', '), true),
      cell((step.outputs ?? []).join(', '), true),
    ];
  });
  return `<section id="steps"><h2>Steps</h2>${table(['run', 'step', 'library', 'parameters', 'inputs', 'outputs'], rows, ' data-testid="steps"')}</section>`;
}

function modelsSection(m: ReportModel): string {
  const rows = m.graph.models.map((x) => [cell(x.paths.join(', '), true), `<code>${h(`sha256:${x.sha256}`)}</code>`]);
  return `<section id="models"><h2>Models</h2>${table(['path', 'sha256'], rows, ' data-testid="models"')}</section>`;
}

function metricsSection(m: ReportModel): string {
  const rows = m.runs.flatMap((r) =>
    m.graph.metrics
      .filter((x) => x.run === r.key)
      .map((x) => [cell(r.label), cell(x.name), cell(x.split ?? ''), cell(x.epoch ?? ''), cell(x.step ?? ''), cell(typeof x.value === 'number' ? exactNumber(x.value) : x.value)]),
  );
  const charts = m.series.length
    ? `<h3>Final value over runs</h3><div class="charts" data-testid="charts">${m.series.map((s) => renderChart(s, m.runs.length)).join('')}</div>`
    : '';
  return `<section id="metrics"><h2>Metrics</h2>${charts}<details${rows.length <= 40 ? ' open' : ''}><summary>Every recorded value (${rows.length})</summary>${table(['run', 'metric', 'split', 'epoch', 'step', 'value'], rows, ' data-testid="metrics"')}</details></section>`;
}

function diffTables(sections: Section[]): string {
  return sections.map((s) => `<h4>${h(s.title)}</h4>${table(s.headers, s.rows.map((r) => r.map((c) => cell(c))))}`).join('');
}

function diffSection(m: ReportModel): string {
  if (m.runs.length < 2) return '<section id="diff"><h2>Diff between runs</h2><p class="empty">Only one run: nothing to compare.</p></section>';
  const options = (selected: number) =>
    m.runs.map((r, i) => `<option value="${i}"${i === selected ? ' selected' : ''}>${h(`${i + 1}. ${r.label}`)}</option>`).join('');
  const last = m.runs.length - 1;
  const views = m.diffs.map(
    (d) =>
      `<div class="diff" data-pair="${d.before}-${d.after}"${d.before === last - 1 && d.after === last ? '' : ' hidden'}>${
        d.identical ? '<p>No changes to datasets, config, hyperparameters, steps, image or metrics.</p>' : diffTables(d.sections)
      }</div>`,
  );
  return [
    '<section id="diff"><h2>Diff between runs</h2>',
    `<p class="controls"><label>before <select id="diff-before">${options(last - 1)}</select></label> <label>after <select id="diff-after">${options(last)}</select></label></p>`,
    m.allPairs ? '' : '<p class="hint">Many runs: only neighbouring runs (in time order) are compared here.</p>',
    '<p id="diff-none" class="empty" hidden></p>',
    ...views,
    '</section>',
  ].join('\n');
}
