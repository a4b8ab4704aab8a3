// The terminal sanitiser (src/render/terminal.ts) and every text renderer behind it:
// no control sequence, bare carriage return, C1 control, bidi override/isolate or other
// invisible format character from a record reaches the terminal, and a field cannot add
// a line. The CLI composes renderers with the sanitiser exactly as below (src/cli/shared.ts
// prints through termText; summary/verify text render termStrings(document)); the e2e
// counterpart runs the built CLI: test/e2e/terminal.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTerminalSafe, termLine, termStrings, termText } from '../../src/render/terminal.js';
import { renderSummaryText } from '../../src/render/summary.js';
import { diffStatements, renderDiffText } from '../../src/lineage/diff.js';
import { renderReplayTable, showCommand, type ReplayRow } from '../../src/lineage/replay.js';
import { graphFromStatements } from '../../src/lineage/graph.js';
import { datasetsForMetric, modelsUsingDataset } from '../../src/lineage/queries.js';
import { renderDatasetAnswers, renderGraphTable, renderMetricAnswers } from '../../src/render/lineage.js';
import { evaluatePolicy, formatFinding, resolvePolicy } from '../../src/policy/index.js';
import { formatVerdict, type Verdict } from '../../src/verify/index.js';
import type { TrainingStatement } from '../../src/schema/predicate.js';
import { minimalStatement } from './statement-fixture.js';
import { RUNS } from './property-helpers.js';

/**
 * What a terminal interprets, written independently of the sanitiser's own pattern:
 * C0 but tab/newline, DEL, C1, ALM/LRM/RLM, embeddings/overrides, isolates, line and
 * paragraph separators, zero-width space, word joiner, BOM, soft hyphen, tag characters.
 */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2028\u2029\ufeff]|\udb40[\udc00-\udc7f]/;

const HOSTILE = [
  '\x1b',
  '\x1b[2J',
  '\x1b[1;31m',
  '\x1b]0;owned\x07',
  '\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\',
  '\x9b2J',
  '\x9d8;;https://evil.example/\x9c',
  '\r',
  '\r\n',
  '\n',
  '\t',
  '\u202e',
  '\u202d',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u061c',
  '\u200e',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\x00',
  '\x07',
  '\x08',
  '\x7f',
  '\x85',
  '\udb40\udc41',
];

/** Strings made of hostile pieces, ordinary text and arbitrary code units (lone surrogates included). */
const hostile = fc.string({
  unit: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 2, arbitrary: fc.constantFrom('a', 'Z', '0', ' ', '|', '-', 'é', '漢', '👨‍👩‍👧') }, { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
  minLength: 1,
  maxLength: 12,
});

/** A record whose every text field is attacker-chosen. */
function hostileStatement(s: string[]): TrainingStatement {
  const at = (i: number) => s[i % s.length]!;
  const st = minimalStatement();
  st.subject = [{ name: at(0), digest: { sha256: 'a'.repeat(64) } }];
  st.predicate.datasets = [{ id: at(1), uri: at(2), version: at(3), license: at(4), digest: { sha256: 'b'.repeat(64) }, digestSource: 'given', annotations: { path: at(5) } }];
  st.predicate.metrics = [
    { name: at(6), value: 0.5, split: at(7), epoch: 1 },
    { name: 'accuracy', value: 0.9, split: at(8) },
  ];
  st.predicate.buildDefinition.externalParameters.hyperparameters = { [at(9)]: at(10), lr: at(11) };
  st.predicate.buildDefinition.externalParameters.command = [at(12), at(13)];
  st.predicate.buildDefinition.externalParameters.workingDirectory = at(13);
  st.predicate.steps = [{ name: at(14), library: at(15), version: at(16), parameters: { [at(17)]: at(18) }, inputs: [at(1)], outputs: [at(19)], command: [at(15), at(18)], workingDirectory: at(16) }];
  st.predicate.configFiles = [{ name: at(20), uri: `file:${at(20)}`, digest: { sha256: 'c'.repeat(64) }, format: 'yaml', redacted: [at(21)], contentDigest: 'd'.repeat(64), content: { [at(22)]: at(23) } }];
  st.predicate.image = { reference: at(24), uri: at(24), pinned: false } as unknown as TrainingStatement['predicate']['image'];
  return st;
}

/** The same record with plain strings (equal where the hostile ones are equal): the line count to compare with. */
const plainOf = (xs: string[]): TrainingStatement => hostileStatement(xs.map((x) => `s${xs.indexOf(x)}`));

function expectSafe(out: string, what: string): void {
  expect(RAW_CONTROL.test(out), `${what}: ${JSON.stringify(out)}`).toBe(false);
  expect(isTerminalSafe(out)).toBe(true);
  // Well-formed UTF-16: nothing a UTF-8 encoder would have to replace.
  expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(out)).toBe(false);
}

const lines = (t: string) => t.split('\n').length;

