import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  trustDocuments
} from "./chunk-VSXDUK43.js";
import {
  addTrustFlags,
  bundleVerifier
} from "./chunk-GTNPXQ2D.js";
import {
  createGitHubClient
} from "./chunk-SSZR254E.js";
import "./chunk-VBXI4LJA.js";
import "./chunk-KYQEE4WY.js";
import {
  Option
} from "./chunk-ZWHDYMP4.js";
import {
  intOption,
  processIo,
  run
} from "./chunk-IIXKIORC.js";
import "./chunk-ZBID2I6S.js";
import {
  stderrLogger
} from "./chunk-VRTPJNTG.js";
import "./chunk-U4PC2X5E.js";
import "./chunk-SOF5HSAE.js";
import {
  documentFromBytes,
  isSigstoreBundle,
  loadDocument
} from "./chunk-72RVQJW5.js";
import "./chunk-B5GPVALP.js";
import {
  graphFromStatements
} from "./chunk-3ESXPTDV.js";
import "./chunk-LNJGPLWF.js";
import {
  digestPath
} from "./chunk-6VB4X4JY.js";
import "./chunk-JVHSXTM2.js";
import "./chunk-UWSO75RQ.js";
import {
  readJsonFile
} from "./chunk-6OCRJMU6.js";
import "./chunk-VYZM6XTX.js";
import "./chunk-AI3BSDVQ.js";
import {
  InputError,
  ProvenanceError,
  ServiceError
} from "./chunk-NAV5SXXN.js";
import "./chunk-ACIUNWAG.js";
import {
  datasetsForMetric,
  modelOrigins,
  modelsUsingDataset,
  parseModelRef,
  renderDatasetAnswers,
  renderDot,
  renderGraphTable,
  renderMermaid,
  renderMetricAnswers,
  renderModelAnswers,
  subgraph
} from "./chunk-WODNTZE4.js";
import "./chunk-3HTINU5N.js";
import {
  init_p_map,
  pMap
} from "./chunk-YTIBHEOE.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/cli/commands/lineage.ts
import path2 from "node:path";
import { stat as stat2 } from "node:fs/promises";

// src/lineage/sources.ts
init_p_map();
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
async function unreadableBundle(file, error, doc) {
  const json = doc ?? await readJsonFile(file, "statement or bundle").catch(() => void 0);
  return isSigstoreBundle(json) ? { file, bundle: json, error } : void 0;
}
__name(unreadableBundle, "unreadableBundle");
var DOCUMENT_FILE = /\.json$/i;
async function walk(dir, out) {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === "node_modules" || e.name === ".git") continue;
      await walk(p, out);
    } else if (e.isFile() && DOCUMENT_FILE.test(e.name)) {
      out.push(p);
    }
  }
}
__name(walk, "walk");
async function loadDocuments(inputs, log, unreadable) {
  if (inputs.length === 0) {
    throw new InputError("no-inputs", "no statements or bundles given", {
      fix: "pass one or more statement/bundle files or directories, or --repo OWNER/REPO --from-releases"
    });
  }
  const docs = [];
  for (const input of inputs) {
    const st = await stat(input).catch(() => void 0);
    if (!st) {
      throw new InputError("file-not-found", `not found: ${input}`, { fix: "check the path", file: input });
    }
    if (!st.isDirectory()) {
      try {
        docs.push(await loadDocument(input));
      } catch (err) {
        const broken = unreadable && err instanceof ProvenanceError && err.kind === "input" ? await unreadableBundle(input, err) : void 0;
        if (!broken) throw err;
        unreadable.push({ ...broken, explicit: true });
      }
      continue;
    }
    const files = [];
    await walk(input, files);
    let found = 0;
    const loaded = await pMap(files, (f) => loadDocument(f).then((doc) => ({ f, doc }), (err) => ({ f, err })), { concurrency: 16 });
    for (const r of loaded) {
      const f = r.f;
      try {
        if ("err" in r) throw r.err;
        docs.push({ ...r.doc, scanned: true });
        found++;
      } catch (err) {
        if (err instanceof ProvenanceError && err.kind === "input") {
          const broken = await unreadableBundle(f, err);
          if (broken) {
            if (!unreadable) throw err;
            unreadable.push(broken);
            found++;
            continue;
          }
          log.warning(`skipping ${f}: not an ml-provenance statement or bundle`);
          continue;
        }
        throw err;
      }
    }
    if (found === 0) {
      throw new InputError("no-statements-in-directory", `${input} holds no ml-provenance statements or bundles`, {
        fix: "point at the directory holding provenance.intoto.json / provenance.sigstore.json files",
        file: input
      });
    }
  }
  return docs;
}
__name(loadDocuments, "loadDocuments");

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

