// Runs one digest in a fresh process and prints one JSON line: what it hashed, how
// long it took inside the process and the peak RSS of the whole process (worker
// threads included). Usage: node digest-child.mjs <bundle.js> <file|dir> <path> [concurrency]
const [, , bundle, kind, target, conc] = process.argv;
const t0 = performance.now();
const mod = await import(bundle);
const opts = conc === undefined ? {} : { concurrency: Number(conc) };
const r = kind === 'file' ? await mod.digestFile(target, opts) : await mod.digestDirectory(target, target, opts);
const ms = performance.now() - t0;
const out = { sha256: r.sha256, size: r.size, files: r.files ? r.files.length : 1, ms, maxRssKiB: process.resourceUsage().maxRSS };
if (kind === 'dir' && process.env.MLP_BENCH_MANIFEST) out.manifest = mod.manifestText(r.files);
process.stdout.write(JSON.stringify(out) + '\n');
