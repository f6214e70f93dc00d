import type { IncomingMessage } from 'node:http';
import type { JSONWebKeySet } from 'jose';
import type { AccountDirectory } from '../accounts.js';
import type { Database } from '../db/database.js';
import { createResourceServer, requestFromNode, ResourceServerError, type NonceSource, type ReplayGuard } from '../../src/server/index.js';
import type { Schemas } from './operation-types.js';
import { usePersonalToken } from './personal-tokens.js';
import { ApiProblem, type ProblemCode } from './problem.js';
import { hashSecret, type Role } from './records.js';

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

/**
 * The problem each refusal of the resource-server kit is answered with; its challenge and nonce
 * go along. A malformed credential (the kit's 400 invalid_request) stays a 401 here, as the
 * document has every authentication failure: the admin API checks no service URLs, so that is
 * all an invalid_request can be.
 */
const PROBLEM_FOR_STATUS: Record<number, ProblemCode> = { 400: 'unauthorized', 401: 'unauthorized', 403: 'forbidden' };

function problemOf(error: ResourceServerError): ApiProblem {
  return new ApiProblem(PROBLEM_FOR_STATUS[error.status] ?? 'internal_error', error.message, { headers: { ...error.headers } });
}

/** A personal access token refused, with the admin API's Bearer challenge. */
function refusedPersonalToken(description: string): ApiProblem {
  return new ApiProblem('unauthorized', description, {
    headers: { 'WWW-Authenticate': `Bearer realm="${REALM}", error="invalid_token", error_description="${description.replace(/["\\]/g, '')}"` },
  });
}

const REALM = 'grantkit-admin';

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return [...new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]))];
}

/**
 * Who is calling the admin API. Access tokens go through the resource-server kit
 * (grantkit/server, src/server), the one verifier in the project: signature against the
 * issuer's JWKS, `typ`, `exp`, `iss`, `aud`, the admin portals' clients, the admin scope, a
 * live grant and the DPoP binding. Personal access tokens are looked up by their hash.
 */
export function createAuthenticator(options: AuthenticatorOptions): (req: IncomingMessage) => Promise<Caller> {
  async function fromPersonalToken(token: string): Promise<Caller> {
    const now = new Date();
    // One look-up by the hash of what was presented, not a comparison with every stored token.
    const record = await usePersonalToken(options.db, hashSecret(token).sha256, now);
    if (!record) throw refusedPersonalToken('unknown personal access token');
    if (record.expires_at <= now.toISOString()) throw refusedPersonalToken('the personal access token has expired');
    const account = options.accounts.find(record.owner);
    if (!account) throw refusedPersonalToken('the owner of this token no longer exists');
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

  // The kit checks what the token says; the admin API adds only whose grant it is.
  const resourceServer = createResourceServer({
    issuer: options.issuer,
    audience: options.audience,
    jwks: options.jwks,
    realm: REALM,
    // The audience alone is not enough: only the admin portals' tokens, for the admin scope, count.
    clients: [...options.adminClients],
    requiredScope: options.scope,
    // Server nonces (RFC 9449 §9): a proof cannot be made in advance of the nonce it carries.
    dpop: { nonces: options.dpopNonces, replays: options.replays },
    active: async ({ claims, clientId, subject }) => {
      const grantId = claims[options.grantClaim];
      return typeof grantId === 'string' && (await options.grantAlive(grantId, clientId, subject));
    },
  });

  function callerFor(sub: string, headers: Readonly<Record<string, string>>): Caller {
    const account = options.accounts.find(sub);
    if (!account) throw refusedPersonalToken('the access token names no known user');
    const caller: Caller = { sub: account.id, name: account.name, email: account.email, roles: account.roles, permissions: permissionsOf(account.roles), auth: 'access_token' };
    return Object.keys(headers).length > 0 ? { ...caller, headers: { ...headers } } : caller;
  }

  return async (req) => {
    const authorization = req.headers.authorization ?? '';
    if (/^Bearer +gkpat_/i.test(authorization)) {
      const [, token] = /^Bearer +([^\s]+) *$/i.exec(authorization) ?? [];
      if (token?.startsWith(PERSONAL_TOKEN_PREFIX)) return fromPersonalToken(token);
    }
    try {
      const principal = await resourceServer.authenticate(requestFromNode(req, options.issuer));
      return callerFor(principal.subject, principal.responseHeaders);
    } catch (error) {
      if (error instanceof ResourceServerError) throw problemOf(error);
      throw error;
    }
  };
}
