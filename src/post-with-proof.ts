import type { DPoPKey } from './dpop.js';

/**
 * POSTs to an authorization-server endpoint through `send` (an oauth4webapi request): with
 * a DPoP key, with a proof of it and one retry when the server asks for its nonce; without
 * one, as it is. The code exchange, refresh, revocation and PAR all go through here.
 */
export async function postWithProof(
  dpopKey: (() => Promise<DPoPKey>) | undefined,
  endpoint: string,
  clockSkew: number,
  send: (headers?: HeadersInit) => Promise<Response>,
): Promise<Response> {
  if (!dpopKey) return send();
  return (await dpopKey()).send('POST', endpoint, undefined, clockSkew, (proof) => send({ dpop: proof }));
}
