/**
 * What the store holds where a question found nothing: the part of the question that matched
 * nothing, and the values that exist there (src/lineage/no-match.ts words the error, as over
 * files). Asked only after an empty answer, each in one or two aggregate queries that return
 * the distinct values with their run counts, never the runs themselves: metric names read
 * the metric rows once (as the metric question does), dataset ids and versions and
 * repositories are read from their indexes. Under row-level security a reader is told only
 * the values of the runs it may see.
 */
import type { Known, NoMatch } from '../lineage/no-match.js';
import type { Db, SqlValue } from './db.js';
import { storeError } from './errors.js';
import { datasetRef, EVERY_RUN, runSelection, type MetricQuestion, type RunsQuestion } from './questions.js';

async function rows(db: Db, sql: string, params: SqlValue[]): Promise<Record<string, unknown>[]> {
  try {
    return await db.all(sql, params);
  } catch (err) {
    throw storeError(err, db.location, 'reading what the store holds');
  }
}

const known = (rs: Record<string, unknown>[]): Known[] =>
  rs.map((r) => ({ value: String(r.value ?? ''), runs: Number(r.runs), ...(r.last !== null && r.last !== undefined ? { last: String(r.last) } : {}) }));

/** Which part of `--metric M [--split S] [--epoch E] [--model D]` matched nothing. */
export function whyNoMetric(db: Db, mq: MetricQuestion): Promise<NoMatch> {
  return db.snapshot(async (view) => {
    if (mq.model !== undefined && (await rows(view, 'SELECT 1 AS x FROM models WHERE sha256 = ? LIMIT 1', [mq.model])).length === 0) {
      return { part: 'model', asked: `sha256:${mq.model}` };
    }
    // With --model, only the metrics of the runs that produced it.
    const scope = mq.model === undefined ? { sql: '', params: [] as SqlValue[] } : { sql: ' AND m.run_no IN (SELECT x.run_no FROM models x WHERE x.sha256 = ?)', params: [mq.model] };
    const names = known(await rows(view, `SELECT m.name AS value, COUNT(DISTINCT m.run_no) AS runs FROM metrics m WHERE 1 = 1${scope.sql} GROUP BY m.name`, scope.params));
    if (!names.some((n) => n.value === mq.name)) return { part: 'metric', asked: mq.name, known: names };
    if (mq.split !== undefined) {
      const splits = known(
        await rows(view, `SELECT COALESCE(m.split, '') AS value, COUNT(DISTINCT m.run_no) AS runs FROM metrics m WHERE m.name = ?${scope.sql} GROUP BY COALESCE(m.split, '')`, [mq.name, ...scope.params]),
      );
      if (!splits.some((s) => s.value === mq.split)) return { part: 'split', metric: mq.name, asked: mq.split, known: splits };
    }
    if (mq.epoch !== undefined) {
      const split = mq.split === undefined ? { sql: '', params: [] as SqlValue[] } : { sql: ' AND m.split = ?', params: [mq.split] };
      const epochs = known(
        await rows(
          view,
          `SELECT m.epoch AS value, COUNT(DISTINCT m.run_no) AS runs FROM metrics m WHERE m.name = ?${split.sql} AND m.epoch IS NOT NULL${scope.sql} GROUP BY m.epoch`,
          [mq.name, ...split.params, ...scope.params],
        ),
      );
      if (!epochs.some((e) => Number(e.value) === mq.epoch)) return { part: 'epoch', metric: mq.name, ...(mq.split !== undefined ? { split: mq.split } : {}), asked: mq.epoch, known: epochs };
    }
    return { part: 'none' };
  });
}

/** Whether the id or the version of `--dataset ID[@VERSION]` matched nothing. */
export function whyNoDataset(db: Db, ref: string): Promise<NoMatch> {
  return db.snapshot(async (view) => {
    const { id, version } = await datasetRef(view, ref);
    if ((await rows(view, 'SELECT 1 AS x FROM datasets WHERE ds_id = ? LIMIT 1', [id])).length === 0) {
      return { part: 'dataset', asked: id, known: known(await rows(view, 'SELECT ds_id AS value, COUNT(DISTINCT run_no) AS runs FROM datasets GROUP BY ds_id', [])) };
    }
    if (version === undefined) return { part: 'none' };
    const versions = known(
      await rows(
        view,
        `SELECT COALESCE(d.version, '') AS value, COUNT(DISTINCT d.run_no) AS runs, MAX(r.finished_on) AS last
         FROM datasets d CROSS JOIN runs r WHERE d.ds_id = ? AND r.run_no = d.run_no GROUP BY COALESCE(d.version, '')`,
        [id],
      ),
    );
    return versions.some((v) => v.value === version) ? { part: 'none' } : { part: 'version', dataset: id, asked: version, known: versions };
  });
}

/** Whether the repository of `--runs` holds no run, or only none in the --since/--until window. */
export function whyNoRuns(db: Db, rq: RunsQuestion): Promise<NoMatch> {
  return db.snapshot(async (view) => {
    const { where, params } = runSelection({ repository: rq.repository });
    const [span] = await rows(view, `SELECT COUNT(*) AS n, MIN(r.finished_on) AS first, MAX(r.finished_on) AS last FROM runs r WHERE ${where.join(' AND ')}`, params);
    const n = Number(span?.n ?? 0);
    if (n > 0) {
      return { part: 'window', repository: EVERY_RUN(rq.repository) ? '*' : rq.repository, runs: n, ...(span?.first ? { first: String(span.first) } : {}), ...(span?.last ? { last: String(span.last) } : {}) };
    }
    // Runs that name no repository (owner '') have no OWNER/REPO to pass: they are counted, and `--runs '*'` selects them.
    const repos = await rows(view, 'SELECT r.owner, r.repo, COUNT(*) AS runs, MAX(r.finished_on) AS last FROM runs r GROUP BY r.owner, r.repo', []);
    const named = repos.filter((r) => String(r.owner) !== '');
    const unnamed = repos.filter((r) => String(r.owner) === '').reduce((a, r) => a + Number(r.runs), 0);
    return { part: 'repository', asked: rq.repository, known: known(named.map((r) => ({ ...r, value: `${String(r.owner)}/${String(r.repo)}` }))), unnamed };
  });
}
