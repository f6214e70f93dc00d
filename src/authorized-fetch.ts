import type { DPoPKey } from './dpop.js';
import { GrantkitError } from './errors.js';

export interface AuthorizedFetchDeps {
  allowedOrigins: ReadonlySet<string>;
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** Whether a fresh token can be had after a 401 (false for static tokens). */
  canRefresh: boolean;
  /** Sends the request with the token attached, as the token's type asks (bearer, or DPoP with a proof). */
  send(request: Request, token: string): Promise<Response>;
}

/**
 * `fetch` that adds the access token only for allowed origins. A request to any other
 * origin is passed to `fetch` exactly as given, token-free.
 */
export async function authorizedFetch(deps: AuthorizedFetchDeps, input: Request | string | URL, init?: RequestInit): Promise<Response> {
  // Build the Request once, then check and send that same object: reading the input's URL
  // separately lets an input whose string form changes between reads, or a Request subclass
  // with its own url getter, pass the check with one URL and be sent to another. The input
  // is read once here, and what comes out is a plain Request whose url is the one it goes to.
  const request = new Request(input instanceof Request ? input : resolveUrl(String(input)), init);
  if (!deps.allowedOrigins.has(new URL(request.url).origin)) return fetch(request);

  // Keep an unsent copy for the one retry after a refresh; a body can be read only once.
  const spare = deps.canRefresh ? request.clone() : undefined;
  const response = await deps.send(request, await deps.getAccessToken());
  if (response.status !== 401 || !spare) return response;
  // The challenge parser loads with the first 401, not with the page.
  // If it cannot load (a deploy removed the chunk under an open tab), the 401 goes to the caller as it came.
  const parser = await import('./www-authenticate.js').catch(() => undefined);
  if (!parser?.isInvalidTokenChallenge(response)) return response;

  const token = await deps.getAccessToken({ forceRefresh: true });
  await response.body?.cancel();
  return deps.send(spare, token);
}

/** The input as an absolute URL: against the page, or the worker's location; outside both it must be absolute. */
function resolveUrl(input: string): URL {
  const base = typeof document !== 'undefined' ? document.baseURI : globalThis.location?.href;
  try {
    return new URL(input, base);
  } catch (cause) {
    throw new GrantkitError('config_invalid', `not an absolute URL: ${input}`, { cause });
  }
}

/** Sends a request with the access token: as a bearer token, or DPoP-bound with a proof of the key. */
export async function sendWithToken(request: Request, token: string, dpop?: { key: () => Promise<DPoPKey>; clockSkew: number }): Promise<Response> {
  if (!dpop) return fetch(withAuthorization(request, `Bearer ${token}`));
  const key = await dpop.key();
  // A fresh copy for each try: a body can be sent once, and a nonce may ask for a second try.
  return key.send(request.method, request.url, token, dpop.clockSkew, (proof) => fetch(withAuthorization(request.clone(), `DPoP ${token}`, proof)));
}

/** A copy of the request with the token (and a DPoP proof) in its headers. */
function withAuthorization(request: Request, authorization: string, proof?: string): Request {
  const headers = new Headers(request.headers);
  headers.set('Authorization', authorization);
  if (proof !== undefined) headers.set('DPoP', proof);
  return new Request(request, { headers });
}
