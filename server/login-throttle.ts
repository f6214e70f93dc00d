import { createHash } from 'node:crypto';
import { normaliseLogin } from './accounts.js';

// Slows password guessing at the login form. Failures are counted per login (the
// normalised e-mail or id, whether or not such an account exists, so that the answers
// tell nothing about which ones do) and per client address. After a few failures each
// further one makes the next try wait, twice as long each time up to a ceiling; a try
// during the wait is refused before the password is looked at. Waits, not lockouts: a
// refused try neither counts nor lengthens the wait, so whoever keeps failing on someone
// else's login can make that person wait at most one ceiling per try, and the same
// attacker's own address, counted too, soon waits much longer than the login does.

export interface BackoffPolicy {
  /** The failure that starts the first wait; the ones before it are a person mistyping. */
  failuresBeforeWait: number;
  /** The first wait, doubled by each further failure. */
  baseDelayMs: number;
  /** No wait is longer than this, so that nobody is kept out for good. */
  maxDelayMs: number;
}

export interface LoginThrottleOptions {
  /** Failures on one login, from any address. */
  account: BackoffPolicy;
  /** Failures from one address, on any login: higher, since people behind one NAT share it. */
  address: BackoffPolicy;
  /** A counter quiet this long after its last failure or the end of its wait starts again from nothing. */
  forgetAfterMs: number;
  /** Counters kept of each kind at most; past it the one that failed least recently goes. */
  maxEntries: number;
  now: () => number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  account: { failuresBeforeWait: 5, baseDelayMs: 1000, maxDelayMs: 5 * 60_000 },
  address: { failuresBeforeWait: 20, baseDelayMs: 1000, maxDelayMs: 60 * 60_000 },
  forgetAfterMs: 60 * 60_000,
  maxEntries: 10_000,
  now: () => Date.now(),
};

export type LoginThrottleSettings = Partial<Omit<LoginThrottleOptions, 'account' | 'address'>> & {
  account?: Partial<BackoffPolicy>;
  address?: Partial<BackoffPolicy>;
};

export class LoginThrottle {
  readonly #accounts: Backoff;
  readonly #addresses: Backoff;

  constructor(settings: LoginThrottleSettings = {}) {
    const options = { ...DEFAULT_LOGIN_THROTTLE, ...settings };
    this.#accounts = new Backoff({ ...DEFAULT_LOGIN_THROTTLE.account, ...settings.account }, options);
    this.#addresses = new Backoff({ ...DEFAULT_LOGIN_THROTTLE.address, ...settings.address }, options);
  }

  /** Milliseconds before `login` may be tried from `address` (an addressKey); 0 when it may be now. */
  waitMs(login: string, address: string): number {
    return Math.max(this.#accounts.waitMs(accountKey(login)), this.#addresses.waitMs(address));
  }

  failed(login: string, address: string): void {
    this.#accounts.fail(accountKey(login));
    this.#addresses.fail(address);
  }

  /**
   * The login's counter starts again. The address's does not: an attacker with an account of
   * their own could otherwise wipe their address's count by signing in to it between guesses.
   */
  succeeded(login: string): void {
    this.#accounts.reset(accountKey(login));
  }

  /** Counters held, for tests and monitoring. */
  get size(): { accounts: number; addresses: number } {
    return { accounts: this.#accounts.size, addresses: this.#addresses.size };
  }
}

/** What the login page says to a refused try: the same words whichever login it was. */
export function tooManyAttempts(waitMs: number): { seconds: number; message: string } {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return { seconds, message: `Too many attempts. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.` };
}

/** A fixed-size key: the login is what the form sent, up to 10 kB of it. */
function accountKey(login: string): string {
  return createHash('sha256').update(normaliseLogin(login)).digest('base64url');
}

interface Counter {
  failures: number;
  /** When the last failure was (ms). */
  last: number;
  /** Until when tries are refused (ms); 0 before the first wait. */
  until: number;
}

/** Failures per key with exponential waits; entries in the order they last failed, at most maxEntries. */
class Backoff {
  readonly #counters = new Map<string, Counter>();
  readonly #policy: BackoffPolicy;
  readonly #forgetAfterMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(policy: BackoffPolicy, options: Pick<LoginThrottleOptions, 'forgetAfterMs' | 'maxEntries' | 'now'>) {
    this.#policy = policy;
    this.#forgetAfterMs = options.forgetAfterMs;
    this.#maxEntries = options.maxEntries;
    this.#now = options.now;
  }

  get size(): number {
    return this.#counters.size;
  }

  waitMs(key: string): number {
    const counter = this.#counters.get(key);
    if (!counter) return 0;
    const now = this.#now();
    if (this.#forgotten(counter, now)) {
      this.#counters.delete(key);
      return 0;
    }
    return Math.max(0, counter.until - now);
  }

  fail(key: string): void {
    const now = this.#now();
    this.#prune(now);
    const counter = this.#counters.get(key) ?? { failures: 0, last: now, until: 0 };
    counter.failures++;
    counter.last = now;
    const beyond = counter.failures - this.#policy.failuresBeforeWait;
    if (beyond >= 0) counter.until = now + Math.min(this.#policy.baseDelayMs * 2 ** Math.min(beyond, 40), this.#policy.maxDelayMs);
    // Re-inserted, so the map stays ordered by last failure: the stalest are at the front.
    this.#counters.delete(key);
    this.#counters.set(key, counter);
    for (const oldest of this.#counters.keys()) {
      if (this.#counters.size <= this.#maxEntries) break;
      this.#counters.delete(oldest);
    }
  }

  reset(key: string): void {
    this.#counters.delete(key);
  }

  /** Quiet for forgetAfterMs since its wait ended, or since its last failure if that was later. */
  #forgotten(counter: Counter, now: number): boolean {
    return now - Math.max(counter.last, counter.until) >= this.#forgetAfterMs;
  }

  /** Drops forgotten counters from the stale end; stops at the first live one, so a failure costs little. */
  #prune(now: number): void {
    for (const [key, counter] of this.#counters) {
      if (!this.#forgotten(counter, now)) break;
      this.#counters.delete(key);
    }
  }
}
