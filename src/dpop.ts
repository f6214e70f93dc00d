import type { Store } from './token-store.js';
import { parseWwwAuthenticate } from './www-authenticate.js';

// DPoP (RFC 9449): tokens bound to a key pair the page holds. The private key is made
// non-extractable, so script that runs in the page later (XSS) can use it while the page
// is open but can never copy it out; a stolen token alone is worthless elsewhere.
// Loaded with import() when a client first needs a key: apps without DPoP do not pay for it.

const ALGORITHM: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

function b64u(bytes: ArrayBuffer | Uint8Array): string {
  const array = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let text = '';
  for (const byte of array) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const b64uJson = (value: unknown) => b64u(new TextEncoder().encode(JSON.stringify(value)));
const sha256 = async (text: string) => b64u(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));

/** A DPoP key pair with what proofs need: its public JWK, its thumbprint, the server nonces seen. */
export class DPoPKey {
  readonly #keys: CryptoKeyPair;
  readonly #jwk: { kty: string; crv: string; x: string; y: string };
  /** The proof header never changes: encoded once, not on every request. */
  readonly #header: string;
  /** The newest nonce of each server origin (authorization server and resource servers alike). */
  readonly #nonces = new Map<string, string>();

  private constructor(keys: CryptoKeyPair, jwk: JsonWebKey) {
    this.#keys = keys;
    this.#jwk = { kty: jwk.kty!, crv: jwk.crv!, x: jwk.x!, y: jwk.y! };
    this.#header = b64uJson({ typ: 'dpop+jwt', alg: 'ES256', jwk: this.#jwk });
  }

  static async from(keys: CryptoKeyPair): Promise<DPoPKey> {
    return new DPoPKey(keys, await crypto.subtle.exportKey('jwk', keys.publicKey));
  }

  /** RFC 7638 thumbprint, sent as `dpop_jkt` so that the code is bound to this key too. */
  thumbprint(): Promise<string> {
    const { crv, kty, x, y } = this.#jwk;
    return sha256(JSON.stringify({ crv, kty, x, y }));
  }

  /** A proof for one request (RFC 9449 §4.2); `accessToken` adds `ath` for resource servers. */
  async proof(method: string, url: string, accessToken: string | undefined, clockSkew: number): Promise<string> {
    const target = new URL(url);
    const payload = {
      jti: b64u(crypto.getRandomValues(new Uint8Array(16))),
      htm: method.toUpperCase(),
      htu: `${target.origin}${target.pathname}`,
      iat: Math.floor(Date.now() / 1000) + clockSkew,
      nonce: this.#nonces.get(target.origin),
      ath: accessToken === undefined ? undefined : await sha256(accessToken),
    };
    const input = `${this.#header}.${b64uJson(payload)}`;
    const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.#keys.privateKey, new TextEncoder().encode(input));
    return `${input}.${b64u(signature)}`;
  }

  /**
   * Sends a request with a fresh proof; when the server answers that it wants a nonce,
   * sends it once more with the nonce it gave. A proof is signed just before `fetch()` is
   * called, which is as late as the Fetch API allows: the browser may still hold the request
   * in its queue (six connections per origin over HTTP/1.1), and servers take a proof for a
   * few minutes only (300 s at the reference server). A proof refused after waiting longer
   * than `STALE_PROOF_MS` is signed again and sent once more.
   */
  async send(method: string, url: string, accessToken: string | undefined, clockSkew: number, send: (proof: string) => Promise<Response>): Promise<Response> {
    const signedAt = Date.now();
    const first = await send(await this.proof(method, url, accessToken, clockSkew));
    const askedForNonce = await this.takeNonce(url, first);
    const aged = Date.now() - signedAt > STALE_PROOF_MS && refusesProof(first);
    if (!askedForNonce && !aged) return first;
    await first.body?.cancel();
    const second = await send(await this.proof(method, url, accessToken, clockSkew));
    await this.takeNonce(url, second);
    return second;
  }

  /** Keeps the nonce a server sent, and says whether it asked for the request again with it. */
  async takeNonce(url: string, response: Response): Promise<boolean> {
    const nonce = response.headers.get('dpop-nonce');
    if (nonce) this.#nonces.set(new URL(url).origin, nonce);
    return nonce !== null && (await asksForNonce(response));
  }
}

/** Longer than any request should take: a proof refused after this long may have aged out in a queue. */
const STALE_PROOF_MS = 60_000;

/** A 401 DPoP challenge saying the proof was not good (its age is one reason a server may not name). */
function refusesProof(response: Response): boolean {
  return response.status === 401 && parseWwwAuthenticate(response.headers.get('www-authenticate')).some((c) => c.scheme === 'dpop' && c.params.error === 'invalid_dpop_proof');
}

/** A 400 `use_dpop_nonce` from a token endpoint, or a 401 DPoP challenge from a resource server (RFC 9449 §8, §9). */
async function asksForNonce(response: Response): Promise<boolean> {
  if (response.status === 401) {
    return parseWwwAuthenticate(response.headers.get('www-authenticate')).some((c) => c.scheme === 'dpop' && c.params.error === 'use_dpop_nonce');
  }
  if (response.status !== 400) return false;
  try {
    return ((await response.clone().json()) as { error?: unknown }).error === 'use_dpop_nonce';
  } catch {
    return false;
  }
}

/**
 * The client's key: the stored one, or a new one. Made under a lock, so that two tabs
 * signing in at once end up with one key, not one each.
 */
export async function loadOrCreateKey(namespace: string, store: Store<CryptoKeyPair>): Promise<DPoPKey> {
  const create = async () => {
    const stored = await store.get();
    if (stored) return stored;
    const keys = await crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
    await store.set(keys);
    return keys;
  };
  const locks = globalThis.navigator?.locks;
  const keys = locks ? await locks.request(`grantkit:dpop:${namespace}`, create) : await create();
  return DPoPKey.from(keys);
}
