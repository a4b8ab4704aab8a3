import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  createGitHubClient
} from "./chunk-JSPBVTEM.js";
import {
  unreadableBundle
} from "./chunk-NFQFVJRT.js";
import {
  indexGraph,
  parseDatasetRef
} from "./chunk-SYMDRX5X.js";
import {
  documentFromBytes
} from "./chunk-LATVBRSX.js";
import {
  CheckError,
  InputError,
  ProvenanceError,
  ServiceError
} from "./chunk-NAV5SXXN.js";
import {
  shellWords
} from "./chunk-IMH2OV3G.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/lineage/releases.ts
var RELEASE_ASSET = /(\.sigstore\.json|\.intoto\.json)$/i;
function parseRepo(text) {
  const m = text ? /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(text) : null;
  if (!m) {
    throw new InputError("bad-repo", `--repo must be OWNER/REPO, got "${text ?? ""}"`, { fix: "pass --repo octo-org/train-models" });
  }
  return { owner: m[1], repo: m[2] };
}
__name(parseRepo, "parseRepo");
async function loadReleaseDocuments(o) {
  const { owner, repo } = parseRepo(o.repo);
  if (!o.client && !o.token) {
    throw new InputError("no-token", "reading release assets needs a GitHub token", {
      fix: "set GITHUB_TOKEN (a token with read access to the repository) and run again"
    });
  }
  const client = o.client ?? createGitHubClient({ token: o.token, logger: o.logger, ...o.baseUrl ? { baseUrl: o.baseUrl } : {} });
  const docs = [];
  let found = 0;
  let releases;
  try {
    releases = await client.paginate(client.rest.repos.listReleases, { owner, repo, per_page: 100 });
  } catch (err) {
    const status = err.status;
    if (status === 404) {
      throw new InputError("repo-not-found", `repository ${owner}/${repo} not found (or the token cannot read it)`, {
        fix: "check --repo and that GITHUB_TOKEN can read the repository",
        cause: err
      });
    }
    throw new ServiceError("github-releases", `listing releases of ${owner}/${repo} failed: ${err.message}`, {
      fix: "check the network and the token, then run again",
      cause: err
    });
  }
  for (const rel of releases) {
    for (const asset of rel.assets) {
      if (!RELEASE_ASSET.test(asset.name)) continue;
      const name = `${owner}/${repo}@${rel.tag_name}/${asset.name}`;
      let res;
      try {
        res = await client.rest.repos.getReleaseAsset({
          owner,
          repo,
          asset_id: asset.id,
          headers: { accept: "application/octet-stream" }
        });
      } catch (err) {
        const status = err.status;
        const why = err.message || (status ? `HTTP ${status}` : "no answer");
        throw new ServiceError("github-release-asset", `downloading release asset ${name} failed: ${why}${status && !why.includes(String(status)) ? ` (HTTP ${status})` : ""}`, {
          fix: status === 404 ? "the asset was deleted or replaced while reading; run again" : "check the network and that GITHUB_TOKEN can read the repository, then run again",
          cause: err
        });
      }
      const data = res.data;
      const text = typeof data === "string" ? data : data instanceof ArrayBuffer ? Buffer.from(data).toString("utf8") : Buffer.isBuffer(data) ? data.toString("utf8") : JSON.stringify(data);
      try {
        docs.push({ ...documentFromBytes(text, name), scanned: true });
      } catch (err) {
        if (o.unreadable && err instanceof ProvenanceError && err.kind === "input") {
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            json = void 0;
          }
          const broken = await unreadableBundle(name, err, json ?? {});
          if (broken) {
            o.unreadable.push(broken);
            found++;
            continue;
          }
        }
        o.logger.warning(`skipping release asset ${name}: ${err.message}`);
      }
    }
  }
  if (docs.length + found === 0) {
    throw new InputError("no-release-statements", `no provenance assets (*.sigstore.json, *.intoto.json) on the releases of ${owner}/${repo}`, {
      fix: "publish with `release-tag` set (the action uploads the bundle as a release asset), or pass files instead"
    });
  }
  return docs;
}
__name(loadReleaseDocuments, "loadReleaseDocuments");

