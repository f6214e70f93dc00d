import * as oauth from 'oauth4webapi';
import { checkAuthorizationParams, type ResolvedInteractiveConfig } from './config.js';
import { assertPkceS256 } from './discovery.js';
import type { DPoPKey } from './dpop.js';
import { GrantkitError } from './errors.js';
import { sameOriginPath } from './return-to.js';
import { TRANSACTION_TTL_MS, saveTransaction, type Transaction } from './transaction.js';

export interface LoginOptions {
  /** Same-origin path or URL to come back to after sign-in. Default: the current page. */
  returnTo?: string;
  /** OpenID Connect `prompt`, e.g. `login`, `consent`, `none`. */
  prompt?: string;
  loginHint?: string;
  /** Extra parameters for this request only. */
  authorizationParams?: Record<string, string>;
}

export function wantsOpenId(config: ResolvedInteractiveConfig): boolean {
  return config.scope.split(' ').includes('openid');
}

/**
 * Whether this sign-in binds its tokens to a DPoP key. When DPoP is required and the
 * server does not offer ES256 proofs, sign-in stops here rather than go on with bearer tokens.
 */
export function usesDpop(config: ResolvedInteractiveConfig, server: oauth.AuthorizationServer): boolean {
  if (config.dpop === 'off') return false;
  const offered = server.dpop_signing_alg_values_supported?.includes('ES256') === true;
  if (!offered && config.dpop === 'required') {
    throw new GrantkitError('dpop_unsupported', 'DPoP is required, but the authorization server does not offer ES256 DPoP proofs');
  }
  return offered;
}

/** Starts a transaction and returns the authorization URL for it. */
export async function startAuthorization(
  config: ResolvedInteractiveConfig,
  server: oauth.AuthorizationServer,
  options: LoginOptions,
  mode: Transaction['mode'],
  dpopKey: () => Promise<DPoPKey>,
): Promise<URL> {
  assertPkceS256(server);
  const dpop = usesDpop(config, server);
  if (!server.authorization_endpoint) {
    throw new GrantkitError('config_invalid', 'the authorization server has no authorization endpoint');
  }
  const extra = checkAuthorizationParams(options.authorizationParams ?? {});
  const returnTo = sameOriginPath(options.returnTo);
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = wantsOpenId(config) ? oauth.generateRandomNonce() : undefined;

  const url = new URL(server.authorization_endpoint);
  const params = url.searchParams;
  for (const [name, value] of Object.entries({ ...config.authorizationParams, ...extra })) params.set(name, value);
  if (config.audience !== undefined) params.set('audience', config.audience);
  for (const resource of config.resources) params.append('resource', resource);
  if (options.prompt !== undefined) params.set('prompt', options.prompt);
  if (options.loginHint !== undefined) params.set('login_hint', options.loginHint);
  if (config.scope) params.set('scope', config.scope);
  params.set('client_id', config.clientId);
  params.set('redirect_uri', config.redirectUri);
  params.set('response_type', 'code');
  params.set('state', state);
  params.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  params.set('code_challenge_method', 'S256');
  if (nonce !== undefined) params.set('nonce', nonce);
  // Binds the code to the key too (RFC 9449 §10): a code stolen on the way back is useless.
  if (dpop) params.set('dpop_jkt', await (await dpopKey()).thumbprint());

  saveTransaction({
    namespace: config.namespace,
    state,
    codeVerifier,
    nonce,
    redirectUri: config.redirectUri,
    returnTo,
    mode,
    expiresAt: Date.now() + TRANSACTION_TTL_MS,
    dpop,
  });
  return url;
}
