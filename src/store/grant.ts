/**
 * Roles on PostgreSQL: make a login role a member of one of the store's roles and, for
 * readers, say which repositories it may see (row-level security reads mlp_grants).
 * The same as the SQL docs/STORE.md ("Roles") shows, for those who prefer a command.
 */
import { InputError } from '../errors.js';
import type { Db } from './db.js';
import { storeError } from './errors.js';

export const STORE_ROLES = ['reader', 'ingest', 'auditor', 'purger'] as const;
export type StoreRole = (typeof STORE_ROLES)[number];

const ident = (name: string): string => {
  if (!/^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/.test(name)) {
    throw new InputError('bad-role', `role name "${name}" is not a plain PostgreSQL identifier`, { fix: 'use letters, digits, _ and - (max 63)' });
  }
  return `"${name}"`;
};

export function refuseGrantOnFile(): never {
  throw new InputError('grant-on-file', 'an embedded store is a file: it cannot enforce roles', {
    fix: 'control access with the file’s permissions (it is created 0600), or use --store postgres://… for roles',
  });
}

export async function grantRole(db: Db, o: { user: string; role: StoreRole; repos: string[] }): Promise<void> {
  if (db.dialect !== 'postgres') refuseGrantOnFile();
  if (o.role === 'reader' && o.repos.length === 0) throw new InputError('grant-without-repo', 'a reader needs --repo OWNER/REPO (or OWNER/*)', { fix: 'add --repo octo-org/models' });
  const repos = o.repos.map((r) => {
    const [owner, repo] = r.split('/');
    if (!owner || !repo) throw new InputError('bad-repo', `--repo must be OWNER/REPO or OWNER/*, got "${r}"`, { fix: 'pass --repo octo-org/models' });
    return { owner, repo };
  });
  try {
    await db.transaction(async (tx) => {
      await tx.run(`GRANT mlp_${o.role} TO ${ident(o.user)}`);
      for (const r of repos) await tx.run('INSERT INTO mlp_grants (role_name, owner, repo) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [o.user, r.owner, r.repo]);
    });
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw storeError(err, db.location, `granting ${o.role} to ${o.user}`, 'run store grant as the store\'s admin: the role that opened it first (with CREATEROLE), or one given the mlp_* roles WITH ADMIN OPTION');
  }
}
