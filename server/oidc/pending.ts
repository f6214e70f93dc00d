import type { AdapterPayload } from 'oidc-provider';

/**
 * Entries that anyone can make the server keep without signing in: every authorization
 * request starts an Interaction, a public client pushes requests (PAR) with no secret, and
 * a session is stored before anyone has signed in to it (the logout page does that). A
 * signed-in session is not one: it took a password.
 */
export function isAnonymous(model: string, payload: AdapterPayload): boolean {
  return model === 'Interaction' || model === 'PushedAuthorizationRequest' || (model === 'Session' && !payload.accountId);
}

/**
 * The keys of anonymous entries in the order they were last written, at most `cap` of
 * them: admitting one more hands back the oldest, for the caller to evict. Oldest first,
 * because the oldest sign-in is the one most likely abandoned.
 */
export class PendingQueue {
  readonly #keys = new Set<string>();
  readonly #cap: number;

  constructor(cap: number) {
    if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`the cap on anonymous entries must be a positive integer, got ${cap}`);
    this.#cap = cap;
  }

  get size(): number {
    return this.#keys.size;
  }

  /** Marks `k` as the newest; returns the keys that fell off the old end. */
  admit(k: string): string[] {
    this.#keys.delete(k);
    this.#keys.add(k);
    const evicted: string[] = [];
    for (const oldest of this.#keys) {
      if (this.#keys.size <= this.#cap) break;
      this.#keys.delete(oldest);
      evicted.push(oldest);
    }
    return evicted;
  }

  drop(k: string): void {
    this.#keys.delete(k);
  }

  /** Forgets keys whose entries went another way (revocations delete without telling). */
  retain(exists: (k: string) => boolean): void {
    for (const k of this.#keys) if (!exists(k)) this.#keys.delete(k);
  }
}
