/** Where a store lives, parsed from `--store`, and how to print it without secrets. */
import { shellWords } from '../util/shell.js';

export const DEFAULT_STORE = '.ml-provenance/store.db';

export type StoreSpec = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export function parseStoreSpec(spec: string | undefined): StoreSpec {
  const s = spec && spec.trim() !== '' ? spec.trim() : DEFAULT_STORE;
  if (/^postgres(ql)?:\/\//i.test(s)) return { kind: 'postgres', url: s };
  return { kind: 'sqlite', path: s };
}

/** A URL with its password (and any password=/sslkey= query values) replaced, for messages. */
export function redactUrl(text: string): string {
  return text
    .replace(/(postgres(?:ql)?:\/\/)([^:@/\s]*):([^@/\s]*)@/gi, '$1$2:***@')
    .replace(/([?&](?:password|sslpassword|sslkey)=)[^&\s]*/gi, '$1***');
}

/**
 * The command that lists every run a store holds with its id, for hints: `--runs '*'` selects
 * runs whose record names no repository too (built outside GitHub Actions), which no OWNER/* does.
 */
export function listRunsCommand(store: string): string {
  return shellWords(['ml-provenance', 'lineage', '--store', redactUrl(store), '--runs', '*']);
}
