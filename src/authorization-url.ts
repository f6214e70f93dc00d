import * as oauth from 'oauth4webapi';
import { checkAuthorizationParams, type ResolvedInteractiveConfig } from './config.js';
import { assertPkceS256 } from './discovery.js';
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

/** Starts a transaction and returns the authorization URL for it. */
export async function startAuthorization(
  config: ResolvedInteractiveConfig,
  server: oauth.AuthorizationServer,
  options: LoginOptions,
  mode: Transaction['mode'],
): Promise<URL> {
  assertPkceS256(server);
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

  saveTransaction({
    namespace: config.namespace,
    state,
    codeVerifier,
    nonce,
    redirectUri: config.redirectUri,
    returnTo,
    mode,
    expiresAt: Date.now() + TRANSACTION_TTL_MS,
  });
  return url;
}
