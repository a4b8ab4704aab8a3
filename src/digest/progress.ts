/**
 * Progress reporters for long hashing: a plain line every N seconds for the action
 * log, and a progress bar for the CLI when stderr is a terminal. Both are
 * `ProgressCallback`s to pass as `DigestOptions.onProgress`; both are driven by the
 * callbacks themselves (no timers), so they cost nothing when hashing is quick.
 */
import cliProgress from 'cli-progress';
import type { DigestProgress, ProgressCallback } from './tracker.js';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** `1288490189` → `1.2 GiB`; bytes below 1 KiB are shown whole (`512 B`). */
export function formatBytes(n: number): string {
  let v = n;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(1)} ${UNITS[u]}`;
}

/** `hashed 1.2 GiB / 3.4 GiB (512 files) at 1.1 GiB/s` (the total only when known). */
export function progressLine(p: DigestProgress): string {
  const of = p.totalBytes === undefined ? '' : ` / ${formatBytes(p.totalBytes)}`;
  const files = `${p.files} ${p.files === 1 ? 'file' : 'files'}`;
  return `hashed ${formatBytes(p.bytes)}${of} (${files}) at ${formatBytes(p.bytesPerSecond)}/s`;
}

/**
 * For the action log (or any line-oriented log): one `progressLine` every
 * `everyMs` (default 10 s) while hashing, and a last line at the end when any line
 * was written. Hashing that ends within the first interval writes nothing.
 */
export function actionLogReporter(log: (line: string) => void, everyMs = 10_000): ProgressCallback {
  let next = everyMs;
  let wrote = false;
  return (p) => {
    if (p.done) {
      if (wrote) log(progressLine(p));
      return;
    }
    if (p.elapsedMs >= next) {
      log(progressLine(p));
      wrote = true;
      next = p.elapsedMs + everyMs;
    }
  };
}

export interface ProgressBarOptions {
  /** Where the bar is drawn; default process.stderr. */
  stream?: NodeJS.WriteStream;
  /** Text before the bar, e.g. the dataset name. */
  label?: string;
  /** Show the bar only after this long (default 1 s), so quick digests stay silent. */
  delayMs?: number;
}

/**
 * A terminal progress bar (cli-progress) for the CLI, or `undefined` when the stream
 * is not a TTY (CI logs, pipes), where the caller should pass nothing or
 * `actionLogReporter` instead.
 */
export function ttyProgressBar(opts: ProgressBarOptions = {}): ProgressCallback | undefined {
  const stream = opts.stream ?? process.stderr;
  if (!stream.isTTY) return undefined;
  const delayMs = opts.delayMs ?? 1000;
  const label = opts.label ? `${opts.label} ` : '';
  let bar: cliProgress.SingleBar | undefined;
  return (p) => {
    if (!bar) {
      if (p.done || p.elapsedMs < delayMs) return;
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${label}{bar} {percentage}% | {text}`,
          hideCursor: true,
          clearOnComplete: false,
          barsize: 30,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(p.totalBytes ?? 0, 0, { text: progressLine(p) });
    }
    if (p.totalBytes !== undefined) bar.setTotal(p.totalBytes);
    bar.update(p.bytes, { text: progressLine(p) });
    if (p.done) bar.stop();
  };
}
