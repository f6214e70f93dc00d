import { GrantkitError } from './errors.js';

/** Endpoints of an authorization server that publishes no discovery document. */
export interface Endpoints {
  /** The issuer identifier; when given, the `iss` authorization-response parameter (RFC 9207) is checked against it. */
  issuer?: string;
  authorization: string;
  token: string;
  revocation?: string;
  endSession?: string;
}

interface CommonOptions {
  /** Origins that `sdk.fetch` may send the access token to. Default: the page's own origin. */
  allowedOrigins?: string[];
  /** Milliseconds before a request to the authorization server is abandoned. Default 15,000. */
  timeout?: number;
}

/** Options of a client that signs users in. */
export interface InteractiveClientOptions extends CommonOptions {
  /** Issuer identifier: its metadata is discovered (RFC 8414, then OpenID Connect Discovery) and cached. */
  issuer?: string;
  /** For servers without discovery; ignored when `issuer` is given. */
  endpoints?: Endpoints;
  clientId: string;
  /** Registered redirect URI, compared by the server as an exact string. */
  redirectUri: string;
  /** Space-separated scopes. Default `openid`. */
  scope?: string;
  /** Sent as the `audience` authorization parameter, as some servers (Auth0, PTC) expect. */
  audience?: string;
  /** RFC 8707 resource indicators, sent on the authorization and token requests. */
  resource?: string | string[];
  /** Extra parameters on every authorization request. Protocol parameters grantkit sets cannot be overridden. */
  authorizationParams?: Record<string, string>;
  /** Where tokens are kept. Default `indexeddb`; `memory` keeps them only as long as the page. */
  storage?: 'indexeddb' | 'memory';
  /** Where the end-session endpoint sends the user after logout. Default: the redirect URI's origin. */
  postLogoutRedirectUri?: string;
  /** Refresh the access token shortly before it expires. Default true. */
  autoRefresh?: boolean;
  /**
   * Bind tokens to a key pair this page holds (DPoP, RFC 9449), so that a stolen token is
   * useless elsewhere. `true` requires it: a server that does not offer it is refused, never
   * silently used with bearer tokens. `'auto'` uses it when the server advertises ES256 proofs.
   * Resource servers must then accept `DPoP` tokens. Default false.
   */
  dpop?: boolean | 'auto';
  /**
   * Push the authorization request to the server first (PAR, RFC 9126), so that the browser's
   * address bar and history carry only `client_id` and `request_uri`. Used anyway when the
   * server requires it. Default false.
   */
  par?: boolean;
  token?: undefined;
}

/** Options of a client that uses a fixed token (personal access tokens, scripts, tests): no login, no refresh. */
export interface StaticTokenClientOptions extends CommonOptions {
  token: string;
}

/**
 * What {@link createClient} takes: an authorization server to sign users in with
 * ({@link InteractiveClientOptions}), or a token a script already holds ({@link StaticTokenClientOptions}).
 */
export type ClientOptions = InteractiveClientOptions | StaticTokenClientOptions;

/** Parameters grantkit owns on the authorization request. */
export const RESERVED_AUTHORIZATION_PARAMS = new Set([
  'client_id', 'redirect_uri', 'response_type', 'response_mode', 'state', 'nonce',
  'code_challenge', 'code_challenge_method', 'request', 'request_uri', 'dpop_jkt',
]);

export interface ResolvedInteractiveConfig {
  kind: 'interactive';
  issuer?: URL;
  endpoints?: Endpoints;
  clientId: string;
  redirectUri: string;
  scope: string;
  audience?: string;
  resources: string[];
  authorizationParams: Record<string, string>;
  allowedOrigins: Set<string>;
  storage: 'indexeddb' | 'memory';
  postLogoutRedirectUri: string;
  autoRefresh: boolean;
  timeout: number;
  dpop: 'off' | 'required' | 'auto';
  par: boolean;
  /** Key under which this client's tokens, locks and channel live. */
  namespace: string;
}

export interface ResolvedStaticConfig {
  kind: 'static';
  token: string;
  allowedOrigins: Set<string>;
  timeout: number;
}

export type ResolvedConfig = ResolvedInteractiveConfig | ResolvedStaticConfig;

function invalid(message: string): never {
  throw new GrantkitError('config_invalid', message);
}

function parseUrl(value: unknown, name: string): URL {
  if (typeof value !== 'string' || value === '') invalid(`${name} must be a non-empty URL string`);
  try {
    return new URL(value);
  } catch (cause) {
    throw new GrantkitError('config_invalid', `${name} is not an absolute URL: ${value}`, { cause });
  }
}

/**
 * The hosts plain http is accepted for: the same three the admin API document's RedirectUri
 * allows, so a redirect URI the SDK takes is one the server registers. Not `*.localhost`:
 * browsers resolve it to this machine, but not every resolver does (RFC 6761 §6.3 lets them).
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/** HTTPS, or plain HTTP to this machine only (RFC 9700 §2.6, RFC 8252 §7.3). */
function requireSecureTransport(url: URL, name: string): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && isLoopback(url)) return;
  invalid(`${name} must use https (http is accepted for loopback hosts only): ${url.href}`);
}

