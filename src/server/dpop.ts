import { createHash, createHmac, randomBytes } from 'node:crypto';
import { MismatchedKeyError, verifyEmbeddedKeyJws } from './embedded-key-jws.js';

// Checks DPoP proofs at a resource server (RFC 9449 §7): the proof is signed by the key
// the token is bound to, for this very request, recently, once, and with our nonce.

export class DPoPProofError extends Error {
  /** `invalid_dpop_proof`, or `use_dpop_nonce` when only the nonce is missing or old. */
  readonly error: 'invalid_dpop_proof' | 'use_dpop_nonce';
  constructor(error: DPoPProofError['error'], message: string) {
    super(message);
    this.error = error;
  }
}

export interface ProofRequest {
  method: string;
  /** The request's URL as the client saw it: origin and path are compared, query and fragment are not. */
  url: URL;
  accessToken: string;
  /** The `cnf.jkt` the token is bound to. */
  jkt: string;
}

const MAX_AGE_SECONDS = 300;
/** Clocks differ: a proof may say it was made this much in the future, or this much too long ago. */
const CLOCK_TOLERANCE_SECONDS = 5;
const ALGORITHMS = ['ES256', 'ES384', 'PS256', 'RS256', 'EdDSA', 'Ed25519'] as const;

/** The claims RFC 9449 §4.2 requires, with the types it gives them (jose's JWT claim rules for iat, exp and nbf). */
export function checkProofClaims(payload: Record<string, unknown>): void {
  const now = Math.floor(Date.now() / 1000);
  for (const claim of ['iat', 'jti', 'htm', 'htu']) {
    if (!(claim in payload)) throw new Error(`missing required "${claim}" claim`);
  }
  // RFC 9449 §4.2 makes these strings; anything else (an object with its own toString, an
  // array that stringifies to a URL, a number equal to another proof's id) is refused.
  for (const claim of ['jti', 'htm', 'htu']) {
    if (typeof payload[claim] !== 'string' || payload[claim] === '') throw new Error(`"${claim}" claim must be a non-empty string`);
  }
  for (const claim of ['iat', 'exp', 'nbf']) {
    if (claim in payload && (typeof payload[claim] !== 'number' || !Number.isFinite(payload[claim]))) throw new Error(`"${claim}" claim must be a number`);
  }
  const iat = payload.iat as number;
  if (iat - CLOCK_TOLERANCE_SECONDS > now) throw new Error('"iat" claim timestamp check failed (it should be in the past)');
  if (now - iat - CLOCK_TOLERANCE_SECONDS > MAX_AGE_SECONDS) throw new Error('"iat" claim timestamp check failed (too far in the past)');
  if (typeof payload.exp === 'number' && payload.exp <= now - CLOCK_TOLERANCE_SECONDS) throw new Error('"exp" claim timestamp check failed');
  if (typeof payload.nbf === 'number' && payload.nbf > now + CLOCK_TOLERANCE_SECONDS) throw new Error('"nbf" claim timestamp check failed');
}

export interface DPoPVerifier {
  /** Throws a DPoPProofError unless `proof` is right for the request. */
  verify(proof: string | undefined, request: ProofRequest): Promise<void>;
  /** The nonce to send in `DPoP-Nonce`. */
  nonce(): string;
  /** A new nonce; proofs with the previous one are answered with `use_dpop_nonce` (the default source only). */
  rotateNonce(): void;
}

/** Where nonces come from: one source for every server on an origin, as clients keep one nonce per origin. */
export interface NonceSource {
  /** The nonce to hand out now. */
  current(): string;
  /** Whether a proof's nonce is still good. */
  accepts(nonce: string): boolean;
}

export interface DPoPVerifierOptions {
  /**
   * The nonces to hand out and accept. The reference server passes the authorization
   * server's own, because the token endpoint and the admin API share one origin and a client
   * keeps one nonce per origin. Default: an HMAC of a 60 s window, the previous one still good.
   */
  nonces?: NonceSource;
  /**
   * Remembers the proofs taken, so each is good once. Default: this process's memory. Several
   * processes behind one origin must share it (the reference server keeps it in the database),
   * or a proof taken by one could be replayed at another.
   */
  replays?: ReplayGuard;
}

