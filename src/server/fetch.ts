import { ResourceServerError } from './errors.js';
import type { Principal, RequestLike, ResourceServer } from './resource-server.js';

// Frameworks on web-standard Request and Response (Hono, and Bun.serve, Deno.serve, route
// handlers): the request as the checks read it, and Hono middleware. The types are the shapes
// read, so this module needs no framework installed.

/**
 * A `Request` as the resource server reads it. The URL is this API's `origin` with the
 * request's path and query: a server that builds `request.url` from the `Host` header (as
 * Node adapters do) cannot be made to check a DPoP proof against a host a client chose. The
 * path is the one the framework routes by, `request.url`'s.
 */
export function requestFromFetch(request: Request, origin: string): RequestLike {
  const sent = new URL(request.url);
  const url = new URL(`${sent.pathname}${sent.search}`, origin);
  return { method: request.method, url: url.href, path: sent.pathname, headers: request.headers };
}

/** The parts of a Hono `Context` the middleware uses. */
export interface HonoContext {
  /** The request, whose `raw` is the web-standard one. */
  req: { raw: Request };
  /** Puts the caller where handlers read it: `c.get('auth')`. */
  set(key: 'auth', value: Principal): void;
  /** Adds a header to the answer (a DPoP nonce). */
  header(name: string, value: string): void;
}

/**
 * Hono middleware: verifies the request, puts the caller on `c.get('auth')` and goes on; a
 * refused request is answered here with its status and challenge. Declare `auth` among the
 * app's variables: `new Hono<{ Variables: { auth: Principal } }>()`.
 */
export function protectHono(server: ResourceServer, options: { origin: string }) {
  return async (c: HonoContext, next: () => Promise<void>): Promise<Response | void> => {
    let principal: Principal;
    try {
      principal = await server.verify(requestFromFetch(c.req.raw, options.origin));
    } catch (error) {
      if (error instanceof ResourceServerError) return error.toResponse();
      throw error;
    }
    c.set('auth', principal);
    for (const [name, value] of Object.entries(principal.responseHeaders)) c.header(name, value);
    await next();
  };
}
