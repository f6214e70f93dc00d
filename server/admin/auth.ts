import type { IncomingMessage } from 'node:http';
import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import type { AccountDirectory } from '../accounts.js';
import type { Database } from '../db/database.js';
import { createDPoPVerifier, DPoPProofError, type NonceSource, type ReplayGuard } from './dpop.js';
import type { Schemas } from './operation-types.js';
import { usePersonalToken } from './personal-tokens.js';
import { ApiProblem } from './problem.js';
import { hashSecret, type Role } from './records.js';
import { VerifiedTokens } from './verified-tokens.js';

/** What a caller may do, as the document names it. */
export type Permission = Schemas['Permission'];

export const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  admin: ['integrations:read', 'integrations:write', 'scopes:read', 'scopes:write', 'tokens:read', 'tokens:write', 'personal-tokens:write'],
  viewer: ['integrations:read', 'scopes:read', 'tokens:read', 'personal-tokens:write'],
};

export interface Caller {
  sub: string;
  name?: string;
  email?: string;
  roles: Role[];
  permissions: Permission[];
  auth: 'access_token' | 'personal_token';
  /** Headers every answer to this caller carries (the current DPoP nonce). */
  headers?: Record<string, string>;
}

export const PERSONAL_TOKEN_PREFIX = 'gkpat_';

export interface AuthenticatorOptions {
  issuer: string;
  /** The `aud` an access token must carry: the admin API's resource identifier. */
  audience: string;
  /**
   * The issuer's public keys. Every server process shares the signing key (it is kept in the
   * database), so each checks tokens with the key set it publishes, without fetching it.
   */
  jwks: JSONWebKeySet;
  db: Database;
  /** The DPoP proofs taken so far, shared by every process. */
  replays: ReplayGuard;
  /** The clients whose tokens the admin API takes: the first-party admin portals. */
  adminClients: ReadonlySet<string>;
  /** The scope an admin API token must carry. */
  scope: string;
  /** The claim that names the token's grant. */
  grantClaim: string;
  /** Whether the grant behind a token still stands for this user and client (not revoked, not signed out). */
  grantAlive: (grantId: string, clientId: string, sub: string) => Promise<boolean>;
  /** The DPoP nonces of the authorization server on the same origin: required, as clients keep one nonce per origin. */
  dpopNonces: NonceSource;
  /** Who the people named in tokens are. */
  accounts: AccountDirectory;
}

/** What the admin API answers an authenticated DPoP request with, so clients keep a fresh nonce (RFC 9449 §9). */
export const DPOP_NONCE_HEADER = 'DPoP-Nonce';

function challenge(description: string, scheme: 'Bearer' | 'DPoP' = 'Bearer', error = 'invalid_token', headers: Record<string, string> = {}): ApiProblem {
  const escaped = description.replace(/["\\]/g, '');
  // RFC 6750 §3.1: a token without the needed scope is 403 insufficient_scope, not 401.
  return new ApiProblem(error === 'insufficient_scope' ? 'forbidden' : 'unauthorized', description, {
    headers: { 'WWW-Authenticate': `${scheme} realm="grantkit-admin", error="${error}", error_description="${escaped}"`, ...headers },
  });
}

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return [...new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]))];
}

/**
 * Validates bearer tokens as the JWT-validation reference asks: signature against the
 * issuer's JWKS (fetched once and cached), then `exp`, `iss` and `aud`; `alg: none` and
 * unsigned tokens never pass. Personal access tokens are looked up by their hash.
 */
