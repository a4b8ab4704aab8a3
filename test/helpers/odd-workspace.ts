import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * File names RFC 3986 forbids in a URI or gives a meaning to (a space, non-ASCII, `%`, a
 * literal `%20`, `?`, `#`, `[`, `]`), as datasets, config files and DVC outputs of one
 * workspace: what test/e2e/file-uris.test.ts builds records from, and what the old record in
 * test/fixtures/old-records/ was built from (test/fixtures/old-records/README.md).
 */
export const ODD_NAMES = ['my file.csv', 'pöints ü.csv', 'a%b.csv', 'a%20b.csv', 'x#y?.csv', '[1].csv'] as const;

export const datasetPath = (n: string) => `data/${n}`;
export const configPath = (n: string) => `conf/${n.replace(/\.csv$/, '.yaml')}`;
/** DVC outputs in the workspace (hashed by the build) and only in dvc.lock (kept with DVC's md5). */
export const dvcPresent = (n: string) => `dvc/out/${n}`;
export const dvcAbsent = (n: string) => `dvc/remote/${n}`;
/** The dataset the training code records with `ml-provenance record dataset --path`. */
export const RECORDED = { id: 'recorded', path: 'data/pöints ü.csv' };

const yamlString = (s: string) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar

/** Write the workspace (model, data, configs, DVC project, datasets manifest) into a new temp dir. */
export function oddWorkspace(): string {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'mlp-odd-uris-'));
  const put = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    writeFileSync(path.join(ws, rel), text);
  };
  put('model/model.bin', 'weights\n');
  const manifest: string[] = [];
  ODD_NAMES.forEach((n, i) => {
    put(datasetPath(n), `x,y\n${i},${n}\n`);
    put(configPath(n), `lr: 0.0${i + 1}\nname: ${yamlString(n)}\n`);
    put(dvcPresent(n), `dvc ${n}\n`);
    manifest.push(`- id: ds${i}\n  path: ${yamlString(datasetPath(n))}\n  license: MIT\n`);
  });
  put('datasets.yaml', manifest.join(''));
  const outs = (dir: (n: string) => string) =>
    ODD_NAMES.map((n, i) => `    - path: ${yamlString(dir(n).slice('dvc/'.length))}\n      md5: ${String(i).repeat(32)}\n      size: 8\n`).join('');
  put('dvc/dvc.yaml', 'stages:\n  prep:\n    cmd: python prep.py\n');
  put('dvc/dvc.lock', `schema: '2.0'\nstages:\n  prep:\n    cmd: python prep.py\n    outs:\n${outs(dvcPresent)}${outs(dvcAbsent)}`);
  return ws;
}