// src/lineage/no-match.ts
var SHOWN = 5;
function distance(a, b) {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  const d = Array.from({ length: x.length + 1 }, (_, i) => [i, ...Array(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0][j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[x.length][y.length];
}
__name(distance, "distance");
function mostRelevant(asked, known) {
  const near = /* @__PURE__ */ __name((k) => {
    if (typeof asked === "number") return Math.abs(Number(k.value) - asked);
    const d = distance(asked, k.value);
    return d <= Math.max(1, Math.floor(asked.length / 4)) ? d : Infinity;
  }, "near");
  const keyed = known.map((k) => ({ k, near: near(k) }));
  const by = /* @__PURE__ */ __name(({ k: a, near: x }, { k: b, near: y }) => {
    const value = typeof asked === "number" ? Number(a.value) - Number(b.value) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    return (x === y ? 0 : x < y ? -1 : 1) || b.runs - a.runs || (b.last ?? "").localeCompare(a.last ?? "") || value;
  }, "by");
  return keyed.sort(by).map((e) => e.k);
}
__name(mostRelevant, "mostRelevant");
var shown = /* @__PURE__ */ __name((v) => v === "" ? "(none)" : shellWords([v]), "shown");
function listKnown(asked, known, max = SHOWN) {
  const best = mostRelevant(asked, known);
  const head = best.slice(0, max).map((k) => shown(k.value)).join(", ");
  return best.length > max ? `${head} and ${best.length - max} more` : head;
}
__name(listKnown, "listKnown");
function noMatchError(m, where, elsewhere) {
  const fix = /* @__PURE__ */ __name((listed, list, then) => new CheckError("no-match", listed, { fix: `${list}; ${then}` }), "fix");
  switch (m.part) {
    case "metric":
      return m.known.length === 0 ? new CheckError("no-match", `no metric is recorded ${where}`, { fix: elsewhere }) : fix(`no metric ${shown(m.asked)} ${where}`, `metrics recorded: ${listKnown(m.asked, m.known)}`, `check the spelling (names are case-sensitive) or ${elsewhere}`);
    case "split": {
      const only = m.known.length === 1 && m.known[0].value === "";
      if (only) return new CheckError("no-match", `metric ${shown(m.metric)} has no split ${shown(m.asked)} ${where}`, { fix: "it is recorded without a split: leave out --split" });
      return fix(`metric ${shown(m.metric)} has no split ${shown(m.asked)} ${where}`, `its splits: ${listKnown(m.asked, m.known)}`, "pass one of them to --split, or leave --split out for every split");
    }
    case "epoch": {
      const what = `metric ${shown(m.metric)}${m.split !== void 0 ? ` (split ${shown(m.split)})` : ""} has no epoch ${m.asked} ${where}`;
      if (m.known.length === 0) return new CheckError("no-match", what, { fix: "it is recorded without epochs: leave out --epoch for each run's final value" });
      return fix(what, `its epochs: ${listKnown(m.asked, m.known)}`, "pass one of them to --epoch, or leave --epoch out for each run's final value");
    }
    case "dataset":
      return m.known.length === 0 ? new CheckError("no-match", `no dataset is recorded ${where}`, { fix: elsewhere }) : fix(`no dataset ${shown(m.asked)} ${where}`, `datasets recorded: ${listKnown(m.asked, m.known)}`, `check the spelling (ids are case-sensitive) or ${elsewhere}`);
    case "version":
      return fix(
        `dataset ${shown(m.dataset)} has no version ${shown(m.asked)} ${where}`,
        `its versions: ${listKnown(m.asked, m.known)}`,
        `pass --dataset ${shown(`${m.dataset}@VERSION`)} with one of them, or --dataset ${shown(m.dataset)} for every version`
      );
    case "model":
      return new CheckError("no-match", `no run ${where} produced model ${shown(m.asked)}`, {
        fix: `pass the model file itself (it is hashed) or its sha256, or ${elsewhere}`
      });
    case "repository": {
      if (m.known.length === 0 && m.unnamed === 0) return new CheckError("no-match", `no run is stored ${where}`, { fix: elsewhere });
      const listed = [
        ...m.known.length ? [`repositories stored: ${listKnown(m.asked, m.known)}`] : [],
        ...m.unnamed ? [`${m.unnamed} run(s) name no repository (built outside GitHub Actions)`] : []
      ].join("; ");
      return fix(`no run of repository ${shown(m.asked)} ${where}`, listed, `pass ${m.known.length ? "one of them, OWNER/* for an owner, or " : ""}'*' for every run; ${elsewhere}`);
    }
    case "window": {
      const every = m.repository === "*";
      return new CheckError("no-match", `no run ${every ? "" : `of ${shown(m.repository)} `}${where} finished within --since/--until`, {
        fix: `${every ? "the" : "its"} ${m.runs} stored run(s) finished between ${m.first ?? "(no time)"} and ${m.last ?? "(no time)"}: widen --since/--until or leave them out`
      });
    }
    case "none":
      return new CheckError("no-match", `nothing ${where} answers this`, { fix: elsewhere });
  }
}
__name(noMatchError, "noMatchError");
function tally(pairs) {
  const out = /* @__PURE__ */ new Map();
  for (const p of pairs) {
    const e = out.get(p.value) ?? { runs: /* @__PURE__ */ new Set() };
    e.runs.add(p.run);
    if (p.last !== void 0 && (e.last === void 0 || p.last > e.last)) e.last = p.last;
    out.set(p.value, e);
  }
  return [...out].map(([value, e]) => ({ value, runs: e.runs.size, ...e.last !== void 0 ? { last: e.last } : {} }));
}
__name(tally, "tally");
function runsOfGraph(g) {
  const ix = indexGraph(g);
  const finished = /* @__PURE__ */ __name((run) => ix.runs.get(run)?.finishedOn, "finished");
  const runsOf = /* @__PURE__ */ __name((key) => {
    const runs = (ix.out.get(key) ?? []).map((e) => e.kind === "feeds" ? e.to : ix.steps.get(e.to)?.run).filter((r) => r !== void 0);
    return runs.length ? [...new Set(runs)] : [key];
  }, "runsOf");
  return { ix, finished, runsOf };
}
__name(runsOfGraph, "runsOfGraph");
var at = /* @__PURE__ */ __name((last) => last !== void 0 ? { last } : {}, "at");
function whyNoMetric(g, q) {
  const { ix, finished } = runsOfGraph(g);
  const seen = /* @__PURE__ */ __name((ms, value) => tally(ms.flatMap((m) => {
    const v = value(m);
    return v === void 0 ? [] : [{ value: v, run: m.run, ...at(finished(m.run)) }];
  })), "seen");
  const named = ix.metricsByName.get(q.name) ?? [];
  if (named.length === 0) return { part: "metric", asked: q.name, known: seen(g.metrics, (m) => m.name) };
  const split = q.split === void 0 ? named : named.filter((m) => m.split === q.split);
  if (split.length === 0) return { part: "split", metric: q.name, asked: q.split, known: seen(named, (m) => m.split ?? "") };
  if (q.epoch !== void 0 && !split.some((m) => m.epoch === q.epoch)) {
    return { part: "epoch", metric: q.name, ...q.split !== void 0 ? { split: q.split } : {}, asked: q.epoch, known: seen(split, (m) => m.epoch === void 0 ? void 0 : String(m.epoch)) };
  }
  return { part: "none" };
}
__name(whyNoMetric, "whyNoMetric");
function whyNoDataset(g, ref) {
  const { ix, finished, runsOf } = runsOfGraph(g);
  const { id, version } = parseDatasetRef(g, ref);
  const seen = /* @__PURE__ */ __name((ds, value) => tally(ds.flatMap((d) => runsOf(d.key).map((run) => ({ value: value(d), run, ...at(finished(run)) })))), "seen");
  const nodes = ix.datasetsById.get(id) ?? [];
  if (nodes.length === 0) return { part: "dataset", asked: id, known: seen(g.datasets, (d) => d.id) };
  if (version !== void 0) return { part: "version", dataset: id, asked: version, known: seen(nodes, (d) => d.version ?? "") };
  return { part: "none" };
}
__name(whyNoDataset, "whyNoDataset");

export {
  RELEASE_ASSET,
  parseRepo,
  loadReleaseDocuments,
  noMatchError,
  whyNoMetric,
  whyNoDataset
};
