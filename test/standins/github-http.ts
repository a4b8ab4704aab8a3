/**
 * The HTTP plumbing shared by the GitHub REST and Actions artifact stand-ins: a real
 * node:http server on 127.0.0.1 (random port), a route table, a record of every
 * request received, and fault injection per route (status codes, 429 with
 * Retry-After, dropped connections, partial uploads, delays), each for a given
 * number of requests — the fault model of ./faults.ts, shared with the Sigstore stand-in.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Fault, FaultList, answerFault, faultLabel, readBodyWithFault } from './faults.js';

export type { Fault } from './faults.js';

export interface RecordedRequest {
  route: string;
  method: string;
  /** Path without the query. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body parsed as JSON, when it was JSON. */
  json?: unknown;
  /** What the stand-in answered (0 for a dropped connection). */
  status: number;
  /** Set when the answer came from an injected fault. */
  fault?: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string | number>;
}

export interface RouteRequest {
  method: string;
  path: string;
  params: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json: () => Record<string, unknown>;
}

export interface Route {
  name: string;
  method: string;
  pattern: RegExp;
  handle: (req: RouteRequest) => Reply | Promise<Reply>;
}

export interface HttpStandin {
  url: string;
  requests: RecordedRequest[];
  /** Requests to one route (successful or not). */
  received(route: string): RecordedRequest[];
  fault(f: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startHttp(
  routes: () => Route[],
  opts: { authorize?: (req: RouteRequest, route: Route) => Reply | undefined } = {},
): Promise<HttpStandin> {
  const requests: RecordedRequest[] = [];
  const faults = new FaultList();
  const table = routes();

  const send = (res: ServerResponse, reply: Reply): void => {
    let payload: Buffer;
    const headers: Record<string, string | number> = { ...reply.headers };
    if (reply.body === undefined) payload = Buffer.alloc(0);
    else if (Buffer.isBuffer(reply.body)) payload = reply.body;
    else {
      payload = Buffer.from(JSON.stringify(reply.body));
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    headers['content-length'] = payload.length;
    res.writeHead(reply.status, headers);
    res.end(payload);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const u = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = req.method ?? 'GET';
      let route: Route | undefined;
      let params: string[] = [];
      for (const r of table) {
        if (r.method !== method) continue;
        const m = r.pattern.exec(u.pathname);
        if (m) {
          route = r;
          params = m.slice(1).map((p) => decodeURIComponent(p));
          break;
        }
      }
      const name = route?.name ?? 'unknown';
      const fault = faults.take(name);
      const read = await readBodyWithFault(req, fault);
      const body = read ?? Buffer.alloc(0);
      let json: unknown;
      if (body.length > 0 && /json/.test(String(req.headers['content-type'] ?? ''))) {
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          json = undefined;
        }
      }
      const rec: RecordedRequest = {
        route: name,
        method,
        path: u.pathname,
        query: Object.fromEntries(u.searchParams),
        headers: req.headers,
        body,
        ...(json === undefined ? {} : { json }),
        status: 0,
      };
      requests.push(rec);
      if (read === undefined) {
        // dropAfterBytes: the connection is already gone.
        rec.fault = faultLabel(fault!);
        return;
      }
      if (await answerFault(fault, req, res, rec)) return;
      if (!route) {
        rec.status = 404;
        send(res, { status: 404, body: { message: 'Not Found', note: `no stand-in route for ${method} ${u.pathname}` } });
        return;
      }
      const rr: RouteRequest = {
        method,
        path: u.pathname,
        params,
        query: u.searchParams,
        headers: req.headers,
        body,
        json: () => (json && typeof json === 'object' ? (json as Record<string, unknown>) : {}),
      };
      let reply: Reply;
      try {
        reply = opts.authorize?.(rr, route) ?? (await route.handle(rr));
      } catch (err) {
        reply = { status: 500, body: { message: `stand-in error: ${(err as Error).message}` } };
      }
      rec.status = reply.status;
      if (fault?.dropAfterHandling) {
        rec.fault = 'drop-after-handling';
        req.socket.destroy();
        return;
      }
      send(res, reply);
    })().catch(() => {
      // A client that went away mid-request: nothing to answer.
      req.socket.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    received: (route) => requests.filter((r) => r.route === route),
    fault: (f) => faults.add(f),
    clearFaults: () => faults.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A GitHub-style Link header for page `page` of `total` items. */
export function paginate<T>(
  items: T[],
  base: string,
  path: string,
  query: URLSearchParams,
): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Number(query.get('per_page') ?? 30) || 30, 100);
  const page = Math.max(Number(query.get('page') ?? 1) || 1, 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (p: number): string => {
    const q = new URLSearchParams(query);
    q.set('page', String(p));
    q.set('per_page', String(perPage));
    return `<${base}${path}?${q.toString()}>`;
  };
  const rels: string[] = [];
  if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
  if (page > 1) rels.push(`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`);
  return { page: slice, headers: rels.length ? { link: rels.join(', ') } : {} };
}