export function createAuthenticator(options: AuthenticatorOptions): (req: IncomingMessage) => Promise<Caller> {
  const jwks = createLocalJWKSet(options.jwks);

  async function fromPersonalToken(token: string): Promise<Caller> {
    const now = new Date();
    // One look-up by the hash of what was presented, not a comparison with every stored token.
    const record = await usePersonalToken(options.db, hashSecret(token).sha256, now);
    if (!record) throw challenge('unknown personal access token');
    if (record.expires_at <= now.toISOString()) throw challenge('the personal access token has expired');
    const account = options.accounts.find(record.owner);
    if (!account) throw challenge('the owner of this token no longer exists');
    // Never more than the owner holds today, even if their roles shrank since.
    const roles = record.roles.filter((r) => account.roles.includes(r));
    const allowed = permissionsOf(roles);
    return {
      sub: account.id,
      name: account.name,
      email: account.email,
      roles,
      permissions: allowed.filter((p) => record.scope.includes(p)),
      auth: 'personal_token',
    };
  }

  // Server nonces (RFC 9449 §9): a proof cannot be made in advance of the nonce it carries.
  const dpop = createDPoPVerifier({ nonces: options.dpopNonces, replays: options.replays });

  const verified = new VerifiedTokens();

  /** Signature, `typ`, `iss`, `aud` and `exp`: what a token says and cannot change, checked once per token. */
  async function verify(token: string): Promise<JWTPayload> {
    try {
      // RFC 9068 §4: the `typ` tells an access token from an ID token or any other JWT the issuer signs.
      const { payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        typ: 'at+jwt',
        algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
        requiredClaims: ['exp', 'sub', 'client_id'],
      });
      return payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw challenge('the access token has expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed) throw challenge(`the access token's "${error.claim}" claim is not accepted`);
      throw challenge('the access token is not a valid signed JWT access token from this issuer');
    }
  }

  async function fromAccessToken(token: string, req: IncomingMessage, scheme: 'bearer' | 'dpop'): Promise<Caller> {
    const known = verified.get(token);
    const payload = known ?? (await verify(token));
    const { sub } = payload;
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : '';
    const jkt = typeof payload.cnf === 'object' && payload.cnf !== null && 'jkt' in payload.cnf && typeof payload.cnf.jkt === 'string' ? payload.cnf.jkt : undefined;
    // The audience alone is not enough: only the admin portals' tokens, for the admin scope, count.
    if (!options.adminClients.has(clientId)) throw challenge('the access token was issued to a client that may not use the admin API');
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
    if (!scopes.includes(options.scope)) throw challenge(`the access token lacks the "${options.scope}" scope`, 'Bearer', 'insufficient_scope');
    // Kept only once it is an admin portal's token for the admin scope: other tokens for this
    // audience, however many, cannot push the portals' tokens out.
    if (!known) verified.add(token, payload);
    const grantId = payload[options.grantClaim];
    if (typeof grantId !== 'string' || sub === undefined || !(await options.grantAlive(grantId, clientId, sub))) {
      throw challenge('the sign-in this access token belongs to has ended');
    }
    // A DPoP-bound token is good only with a proof of its key (RFC 9449 §7): a copy is refused.
    if (jkt !== undefined) {
      if (scheme !== 'dpop') throw challenge('this access token is DPoP-bound: send it as "DPoP" with a proof', 'DPoP');
      const nonce = { [DPOP_NONCE_HEADER]: dpop.nonce() };
      const proof = req.headers.dpop;
      try {
        await dpop.verify(Array.isArray(proof) ? undefined : proof, { method: req.method ?? 'GET', url: new URL(req.url ?? '/', options.issuer), accessToken: token, jkt });
      } catch (error) {
        if (error instanceof DPoPProofError) throw challenge(error.message, 'DPoP', error.error, nonce);
        throw error;
      }
      return { ...callerFor(sub), headers: nonce };
    } else if (scheme === 'dpop') {
      throw challenge('the access token is not DPoP-bound', 'DPoP');
    }
    return callerFor(sub);
  }

  function callerFor(sub: string): Caller {
    const account = options.accounts.find(sub);
    if (!account) throw challenge('the access token names no known user');
    return { sub: account.id, name: account.name, email: account.email, roles: account.roles, permissions: permissionsOf(account.roles), auth: 'access_token' };
  }

  return async (req) => {
    const [, scheme, token] = /^(Bearer|DPoP) +([^\s]+) *$/i.exec(req.headers.authorization ?? '') ?? [];
    if (!scheme || !token) {
      throw new ApiProblem('unauthorized', 'send a bearer or DPoP token', {
        headers: { 'WWW-Authenticate': 'Bearer realm="grantkit-admin", DPoP realm="grantkit-admin" algs="ES256"' },
      });
    }
    if (token.startsWith(PERSONAL_TOKEN_PREFIX)) return fromPersonalToken(token);
    return fromAccessToken(token, req, scheme.toLowerCase() === 'dpop' ? 'dpop' : 'bearer');
  };
}
