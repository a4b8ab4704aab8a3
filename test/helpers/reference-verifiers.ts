import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './run.js';

/**
 * The reference verifiers the interop tests compare `ml-provenance verify` with: cosign
 * (Debian trixie: 2.5, sid: 3.x) and sigstore-go's `sigstore-go-verification` (sid).
 *
 * Debian ships them as static binaries that run on older releases too. They are fetched
 * the way docs/VERIFYING.md's readers could: an apt configuration of our own (a sources
 * list for that suite, its own lists and cache directories), `apt-get update`,
 * `apt-get download`, then `dpkg -x` into a cache folder. Nothing is installed
 * system-wide. The mirror is the one this machine's apt already uses.
 *
 * Found in REF_VERIFIERS_DIR (or node_modules/.cache/ml-provenance-ref) when fetched
 * before. When fetching is impossible the tests fail with the reason: an interop test
 * is never skipped silently.
 */
export interface ReferenceVerifiers {
  /** cosign 2.x (Debian trixie). */
  cosign2: ReferenceTool;
  /** cosign 3.x (Debian sid). */
  cosign3: ReferenceTool;
  /** sigstore-go's verification example program (Debian sid). */
  sigstoreGo: ReferenceTool;
}

export interface ReferenceTool {
  bin: string;
  /** The Debian package version it came from, e.g. `2.5.0-1`. */
  version: string;
}

const CACHE = process.env.REF_VERIFIERS_DIR ?? path.join(ROOT, 'node_modules', '.cache', 'ml-provenance-ref');

/** Which suite provides which tool. */
const WANTED = {
  cosign2: { suite: 'trixie', pkg: 'cosign', bin: 'usr/bin/cosign' },
  cosign3: { suite: 'sid', pkg: 'cosign', bin: 'usr/bin/cosign' },
  sigstoreGo: { suite: 'sid', pkg: 'sigstore-go', bin: 'usr/bin/sigstore-go-verification' },
} as const;

let found: ReferenceVerifiers | undefined;

/** Find the cached tools or fetch them; throws with the reason and a fix when that is impossible. */
export function referenceVerifiers(): ReferenceVerifiers {
  if (found) return found;
  const out = {} as Record<keyof ReferenceVerifiers, ReferenceTool>;
  for (const [key, w] of Object.entries(WANTED) as [keyof ReferenceVerifiers, (typeof WANTED)[keyof typeof WANTED]][]) {
    out[key] = tool(w.suite, w.pkg, w.bin);
  }
  return (found = out);
}

function tool(suite: string, pkg: string, bin: string): ReferenceTool {
  const dir = path.join(CACHE, suite, pkg);
  const binPath = path.join(dir, 'root', bin);
  if (!existsSync(binPath)) fetchPackage(suite, pkg, dir);
  if (!existsSync(binPath)) throw new Error(`reference verifier: ${pkg} from Debian ${suite} has no ${bin}`);
  return { bin: binPath, version: readFileSync(path.join(dir, 'version'), 'utf8').trim() };
}

/** The Debian mirror and keyring this machine's apt uses (deb822 .sources or one-line .list). */
export function debianMirror(): { uri: string; signedBy?: string } {
  const files = ['/etc/apt/sources.list'];
  const parts = '/etc/apt/sources.list.d';
  if (existsSync(parts)) files.push(...readdirSync(parts).filter((f) => /\.(list|sources)$/.test(f)).map((f) => path.join(parts, f)));
  for (const file of files) {
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const entries: { uri: string; suites: string; signedBy?: string }[] = [];
    if (file.endsWith('.sources')) {
      for (const stanza of text.split(/\n\s*\n/)) {
        const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'mi').exec(stanza)?.[1]?.trim();
        const uri = field('URIs')?.split(/\s+/)[0];
        if (uri && /\bdeb\b/.test(field('Types') ?? '')) {
          const signedBy = field('Signed-By');
          entries.push({ uri, suites: field('Suites') ?? '', ...(signedBy ? { signedBy } : {}) });
        }
      }
    } else {
      for (const line of text.split('\n')) {
        const m = /^deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)/.exec(line.trim());
        if (!m) continue;
        const signedBy = /signed-by=(\S+)/.exec(m[1] ?? '')?.[1];
        entries.push({ uri: m[2]!, suites: m[3]!, ...(signedBy ? { signedBy } : {}) });
      }
    }
    // The main archive (not -security, -updates or a third-party repository).
    const main = entries.find((e) => /\/debian\/?$/.test(e.uri) && e.suites.split(/\s+/).some((s) => s && !/-(security|updates|backports)$|\//.test(s)));
    if (main) return { uri: main.uri.replace(/\/$/, ''), ...(main.signedBy ? { signedBy: main.signedBy } : {}) };
  }
  throw new Error(
    'reference verifier: no Debian archive in /etc/apt/sources.list(.d) to fetch cosign and sigstore-go from — run the interop tests on a Debian machine, or set REF_VERIFIERS_DIR to a folder holding <suite>/<pkg>/root/usr/bin/… and <suite>/<pkg>/version',
  );
}

