import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  RELEASE_ASSET,
  parseRepo
} from "./chunk-MK23BK53.js";
import {
  addTrustFlags,
  bundleVerifier,
  identityFrom,
  verifyMany
} from "./chunk-KNOIKZMB.js";
import {
  isoDate
} from "./chunk-MDW7IK2A.js";
import {
  createGitHubClient
} from "./chunk-QCYN2NR7.js";
import "./chunk-KYQEE4WY.js";
import {
  STORE_ROLES,
  auditStore,
  datasetQuestion,
  grantRole,
  ingestDocuments,
  metricQuestion,
  modelQuestion,
  purgeRuns,
  readStoreDocuments,
  runsQuestion,
  storeDocument,
  storeError,
  withStore
} from "./chunk-WA3QAGWM.js";
import "./chunk-MJC3QYYG.js";
import "./chunk-XHOK4V6Z.js";
import {
  DEFAULT_STORE
} from "./chunk-N3NJFTVB.js";
import "./chunk-YTIBHEOE.js";
import "./chunk-B5GPVALP.js";
import "./chunk-ATYB5S2J.js";
import {
  Option,
  collect,
  intOption,
  processIo,
  run
} from "./chunk-5DLPHTA5.js";
import "./chunk-LNJGPLWF.js";
import {
  failureFix,
  loadTrustedRoot,
  validateIdentityPolicy
} from "./chunk-EKKGY6TE.js";
import "./chunk-ENOS7S7E.js";
import "./chunk-DZAXBD7J.js";
import "./chunk-6634YCS7.js";
import "./chunk-DWXH6HXY.js";
import "./chunk-HFVK3KHK.js";
import {
  stderrLogger
} from "./chunk-Q655VGAR.js";
import "./chunk-U4PC2X5E.js";
import "./chunk-WPZVMEAJ.js";
import "./chunk-3ISWE4GW.js";
import "./chunk-WGI67E3C.js";
import "./chunk-XVL27I62.js";
import "./chunk-LO3SQUZC.js";
import "./chunk-TVF3COTD.js";
import "./chunk-U6NGMXLZ.js";
import "./chunk-IFWJZX5H.js";
import {
  CheckError,
  InputError,
  ProvenanceError,
  ServiceError
} from "./chunk-NAV5SXXN.js";
import "./chunk-ACIUNWAG.js";
import "./chunk-3HTINU5N.js";
import "./chunk-5Y6NISUK.js";
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/store/sync.ts
function asBuffer(data) {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (Buffer.isBuffer(data)) return data;
  return Buffer.from(JSON.stringify(data), "utf8");
}
__name(asBuffer, "asBuffer");
function githubError(err, what) {
  const status = err.status;
  if (status === 404) return new InputError("repo-not-found", `${what}: not found (or the token cannot read it)`, { fix: "check the name and that GITHUB_TOKEN can read it", cause: err });
  return new ServiceError("github-sync", `${what} failed: ${err.message}`, { fix: "check the network and the token, then run again", cause: err });
}
__name(githubError, "githubError");
async function seenSet(db, source) {
  try {
    return new Set((await db.all("SELECT item FROM sync_seen WHERE source = ?", [source])).map((r) => r.item));
  } catch (err) {
    throw storeError(err, db.location, "reading the sync state");
  }
}
__name(seenSet, "seenSet");
async function recordSeen(db, seen) {
  if (seen.length === 0) return;
  const now = (/* @__PURE__ */ new Date()).toISOString();
  await db.transaction(async (tx) => {
    for (const s of seen) await tx.run("INSERT INTO sync_seen (source, item, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [s.source, s.item, now]);
  });
}
__name(recordSeen, "recordSeen");
async function ownerRepos(client, owner) {
  try {
    const repos = await client.paginate(client.rest.repos.listForOrg, { org: owner, per_page: 100 });
    return repos.map((r) => r.full_name);
  } catch (err) {
    if (err.status !== 404) throw githubError(err, `listing the repositories of ${owner}`);
  }
  try {
    const repos = await client.paginate(client.rest.repos.listForUser, { username: owner, per_page: 100 });
    return repos.map((r) => r.full_name);
  } catch (err) {
    throw githubError(err, `listing the repositories of ${owner}`);
  }
}
__name(ownerRepos, "ownerRepos");
async function newReleaseDocuments(db, client, full, log) {
  const { owner, repo } = parseRepo(full);
  const source = `release:${owner}/${repo}`;
  const seen = await seenSet(db, source);
  const out = { docs: [], seen: [] };
  try {
    for await (const page of client.paginate.iterator(client.rest.repos.listReleases, { owner, repo, per_page: 100 })) {
      let fresh = 0;
      for (const rel of page.data) {
        for (const asset of rel.assets) {
          if (!RELEASE_ASSET.test(asset.name) || seen.has(String(asset.id))) continue;
          fresh++;
          const name = `${owner}/${repo}@${rel.tag_name}/${asset.name}`;
          const res = await client.rest.repos.getReleaseAsset({ owner, repo, asset_id: asset.id, headers: { accept: "application/octet-stream" } });
          out.seen.push({ source, item: String(asset.id) });
          try {
            const doc = storeDocument(asBuffer(res.data), name);
            if (doc.bundle) out.docs.push({ ...doc, scanned: true });
          } catch (err) {
            log.warning(`skipping release asset ${name}: ${err.message}`);
          }
        }
      }
      if (fresh === 0 && seen.size > 0) break;
    }
  } catch (err) {
    if (err instanceof ProvenanceError) throw err;
    throw githubError(err, `reading the releases of ${owner}/${repo}`);
  }
  return out;
}
__name(newReleaseDocuments, "newReleaseDocuments");
async function newAttestationDocuments(db, client, full, digests, log) {
  const { owner, repo } = parseRepo(full);
  const source = `attestation:${owner}/${repo}`;
  const seen = await seenSet(db, source);
  const out = { docs: [], seen: [] };
  for (const d of digests) {
    const digest = d.startsWith("sha256:") ? d : `sha256:${d}`;
    let list;
    try {
      const res = await client.request("GET /repos/{owner}/{repo}/attestations/{subject_digest}", { owner, repo, subject_digest: digest, per_page: 100 });
      list = res.data.attestations ?? [];
    } catch (err) {
      if (err.status === 404) continue;
      throw githubError(err, `reading attestations of ${owner}/${repo} for ${digest}`);
    }
    list.forEach((a, i) => {
      const bytes = Buffer.from(JSON.stringify(a.bundle ?? {}), "utf8");
      const name = `${owner}/${repo} attestation ${digest} #${i}`;
      try {
        const doc = storeDocument(bytes, name);
        const key = doc.bundleSha256 ?? "";
        if (!doc.bundle || seen.has(key)) return;
        out.docs.push({ ...doc, scanned: true });
        out.seen.push({ source, item: key });
      } catch (err) {
        log.debug(`skipping ${name}: ${err.message}`);
      }
    });
  }
  return out;
}
__name(newAttestationDocuments, "newAttestationDocuments");

// src/store/text.ts
var clean = /* @__PURE__ */ __name((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?"), "clean");
var runLine = /* @__PURE__ */ __name((r) => `run ${r.runId.slice(0, 16)} ${r.verified ? "verified" : "NOT VERIFIED"}${r.repository ? ` ${clean(r.repository)}` : ""}${r.finishedOn ? ` ${clean(r.finishedOn)}` : ""}`, "runLine");
var ds = /* @__PURE__ */ __name((d) => clean(`${d.id}${d.version ? `@${d.version}` : ""}${d.digest ? ` (${d.digest.slice(0, 19)})` : ""}${d.derived ? " [derived]" : ""}`), "ds");
var metric = /* @__PURE__ */ __name((m) => clean(`${m.name}${m.split ? `[${m.split}]` : ""}${m.epoch !== void 0 ? `@${m.epoch}` : ""}=${m.value}`), "metric");
function metricText(a) {
  return a.map(
    (x) => [
      `${metric(x.metric)}  ${runLine(x.run)}`,
      `  datasets: ${x.datasets.map(ds).join(", ") || "(none)"}`,
      ...x.upstream.map((u) => `  upstream ${runLine(u.run)}: ${u.datasets.map(ds).join(", ")}`)
    ].join("\n")
  ).join("\n");
}
__name(metricText, "metricText");
function datasetText(a) {
  return a.map((x) => `${runLine(x.run)} ${x.direct ? "read it" : "read data derived from it"}; models: ${x.models.map((m) => `${clean(m.path)} (sha256:${m.sha256.slice(0, 12)})`).join(", ") || "(none)"}`).join("\n");
}
__name(datasetText, "datasetText");
function modelText(a) {
  return a.map(
    (x) => [
      `model sha256:${x.model.sha256.slice(0, 16)} (${x.model.paths.map(clean).join(", ")}) from ${runLine(x.run)}`,
      `  metrics: ${x.metrics.map(metric).join(", ") || "(none)"}`,
      ...x.lineage.map((u) => `  ${u.run.runId === x.run.runId ? "" : "upstream "}${runLine(u.run)}: datasets ${u.datasets.map(ds).join(", ")}; steps ${u.steps.map((s) => clean(s.name)).join(" \u2192 ") || "(none)"}`)
    ].join("\n")
  ).join("\n");
}
__name(modelText, "modelText");
function runsText(a) {
  return a.map((x) => `${runLine(x.run)}  ${x.metrics.map(metric).join(", ")}`).join("\n");
}
__name(runsText, "runsText");

// src/cli/commands/store.ts
var STORE_HELP = `the store: a file (default ${DEFAULT_STORE}, embedded) or postgres://USER@HOST:PORT/DB (credentials from the URL or PG* variables)`;
function identityLabel(f) {
  return JSON.stringify(identityFrom(f));
}
__name(identityLabel, "identityLabel");
async function ingest(db, docs, unreadable, o) {
  if (o.jobs !== void 0 && o.jobs < 1) throw new InputError("bad-jobs", `--jobs must be at least 1, got ${o.jobs}`, { fix: "leave it out to use every CPU" });
  return ingestDocuments(db, docs, {
    verify: o.verify,
    verifier: bundleVerifier(o, { cache: false, ...o.jobs !== void 0 ? { jobs: o.jobs } : {} }),
    identity: identityLabel(o),
    unreadable,
    logger: stderrLogger
  });
}
__name(ingest, "ingest");
function report(r, o, where) {
  if (o.format === "json") {
    processIo.out(JSON.stringify({ stored: r.stored, existing: r.existing }, null, 2));
    return;
  }
  for (const s of r.stored) processIo.out(`stored ${s.runId} ${s.verified ? "verified" : "NOT VERIFIED"} ${s.source}`);
  stderrLogger.info(`${r.stored.length} new run(s), ${r.existing.length} already in ${where}${o.verify ? "" : " (stored without verification: every answer marks them NOT VERIFIED)"}`);
}
__name(report, "report");
function auditVerifier(f, jobs) {
  return async (bundles) => {
    const identity = identityFrom(f);
    validateIdentityPolicy(identity);
    const { root } = await loadTrustedRoot({ ...f.customTrustedRoot ? { customTrustedRoot: f.customTrustedRoot } : {}, ...f.offline ? { offline: true } : {}, logger: stderrLogger });
    const out = new Array(bundles.length).fill(void 0);
    let from = 0;
    while (from < bundles.length) {
      const rest = bundles.slice(from);
      const results = await verifyMany(rest.map((b) => ({ bundle: b.bundle, sha256: b.sha256 })), { trustedRoot: root, identity, ...jobs !== void 0 ? { jobs } : {} });
      let next = bundles.length;
      for (const [i, r] of results.entries()) {
        if (r === void 0) {
          next = from + i;
          break;
        }
        if ("error" in r) out[from + i] = `could not be verified: ${r.error}`;
        else if ("verdict" in r && !r.verdict.verified) out[from + i] = `does not verify: ${r.verdict.failure ?? "verification failed"} (${failureFix(r.verdict)})`;
      }
      from = next;
    }
    return out;
  };
}
__name(auditVerifier, "auditVerifier");
function register(program) {
  const store = program.command("store").description("the provenance store: ingest verified bundles once, ask lineage questions fast, audit and retain");
  const ing = store.command("ingest").description("verify bundles and store them (a run already stored is left as is)").argument("<inputs...>", "bundle files, or directories holding them").option("--store <PATH|URL>", STORE_HELP).option("--no-verify", "store without verifying (every answer then marks these runs NOT VERIFIED)").option("--jobs <N>", "threads verifying bundles (default: the CPUs, at most 8)", intOption("--jobs")).addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"));
  addTrustFlags(ing).action(
    run(async (inputs, o) => {
      await withStore(o.store, async (db) => {
        const unreadable = [];
        const docs = await readStoreDocuments(inputs, stderrLogger, unreadable);
        report(await ingest(db, docs, unreadable, o), o, db.location);
      });
    })
  );
  const sync = store.command("sync").description("bring new bundles from GitHub into the store: release assets of repositories (or of every repository of an owner), attestations by subject digest").option("--from-releases <OWNER/REPO>", "a repository whose release assets to read (repeatable)", collect, []).option("--org <OWNER>", "every repository of this organisation or user (with --from-releases semantics)", collect, []).option("--from-attestations <OWNER/REPO>", "a repository whose attestations to read, for --subject-digest digests (repeatable)", collect, []).option("--subject-digest <sha256:HEX>", "with --from-attestations: a subject digest to ask for (repeatable; default: every model digest already stored)", collect, []).option("--store <PATH|URL>", STORE_HELP).option("--no-verify", "store without verifying (marked NOT VERIFIED in every answer)").option("--jobs <N>", "threads verifying bundles", intOption("--jobs")).addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"));
  addTrustFlags(sync).action(
    run(async (o) => {
      if (o.fromReleases.length + o.org.length + o.fromAttestations.length === 0) {
        throw new InputError("sync-without-source", "store sync needs --from-releases OWNER/REPO, --org OWNER or --from-attestations OWNER/REPO", { fix: "say where to read bundles from" });
      }
      const token = process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN;
      if (!token) throw new InputError("no-token", "store sync reads GitHub and needs a token", { fix: "set GITHUB_TOKEN (read access to the repositories) and run again" });
      const client = createGitHubClient({ token, logger: stderrLogger, ...process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {} });
      await withStore(o.store, async (db) => {
        const repos = [...o.fromReleases];
        for (const owner of o.org) repos.push(...await ownerRepos(client, owner));
        const total = { stored: [], existing: [] };
        const take = /* @__PURE__ */ __name(async (f) => {
          const r = await ingest(db, f.docs, [], o);
          total.stored.push(...r.stored);
          total.existing.push(...r.existing);
          await recordSeen(db, f.seen);
        }, "take");
        for (const repo of [...new Set(repos)]) await take(await newReleaseDocuments(db, client, repo, stderrLogger));
        for (const repo of o.fromAttestations) {
          let digests = o.subjectDigest;
          if (digests.length === 0) digests = (await db.all("SELECT DISTINCT sha256 FROM models ORDER BY sha256")).map((r) => r.sha256);
          await take(await newAttestationDocuments(db, client, repo, digests, stderrLogger));
        }
        report(total, o, db.location);
      });
    })
  );
  const audit = store.command("audit").description("re-verify every stored bundle and check every row against its statement (finds rows edited in the database)").option("--store <PATH|URL>", STORE_HELP).option("--jobs <N>", "threads verifying bundles", intOption("--jobs")).addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"));
  addTrustFlags(audit).action(
    run(async (o) => {
      validateIdentityPolicy(identityFrom(o));
      const r = await withStore(o.store, (db) => auditStore(db, auditVerifier(o, o.jobs)));
      if (o.format === "json") processIo.out(JSON.stringify(r, null, 2));
      else {
        for (const p of r.problems) processIo.out(`run ${p.runId} ${p.where}: ${p.detail}`);
        processIo.out(`${r.runs} run(s) audited: ${r.verified} verified again, ${r.unverified} stored without verification, ${r.problems.length} problem(s)`);
      }
      if (r.problems.length > 0) {
        throw new CheckError("store-audit-failed", `the store audit found ${r.problems.length} problem(s)`, {
          fix: "do not trust the runs named above; restore them from their bundles (store ingest) after finding who changed the database"
        });
      }
    })
  );
  store.command("purge").description("retention: remove runs, leaving an append-only purge record (PostgreSQL: only the mlp_purger role may)").option("--before <DATE>", "runs that finished before this date").option("--repo <OWNER/REPO>", "runs of this repository (OWNER/* for every repository of an owner)").requiredOption("--reason <TEXT>", "why (kept in the purge record)").option("--store <PATH|URL>", STORE_HELP).action(
    run(async (o) => {
      const r = await withStore(o.store, (db) => purgeRuns(db, { ...o.before ? { before: o.before } : {}, ...o.repo ? { repo: o.repo } : {}, reason: o.reason }));
      processIo.out(`purged ${r.runIds.length} run(s) as ${r.by} at ${r.at}`);
    })
  );
  store.command("grant").description("PostgreSQL: give a login role one of the store roles (reader: for the repositories named)").requiredOption("--user <ROLE>", "the login role").addOption(new Option("--as <role>", "which store role").choices([...STORE_ROLES]).default("reader")).option("--repo <OWNER/REPO>", "a repository the reader may see (OWNER/* for all of an owner; repeatable)", collect, []).option("--store <URL>", STORE_HELP).action(
    run(async (o) => {
      await withStore(o.store, (db) => grantRole(db, { user: o.user, role: o.as, repos: o.repo }));
      processIo.out(`granted mlp_${o.as} to ${o.user}${o.repo.length ? ` for ${o.repo.join(", ")}` : ""}`);
    })
  );
}
__name(register, "register");
async function storeLineage(o, model) {
  if (model && "path" in model) {
    throw new InputError("model-path-with-store", `--model ${model.path}: the store answers by content digest`, { fix: "pass the model file itself (it is hashed) or sha256:HEX" });
  }
  const since = isoDate("--since", o.since);
  const until = isoDate("--until", o.until);
  return withStore(o.store, async (db) => {
    let answers;
    let text;
    if (o.metric !== void 0) {
      const a = await metricQuestion(db, { name: o.metric, ...o.epoch !== void 0 ? { epoch: o.epoch } : {}, ...o.split ? { split: o.split } : {}, ...model ? { model: model.sha256 } : {} });
      [answers, text] = [a, metricText(a)];
    } else if (model) {
      const a = await modelQuestion(db, model.sha256);
      [answers, text] = [a, modelText(a)];
    } else if (o.dataset !== void 0) {
      const a = await datasetQuestion(db, o.dataset);
      [answers, text] = [a, datasetText(a)];
    } else if (o.runs !== void 0) {
      const a = await runsQuestion(db, { repository: o.runs, ...since ? { since } : {}, ...until ? { until } : {} });
      [answers, text] = [a, runsText(a)];
    } else {
      throw new InputError("store-question", "with --store, ask one question: --metric M [--model D], --dataset D[@V], --model D, or --runs OWNER/REPO [--since --until]", { fix: "add one of them" });
    }
    if (answers.length === 0) stderrLogger.info(`no run in ${db.location} answers this`);
    return o.format === "json" ? JSON.stringify({ answers }, null, 2) : text;
  });
}
__name(storeLineage, "storeLineage");
export {
  register,
  storeLineage
};
