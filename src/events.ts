import type { GrantkitError } from './errors.js';
import type { UserClaims } from './token-store.js';

/** The detail of `statechange`: the client signed in or out. */
export interface StateChangeDetail {
  isAuthenticated: boolean;
  user: UserClaims | undefined;
}

/** The detail of `tokenrefresh`: a token was renewed. */
export interface TokenRefreshDetail {
  /** Milliseconds since the epoch, on the local clock; undefined when the token has no stated lifetime. */
  expiresAt: number | undefined;
}

/** The detail of `error` and `sessionexpired`: the failure, as a typed error. */
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

/** A listener for one of the client's events: a function or an object with `handleEvent`. */
export type GrantkitEventListener<K extends keyof GrantkitEventMap> =
  | ((event: GrantkitEventMap[K]) => void)
  | {
      /** Called with the event, as EventTarget calls an object listener. */
      handleEvent(event: GrantkitEventMap[K]): void;
    };

/** An EventTarget whose listeners know the detail type of each event. */
export class GrantkitEventTarget extends EventTarget {
  /** Listens to one of the client's events; the listener gets a CustomEvent typed by its detail. */
  override addEventListener<K extends keyof GrantkitEventMap>(type: K, listener: GrantkitEventListener<K> | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener, options);
  }

  /** Stops a listener added with {@link addEventListener}. */
  override removeEventListener<K extends keyof GrantkitEventMap>(type: K, listener: GrantkitEventListener<K> | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener, options);
  }
}
