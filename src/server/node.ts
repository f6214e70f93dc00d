import { ResourceServerError } from './errors.js';
import type { Principal, RequestLike, ResourceServer } from './resource-server.js';

// node:http and Express (whose req and res are node:http's): the request as the checks read it,
// the refusal as an answer, and a middleware. The types are the shapes read, so this module
// needs neither @types/node nor Express.

/** The parts of a node:http `IncomingMessage` that are read. */
export interface NodeRequest {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  /** Every header with all its values (Node 18.3+): a second Authorization or DPoP header is refused, not dropped. */
  headersDistinct?: Record<string, string[] | undefined>;
}

/** The parts of a node:http `ServerResponse` that are written. */
export interface NodeResponse {
  /** Whether the answer has begun: then a refusal cannot be written. */
  headersSent: boolean;
  /** Sets a header for the answer (a challenge, a DPoP nonce). */
  setHeader(name: string, value: string): unknown;
  /** Writes the status line and headers. */
  writeHead(status: number, headers?: Record<string, string>): unknown;
  /** Ends the answer, with its body. */
  end(body?: string): unknown;
}

/**
 * `req` as the resource server reads it. The URL is built from `origin`, the one the API is
 * published at, never from the `Host` header a client chooses; a request target in absolute
 * form for another origin is refused (`invalid_request`). The path is kept as sent, so the
 * scope check reads what a router will read, not a normalized copy of it.
 */
export function requestFromNode(req: NodeRequest, origin: string): RequestLike {
  const target = req.url ?? '/';
  const absolute = !target.startsWith('/');
  if (absolute && (!URL.canParse(target) || new URL(target).origin !== new URL(origin).origin)) {
    throw new ResourceServerError('invalid_request', 'the request target is not a path on this origin');
  }
  for (const name of ['authorization', 'dpop']) {
    if ((req.headersDistinct?.[name]?.length ?? 0) > 1) throw new ResourceServerError('invalid_request', `the request has more than one ${name} header`);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const url = new URL(target, origin);
  const path = absolute ? target.slice(url.origin.length).split(/[?#]/, 1)[0]! || '/' : target.split(/[?#]/, 1)[0]!;
  return { method: req.method ?? 'GET', url: url.href, path, headers };
}

/** Answers `res` with the refusal: status, challenge and `{ error, error_description }`. */
export function sendRefusal(res: NodeResponse, error: ResourceServerError): void {
  const error_ = error.code === 'missing_token' ? 'invalid_request' : error.code;
  res.writeHead(error.status, { ...error.headers, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ error: error_, error_description: error.message }));
}

/** A request that passed: the caller is on `auth`. */
export type AuthenticatedRequest<R extends NodeRequest = NodeRequest> = R & { auth: Principal };

/**
 * Connect-style middleware (Express, or a plain node:http handler): verifies the request,
 * puts the caller on `req.auth` and calls `next()`; a refused request is answered here.
 * Anything else that goes wrong goes to `next(error)`.
 */
export function protect(server: ResourceServer, options: { origin: string }) {
  return (req: NodeRequest & { auth?: Principal }, res: NodeResponse, next: (error?: unknown) => void): void => {
    (async () => server.verify(requestFromNode(req, options.origin)))().then(
      (principal) => {
        req.auth = principal;
        for (const [name, value] of Object.entries(principal.responseHeaders)) res.setHeader(name, value);
        next();
      },
      (error: unknown) => {
        if (error instanceof ResourceServerError && !res.headersSent) sendRefusal(res, error);
        else next(error);
      },
    );
  };
}
