import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  createGitHubClient
} from "./chunk-MU373VWX.js";
import {
  unreadableBundle
} from "./chunk-OGMPCHKD.js";
import {
  documentFromBytes
} from "./chunk-Y3ZVHYKY.js";
import {
  InputError,
  ProvenanceError,
  ServiceError
} from "./chunk-NAV5SXXN.js";
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

export {
  RELEASE_ASSET,
  parseRepo,
  loadReleaseDocuments
};
