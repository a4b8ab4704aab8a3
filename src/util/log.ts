import { termText } from '../render/terminal.js';

/** Where modules report progress and problems; the action maps it to @actions/core, the CLI to stderr. */
export interface Logger {
  info(message: string): void;
  warning(message: string, props?: AnnotationProps): void;
  error(message: string, props?: AnnotationProps): void;
  debug(message: string): void;
  /** A notice annotation in the action (something the user should know, not a problem); info elsewhere. */
  notice?(message: string, props?: AnnotationProps): void;
}

export interface AnnotationProps {
  file?: string;
  startLine?: number;
  title?: string;
}

/** The CLI's logger: one sanitised line a message (src/render/terminal.ts). */
export const stderrLogger: Logger = {
  info: (m) => process.stderr.write(`${termText(m)}\n`),
  warning: (m) => process.stderr.write(`warning: ${termText(m)}\n`),
  error: (m) => process.stderr.write(`error: ${termText(m)}\n`),
  debug: (m) => {
    if (process.env.ML_PROVENANCE_DEBUG) process.stderr.write(`debug: ${termText(m)}\n`);
  },
};

export const silentLogger: Logger = { info: () => {}, warning: () => {}, error: () => {}, debug: () => {} };
