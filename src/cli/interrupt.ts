/**
 * Ctrl-C (SIGINT), and a cancelled CI job or `timeout` (SIGTERM), during a long command.
 * The first signal asks the command to stop at its next safe point (an AbortSignal it
 * checks, aborted with the signal's name) and hands the signal back to the system: a
 * second one ends the process at once, as if nothing had caught the first.
 */
import { constants } from 'node:os';

export type StopSignal = 'SIGINT' | 'SIGTERM';
const SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM'];

/** The status shells give a process a signal ended: 128 + its number (SIGINT 130, SIGTERM 143). */
export function exitCodeFor(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

/**
 * End the process as the signal would have, once the command has stopped cleanly and said so.
 * A shell running a script stops the script only when the signal ended the program: one that
 * exits 130 by itself is taken to have handled Ctrl-C as input (an editor does) and the script
 * goes on (bash's "wait and cooperative exit"; Python and git end this way too). The status a
 * shell shows is the same, 128 + the signal's number: returned where signals are emulated
 * (Windows), or should the process outlive its own signal.
 */
export function endAs(signal: StopSignal): number {
  // untilSignalled's handlers are gone by now: the default action ends the process.
  if (process.platform !== 'win32') process.kill(process.pid, signal);
  return exitCodeFor(signal);
}

/** The signal an AbortSignal from `untilSignalled` was aborted with, if it was. */
export function stopSignalOf(reason: unknown): StopSignal | undefined {
  return SIGNALS.find((s) => s === reason);
}

/**
 * Run `fn` with a signal that SIGINT or SIGTERM aborts. Only the first is caught: its handler
 * removes the handlers, which gives the signals back their default action (end the process),
 * so a second one ends it at once even while this thread is busy in synchronous work (a
 * commit, closing the store), where no JavaScript handler could run.
 *
 * A handler runs only when the event loop turns: a signal that arrives while this thread is
 * busy in synchronous work (a commit) is handled once that is done, and a second one that
 * arrived in the same stretch counts as the same request. (Waiting for another process's
 * write lock on an SQLite store is done on the event loop: sqlite.ts beginImmediate.)
 */
export async function untilSignalled<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const release = () => {
    for (const s of SIGNALS) process.off(s, onSignal);
  };
  function onSignal(signal: StopSignal): void {
    // Now, not after this turn: the work resumed by this turn can block the thread for a while (measured 0.3 s: a commit).
    release();
    controller.abort(signal);
  }
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    return await fn(controller.signal);
  } finally {
    release();
  }
}
