import type { GrantkitClient } from '../../src/index.js';

/** The attributes an element makes its own client from (`<grantkit-provider>`, `<oauth-login>`): the same names and meaning in both. */
export interface ClientAttributes {
  issuer: string;
  clientId: string;
  /** '' means this page, without its query and fragment. */
  redirectUri: string;
  scope: string;
  audience: string;
  resource: string;
  /** `required` binds tokens to a key in this browser and refuses servers without DPoP; `auto` uses it when offered. */
  dpop: '' | 'auto' | 'required';
}

/** The names of those attributes' properties: a change to any of them makes a new client. */
export const CLIENT_ATTRIBUTES = ['issuer', 'clientId', 'redirectUri', 'scope', 'audience', 'resource', 'dpop'] as const satisfies ReadonlyArray<keyof ClientAttributes>;

/** A key that differs whenever the client the attributes describe differs. */
export function clientKey(a: ClientAttributes): string {
  return JSON.stringify(CLIENT_ATTRIBUTES.map((name) => a[name]));
}

/** Makes the client the attributes describe. The core is loaded only now: pages that hand elements a client do not ship a second. */
export async function createClientFrom(a: ClientAttributes): Promise<GrantkitClient> {
  const { createClient } = await import('../../src/index.js');
  return createClient({
    issuer: a.issuer,
    clientId: a.clientId,
    redirectUri: a.redirectUri || `${location.origin}${location.pathname}`,
    scope: a.scope,
    ...(a.audience ? { audience: a.audience } : {}),
    ...(a.resource ? { resource: a.resource } : {}),
    ...(a.dpop ? { dpop: a.dpop === 'required' ? true : 'auto' } : {}),
  });
}
