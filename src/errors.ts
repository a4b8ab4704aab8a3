/**
 * One error family for the whole project. Every error a user can see carries a
 * message that says what is wrong and a `fix` that says what to do about it; the
 * CLI and the action print `error: <message> — <fix>` and never a stack trace.
 */
export type ErrorKind =
  /** Usage or input error: exit 2. */
  | 'input'
  /** The thing checked is not acceptable (incomplete, tampered, policy): exit 1. */
  | 'check'
  /** A network or service failure the user cannot fix by changing input: exit 1. */
  | 'service';

export interface ErrorOptions {
  fix?: string;
  /** Field paths (`datasets[2].digest`) or file paths the error is about. */
  fields?: string[];
  file?: string;
  line?: number;
  cause?: unknown;
}

export class ProvenanceError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly kind: ErrorKind;
  readonly fix: string | undefined;
  readonly fields: string[];
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(kind: ErrorKind, code: Code, message: string, opts: ErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'ProvenanceError';
    this.kind = kind;
    this.code = code;
    this.fix = opts.fix;
    this.fields = opts.fields ?? [];
    this.file = opts.file;
    this.line = opts.line;
  }

  get exitCode(): 1 | 2 {
    return this.kind === 'input' ? 2 : 1;
  }

  /** The one line shown to users: `<what> — <how to fix>`. */
  get userMessage(): string {
    return this.fix ? `${this.message} — ${this.fix}` : this.message;
  }
}

export class InputError extends ProvenanceError<string> {
  constructor(code: string, message: string, opts: ErrorOptions = {}) {
    super('input', code, message, opts);
    this.name = 'InputError';
  }
}

export class CheckError extends ProvenanceError<string> {
  constructor(code: string, message: string, opts: ErrorOptions = {}) {
    super('check', code, message, opts);
    this.name = 'CheckError';
  }
}

export class ServiceError extends ProvenanceError<string> {
  constructor(code: string, message: string, opts: ErrorOptions = {}) {
    super('service', code, message, opts);
    this.name = 'ServiceError';
  }
}

/** Turn anything thrown into a ProvenanceError so the shells have one thing to print. */
export function toProvenanceError(err: unknown): ProvenanceError {
  if (err instanceof ProvenanceError) return err;
  const e = err as NodeJS.ErrnoException | undefined;
  if (e && typeof e === 'object' && typeof e.code === 'string' && typeof e.path === 'string') {
    if (e.code === 'ENOENT') {
      return new InputError('file-not-found', `file not found: ${e.path}`, {
        fix: 'check the path (it is resolved from the current directory or the workspace)',
        file: e.path,
        cause: err,
      });
    }
    if (e.code === 'EACCES' || e.code === 'EPERM') {
      return new InputError('file-not-readable', `permission denied: ${e.path}`, {
        fix: 'make the file readable by the user running ml-provenance',
        file: e.path,
        cause: err,
      });
    }
    if (e.code === 'EISDIR') {
      return new InputError('is-directory', `expected a file but found a directory: ${e.path}`, {
        fix: 'pass a file path, not a directory',
        file: e.path,
        cause: err,
      });
    }
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ProvenanceError('service', 'unexpected', `unexpected failure: ${message}`, {
    fix: 'run again with --debug (or ACTIONS_STEP_DEBUG=true) and report the output if it persists',
    cause: err,
  });
}
