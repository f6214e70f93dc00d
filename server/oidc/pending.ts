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
 * The keys of anonymous entries in the order they were last written, at most `cap` of them,
 * and at most a tenth of that from any one source (a client address): admitting one more
 * hands back what must go, for the caller to evict. Oldest first, because the oldest
 * sign-in is the one most likely abandoned; the source's own oldest first, so that one
 * address flooding the server pushes out its own entries, not everyone else's.
 */
export class PendingQueue {
  readonly #keys = new Map<string, string>();
  readonly #bySource = new Map<string, Set<string>>();
  readonly #cap: number;
  readonly #perSource: number;

  constructor(cap: number) {
    if (!Number.isInteger(cap) || cap < 1) throw new RangeError(`the cap on anonymous entries must be a positive integer, got ${cap}`);
    this.#cap = cap;
    this.#perSource = Math.max(1, Math.floor(cap / 10));
  }

  get size(): number {
    return this.#keys.size;
  }

  /** Marks `k` as the newest, from `source`; returns the keys that fell off. */
  admit(k: string, source = 'unknown'): string[] {
    this.drop(k);
    this.#keys.set(k, source);
    let mine = this.#bySource.get(source);
    if (!mine) this.#bySource.set(source, (mine = new Set()));
    mine.add(k);
    const evicted: string[] = [];
    for (const oldest of mine) {
      if (mine.size <= this.#perSource) break;
      this.drop(oldest);
      evicted.push(oldest);
    }
    for (const oldest of this.#keys.keys()) {
      if (this.#keys.size <= this.#cap) break;
      this.drop(oldest);
      evicted.push(oldest);
    }
    return evicted;
  }

  drop(k: string): void {
    const source = this.#keys.get(k);
    if (source === undefined) return;
    this.#keys.delete(k);
    const mine = this.#bySource.get(source);
    mine?.delete(k);
    if (mine?.size === 0) this.#bySource.delete(source);
  }

  /** Forgets keys whose entries went another way (revocations delete without telling). */
  retain(exists: (k: string) => boolean): void {
    for (const k of [...this.#keys.keys()]) if (!exists(k)) this.drop(k);
  }
}