function fetchPackage(suite: string, pkg: string, dest: string): void {
  if (!existsSync('/usr/bin/apt-get') || !existsSync('/usr/bin/dpkg')) {
    throw new Error(`reference verifier: ${pkg} (Debian ${suite}) is not cached in ${CACHE} and this machine has no apt-get/dpkg to fetch it`);
  }
  const mirror = debianMirror();
  mkdirSync(CACHE, { recursive: true });
  const work = mkdtempSync(path.join(CACHE, `.fetch-${suite}-${pkg}-`));
  try {
    const lists = path.join(work, 'lists');
    const cache = path.join(work, 'cache');
    mkdirSync(path.join(lists, 'partial'), { recursive: true });
    mkdirSync(path.join(cache, 'archives', 'partial'), { recursive: true });
    const sourceList = path.join(work, 'sources.list');
    const keyring = mirror.signedBy ?? '/usr/share/keyrings/debian-archive-keyring.gpg';
    writeFileSync(sourceList, `deb [signed-by=${keyring}] ${mirror.uri} ${suite} main\n`);
    const opts = [
      '-o', `Dir::Etc::sourcelist=${sourceList}`,
      '-o', 'Dir::Etc::sourceparts=-',
      '-o', `Dir::State::Lists=${lists}`,
      '-o', `Dir::Cache=${cache}`,
      '-o', 'Debug::NoLocking=1',
      '-qq',
    ];
    // apt drops privileges to _apt for downloads: let it write the download folder.
    const dl = path.join(work, 'dl');
    mkdirSync(dl);
    chmodSync(dl, 0o777);
    chmodSync(work, 0o755);
    const run = (cmd: string, args: string[], cwd = work) => {
      const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 600_000, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
      if (r.status !== 0) {
        throw new Error(
          `reference verifier: \`${cmd} ${args.filter((a) => a !== '-o').join(' ')}\` failed (${r.error?.message ?? `exit ${r.status}`}): ${(r.stderr ?? '').slice(-600)} — the interop tests need Debian's archive (${mirror.uri}) reachable, or a filled REF_VERIFIERS_DIR`,
        );
      }
      return r.stdout;
    };
    run('apt-get', [...opts, 'update']);
    run('apt-get', [...opts, 'download', pkg], dl);
    const deb = readdirSync(dl).find((f) => f.endsWith('.deb'));
    if (!deb) throw new Error(`reference verifier: apt-get download ${pkg} (Debian ${suite}) produced no .deb`);
    const version = decodeURIComponent(deb.split('_')[1] ?? 'unknown');
    const stage = path.join(work, 'pkg');
    mkdirSync(stage);
    run('dpkg', ['-x', path.join(dl, deb), path.join(stage, 'root')]);
    writeFileSync(path.join(stage, 'version'), `${version}\n`);
    mkdirSync(path.dirname(dest), { recursive: true });
    try {
      renameSync(stage, dest);
    } catch (err) {
      // Another test process fetched it at the same time: theirs is as good.
      if (!existsSync(dest)) throw err;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
