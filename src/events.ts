import type { GrantkitError } from './errors.js';
import type { UserClaims } from './token-store.js';

export interface StateChangeDetail {
  isAuthenticated: boolean;
  user: UserClaims | undefined;
}

export interface TokenRefreshDetail {
  /** Milliseconds since the epoch, on the local clock; undefined when the token has no stated lifetime. */
  expiresAt: number | undefined;
}

export interface ErrorDetail {
  error: GrantkitError;
}

/** The events a {@link GrantkitClient} dispatches. */
export interface GrantkitEventMap {
  statechange: CustomEvent<StateChangeDetail>;
  tokenrefresh: CustomEvent<TokenRefreshDetail>;
  sessionexpired: CustomEvent<ErrorDetail>;
  error: CustomEvent<ErrorDetail>;
}

type Listener<K extends keyof GrantkitEventMap> = ((event: GrantkitEventMap[K]) => void) | { handleEvent(event: GrantkitEventMap[K]): void };

/** An EventTarget whose listeners know the detail type of each event. */
export class GrantkitEventTarget extends EventTarget {
  override addEventListener<K extends keyof GrantkitEventMap>(type: K, listener: Listener<K> | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof GrantkitEventMap>(type: K, listener: Listener<K> | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener, options);
  }
}
