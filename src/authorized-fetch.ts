import { isInvalidTokenChallenge } from './www-authenticate.js';

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
export async function authorizedFetch(deps: AuthorizedFetchDeps, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  // Read the URL without building a Request: that would take the body of a Request
  // given as input, and the untouched pass-through below needs it.
  const url = input instanceof Request ? input.url : new URL(String(input), document.baseURI).href;
  if (!deps.allowedOrigins.has(new URL(url).origin)) return fetch(input, init);

  const request = new Request(input, init);

  // Keep an unsent copy for the one retry after a refresh; a body can be read only once.
  const spare = deps.canRefresh ? request.clone() : undefined;
  const response = await deps.send(request, await deps.getAccessToken());
  if (response.status !== 401 || !spare || !isInvalidTokenChallenge(response)) return response;

  const token = await deps.getAccessToken({ forceRefresh: true });
  await response.body?.cancel();
  return deps.send(spare, token);
}
