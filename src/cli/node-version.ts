/**
 * The CLI's Node.js floor, package.json's `engines.node` (test/unit/node-version.test.ts keeps
 * them equal). npm only warns about `engines` (EBADENGINE) and installs anyway, and an older
 * Node fails late and obscurely (`node:sqlite` missing for the store, sigstore's own floor), so
 * the entry says it first, in one line.
 */
export const MIN_NODE = '24.15.0';

const parts = (v: string): number[] => v.replace(/^v/, '').split(/[.-]/).slice(0, 3).map((n) => Number.parseInt(n, 10) || 0);

/** The `error:` text for a Node.js older than MIN_NODE, or undefined when `version` is new enough. */
export function nodeVersionProblem(version: string): string | undefined {
  const have = parts(version);
  const need = parts(MIN_NODE);
  for (let i = 0; i < 3; i++) {
    if (have[i]! > need[i]!) return undefined;
    if (have[i]! < need[i]!) {
      return `ml-provenance needs Node.js ${MIN_NODE} or later; this is Node.js ${version.replace(/^v/, '')} — install Node.js 24 (https://nodejs.org), or use the standalone executable from the release, which needs no Node (docs/INSTALL.md)`;
    }
  }
  return undefined;
}
