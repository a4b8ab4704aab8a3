import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * A function that lets the event loop turn once `ms` of work have passed since it last
 * did, else returns at once. node:sqlite and our file reads are synchronous, so a long
 * ingest awaits only promises that are already settled: without a turn, nothing queued
 * on the loop (a signal's handler, a timer) runs until the whole ingest is over.
 */
export function loopTurns(ms = 50): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < ms) return;
    await nextTurn();
    last = performance.now();
  };
}
