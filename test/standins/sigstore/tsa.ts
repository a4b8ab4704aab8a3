import type { initializeTSA } from '@sigstore/mock/dist/timestamp/index.js';
import { tsaHandler } from '@sigstore/mock/dist/timestamp/index.js';
import type { Route } from './http.js';

type TSA = Awaited<ReturnType<typeof initializeTSA>>;

/**
 * @sigstore/mock stamps `new Date()` with milliseconds; asn1js drops trailing
 * zeros from the fraction (".5Z"), which @sigstore/core's GeneralizedTime parser
 * rejects as "invalid time" — about one stamp in ten. Real TSAs stamp whole
 * seconds, so pin the mock's clock to whole seconds. (The mock keeps its clock
 * in an instance field; there is no option for a moving clock.)
 */
export function wholeSecondClock(tsa: TSA): TSA {
  (tsa as unknown as { getCurrentTime: () => Date }).getCurrentTime = () => new Date(Math.floor(Date.now() / 1000) * 1000);
  return tsa;
}

/** RFC 3161 `POST /api/v1/timestamp` through @sigstore/mock's handler. */
export function tsaRoute(tsa: TSA): Route {
  const handler = tsaHandler(tsa);
  return async ({ method, url, body }) => {
    if (method !== 'POST' || url.pathname !== handler.path) return { status: 404, body: 'Not Found' };
    const r = await handler.fn(body);
    return { status: r.statusCode, body: typeof r.response === 'string' ? r.response : Buffer.from(r.response.buffer, r.response.byteOffset, r.response.byteLength), contentType: r.contentType ?? 'text/plain' };
  };
}
