import type { IncomingMessage, ServerResponse } from 'node:http';

// Everything after the entry builds URLs from the request: the router, the admin API's DPoP
// check (htu), oidc-provider (discovery, redirects, the htu it expects at /token, all from
// Koa's `ctx.href`, i.e. the Host header). So the entry makes the request name this server's
// configured origin, once, before anything reads it, and refuses a request that names another.
//
// A Host that differs is refused (421), not overwritten: a server that answers whatever name
// it is reached by can be driven by a DNS-rebinding page (the reference server runs on
// loopback with demo passwords anyone can read), and a proxy or PUBLIC_ORIGIN set up wrongly
// fails at its first request with a message instead of issuing tokens clients later refuse.
// The cost: a proxy must pass the public Host on, and so must health checks.

/** `host [":" port]` as RFC 9110 §7.2 allows it: no userinfo, path or anything else. */
const HOST_FIELD = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::[0-9]{1,5})?$/;

/**
 * Leaves `req.url` an origin-form path (normalized: one parse for every consumer) and
 * `req.headers.host` this server's host, and returns true; or answers the request and
 * returns false: 400 for a target that is not a path of this server, 421 for one that names
 * another origin.
 */
export function pinToOrigin(req: IncomingMessage, res: ServerResponse, origin: URL): boolean {
  const target = req.url ?? '';
  // The server as a whole (RFC 9110 §9.3.7): nothing to route, nothing to say.
  if (req.method === 'OPTIONS' && target === '*') {
    res.writeHead(204).end();
    return false;
  }

  const absolute = /^https?:\/\//i.test(target);
  // `//[x` and the like do not parse at all: every parse below is checked first, since a throw
  // here, outside any handler's catch, would take the process down.
  if (!(target.startsWith('/') || absolute) || !URL.canParse(target, origin.href)) return refuse(res, 400, NOT_A_PATH);
  const url = new URL(target, origin);
  if (url.origin !== origin.origin) {
    // RFC 9112 §3.2.2: the absolute form must be accepted, and names the origin it is for.
    if (absolute) return misdirected(res, origin);
    // `//evil.example/x`, `/\evil.example/x` and the like are paths to Node, but another
    // origin to every WHATWG URL parser after it.
    return refuse(res, 400, NOT_A_PATH);
  }

  // RFC 3986 §2.1, and the routes below decode the path: one that cannot be decoded is a 400 here.
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return refuse(res, 400, 'The request path is not valid percent-encoded UTF-8.');
  }

  // RFC 9112 §3.2: more than one Host, or one that is not a host, is a 400; with the absolute
  // form, the Host field is ignored (§3.2.2); otherwise it must name this origin.
  const hostFields = req.rawHeaders.filter((name, i) => i % 2 === 0 && name.toLowerCase() === 'host').length;
  const named = namedHost(req.headers.host, origin);
  if (hostFields > 1 || named === undefined) return refuse(res, 400, 'The Host header is not valid.');
  if (!absolute && named !== origin.host) return misdirected(res, origin);

  req.url = url.pathname + url.search;
  req.headers.host = origin.host;
  return true;
}

/** The host a Host field names, as the origin's would read (case, default port); undefined for garbage. */
function namedHost(field: string | undefined, origin: URL): string | undefined {
  // An HTTP/1.0 request may come without Host: it names no other origin, so it is for this one.
  if (field === undefined) return origin.host;
  const url = `${origin.protocol}//${field}`;
  return HOST_FIELD.test(field) && URL.canParse(url) ? new URL(url).host : undefined;
}

const NOT_A_PATH = 'The request target must be a path on this server.';

function misdirected(res: ServerResponse, origin: URL): false {
  return refuse(res, 421, `This server answers only as ${origin.origin}.`);
}

function refuse(res: ServerResponse, status: number, message: string): false {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
  return false;
}
