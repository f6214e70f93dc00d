import type { JWTPayload } from 'jose';

/** Tokens kept: far more than the admin portals' users have tokens live at once. */
const KEPT = 10_000;

/**
 * Access tokens whose signature and claims were verified, with what they said, until they
 * expire. A portal sends the same token with every request for its lifetime: verifying its
 * RS256 signature again each time was a tenth of the admin API's CPU. Only what cannot change
 * is kept. Whether the sign-in behind the token still stands is asked on every request, so a
 * revoked token, or one whose client was turned off, is refused at once all the same.
 */
export class VerifiedTokens {
  readonly #payloads = new Map<string, JWTPayload & { exp: number }>();

  /** What `token` said when verified, while it has not expired. */
  get(token: string, now = Date.now() / 1000): JWTPayload | undefined {
    const payload = this.#payloads.get(token);
    if (!payload) return undefined;
    if (payload.exp <= now) {
      this.#payloads.delete(token);
      return undefined;
    }
    return payload;
  }

  /** Keeps a verified token's payload until its `exp`. */
  add(token: string, payload: JWTPayload): void {
    if (typeof payload.exp !== 'number') return;
    // Oldest first: a Map iterates in insertion order.
    if (this.#payloads.size >= KEPT) this.#payloads.delete(this.#payloads.keys().next().value!);
    this.#payloads.set(token, { ...payload, exp: payload.exp });
  }
}
