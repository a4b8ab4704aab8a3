/**
 * The fault model every stand-in shares (GitHub REST, the artifact service, the
 * Sigstore services): a list of faults, each for one route (or '*') and a number
 * of requests, taken in the order they were added. What a fault does to a request:
 *
 *  - `delayMs`: wait first (then the fault, or the normal answer: a slow service);
 *  - `dropAfterBytes`: read that many bytes of the request body, then destroy the
 *    connection (an upload cut off half way);
 *  - `drop`: destroy the connection without answering (after reading the request);
 *  - `status` (+ `retryAfter`, `body`, `headers`): answer that instead of handling;
 *  - `dropAfterHandling`: handle the request (its effects happen), then destroy the
 *    connection instead of answering (the client does not learn it worked).
 *
 * Self-contained (node:* only), so stand-ins bundled by the demo can import it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Fault {
  /** A route name (see each stand-in's route names), or '*' for every route. */
  route: string;
  /** How many matching requests this fault applies to (default 1; Infinity for all). */
  times?: number;
  /** Answer with this status instead of handling the request. */
  status?: number;
  /** Retry-After header (seconds) to send with the status. */
  retryAfter?: number;
  /** JSON body to send with the status (default: a GitHub-style `{message}`). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Destroy the connection without answering. */
  drop?: boolean;
  /** Destroy the connection after receiving this many bytes of the request body (a partial upload). */
  dropAfterBytes?: number;
  /** Handle the request, then destroy the connection instead of sending the answer. */
  dropAfterHandling?: boolean;
  /** Wait this long before handling (or faulting) the request. */
  delayMs?: number;
}

/** The faults of one stand-in, consumed request by request. */
export class FaultList {
  private readonly faults: Array<Fault & { left: number }> = [];

  add(f: Fault): void {
    this.faults.push({ ...f, left: f.times ?? 1 });
  }

  clear(): void {
    this.faults.length = 0;
  }

  /**
   * The fault for one request to a route, counted as used. `aliases` are other
   * names the request answers to (e.g. the service name of a Sigstore route).
   */
  take(route: string, aliases: string[] = []): Fault | undefined {
    const names = new Set([route, ...aliases]);
    const f = this.faults.find((x) => x.left > 0 && (x.route === '*' || names.has(x.route)));
    if (f) f.left--;
    return f;
  }
}

/** What a fault did, for the request log (`drop`, `drop-after-bytes`, `drop-after-handling`, or the status). */
export function faultLabel(f: Fault): string {
  if (f.dropAfterBytes !== undefined) return 'drop-after-bytes';
  if (f.drop) return 'drop';
  if (f.status) return String(f.status);
  if (f.dropAfterHandling) return 'drop-after-handling';
  return 'delay';
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function defaultFaultBody(status: number): unknown {
  if (status === 429 || status === 403) {
    return { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' };
  }
  if (status >= 500) return { message: 'Server Error' };
  return { message: `injected ${status}` };
}

/**
 * Read a request body, or, for a `dropAfterBytes` fault, read that much of it and
 * destroy the connection (resolves to undefined: there is nothing to answer).
 */
export async function readBodyWithFault(req: IncomingMessage, fault: Fault | undefined): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let n = 0;
  const limit = fault?.dropAfterBytes;
  for await (const c of req) {
    chunks.push(c as Buffer);
    n += (c as Buffer).length;
    if (limit !== undefined && n >= limit) {
      req.socket.destroy();
      return undefined;
    }
  }
  if (limit !== undefined) {
    // The whole body was shorter than the cut: still cut the connection.
    req.socket.destroy();
    return undefined;
  }
  return Buffer.concat(chunks);
}

/**
 * Apply the part of a fault that happens before the route runs: a delay, then a
 * dropped connection or an injected status (JSON body, Retry-After when given).
 * Returns true when the request is finished (answered or dropped).
 */
export async function answerFault(
  fault: Fault | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  rec: { status: number; fault?: string },
): Promise<boolean> {
  if (fault?.delayMs) await sleep(fault.delayMs);
  if (fault?.drop) {
    rec.fault = 'drop';
    req.socket.destroy();
    return true;
  }
  if (fault?.status) {
    rec.status = fault.status;
    rec.fault = String(fault.status);
    const payload = Buffer.from(JSON.stringify(fault.body ?? defaultFaultBody(fault.status)));
    const headers: Record<string, string | number> = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': payload.length,
      ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }),
      ...fault.headers,
    };
    res.writeHead(fault.status, headers);
    res.end(payload);
    return true;
  }
  return false;
}