function resolveOrigins(origins: unknown, fallback: string | undefined): Set<string> {
  if (origins === undefined) {
    // Outside a page (Node, Deno, Bun) there is no origin of one's own to default to.
    if (fallback === undefined) invalid('allowedOrigins is required outside a page');
    return new Set([fallback]);
  }
  if (!Array.isArray(origins)) invalid('allowedOrigins must be an array of origins');
  const result = new Set<string>();
  for (const origin of origins) {
    const url = parseUrl(origin, 'allowedOrigins entry');
    // An origin with a path, a wildcard or a trailing slash is a likely mistake that would
    // silently match nothing, or more than meant: refuse it instead.
    if (url.origin !== origin) invalid(`allowedOrigins entries must be bare origins like "${url.origin}", got "${String(origin)}"`);
    result.add(url.origin);
  }
  return result;
}

function resolveTimeout(timeout: unknown): number {
  if (timeout === undefined) return 15_000;
  if (typeof timeout !== 'number' || !(timeout > 0)) invalid('timeout must be a positive number of milliseconds');
  return timeout;
}

/**
 * `pageOrigin`: the origin this code runs on (a page's or a worker's), undefined in Node and
 * other runtimes without one. `inPage`: whether there is a document, which sign-in needs (the
 * redirect, sessionStorage for the transaction); a static token needs neither.
 */
export function resolveConfig(options: ClientOptions, pageOrigin: string | undefined, inPage: boolean): ResolvedConfig {
  if (options === null || typeof options !== 'object') invalid('createClient needs an options object');
  if (options.token === undefined && !inPage) invalid('sign-in needs a browser page; outside one, pass a token');
  const allowedOrigins = resolveOrigins(options.allowedOrigins, pageOrigin);
  const timeout = resolveTimeout(options.timeout);

  if (options.token !== undefined) {
    if (typeof options.token !== 'string' || options.token.trim() === '') invalid('token must be a non-empty string');
    return { kind: 'static', token: options.token, allowedOrigins, timeout };
  }

  const o = options as InteractiveClientOptions;
  if (typeof o.clientId !== 'string' || o.clientId === '') invalid('clientId is required');
  const redirect = parseUrl(o.redirectUri, 'redirectUri');
  if (redirect.hash) invalid('redirectUri must not contain a fragment (RFC 6749 §3.1.2)');
  requireSecureTransport(redirect, 'redirectUri');

  let issuer: URL | undefined;
  let endpoints: Endpoints | undefined;
  if (o.issuer !== undefined) {
    issuer = parseUrl(o.issuer, 'issuer');
    requireSecureTransport(issuer, 'issuer');
  } else if (o.endpoints !== undefined) {
    endpoints = o.endpoints;
    for (const key of ['authorization', 'token', 'revocation', 'endSession', 'issuer'] as const) {
      const value = endpoints[key];
      if (value === undefined && key !== 'authorization' && key !== 'token') continue;
      requireSecureTransport(parseUrl(value, `endpoints.${key}`), `endpoints.${key}`);
    }
  } else {
    invalid('either issuer or endpoints is required');
  }

  const scope = o.scope ?? 'openid';
  if (typeof scope !== 'string') invalid('scope must be a space-separated string');

  const resources = o.resource === undefined ? [] : Array.isArray(o.resource) ? o.resource : [o.resource];
  for (const resource of resources) {
    if (parseUrl(resource, 'resource').hash) invalid('resource must not contain a fragment (RFC 8707 §2)');
  }

  const authorizationParams = checkAuthorizationParams(o.authorizationParams ?? {});
  const storage = o.storage ?? 'indexeddb';
  if (storage !== 'indexeddb' && storage !== 'memory') invalid(`storage must be "indexeddb" or "memory", got "${String(storage)}"`);

  const dpop = o.dpop === undefined || o.dpop === false ? 'off' : o.dpop === true ? 'required' : o.dpop === 'auto' ? 'auto' : invalid(`dpop must be true, false or "auto", got "${String(o.dpop)}"`);

  const postLogout = o.postLogoutRedirectUri === undefined ? `${redirect.origin}/` : o.postLogoutRedirectUri;
  parseUrl(postLogout, 'postLogoutRedirectUri');

  const issuerKey = issuer?.href ?? endpoints?.issuer ?? endpoints?.token ?? '';
  return {
    kind: 'interactive',
    issuer,
    endpoints,
    clientId: o.clientId,
    redirectUri: o.redirectUri,
    scope,
    audience: o.audience,
    resources,
    authorizationParams,
    allowedOrigins,
    storage,
    postLogoutRedirectUri: postLogout,
    autoRefresh: o.autoRefresh ?? true,
    timeout,
    dpop,
    par: o.par === undefined ? false : typeof o.par === 'boolean' ? o.par : invalid('par must be true or false'),
    namespace: `${issuerKey} ${o.clientId}`,
  };
}

/** End-session parameters grantkit sets itself (OpenID Connect RP-Initiated Logout 1.0 §2). */
const RESERVED_LOGOUT_PARAMS = new Set(['client_id', 'id_token_hint', 'post_logout_redirect_uri', 'state']);

export function checkAuthorizationParams(params: Record<string, string>, option = 'authorizationParams', reserved = RESERVED_AUTHORIZATION_PARAMS): Record<string, string> {
  if (params === null || typeof params !== 'object') invalid(`${option} must be an object of strings`);
  for (const [name, value] of Object.entries(params)) {
    if (reserved.has(name)) invalid(`${option} cannot set "${name}": grantkit sets it`);
    if (typeof value !== 'string') invalid(`${option}.${name} must be a string`);
  }
  return params;
}

/** Extra end-session parameters (`ui_locales`, `logout_hint`, a vendor's own), checked as `authorizationParams` are. */
export const checkLogoutParams = (params: Record<string, string>): Record<string, string> => checkAuthorizationParams(params, 'logoutParams', RESERVED_LOGOUT_PARAMS);
