import * as oauth from 'oauth4webapi';
import { checkAuthorizationParams, type ResolvedInteractiveConfig } from './config.js';
import { assertPkceS256 } from './discovery.js';
import { requestOptions } from './request-options.js';
import { wantsOpenId } from './request-parameters.js';
import type { DPoPKey } from './dpop.js';
import { fromOAuthError } from './oauth-errors.js';
import { postWithProof } from './post-with-proof.js';
import { GrantkitError } from './errors.js';
import { sameOriginPath } from './return-to.js';
import { TRANSACTION_TTL_MS, saveTransaction, type Transaction } from './transaction.js';

/** Options of one sign-in ({@link GrantkitClient.login}): what it asks for beyond the client's defaults. */
export interface LoginOptions {
  /** Same-origin path or URL to come back to after sign-in. Default: the current page. */
  returnTo?: string;
  /** OpenID Connect `prompt`, e.g. `login`, `consent`, `none`. */
  prompt?: string;
  loginHint?: string;
  /** Extra parameters for this request only. */
  authorizationParams?: Record<string, string>;
}

/**
 * Whether this sign-in binds its tokens to a DPoP key. When DPoP is required and the
 * server does not offer ES256 proofs, sign-in stops here rather than go on with bearer tokens.
 */
function usesDpop(config: ResolvedInteractiveConfig, server: oauth.AuthorizationServer): boolean {
  if (config.dpop === 'off') return false;
  const offered = server.dpop_signing_alg_values_supported?.includes('ES256') === true;
  if (!offered && config.dpop === 'required') {
    throw new GrantkitError('dpop_unsupported', 'DPoP is required, but the authorization server does not offer ES256 DPoP proofs');
  }
  return offered;
}

/** Starts a transaction and returns the authorization URL for it, and its state (which a pushed request's URL does not show). */
export async function startAuthorization(
  config: ResolvedInteractiveConfig,
  server: oauth.AuthorizationServer,
  options: LoginOptions,
  mode: Transaction['mode'],
  dpopKey: () => Promise<DPoPKey>,
): Promise<{ url: URL; state: string }> {
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
  const pushed = config.par || server.require_pushed_authorization_requests === true ? await push(config, server, params, dpop ? dpopKey : undefined) : undefined;

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
  return { url: pushed ?? url, state };
}

/**
 * Sends the request's parameters to the PAR endpoint (RFC 9126) and returns the short
 * authorization URL that refers to them: nothing but `client_id` and `request_uri`.
 */
async function push(
  config: ResolvedInteractiveConfig,
  server: oauth.AuthorizationServer,
  params: URLSearchParams,
  dpopKey: (() => Promise<DPoPKey>) | undefined,
): Promise<URL> {
  const endpoint = server.pushed_authorization_request_endpoint;
  if (!endpoint) throw new GrantkitError('config_invalid', 'par is set, but the authorization server has no pushed authorization request endpoint');
  const client: oauth.Client = { client_id: config.clientId };
  let result: oauth.PushedAuthorizationResponse;
  try {
    const send = (headers?: HeadersInit) =>
      oauth.pushedAuthorizationRequest(server, client, oauth.None(), params, { ...requestOptions(endpoint, config.timeout), headers });
    const response = await postWithProof(dpopKey, endpoint, 0, send);
    result = await oauth.processPushedAuthorizationResponse(server, client, response);
  } catch (error) {
    throw fromOAuthError(error, 'token');
  }
  const url = new URL(server.authorization_endpoint!);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('request_uri', result.request_uri);
  return url;
}
