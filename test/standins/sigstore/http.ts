import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a stand-in service received, kept so tests can assert on it. */
export interface RecordedRequest {
  service: string;
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  status: number;
}

export interface Reply {
  status: number;
  body: string | Uint8Array;
  contentType?: string;
}

export type Route = (req: { method: string; url: URL; headers: IncomingMessage['headers']; body: string }) => Promise<Reply>;

export interface Served {
  url: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A real HTTP server on 127.0.0.1 with a random port; every request is recorded. */
export async function serve(service: string, route: Route, log: RecordedRequest[]): Promise<Served> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let reply: Reply;
      try {
        reply = await route({ method: req.method ?? 'GET', url, headers: req.headers, body });
      } catch (err) {
        reply = { status: 500, body: `stand-in ${service} failed: ${(err as Error).message}` };
      }
      log.push({ service, method: req.method ?? 'GET', path: url.pathname + url.search, headers: req.headers, body, status: reply.status });
      res.writeHead(reply.status, { 'content-type': reply.contentType ?? 'text/plain' });
      res.end(reply.body);
    })();
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