/** Proof ids seen, for as long as a proof with them could still be taken. */
export interface ReplayGuard {
  /** Records `jti` until `expiresAt`; true the first time, false for a replay. Must be atomic. */
  firstUse(jti: string, expiresAt: Date): Promise<boolean>;
}

/** A replay guard in this process's memory. */
export function replaysInMemory(): ReplayGuard {
  // Entries go in with one fixed lifetime, so the map is in expiry order and only its head can be stale.
  const seen = new Map<string, number>();
  return {
    async firstUse(jti, expiresAt) {
      const now = Date.now();
      for (const [old, expires] of seen) {
        if (expires >= now) break;
        seen.delete(old);
      }
      if (seen.has(jti)) return false;
      seen.set(jti, expiresAt.getTime());
      return true;
    },
  };
}

/**
 * Nonces are an HMAC of the current time window, not a random value held in memory: any
 * process with the same secret hands out and accepts the same nonces, and nothing has to
 * be stored per client. A proof made in advance is good for two windows at most.
 */
/** Proofs must always carry the server's nonce (RFC 9449 §9): none can be made in advance of it. */
export function createDPoPVerifier(options: DPoPVerifierOptions = {}): DPoPVerifier {
  let secret = randomBytes(32);
  const nonceFor = (window: number) => createHmac('sha256', secret).update(String(window)).digest('base64url');
  const window = () => Math.floor(Date.now() / 60_000);
  const nonces: NonceSource = options.nonces ?? {
    current: () => nonceFor(window()),
    accepts: (nonce) => nonce === nonceFor(window()) || nonce === nonceFor(window() - 1),
  };
  // jti values seen within the age window: a proof is good for one request.
  const replays = options.replays ?? replaysInMemory();

  return {
    nonce: () => nonces.current(),
    rotateNonce() {
      secret = randomBytes(32);
    },
    async verify(proof, request) {
      if (!proof) throw new DPoPProofError('invalid_dpop_proof', 'a DPoP-bound token needs a DPoP proof');
      let payload: Record<string, unknown>;
      try {
        ({ payload } = verifyEmbeddedKeyJws(proof, { typ: 'dpop+jwt', algorithms: ALGORITHMS, thumbprint: request.jkt }));
        checkProofClaims(payload);
      } catch (error) {
        if (error instanceof MismatchedKeyError) throw new DPoPProofError('invalid_dpop_proof', error.message);
        if (!(error instanceof Error)) throw error;
        throw new DPoPProofError('invalid_dpop_proof', `the DPoP proof is not valid: ${error.message}`);
      }
      if (payload.htm !== request.method) throw new DPoPProofError('invalid_dpop_proof', 'the proof was made for another method');
      const htu = URL.canParse(payload.htu as string) ? new URL(payload.htu as string) : undefined;
      if (!htu || htu.origin + htu.pathname !== request.url.origin + request.url.pathname) {
        throw new DPoPProofError('invalid_dpop_proof', 'the proof was made for another URL');
      }
      const ath = createHash('sha256').update(request.accessToken).digest('base64url');
      if (payload.ath !== ath) throw new DPoPProofError('invalid_dpop_proof', 'the proof was made for another access token');
      if (typeof payload.nonce !== 'string' || !nonces.accepts(payload.nonce)) throw new DPoPProofError('use_dpop_nonce', 'use the server-provided DPoP nonce');
      // Recorded only once everything else holds: a proof refused for its nonce can be sent again with one.
      // Keyed by the signing key too: jti is the client's choice, and one client must not block another's.
      const jti = `${request.jkt}.${payload.jti as string}`;
      // Remembered as long as the proof could be taken: a proof dated up to the tolerance ahead
      // stays good that much longer.
      const takenUntil = (Math.max(payload.iat as number, Math.floor(Date.now() / 1000)) + MAX_AGE_SECONDS + 2 * CLOCK_TOLERANCE_SECONDS) * 1000;
      if (!(await replays.firstUse(jti, new Date(takenUntil)))) {
        throw new DPoPProofError('invalid_dpop_proof', 'the proof was used before');
      }
    },
  };
}
