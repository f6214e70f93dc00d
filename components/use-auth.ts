// The `useAuth()` hook of `grantkit/react`: the core client as React state.
import { useMemo, useSyncExternalStore } from 'react';
import type { GrantkitClient, GrantkitError, InteractiveClientOptions, LoginOptions, LogoutOptions, UserClaims } from '../src/index.js';
// The rule alone, not the core: useAuth loads the core only when it is first used.
import { isAuthorizationResponse } from '../src/authorization-response.js';

/** Where the sign-in stands: `loading` until the client is made and any return from sign-in is handled (and always during a server render). */
export type AuthStatus = 'loading' | 'signed-in' | 'signed-out' | 'error';

/** What {@link useAuth} gives a component: the sign-in state, and the client's main calls. */
export interface Auth {
  status: AuthStatus;
  isAuthenticated: boolean;
  user: UserClaims | undefined;
  /** Why `status` is `error`: a failed sign-in callback or client setup. Cleared by the next sign-in. */
  error: GrantkitError | undefined;
  /** The client, once made: for what the hook does not wrap (events, `loginWithPopup`). */
  client: GrantkitClient | undefined;
  /** Starts a sign-in: the browser leaves for the authorization server. */
  login(options?: LoginOptions): Promise<void>;
  /** Signs out: revokes the tokens, and ends the server's session when asked to. */
  logout(options?: LogoutOptions): Promise<void>;
  /** A valid access token, renewed first when it is about to expire (or when `forceRefresh`). */
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** The client's `fetch`: the token goes only to allowed origins. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
}

interface Snapshot {
  status: AuthStatus;
  user: UserClaims | undefined;
  error: GrantkitError | undefined;
  client: GrantkitClient | undefined;
}

/**
 * One session per set of options, outside React: StrictMode mounts, unmounts and mounts
 * again, and the second mount must find the first one's client and callback, not start
 * a second code exchange (a code is good once).
 */
class Session {
  #snapshot: Snapshot = { status: 'loading', user: undefined, error: undefined, client: undefined };
  readonly #listeners = new Set<() => void>();
  readonly ready: Promise<GrantkitClient>;

  constructor(options: InteractiveClientOptions) {
    // Loaded when the hook is first used: apps that take only the element wrappers from
    // grantkit/react do not pay for the core client.
    this.ready = import('../src/index.js').then(({ createClient }) => createClient(options));
    this.ready.then(
      async (client) => {
        for (const type of ['statechange', 'sessionexpired', 'tokenrefresh'] as const) client.addEventListener(type, () => this.#update(client));
        this.#update(client);
        await this.#completeSignIn(client);
      },
      (error: unknown) => this.#fail(error, undefined),
    );
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly snapshot = (): Snapshot => this.#snapshot;

  async #completeSignIn(client: GrantkitClient): Promise<void> {
    if (!isAuthorizationResponse()) return;
    this.#set({ status: 'loading' });
    try {
      const { handledByOpener } = await client.handleRedirectCallback({ restoreReturnTo: true });
      if (handledByOpener) return;
      this.#update(client);
    } catch (error) {
      this.#fail(error, client);
    }
  }

  #update(client: GrantkitClient): void {
    this.#set({ client, status: client.isAuthenticated ? 'signed-in' : 'signed-out', user: client.user, error: client.isAuthenticated ? undefined : this.#snapshot.error });
  }

  #fail(error: unknown, client: GrantkitClient | undefined): void {
    // The core rejects only with GrantkitErrors (the fuzz tests hold it to that).
    this.#set({ client, status: 'error', error: error as GrantkitError, user: client?.user });
  }

  #set(changes: Partial<Snapshot>): void {
    // A refresh changes nothing the hook shows: no new snapshot, no re-render. Claims are
    // compared by value: a refresh in this or another tab reads them back from IndexedDB, a copy.
    const same = (name: string, value: unknown) =>
      name === 'user' ? JSON.stringify(value) === JSON.stringify(this.#snapshot.user) : this.#snapshot[name as keyof Snapshot] === value;
    if (Object.entries(changes).every(([name, value]) => same(name, value))) return;
    this.#snapshot = { ...this.#snapshot, ...changes };
    for (const listener of this.#listeners) listener();
  }
}

const sessions = new Map<string, Session>();

/**
 * What a server render shows, and what the browser's first render shows while it hydrates:
 * one object, so React sees the same snapshot on both sides and reports no mismatch.
 */
const LOADING: Snapshot = Object.freeze({ status: 'loading', user: undefined, error: undefined, client: undefined });
const serverSnapshot = (): Snapshot => LOADING;
const noSubscription = (): (() => void) => () => undefined;
/** A server render (no window): nothing to sign in to, no client made, nothing kept between requests. */
const onServer = typeof window === 'undefined';
/** login(), fetch() and the rest, called during a server render: a programming error, reported as the core reports one. */
const notInBrowser = async (): Promise<never> => {
  const { GrantkitError } = await import('../src/errors.js');
  throw new GrantkitError('config_invalid', 'useAuth() has no client during a server render: call its methods from effects and event handlers');
};

/**
 * Signs users in and out from React: makes the client once for these options, completes a
 * returning sign-in once (even under StrictMode), and re-renders on sign-in, sign-out,
 * refresh and expiry in this tab or another.
 *
 * @example
 * const auth = useAuth({ issuer, clientId: 'spa', redirectUri: location.origin + '/' });
 * if (auth.status === 'signed-out') return <button onClick={() => auth.login()}>Sign in</button>;
 */
export function useAuth(options: InteractiveClientOptions): Auth {
  const key = JSON.stringify(options);
  const session = useMemo(() => {
    if (onServer) return undefined;
    let known = sessions.get(key);
    if (!known) sessions.set(key, (known = new Session(options)));
    return known;
    // Keyed by the options' content: a new object literal on each render is the same session,
    // and the session outlives the component, as the signed-in user does.
  }, [key]);
  const snapshot = useSyncExternalStore(session?.subscribe ?? noSubscription, session?.snapshot ?? serverSnapshot, serverSnapshot);

  return useMemo<Auth>(() => {
    const client = () => session?.ready ?? notInBrowser();
    return {
      ...snapshot,
      isAuthenticated: snapshot.status === 'signed-in',
      login: async (o) => (await client()).login(o),
      logout: async (o) => (await client()).logout(o),
      getAccessToken: async (o) => (await client()).getAccessToken(o),
      fetch: async (input, init) => (await client()).fetch(input, init),
    };
  }, [session, snapshot]);
}
