import type { IncomingMessage } from 'node:http';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { findAccount } from '../accounts.js';
import { createDPoPVerifier, DPoPProofError } from './dpop.js';
import { PersonalTokenIndex } from './personal-token-index.js';
import { ApiProblem } from './problem.js';
import { hashMatches, hashSecret, type Role, type Store } from './store.js';

export type Permission =
  | 'integrations:read' | 'integrations:write' | 'scopes:read' | 'scopes:write'
  | 'tokens:read' | 'tokens:write' | 'personal-tokens:write';

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
}

export const PERSONAL_TOKEN_PREFIX = 'gkpat_';

export interface AuthenticatorOptions {
  issuer: string;
  /** The `aud` an access token must carry: the admin API's resource identifier. */
  audience: string;
  jwksUri: URL;
  store: Store;
}

function challenge(description: string, scheme: 'Bearer' | 'DPoP' = 'Bearer', error = 'invalid_token'): ApiProblem {
  const escaped = description.replace(/["\\]/g, '');
  return new ApiProblem('unauthorized', description, {
    headers: { 'WWW-Authenticate': `${scheme} realm="grantkit-admin", error="${error}", error_description="${escaped}"` },
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
  const jwks = createRemoteJWKSet(options.jwksUri, { cacheMaxAge: 10 * 60 * 1000, cooldownDuration: 30_000 });

  async function fromPersonalToken(token: string): Promise<Caller> {
    const now = new Date().toISOString();
    const presented = hashSecret(token).sha256;
    // One look-up by hash, not a comparison with every stored token; the match is still checked timing-safe.
    const record = PersonalTokenIndex.of(options.store).find(presented);
    if (!record || !hashMatches(presented, record.secret)) throw challenge('unknown personal access token');
    if (record.expires_at <= now) throw challenge('the personal access token has expired');
    const account = findAccount(record.owner);
    if (!account) throw challenge('the owner of this token no longer exists');
    // Never more than the owner holds today, even if their roles shrank since.
    const roles = record.roles.filter((r) => account.roles.includes(r));
    const allowed = permissionsOf(roles);
    record.last_used_at = now;
    return {
      sub: account.id,
      name: account.name,
      email: account.email,
      roles,
      permissions: allowed.filter((p) => record.scope.includes(p)),
      auth: 'personal_token',
    };
  }

  const dpop = createDPoPVerifier({ requireNonce: false });

  async function fromAccessToken(token: string, req: IncomingMessage, scheme: 'bearer' | 'dpop'): Promise<Caller> {
    let sub: string | undefined;
    let jkt: string | undefined;
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
        requiredClaims: ['exp', 'sub'],
      });
      sub = payload.sub;
      jkt = (payload.cnf as { jkt?: unknown } | undefined)?.jkt as string | undefined;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw challenge('the access token has expired');
      if (error instanceof joseErrors.JWTClaimValidationFailed) throw challenge(`the access token's "${error.claim}" claim is not accepted`);
      throw challenge('the access token is not a valid signed JWT from this issuer');
    }
    // A DPoP-bound token is good only with a proof of its key (RFC 9449 §7): a copy is refused.
    if (jkt !== undefined) {
      if (scheme !== 'dpop') throw challenge('this access token is DPoP-bound: send it as "DPoP" with a proof', 'DPoP');
      const proof = req.headers.dpop;
      try {
        await dpop.verify(Array.isArray(proof) ? undefined : proof, { method: req.method ?? 'GET', url: new URL(req.url ?? '/', options.issuer), accessToken: token, jkt });
      } catch (error) {
        if (error instanceof DPoPProofError) throw challenge(error.message, 'DPoP', error.error);
        throw error;
      }
    } else if (scheme === 'dpop') {
      throw challenge('the access token is not DPoP-bound', 'DPoP');
    }
    const account = sub === undefined ? undefined : findAccount(sub);
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
