import { createLocalJWKSet, createRemoteJWKSet, customFetch, errors as joseErrors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { credentialsOf } from './credentials.js';
import { createDPoPVerifier, DPoPProofError, type NonceSource, type ReplayGuard } from './dpop.js';
import { quoted, ResourceServerError, type ResourceServerErrorCode } from './errors.js';
import { nonCanonicalPath, scopesGranting, type ScopeServiceUrls } from './service-urls.js';
import { VerifiedTokens } from './verified-tokens.js';

/** The algorithms access tokens may be signed with by default: asymmetric only, so no shared secret can sign one. */
const DEFAULT_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;
/** What DPoP proofs may be signed with (RFC 9449 §5: named in the challenge's `algs`). */
const DPOP_ALGORITHMS = 'ES256 ES384 PS256 RS256 EdDSA';

/** The request, as much of it as the checks read: a web-standard `Request` is one. */
export interface RequestLike {
  method: string;
  /** The absolute URL the client sent the request to (the `htu` of a DPoP proof is compared with it). */
  url: string;
  /**
   * The path as the client sent it, where the server has it before any normalization
   * (node:http does): the scope check reads it, as the router will. Default: the URL's path.
   */
  path?: string;
  /** Its headers, as a `Headers` object holds them. */
  headers: {
    /** One header's value (several joined by `, `), or null. */
    get(name: string): string | null;
  };
}

/** Who made a request, and what their token lets them do. */
export interface Principal {
  /** The token's `sub`. */
  subject: string;
  /** The claim named by `usernameClaim` (`sub` by default). */
  username: string;
  /** The client the token was issued to (`client_id`, RFC 9068 §2.2). */
  clientId: string;
  /** The token's scopes. */
  scopes: readonly string[];
  /** The organisation the token was issued for, from `organizationClaim`, when it names one. */
  organization?: string;
  /** The thumbprint of the key the token is bound to (RFC 9449 `cnf.jkt`), for DPoP-bound tokens. */
  boundKey?: string;
  /** When the token expires. */
  expiresAt: Date;
  /** Every claim of the token, as it was signed. */
  claims: Readonly<JWTPayload>;
  /** Headers the answer to this request should carry: the current `DPoP-Nonce` (RFC 9449 §9). */
  responseHeaders: Readonly<Record<string, string>>;
}

/**
 * What an opaque token stands for: an RFC 7662 introspection response. `active` false (or an
 * expired, foreign or unknown token) is refused.
 */
export interface IntrospectionResult {
  active: boolean;
  sub?: string;
  client_id?: string;
  scope?: string;
  aud?: string | string[];
  iss?: string;
  exp?: number;
  cnf?: { jkt?: string };
  [claim: string]: unknown;
}

/** An RFC 7662 introspection endpoint, and this API's credentials at it (HTTP Basic, RFC 7662 §2.1). */
export interface IntrospectionEndpoint {
  endpoint: string;
  clientId: string;
  clientSecret: string;
  /** How long an answer is kept, in seconds, so a burst of requests asks once. Default 30; never past the token's `exp`. */
  cacheSeconds?: number;
}

/** Options of {@link createResourceServer}. */
export interface ResourceServerOptions {
  /** The issuer tokens must come from (`iss`), e.g. `https://id.example.com`. */
  issuer: string;
  /** The audience tokens must be for (`aud`): this API's resource identifier. */
  audience: string;
  /** The issuer's public keys, when this process knows them. Otherwise they are fetched from `jwksUri`. */
  jwks?: JSONWebKeySet;
  /**
   * Where the issuer publishes its keys. Default: the `jwks_uri` of the issuer's metadata
   * (`/.well-known/openid-configuration`). Fetched once and cached; fetched again for a `kid`
   * it does not hold, at most once in 30 seconds.
   */
  jwksUri?: string;
  /** The claim that names the caller. Default `sub`. */
  usernameClaim?: string;
  /** The claim that names the token's organisation. Default `org_id`. */
  organizationClaim?: string;
  /** Only tokens issued to these clients are taken. Default: any client of the issuer. */
  clients?: readonly string[];
  /** A scope every request needs, whatever its path. */
  requiredScope?: string;
  /**
   * The scope catalogue: each scope with the service URLs it grants. Given, a request is
   * allowed only when one of its token's scopes grants its path; a function is asked per request.
   */
  scopes?: readonly ScopeServiceUrls[] | (() => Promise<readonly ScopeServiceUrls[]>);
  /** Whether the token still stands (a JWT cannot be revoked by itself): asked on every request. Default: it does. */
  active?: (principal: Principal) => Promise<boolean>;
  /** DPoP (RFC 9449): where nonces come from and which proofs were taken. Defaults: this process's own. */
  dpop?: { nonces?: NonceSource; replays?: ReplayGuard; required?: boolean };
  /**
   * Opaque (non-JWT) tokens: an introspection endpoint, or a function that looks a token up
   * where the API can see the issuer's store. Without it, only JWT access tokens are taken.
   */
  introspection?: IntrospectionEndpoint | ((token: string) => Promise<IntrospectionResult>);
  /** The realm named in challenges. Default: the audience. */
  realm?: string;
  /** The signing algorithms taken. Default: RS256, PS256, ES256, EdDSA. */
  algorithms?: readonly string[];
  /** The `fetch` used for the issuer's metadata and keys. Default: the global one. */
  fetch?: typeof fetch;
}

/** Checks requests to one API: see {@link createResourceServer}. */
export interface ResourceServer {
  /** Who sent `request`: the token's signature, claims, client, binding and the required scope; throws a {@link ResourceServerError}. */
  authenticate(request: RequestLike): Promise<Principal>;
  /** Whether `principal` may make `request`: one of its scopes grants the path in the scope catalogue; throws a {@link ResourceServerError}. */
  authorize(principal: Principal, request: RequestLike): Promise<void>;
  /** Both: the caller, once the request is allowed. */
  verify(request: RequestLike): Promise<Principal>;
}

/**
 * A resource server for JWT access tokens (RFC 9068) from one issuer. It checks the signature
 * against the issuer's keys, then `typ`, `iss`, `aud`, `exp` and the client; a DPoP-bound
 * token only with a proof of its key; and, given the scope catalogue, that a scope of the
 * token grants the request's path. `alg: none`, symmetric algorithms and keys named in the
 * token itself (`jku`, `x5u`, `jwk`) are never taken: the keys come from the issuer alone.
 */
export function createResourceServer(options: ResourceServerOptions): ResourceServer {
  const realm = options.realm ?? options.audience;
  const usernameClaim = options.usernameClaim ?? 'sub';
  const organizationClaim = options.organizationClaim ?? 'org_id';
  const clients = options.clients ? new Set(options.clients) : undefined;
  const fetcher = options.fetch ?? globalThis.fetch;
  const verified = new VerifiedTokens();
  const dpop = createDPoPVerifier({ ...(options.dpop?.nonces ? { nonces: options.dpop.nonces } : {}), ...(options.dpop?.replays ? { replays: options.dpop.replays } : {}) });

  const offered = () => ({ 'WWW-Authenticate': `Bearer realm=${quoted(realm)}, DPoP realm=${quoted(realm)}, algs="${DPOP_ALGORITHMS}"` });
  const refuse = (code: ResourceServerErrorCode, description: string, scheme: 'Bearer' | 'DPoP' = 'Bearer', extra: { scope?: string; headers?: Record<string, string> } = {}) => {
    if (code === 'unavailable') return new ResourceServerError(code, description, { 'Retry-After': '5' });
    const params = [`realm=${quoted(realm)}`, `error="${code}"`, `error_description=${quoted(description)}`];
    if (extra.scope) params.push(`scope=${quoted(extra.scope)}`);
    if (scheme === 'DPoP') params.push(`algs="${DPOP_ALGORITHMS}"`);
    return new ResourceServerError(code, description, { 'WWW-Authenticate': `${scheme} ${params.join(', ')}`, ...extra.headers });
  };

  let keys: ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet> | undefined = options.jwks ? createLocalJWKSet(options.jwks) : undefined;
  /** The issuer's key set, found through its metadata on first use; a failure is tried again on the next request. */
  async function keySet() {
    if (keys) return keys;
    let uri = options.jwksUri;
    if (!uri) {
      const response = await fetcher(`${options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5_000) });
      const metadata = response.ok ? ((await response.json()) as { issuer?: unknown; jwks_uri?: unknown }) : {};
      // RFC 8414 §3.3: metadata that names another issuer is not this issuer's.
      if (metadata.issuer !== options.issuer || typeof metadata.jwks_uri !== 'string') throw new Error('the issuer metadata names no jwks_uri for this issuer');
      uri = metadata.jwks_uri;
    }
    keys = createRemoteJWKSet(new URL(uri), { cooldownDuration: 30_000, cacheMaxAge: 600_000, [customFetch]: fetcher });
    return keys;
  }

  async function verifySignedToken(token: string): Promise<JWTPayload> {
    let set: Awaited<ReturnType<typeof keySet>>;
    try {
      set = await keySet();
    } catch {
      throw refuse('unavailable', "the issuer's keys cannot be fetched now");
    }
    try {
      const { payload } = await jwtVerify(token, set, {
        issuer: options.issuer,
        audience: options.audience,
        // RFC 9068 §4: the typ tells an access token from an ID token or any other JWT the issuer signs.
        typ: 'at+jwt',
        algorithms: [...(options.algorithms ?? DEFAULT_ALGORITHMS)],
        requiredClaims: ['exp', 'sub', 'client_id'],
      });
      return payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw refuse('invalid_token', 'the access token has expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed) throw refuse('invalid_token', `the access token's "${error.claim}" claim is not accepted`);
      if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid || !(error instanceof joseErrors.JOSEError)) {
        throw refuse('unavailable', "the issuer's keys cannot be fetched now");
      }
      throw refuse('invalid_token', 'the access token is not a valid signed JWT access token from this issuer');
    }
  }

  const introspected = new Map<string, { result: IntrospectionResult; until: number }>();
  async function introspect(token: string): Promise<IntrospectionResult> {
    const source = options.introspection!;
    if (typeof source === 'function') return source(token);
    const now = Date.now();
    const kept = introspected.get(token);
    if (kept && kept.until > now) return kept.result;
    let result: IntrospectionResult;
    try {
      const response = await fetcher(source.endpoint, {
        method: 'POST',
        headers: {
          authorization: `Basic ${btoa(`${encodeURIComponent(source.clientId)}:${encodeURIComponent(source.clientSecret)}`)}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
        signal: AbortSignal.timeout(5_000),
      });
      if (!response.ok) throw new Error(`introspection answered ${response.status}`);
      result = (await response.json()) as IntrospectionResult;
    } catch {
      throw refuse('unavailable', 'the token cannot be introspected now');
    }
    const until = Math.min(now + (source.cacheSeconds ?? 30) * 1000, typeof result.exp === 'number' ? result.exp * 1000 : Infinity);
    for (const [old, entry] of introspected) if (entry.until <= now) introspected.delete(old);
    if (introspected.size < 10_000) introspected.set(token, { result, until });
    return result;
  }

  /** An opaque token's claims, as its introspection says, held to the same rules as a JWT's. */
  async function opaqueClaims(token: string): Promise<JWTPayload> {
    const result = await introspect(token);
    const audiences = typeof result.aud === 'string' ? [result.aud] : Array.isArray(result.aud) ? result.aud : [];
    if (result.active !== true) throw refuse('invalid_token', 'the access token is not active');
    if (typeof result.exp !== 'number' || result.exp * 1000 <= Date.now()) throw refuse('invalid_token', 'the access token has expired');
    if (!audiences.includes(options.audience)) throw refuse('invalid_token', 'the access token\'s "aud" claim is not accepted');
    if (result.iss !== undefined && result.iss !== options.issuer) throw refuse('invalid_token', 'the access token\'s "iss" claim is not accepted');
    if (typeof result.client_id !== 'string') throw refuse('invalid_token', 'the access token names no client');
    // A client acting for itself (client credentials) is its own subject, as RFC 9068 §2.2 has it.
    return { ...result, sub: typeof result.sub === 'string' ? result.sub : result.client_id };
  }

  const looksSigned = (token: string) => token.split('.').length === 3;

  async function authenticate(request: RequestLike): Promise<Principal> {
    const { scheme, token } = credentialsOf(request.headers.get('authorization'), offered);
    const opaque = options.introspection !== undefined && !looksSigned(token);
    const known = opaque ? undefined : verified.get(token);
    const payload = known ?? (opaque ? await opaqueClaims(token) : await verifySignedToken(token));
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : '';
    // The audience alone is not enough where the API names its clients.
    if (clients && !clients.has(clientId)) throw refuse('invalid_token', 'the access token was issued to a client that may not use this API');
    // Kept only once it passed the client check: other clients' tokens for this audience,
    // however many, cannot push out the tokens of the clients this API serves.
    if (!known && !opaque) verified.add(token, payload);
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
    if (options.requiredScope && !scopes.includes(options.requiredScope)) {
      throw refuse('insufficient_scope', `the access token lacks the "${options.requiredScope}" scope`, 'Bearer', { scope: options.requiredScope });
    }
    const username = payload[usernameClaim];
    if (typeof username !== 'string' || username === '') throw refuse('invalid_token', `the access token has no "${usernameClaim}"`);
    const organization = payload[organizationClaim];
    const cnf = payload.cnf;
    const boundKey = typeof cnf === 'object' && cnf !== null && 'jkt' in cnf && typeof cnf.jkt === 'string' ? cnf.jkt : undefined;
    const principal: Principal = {
      subject: payload.sub!,
      username,
      clientId,
      scopes,
      ...(typeof organization === 'string' ? { organization } : {}),
      ...(boundKey ? { boundKey } : {}),
      expiresAt: new Date(payload.exp! * 1000),
      claims: payload,
      responseHeaders: {},
    };
    if (options.active && !(await options.active(principal))) throw refuse('invalid_token', 'the access token has been revoked');
    // A DPoP-bound token is good only with a proof of its key (RFC 9449 §7): a copy is refused.
    if (boundKey === undefined) {
      if (scheme === 'dpop') throw refuse('invalid_token', 'the access token is not DPoP-bound', 'DPoP');
      if (options.dpop?.required) throw refuse('invalid_token', 'this API takes only DPoP-bound access tokens', 'DPoP');
      return principal;
    }
    if (scheme !== 'dpop') throw refuse('invalid_token', 'this access token is DPoP-bound: send it as "DPoP" with a proof', 'DPoP');
    const nonce = { 'DPoP-Nonce': dpop.nonce() };
    try {
      await dpop.verify(request.headers.get('dpop') ?? undefined, { method: request.method, url: new URL(request.url), accessToken: token, jkt: boundKey });
    } catch (error) {
      if (error instanceof DPoPProofError) throw refuse(error.error, error.message, 'DPoP', { headers: nonce });
      throw error;
    }
    return { ...principal, responseHeaders: nonce };
  }

  async function authorize(principal: Principal, request: RequestLike): Promise<void> {
    if (!options.scopes) return;
    const path = request.path ?? new URL(request.url).pathname;
    const problem = nonCanonicalPath(path);
    const scheme = principal.boundKey ? 'DPoP' : 'Bearer';
    if (problem) throw refuse('invalid_request', problem, scheme);
    const catalogue = typeof options.scopes === 'function' ? await options.scopes() : options.scopes;
    const granting = scopesGranting(catalogue, path);
    // Scope names are compared case-insensitively, as the admin API keeps them.
    const held = new Set(principal.scopes.map((s) => s.toLowerCase()));
    if (granting.some((name) => held.has(name.toLowerCase()))) return;
    const description = granting.length > 0 ? 'none of the access token\'s scopes grants this URL' : 'no scope grants this URL';
    throw refuse('insufficient_scope', description, scheme, { ...(granting.length > 0 ? { scope: granting.join(' ') } : {}), headers: principal.responseHeaders });
  }

  return {
    authenticate,
    authorize,
    async verify(request) {
      const principal = await authenticate(request);
      await authorize(principal, request);
      return principal;
    },
  };
}
