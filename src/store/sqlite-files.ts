/**
 * The files beside an embedded store and who may read or write them. SQLite in WAL mode reads
 * and writes through `-wal` and `-shm` files beside the store and makes them as whoever opens
 * it; the store's file permissions are its only access control (docs/STORE.md "Sharing a store
 * file with readers"). Which way a command opens the store, and what it says when it cannot.
 */
import { chmodSync, chownSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServiceError } from '../errors.js';
import { mayAccess } from '../util/fs.js';

/**
 * How a command that only reads opens the store. In WAL mode SQLite reads through -wal and -shm
 * files beside the store and creates them when missing, owned by whoever opened it: a reader who
 * cannot write the store then left files its owner's next ingest could not write ("read-only"), and
 * in a folder it cannot write it could not read at all (SQLITE_READONLY_DIRECTORY). So:
 * - 'write': the user can write the store and its folder: a normal connection (the last one to
 *   close checkpoints and removes the files it made);
 * - 'shared': a writer has the store open (its -wal exists): read-only, through the writer's files;
 * - 'immutable': nobody has it open: read with no lock and no file made (SQLite's `immutable`),
 *   and the file's stamp compared after the reads (changedSinceOpen): a writer that wrote the file
 *   meanwhile makes the command read again (withStore).
 */
export function readMode(file: string): 'write' | 'shared' | 'immutable' {
  if (writable(file) && writable(path.dirname(path.resolve(file)))) return 'write';
  if (!existsSync(`${file}-wal`)) return 'immutable';
  if (existsSync(`${file}-shm`)) {
    const closed = besideStore(file).find((f) => !readable(f));
    if (closed === undefined) return 'shared';
    throw new ServiceError('store-unreadable', `${closed} (written by whoever is writing the store, or left by a writer) is not readable for you, and a store with a write-ahead log cannot be read without it`, {
      fix: "ask again once the ingest is done; if this persists, ask the store's owner to open it once (any question as the owner folds the log in and removes the files) and to make its folder setgid to the readers' group (`chmod g+s FOLDER`), so files made beside the store share its group",
    });
  }
  // A log left without its index (a writer killed, the -shm removed): reading it needs an -shm this
  // user would create and own (or cannot create), and immutable would leave the log's runs out.
  throw new ServiceError('store-read-only', `${file} has a write-ahead log (${path.basename(file)}-wal) but no -shm file beside it, and you cannot write the store to recover it`, {
    fix: "ask the store's owner to open it once (any `ml-provenance lineage --store FILE …` question as the owner does): that folds the log into the store; then anyone who can read the file can ask",
  });
}

/** Looks at the writer's files before reading through them (readMode 'shared'), when they keep vanishing. */
export const READ_ATTEMPTS_SHARED = 3;

export function storeKeepsChanging(file: string): ServiceError {
  return new ServiceError('store-changed', `${file}: a writer kept opening and closing the store while it was being opened (${READ_ATTEMPTS_SHARED} times)`, {
    fix: 'ask again in a moment, or as a user who can write the store file (SQLite then coordinates readers with writers)',
  });
}

export const myUid = (): number | undefined => process.geteuid?.();

/**
 * A command that writes, or the owner asking: the -wal and -shm beside the store, as SQLite made or
 * found them. SQLite gives them the store's mode but this user's group: readers let in by the store's
 * group (chmod 640 + chgrp) could not read them while a writer had the store open, so they get the
 * store's group (what SQLite does for root). A -wal/-shm of another user that this one cannot write
 * (left by a program that opened the store as that user) makes every write fail "read-only": a
 * writing command says so before it starts.
 */
export function shareBeside(file: string, writing: boolean): void {
  const store = statSync(file);
  for (const f of besideStore(file)) {
    const st = statSync(f, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.uid === myUid() && st.gid !== store.gid) {
      try {
        chownSync(f, st.uid, store.gid);
      } catch {
        // Not a member of the store's group: readers then need the folder setgid (docs/STORE.md).
      }
    }
    if (writing && !writable(f)) {
      const wal = statSync(`${file}-wal`, { throwIfNoEntry: false });
      throw new ServiceError('store-read-only', `${path.basename(f)} beside ${file} belongs to another user (uid ${st.uid}) and is not writable for you, so SQLite cannot write the store`, {
        fix: wal && wal.size > 0
          ? `its log holds writes not yet in the store: have that user (or root) open the store once (any \`lineage --store ${file} …\` question folds the log in and removes the files), then run again`
          : `another program opened the store as that user and left them (its log is empty: nothing is lost); once nobody is using the store, remove ${file}-wal and ${file}-shm, then run again`,
      });
    }
  }
}

/**
 * A command that writes, on a store (or folder) this user may not write: said before SQLite opens it.
 * (A -wal/-shm of another user's that this one cannot write is found once SQLite has opened them: shareBeside.)
 * SQLite's own "attempt to write a readonly database" came with a fix for someone else's store even
 * to its owner, and it left -wal/-shm made read-only (they copy the store's mode) in its folder.
 */
export function refuseUnwritable(file: string): void {
  const dir = path.dirname(path.resolve(file));
  const owner = statSync(file).uid;
  for (const [p, what] of [[file, 'the store file is'], [dir, `its folder (${dir}, where SQLite writes -wal/-shm beside the store) is`]] as const) {
    if (writable(p)) continue;
    throw new ServiceError('store-read-only', `${file}: ${what} read-only for you`, {
      fix: owner === myUid()
        ? `you own the store: make it writable (\`chmod u+w ${p}\`; or a read-only mount or \`chattr +i\` holds it), then run again`
        : `write to the store as its owner (uid ${owner}) or as a user its file and folder let write (e.g. a group with write permission), or copy the store`,
    });
  }
  // -wal/-shm of this user's made while the store was read-only (SQLite copies its mode): SQLite would open them
  // read-only and every write would fail. Given the store's mode before SQLite opens them.
  const mode = statSync(file).mode & 0o666;
  for (const f of besideStore(file)) {
    const st = statSync(f, { throwIfNoEntry: false });
    if (st && st.uid === myUid() && !writable(f)) chmodSync(f, mode);
  }
}

/** The two files SQLite keeps beside a store in WAL mode: the log, and its shared-memory index. */
export const besideStore = (file: string): string[] => [`${file}-wal`, `${file}-shm`];

/** Removed since it was seen (the writer closed) counts as readable: the look after the open sees it. */
const readable = (p: string) => mayAccess(p, constants.R_OK) || !existsSync(p);
export const writable = (p: string) => mayAccess(p, constants.W_OK);

export function immutableUrl(file: string): URL {
  const url = pathToFileURL(path.resolve(file));
  url.searchParams.set('immutable', '1');
  return url;
}

/** What changes when anything writes the file: a checkpoint rewrites pages (mtime, ctime), grows or shrinks it, or replaces it (inode). */
export function fileStamp(file: string): string {
  const st = statSync(file, { bigint: true, throwIfNoEntry: false });
  return st ? `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}` : 'gone';
}
