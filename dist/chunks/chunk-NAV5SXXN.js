import { createRequire as __mlpCreateRequire } from 'node:module';
const require = __mlpCreateRequire(import.meta.url);
import {
  __name
} from "./chunk-QANIRX4T.js";

// src/errors.ts
var ProvenanceError = class extends Error {
  static {
    __name(this, "ProvenanceError");
  }
  code;
  kind;
  fix;
  fields;
  file;
  line;
  constructor(kind, code, message, opts = {}) {
    super(message, opts.cause === void 0 ? void 0 : { cause: opts.cause });
    this.name = "ProvenanceError";
    this.kind = kind;
    this.code = code;
    this.fix = opts.fix;
    this.fields = opts.fields ?? [];
    this.file = opts.file;
    this.line = opts.line;
  }
  get exitCode() {
    return this.kind === "input" ? 2 : 1;
  }
  /** The one line shown to users: `<what> — <how to fix>`. */
  get userMessage() {
    return this.fix ? `${this.message} \u2014 ${this.fix}` : this.message;
  }
};
var InputError = class extends ProvenanceError {
  static {
    __name(this, "InputError");
  }
  constructor(code, message, opts = {}) {
    super("input", code, message, opts);
    this.name = "InputError";
  }
};
var CheckError = class extends ProvenanceError {
  static {
    __name(this, "CheckError");
  }
  constructor(code, message, opts = {}) {
    super("check", code, message, opts);
    this.name = "CheckError";
  }
};
var ServiceError = class extends ProvenanceError {
  static {
    __name(this, "ServiceError");
  }
  constructor(code, message, opts = {}) {
    super("service", code, message, opts);
    this.name = "ServiceError";
  }
};
function toProvenanceError(err) {
  if (err instanceof ProvenanceError) return err;
  const e = err;
  if (e && typeof e === "object" && typeof e.code === "string" && typeof e.path === "string") {
    if (e.code === "ENOENT") {
      return new InputError("file-not-found", `file not found: ${e.path}`, {
        fix: "check the path (it is resolved from the current directory or the workspace)",
        file: e.path,
        cause: err
      });
    }
    if (e.code === "EACCES" || e.code === "EPERM") {
      return new InputError("file-not-readable", `permission denied: ${e.path}`, {
        fix: "make the file readable by the user running ml-provenance",
        file: e.path,
        cause: err
      });
    }
    if (e.code === "EISDIR") {
      return new InputError("is-directory", `expected a file but found a directory: ${e.path}`, {
        fix: "pass a file path, not a directory",
        file: e.path,
        cause: err
      });
    }
  }
  const message = err instanceof Error ? err.message : String(err);
  return new ProvenanceError("service", "unexpected", `unexpected failure: ${message}`, {
    fix: "run again with --debug (or ACTIONS_STEP_DEBUG=true) and report the output if it persists",
    cause: err
  });
}
__name(toProvenanceError, "toProvenanceError");

export {
  ProvenanceError,
  InputError,
  CheckError,
  ServiceError,
  toProvenanceError
};
