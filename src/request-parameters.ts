import type { ResolvedInteractiveConfig } from './config.js';

// What a client's requests carry because of how it is configured.

/** Whether the client signs in with OpenID Connect (an ID token, a nonce), not plain OAuth. */
export function wantsOpenId(config: ResolvedInteractiveConfig): boolean {
  return config.scope.split(' ').includes('openid');
}

/** The resource indicators (RFC 8707) the authorization, token and refresh requests name. */
export function resourceParameters(config: ResolvedInteractiveConfig): URLSearchParams {
  const params = new URLSearchParams();
  for (const resource of config.resources) params.append('resource', resource);
  return params;
}
