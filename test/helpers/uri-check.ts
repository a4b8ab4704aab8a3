import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { aptInstall } from './debian.js';

export interface UriReading {
  uri: string;
  /** rfc3987.match(uri, rule='URI'): RFC 3986's grammar. */
  rfc3986: boolean;
  /** jsonschema's FormatChecker, format `uri-reference`. */
  uriReference: boolean;
  scheme: string;
  /** urllib.parse.unquote(urlsplit(uri).path). */
  path: string;
  query: string;
  fragment: string;
  /** 'file:' + urllib.parse.quote(path, safe="/!$&'()*+,;=:@~"). */
  quoted: string | null;
}

const PYTHON = '/usr/bin/python3';
const needs = 'import rfc3987, jsonschema';

/**
 * Debian's Python with the rfc3987 and jsonschema packages (installed with apt-get when
 * missing, as root; otherwise an Error saying how): the validators are the outside world's.
 */
function python(): string {
  const ok = () => spawnSync(PYTHON, ['-c', needs], { encoding: 'utf8' }).status === 0;
  if (ok()) return PYTHON;
  for (const pkg of ['python3-rfc3987', 'python3-jsonschema']) aptInstall(pkg);
  if (ok()) return PYTHON;
  throw new Error('Debian\'s python3 with rfc3987 and jsonschema is needed to check file: URIs: install them with `sudo apt-get install python3-rfc3987 python3-jsonschema`');
}

/** How Python's urllib.parse and the rfc3987 validator read each uri (path: what it should name, for `quoted`). */
export function readUris(pairs: [uri: string, path: string | null][]): UriReading[] {
  const r = spawnSync(python(), [path.join(import.meta.dirname, 'uri_check.py')], { input: JSON.stringify(pairs), encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`uri_check.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as UriReading[];
}
