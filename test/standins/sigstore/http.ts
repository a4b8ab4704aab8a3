import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FaultList, answerFault, faultLabel, readBodyWithFault } from '../faults.js';

/** One request a stand-in service received, kept so tests can assert on it. */
export interface RecordedRequest {
  service: string;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** What the stand-in answered (0 for a dropped connection). */
  status: number;
  /** The route name (e.g. `fulcio.signingCert`), when the service names its routes. */
  route?: string;
  /** Set when the answer came from an injected fault (see ../faults.ts). */
  fault?: string;
}

export interface Reply {
  status: number;
  body: string | Uint8Array;
  contentType?: string;
  headers?: Record<string, string>;
}

export type Route = (req: { method: string; url: URL; headers: IncomingMessage['headers']; body: string }) => Promise<Reply>;

export interface Served {
  url: string;
  close(): Promise<void>;
}

export interface FaultOptions {
  /** The faults shared by the stand-in's services. */
  faults: FaultList;
  /** The route name of a request (`fulcio.signingCert`); faults match it, the service name, or '*'. */
  routeName: (method: string, pathname: string) => string;
}

/**
 * A real HTTP server on 127.0.0.1 with a random port; every request is recorded.
 * With `faults`, each request may be delayed, cut off, dropped or answered with an
 * injected status first (the fault model of ../faults.ts).
 */
export async function serve(service: string, route: Route, log: RecordedRequest[], faults?: FaultOptions): Promise<Served> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const method = req.method ?? 'GET';
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const routeName = faults?.routeName(method, url.pathname);
      const fault = routeName === undefined ? undefined : faults!.faults.take(routeName, [service]);
      const raw = await readBodyWithFault(req, fault);
      const body = (raw ?? Buffer.alloc(0)).toString('utf8');
      // Recorded on arrival (a delayed request shows up at once); status is filled in when answered.
      const rec: RecordedRequest = {
        service,
        method,
        path: url.pathname + url.search,
        headers: req.headers,
        body,
        status: 0,
        ...(routeName === undefined ? {} : { route: routeName }),
      };
      log.push(rec);
      if (raw === undefined) {
        rec.fault = faultLabel(fault!);
        return;
      }
      if (await answerFault(fault, req, res, rec)) return;
      let reply: Reply;
      try {
        reply = await route({ method, url, headers: req.headers, body });
      } catch (err) {
        reply = { status: 500, body: `stand-in ${service} failed: ${(err as Error).message}` };
      }
      if (fault) rec.fault = faultLabel(fault);
      if (fault?.dropAfterHandling) {
        req.socket.destroy();
        return;
      }
      rec.status = reply.status;
      res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/plain', ...reply.headers });
      res.end(reply.body);
    })().catch(() => req.socket.destroy());
  });
  // Sigstore clients keep connections alive; do not let that hold close() open.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(status: number, value: unknown): Reply {
  return { status, body: JSON.stringify(value), contentType: 'application/json' };
}
