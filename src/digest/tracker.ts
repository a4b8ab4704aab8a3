/** Progress accounting shared by file and directory digests (no I/O, no dependencies). */

export interface DigestProgress {
  /** Bytes hashed so far. */
  bytes: number;
  /** Files finished so far. */
  files: number;
  /** Total bytes to hash, when known (a single file, or a directory listed with sizes). */
  totalBytes: number | undefined;
  /** Total files to hash, known once the directory has been listed. */
  totalFiles: number | undefined;
  elapsedMs: number;
  /** Average throughput since the start, bytes per second. */
  bytesPerSecond: number;
  /** True on the last call, after the digest is complete. */
  done: boolean;
}

export type ProgressCallback = (p: DigestProgress) => void;

/** Calls `cb` at most every `intervalMs` while work goes on, and always once at the end. */
export class ProgressTracker {
  bytes = 0;
  files = 0;
  totalBytes: number | undefined;
  totalFiles: number | undefined;
  private readonly start = performance.now();
  private last = 0;

  constructor(
    private readonly cb: ProgressCallback | undefined,
    private readonly intervalMs = 200,
  ) {}

  addBytes(n: number): void {
    this.bytes += n;
    this.maybeEmit();
  }

  addFile(): void {
    this.files++;
    this.maybeEmit();
  }

  snapshot(done: boolean): DigestProgress {
    const elapsedMs = performance.now() - this.start;
    return {
      bytes: this.bytes,
      files: this.files,
      totalBytes: this.totalBytes,
      totalFiles: this.totalFiles,
      elapsedMs,
      bytesPerSecond: elapsedMs > 0 ? (this.bytes * 1000) / elapsedMs : 0,
      done,
    };
  }

  finish(): void {
    this.cb?.(this.snapshot(true));
  }

  private maybeEmit(): void {
    if (!this.cb) return;
    const now = performance.now();
    if (now - this.last < this.intervalMs) return;
    this.last = now;
    this.cb(this.snapshot(false));
  }
}