// src/cli/commands/lineage.ts
async function modelRef(ref) {
  const parsed = parseModelRef(ref);
  if ("sha256" in parsed) return parsed;
  const st = await stat2(ref).catch(() => void 0);
  if (st?.isFile()) {
    const d = await digestPath(ref, path2.dirname(path2.resolve(ref)));
    return { sha256: d.sha256 };
  }
  return parsed;
}
__name(modelRef, "modelRef");
function register(program) {
  const cmd = program.command("lineage").description("answer lineage questions over many records: which data produced a metric, which models used a dataset, what trained a model").argument("[inputs...]", "statement or bundle files, or directories holding them").option("--dataset <ID[@VERSION]>", "which models used this dataset (version optional)").option("--model <PATH|DIGEST>", "what trained this model: a subject path, a local file (hashed), or sha256:HEX").option("--metric <NAME>", "which dataset versions produced this metric").option("--epoch <N>", "with --metric: the value at this epoch (default: each run\u2019s final value)", intOption("--epoch")).option("--split <NAME>", "with --metric: only this split (train, test, ...)").addOption(new Option("--format <format>", "output format").choices(["table", "json", "mermaid", "dot"]).default("table")).option("--no-verify", "trust the records without verifying their signatures").option("--no-cache", "verify every bundle again: neither use nor update the cache of bundles that verified").option("--jobs <N>", "threads verifying bundles (default: the number of CPUs, at most 8; 1: this thread only)", intOption("--jobs")).option("--from-releases", "read statements/bundles from the --repo repository\u2019s release assets (needs GITHUB_TOKEN)");
  addTrustFlags(cmd, "the repository whose workflow must have signed the bundles; with --from-releases, whose release assets to read").action(
    run(async (inputs, o) => {
      const queries = [o.dataset, o.model, o.metric].filter((q) => q !== void 0);
      if (queries.length > 1) {
        throw new InputError("one-query", "pass only one of --dataset, --model, --metric", { fix: "run one query per invocation" });
      }
      if ((o.epoch !== void 0 || o.split !== void 0) && o.metric === void 0) {
        throw new InputError("epoch-without-metric", "--epoch and --split refine --metric", { fix: "add --metric NAME" });
      }
      if (o.jobs !== void 0 && o.jobs < 1) {
        throw new InputError("bad-jobs", `--jobs must be at least 1, got ${o.jobs}`, { fix: "pass --jobs 1 to verify in this thread only, or leave it out to use every CPU" });
      }
      if (o.fromReleases && !o.repo) {
        throw new InputError("releases-without-repo", "--from-releases needs --repo OWNER/REPO", { fix: "add --repo OWNER/REPO" });
      }
      const unreadable = [];
      const docs = [
        ...inputs.length || !o.fromReleases ? await loadDocuments(inputs, stderrLogger, unreadable) : [],
        ...o.fromReleases ? await loadReleaseDocuments({
          repo: o.repo,
          token: process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN,
          ...process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {},
          logger: stderrLogger,
          unreadable
        }) : []
      ];
      const trusted = await trustDocuments(docs, { noVerify: !o.verify, verifier: bundleVerifier(o, { cache: o.cache, ...o.jobs !== void 0 ? { jobs: o.jobs } : {} }), unreadable, logger: stderrLogger });
      const graph = graphFromStatements(trusted.map((d) => ({ statement: d.statement, source: d.file })));
      let answers;
      let table = "";
      let runs = [];
      if (o.metric !== void 0) {
        const a = datasetsForMetric(graph, { name: o.metric, ...o.epoch !== void 0 ? { epoch: o.epoch } : {}, ...o.split ? { split: o.split } : {} });
        answers = a;
        table = renderMetricAnswers(a);
        runs = a.map((x) => x.lineage.run.key);
      } else if (o.dataset !== void 0) {
        const a = modelsUsingDataset(graph, o.dataset);
        answers = a;
        table = renderDatasetAnswers(a);
        runs = a.map((x) => x.run.key);
      } else if (o.model !== void 0) {
        const a = modelOrigins(graph, await modelRef(o.model));
        answers = a;
        table = renderModelAnswers(a);
        runs = a.map((x) => x.lineage.run.key);
      }
      const shown = answers ? subgraph(graph, new Set(runs)) : graph;
      if (o.format === "json") processIo.out(JSON.stringify(answers ? { answers } : { graph }, null, 2));
      else if (o.format === "mermaid") processIo.out(renderMermaid(shown));
      else if (o.format === "dot") processIo.out(renderDot(shown));
      else processIo.out(answers ? table : renderGraphTable(graph));
      if (answers && answers.length === 0) {
        const what = o.metric !== void 0 ? `metric ${o.metric}` : o.dataset !== void 0 ? `dataset ${o.dataset}` : `model ${o.model}`;
        stderrLogger.info(`no record in the ${graph.runs.length} given mentions ${what}`);
      }
    })
  );
}
__name(register, "register");
export {
  register
};
