import * as oauth from 'oauth4webapi';
import type { ResolvedInteractiveConfig } from './config.js';
import { GrantkitError } from './errors.js';
import { fromOAuthError } from './oauth-errors.js';
import { requestOptions } from './request-options.js';

// Metadata is public, so it may sit in sessionStorage: the page that handles the
// redirect callback then makes one request (the token request), not three.
const CACHE_PREFIX = 'grantkit:discovery:';
const CACHE_TTL_MS = 15 * 60 * 1000;
const inFlight = new Map<string, Promise<oauth.AuthorizationServer>>();

interface CachedMetadata {
  storedAt: number;
  metadata: oauth.AuthorizationServer;
}

function readCache(issuer: string): oauth.AuthorizationServer | undefined {
  try {
    const raw = sessionStorage.getItem(CACHE_PREFIX + issuer);
    if (raw === null) return undefined;
    const cached = JSON.parse(raw) as CachedMetadata;
    if (Date.now() - cached.storedAt > CACHE_TTL_MS) return undefined;
    return cached.metadata;
  } catch {
    return undefined;
  }
}

function writeCache(issuer: string, metadata: oauth.AuthorizationServer): void {
  try {
    sessionStorage.setItem(CACHE_PREFIX + issuer, JSON.stringify({ storedAt: Date.now(), metadata }));
  } catch {
    // A full or disabled sessionStorage only costs a discovery request next time.
  }
}

async function discover(issuer: URL, preferOidc: boolean, timeout: number): Promise<oauth.AuthorizationServer> {
  const order: Array<'oidc' | 'oauth2'> = preferOidc ? ['oidc', 'oauth2'] : ['oauth2', 'oidc'];
  let lastError: unknown;
  for (const algorithm of order) {
    try {
      const response = await oauth.discoveryRequest(issuer, { ...requestOptions(issuer, timeout), algorithm });
      return await oauth.processDiscoveryResponse(issuer, response);
    } catch (error) {
      lastError = error;
      // Only "nothing here" is a reason to ask the other URL; an outage or a timeout would
      // just happen twice, and then be reported as the second URL's failure.
      if (!nothingHere(error)) break;
    }
  }
  const mapped = fromOAuthError(lastError);
  if (mapped.code === 'network_error') throw mapped;
  throw new GrantkitError('discovery_failed', `no usable metadata at ${issuer.href}`, { cause: lastError });
}

/** A 404, or an answer that is not metadata (HTML, JSON of another shape): the other well-known URL may serve it. */
function nothingHere(error: unknown): boolean {
  const cause = error instanceof oauth.OperationProcessingError ? error.cause : undefined;
  const status = error instanceof oauth.ResponseBodyError ? error.status : cause instanceof Response ? cause.status : undefined;
  if (status !== undefined) return status === 404 || status === 200;
  return error instanceof oauth.OperationProcessingError;
}

function fromEndpoints(config: ResolvedInteractiveConfig): oauth.AuthorizationServer {
  const e = config.endpoints!;
  return {
    issuer: e.issuer ?? new URL(e.authorization).origin,
    authorization_endpoint: e.authorization,
    token_endpoint: e.token,
    revocation_endpoint: e.revocation,
    end_session_endpoint: e.endSession,
    code_challenge_methods_supported: ['S256'],
  };
}

/** The authorization server's metadata, from the cache when fresh. */
export async function resolveServer(config: ResolvedInteractiveConfig): Promise<oauth.AuthorizationServer> {
  if (config.issuer === undefined) return fromEndpoints(config);
  const issuer = config.issuer.href;
  const cached = readCache(issuer);
  if (cached) return cached;
  let pending = inFlight.get(issuer);
  if (!pending) {
    const preferOidc = config.scope.split(' ').includes('openid');
    pending = discover(config.issuer, preferOidc, config.timeout).then(
      (metadata) => {
        writeCache(issuer, metadata);
        inFlight.delete(issuer);
        return metadata;
      },
      (error: unknown) => {
        inFlight.delete(issuer);
        throw error;
      },
    );
    inFlight.set(issuer, pending);
  }
  return pending;
}

/** Whether the server supports S256; refusing here keeps a downgrade from ever being possible. */
export function assertPkceS256(server: oauth.AuthorizationServer): void {
  const methods = server.code_challenge_methods_supported;
  // RFC 8414 lets a server omit the list; RFC 9700 says to use S256 anyway, so only an explicit list without it is refused.
  if (Array.isArray(methods) && !methods.includes('S256')) {
    throw new GrantkitError('config_invalid', 'the authorization server does not support PKCE with S256');
  }
}