describe('termText / termLine', () => {
  it('shows each control visibly instead of passing or dropping it', () => {
    expect(termText('a\x1b[2Jb')).toBe('a\\u001b[2Jb');
    expect(termText('0.91\r0.99')).toBe('0.91\\r0.99');
    expect(termText('\u202etxt.exe')).toBe('\\u202etxt.exe');
    expect(termText('\u2066x\u2069')).toBe('\\u2066x\\u2069');
    expect(termText('\x9b31m')).toBe('\\u009b31m');
    expect(termText('\x1b]8;;https://e/\x1b\\t\x1b]8;;\x1b\\')).toBe('\\u001b]8;;https://e/\\u001b\\t\\u001b]8;;\\u001b\\');
    expect(termText('lone \ud800')).toBe('lone \\ud800');
    expect(termText('a\tb\nc')).toBe('a\tb\nc');
    expect(termLine('a\tb\nc')).toBe('a\\tb\\nc');
  });

  it('leaves ordinary text alone: accents, CJK, emoji with joiners, tag-free flags', () => {
    for (const s of ['café', '漢字', '👨‍👩‍👧', 'क्‍ष', '🇫🇷', 'C:\\data\\x', 'accuracy (test) = 0.93']) expect(termLine(s)).toBe(s);
  });

  it('a JSON document stays the same JSON value', () => {
    fc.assert(
      fc.property(fc.array(hostile), (xs) => {
        const doc = { xs, [xs[0] ?? 'k']: xs };
        const out = termText(JSON.stringify(doc, null, 2));
        expectSafe(out, 'json');
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(doc)));
      }),
      RUNS,
    );
  });
});

describe('every text renderer, with attacker-chosen fields (property)', () => {
  it('summary --format text', async () => {
    const policy = await resolvePolicy('standard');
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 25, maxLength: 25 }), (xs) => {
        const st = hostileStatement(xs);
        const out = termText(renderSummaryText(termStrings(st), { policy: termStrings(evaluatePolicy(st, policy)) }));
        expectSafe(out, 'summary');
        const base = plainOf(xs);
        expect(lines(out)).toBe(lines(renderSummaryText(base, { policy: evaluatePolicy(base, policy) })));
      }),
      RUNS,
    );
  });

  it('diff --format text', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 25, maxLength: 25 }), fc.array(hostile, { minLength: 25, maxLength: 25 }), (a, b) => {
        const out = termText(renderDiffText(diffStatements(hostileStatement(a), hostileStatement(b))));
        expectSafe(out, 'diff');
      }),
      RUNS,
    );
  });

  it('lineage tables (overview, --metric, --dataset)', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 25, maxLength: 25 }), (xs) => {
        const st = hostileStatement(xs);
        const g = graphFromStatements([{ statement: st, source: xs[0]! }]);
        const outs = [renderGraphTable(g), renderMetricAnswers(datasetsForMetric(g, { name: st.predicate.metrics[0]!.name })), renderDatasetAnswers(modelsUsingDataset(g, st.predicate.datasets[0]!.id))];
        for (const o of outs) expectSafe(termText(o), 'lineage');
        // One row per run: a field cannot add one.
        expect(lines(termText(outs[0]!))).toBe(lines(renderGraphTable(graphFromStatements([plainOf(xs)]))));
      }),
      RUNS,
    );
  });

  it('replay table, the command shown before running, and the error lines', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 6, maxLength: 6 }), (xs) => {
        const rows: ReplayRow[] = [
          { kind: 'dataset', input: xs[0]!, recorded: xs[1]!, local: xs[2]!, status: 'mismatch', note: xs[3]! },
          { kind: 'metric', input: xs[4]!, recorded: '0.9', local: xs[5]!, status: 'match' },
        ];
        const table = termText(renderReplayTable(rows));
        expectSafe(table, 'replay');
        expect(lines(table)).toBe(5);
        const cmd = termText(`replay will run: ${showCommand(xs)}`);
        expectSafe(cmd, 'command');
        expect(lines(cmd)).toBe(1);
      }),
      RUNS,
    );
  });

  it('validate / build findings and verify text', async () => {
    const policy = await resolvePolicy('strict');
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 25, maxLength: 25 }), (xs) => {
        const st = hostileStatement(xs);
        const result = evaluatePolicy(st, policy);
        for (const f of result.findings) {
          const line = termText(`${f.severity}: ${termLine(formatFinding(f))}`);
          expectSafe(line, 'finding');
          expect(lines(line)).toBe(1);
        }
        const verdict: Verdict = {
          verified: false,
          failure: xs[0],
          checks: [
            { name: 'identity', ok: false, status: 'fail', reason: `signed by ${xs[1]}` },
            { name: 'subjects', ok: true, status: 'pass', reason: xs[2]! },
          ],
          policy: { name: 'strict', complete: result.complete, findings: result.findings, missing: result.missing },
        };
        const out = termText(formatVerdict(termStrings(verdict)));
        expectSafe(out, 'verify');
        expect(lines(out)).toBe(3 + result.findings.length + 1);
      }),
      RUNS,
    );
  });
});
