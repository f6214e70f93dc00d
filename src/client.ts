import type * as oauth from 'oauth4webapi';
import { startAuthorization, type LoginOptions } from './authorization-url.js';
import { authorizedFetch } from './authorized-fetch.js';
import { clearResponseFromAddressBar } from './address-bar.js';
import { isAuthorizationResponse } from './authorization-response.js';
import { exchangeCode } from './callback.js';
import { checkLogoutParams, resolveConfig, type ClientOptions, type ResolvedConfig, type ResolvedInteractiveConfig } from './config.js';
import { resolveServer } from './discovery.js';
import type { DPoPKey } from './dpop.js';
import { GrantkitError, isGrantkitError } from './errors.js';
import { GrantkitEventTarget } from './events.js';
import { fromOAuthError } from './oauth-errors.js';
import { openPopup, type PopupOptions } from './popup.js';
import { refreshGrant } from './refresh-grant.js';
import { withRefreshLock } from './refresh-lock.js';
import { sameOriginPath } from './return-to.js';
import { SessionChannel, type SessionMessage } from './session-channel.js';
import { isFresh, refreshMargin } from './token-response.js';
import { indexedDbStore, memoryStore, openTokenStore, type Store, type TokenSet, type TokenStore, type UserClaims } from './token-store.js';
import { hasPendingTransaction, peekTransaction, removeStaleTransactions, takeTransaction } from './transaction.js';

export interface CallbackResult {
  /** The same-origin path given to `login({ returnTo })`, or the page sign-in started on. */
  returnTo: string;
  /**
   * True on the callback page inside a sign-in popup: the response went to the window
   * that opened the popup, which completes the sign-in, and this window closes.
   */
  handledByOpener?: boolean;
  /** True when this was the return from `logout({ endSession: true })`, with the state it sent: the user is signed out. */
  signedOut?: boolean;
}

export interface HandleRedirectCallbackOptions {
  /** The URL to read the response from. Default: the page's. */
  url?: string;
  /**
   * Once signed in, put the address bar back to where sign-in began (`returnTo`), so the app
   * need not. Default false: only the response's parameters are removed.
   */
  restoreReturnTo?: boolean;
}

export interface GetAccessTokenOptions {
  /** Refresh even though the current token has not expired. */
  forceRefresh?: boolean;
}

export interface LogoutOptions {
  /** Same-origin page to go to afterwards. With `endSession`, sent as `post_logout_redirect_uri`. */
  returnTo?: string;
  /** Also end the session at the authorization server (OpenID Connect RP-Initiated Logout). */
  endSession?: boolean;
  /**
   * Extra parameters for the end-session request, such as `ui_locales` or `logout_hint`.
   * `client_id`, `id_token_hint`, `post_logout_redirect_uri` and `state` are grantkit's own.
   */
  logoutParams?: Record<string, string>;
}

export type LoginWithPopupOptions = LoginOptions & PopupOptions;

// Callbacks in flight or done, by state: frameworks that run effects twice (React
// StrictMode) call handleRedirectCallback twice with the same URL and must get the
// same answer, not a "no transaction" error the second time.
const callbacks = new Map<string, Promise<CallbackResult>>();

const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 60_000;

/**
 * A browser OAuth 2.0 / OpenID Connect client. Create one with {@link createClient}.
 *
 * @fires statechange - signed in or out, here or in another tab
 * @fires tokenrefresh - new tokens arrived
 * @fires sessionexpired - the server refused the refresh token; sign in again
 * @fires error - a background operation failed; the session is kept where possible
 */
export class GrantkitClient extends GrantkitEventTarget {
  readonly #config: ResolvedConfig;
  #store: TokenStore;
  #tokens: TokenSet | undefined;
  #channel: SessionChannel | undefined;
  #refreshing: Promise<TokenSet> | undefined;
  /** Refreshes whose late answer was already reported to the app. */
  readonly #lateReported = new WeakSet<Promise<TokenSet>>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  /** The last refresh failure that named a time to come back (Retry-After); nothing is asked before it. */
  #busy: GrantkitError | undefined;
  #dpop: Promise<DPoPKey> | undefined;
  #memoryKeys: Store<CryptoKeyPair> | undefined;

  /** @internal Use {@link createClient}. */
  constructor(config: ResolvedConfig, store: TokenStore, tokens: TokenSet | undefined) {
    super();
    this.#config = config;
    this.#store = store;
    this.#tokens = tokens;
  }

  /** @internal Starts listening to other tabs and schedules the first refresh. */
  start(): void {
    if (this.#config.kind !== 'interactive') return;
    this.#channel = new SessionChannel(this.#config.namespace, (message) => this.#onMessage(message));
    this.#schedule();
  }

  /** Whether a user is signed in (or a static token was given). */
  get isAuthenticated(): boolean {
    return this.#config.kind === 'static' || this.#tokens !== undefined;
  }

  /** The signed-in user's ID-token claims, when `openid` was in the scope. */
  get user(): UserClaims | undefined {
    return this.#tokens?.claims;
  }

  /** When the access token expires, in milliseconds since the epoch on the local clock; undefined when signed out or unknown. */
  get expiresAt(): number | undefined {
    return this.#tokens?.expiresAt;
  }

  /**
   * How the access token is sent: `dpop` when it is bound to this browser's key (RFC 9449),
   * `bearer` otherwise; undefined when signed out.
   */
  get tokenType(): 'bearer' | 'dpop' | undefined {
    if (this.#config.kind === 'static') return 'bearer';
    if (!this.#tokens) return undefined;
    return this.#tokens.tokenType === 'dpop' ? 'dpop' : 'bearer';
  }

  /** Where tokens are kept now: `memory` after a fallback from IndexedDB. */
  get storage(): 'indexeddb' | 'memory' {
    return this.#store.kind;
  }

  /** Builds the authorization URL and starts the sign-in transaction, without navigating. */
  async createAuthorizationUrl(options: LoginOptions = {}): Promise<URL> {
    const config = this.#interactive('createAuthorizationUrl');
    return (await startAuthorization(config, await resolveServer(config), options, 'redirect', this.#dpopKey)).url;
  }

  /** Sends the browser to the authorization server. */
  async login(options: LoginOptions = {}): Promise<void> {
    const url = await this.createAuthorizationUrl(options);
    location.assign(url.href);
  }

  /**
   * Signs in in a popup window and resolves once tokens are here. Call it straight from a
   * click handler: the window is opened before anything is awaited.
   */
  async loginWithPopup(options: LoginWithPopupOptions = {}): Promise<CallbackResult> {
    const config = this.#interactive('loginWithPopup');
    const popup = openPopup(options.features);
    let url: URL;
    let state: string;
    try {
      ({ url, state } = await startAuthorization(config, await resolveServer(config), options, 'popup', this.#dpopKey));
    } catch (error) {
      popup.close();
      throw error;
    }
    popup.location.href = url.href;
    let callbackUrl: string;
    try {
      const { waitForPopupCallback } = await import('./popup-handshake.js');
      callbackUrl = await waitForPopupCallback(popup, config.redirectUri, state, options);
    } catch (error) {
      takeTransaction(state);
      throw error;
    }
    return this.#completeOnce(new URL(callbackUrl), 'popup');
  }

  /**
   * Completes a redirect sign-in: checks the response, exchanges the code, stores the
   * tokens and removes the response parameters from the address bar.
   */
  async handleRedirectCallback(options: string | HandleRedirectCallbackOptions = {}): Promise<CallbackResult> {
    const { url = location.href, restoreReturnTo = false } = typeof options === 'string' ? { url: options } : options;
    // Not URL.parse: Safari 17 lacks it.
    if (!URL.canParse(url, location.href)) throw new GrantkitError('no_transaction', 'this is not a URL, so it carries no authorization response');
    return this.#completeOnce(new URL(url, location.href), restoreReturnTo ? 'redirect-and-restore' : 'redirect');
  }

  #completeOnce(url: URL, mode: CompletionMode): Promise<CallbackResult> {
    const config = this.#interactive('handleRedirectCallback');
    const state = url.searchParams.get('state');
    const key = `${config.namespace} ${state}`;
    const known = state === null ? undefined : callbacks.get(key);
    if (known) return known;
    const result = this.#complete(config, url, mode);
    if (state !== null) callbacks.set(key, result);
    return result;
  }

  async #complete(config: ResolvedInteractiveConfig, url: URL, mode: CompletionMode): Promise<CallbackResult> {
    let restore: string | undefined;
    try {
      if (!isAuthorizationResponse(url)) {
        throw new GrantkitError('no_transaction', 'this URL carries no authorization response');
      }
      const state = url.searchParams.get('state');
      const pending = state === null ? undefined : peekTransaction(state);
      if (mode !== 'popup' && state !== null && (pending === undefined || pending.mode === 'popup')) {
        // Likely the callback page inside a sign-in popup: the window that opened it
        // holds the transaction and completes the sign-in.
        const { handToOpener } = await import('./popup-handshake.js');
        if (await handToOpener(url.href, state)) {
          window.close();
          return { returnTo: sameOriginPath(undefined), handledByOpener: true };
        }
      }
      const tx = state === null ? undefined : takeTransaction(state);
      if (tx === undefined || tx.namespace !== config.namespace) {
        // Either an old link, or a response this tab never asked for (CSRF, RFC 9700 §4.7).
        if (hasPendingTransaction(config.namespace)) {
          throw new GrantkitError('state_mismatch', 'the response does not match the sign-in this tab started');
        }
        throw new GrantkitError('no_transaction', 'no sign-in was started in this tab, or it was already completed');
      }
      if (tx.expiresAt <= Date.now()) {
        throw new GrantkitError('no_transaction', 'the sign-in took too long and expired; please sign in again');
      }
      if (tx.mode === 'logout') {
        // Back from the end-session endpoint with the state this tab sent: the logout completed.
        if (mode === 'redirect-and-restore') restore = tx.returnTo;
        return { returnTo: tx.returnTo, signedOut: true };
      }
      const server = await resolveServer(config);
      const tokens = await exchangeCode(config, server, url.searchParams, tx, this.#dpopKey);
      await this.#save(tokens);
      this.#channel?.post({ type: 'tokens', tokens });
      this.#emitState();
      if (mode === 'redirect-and-restore') restore = tx.returnTo;
      return { returnTo: tx.returnTo };
    } finally {
      removeStaleTransactions();
      if (mode !== 'popup') clearResponseFromAddressBar(url, restore);
    }
  }

  /**
   * A valid access token: the current one, or a new one after a refresh. However many
   * callers wait, in this tab or others, one refresh request is made.
   */
  async getAccessToken(options: GetAccessTokenOptions = {}): Promise<string> {
    if (this.#config.kind === 'static') return this.#config.token;
    const tokens = this.#tokens;
    if (!tokens) throw new GrantkitError('login_required', 'no user is signed in');
    if (!options.forceRefresh && isFresh(tokens)) return tokens.accessToken;
    if (!tokens.refreshToken) {
      if (!options.forceRefresh && tokens.expiresAt !== undefined && Date.now() < tokens.expiresAt) return tokens.accessToken;
      const error = new GrantkitError('session_expired', 'the access token expired and no refresh token was issued');
      await this.#endSession('expired', error);
      throw error;
    }
    try {
      return (await this.#refresh()).accessToken;
    } catch (error) {
      // Offline or a server fault: a token inside its refresh margin still works until it expires.
      if (!options.forceRefresh && isGrantkitError(error, 'network_error') && Date.now() < tokens.expiresAt!) return tokens.accessToken;
      throw error;
    }
  }

  /**
   * `fetch` that sends the access token to allowed origins only, and on a 401
   * `invalid_token` challenge refreshes once and retries once. Bound, so it can be
   * passed around as a plain function.
   */
  readonly fetch = (input: Request | string | URL, init?: RequestInit): Promise<Response> =>
    authorizedFetch(
      {
        allowedOrigins: this.#config.allowedOrigins,
        getAccessToken: (o) => this.getAccessToken(o),
        canRefresh: this.#config.kind === 'interactive',
        send: (request, token) => this.#send(request, token),
      },
      input,
      init,
    );

  /** Sends a request with the access token: as a bearer token, or DPoP-bound with a proof of the key. */
  async #send(request: Request, token: string): Promise<Response> {
    if (this.#tokens?.tokenType !== 'dpop') return fetch(withAuthorization(request, `Bearer ${token}`));
    const key = await this.#dpopKey();
    // A fresh copy for each try: a body can be sent once, and a nonce may ask for a second try.
    return key.send(request.method, request.url, token, this.#tokens.clockSkew ?? 0, (proof) =>
      fetch(withAuthorization(request.clone(), `DPoP ${token}`, proof)),
    );
  }

  /** This client's DPoP key: made once, kept with the tokens, shared by every tab. */
  readonly #dpopKey = (): Promise<DPoPKey> => {
    const { namespace } = this.#interactive('dpop');
    // Not a destructuring parameter: rollup 4.67 tree-shakes the whole chunk away with one.
    this.#dpop ??= import('./dpop.js').then(async (dpop) => {
      try {
        return await dpop.loadOrCreateKey(namespace, this.#keyStore());
      } catch (cause) {
        this.#fallBackToMemory(cause);
        return dpop.loadOrCreateKey(namespace, this.#keyStore());
      }
    });
    return this.#dpop;
  };

  /** The key for requests with these tokens: none unless they are DPoP-bound. */
  #keyFor(tokens: TokenSet): (() => Promise<DPoPKey>) | undefined {
    return tokens.tokenType === 'dpop' ? this.#dpopKey : undefined;
  }

  /** Where the key lives: beside the tokens, in IndexedDB or, after a fallback, in memory. */
  #keyStore(): Store<CryptoKeyPair> {
    if (this.#store.kind === 'memory') return (this.#memoryKeys ??= memoryStore());
    return indexedDbStore(this.#interactive('dpop').namespace, 'grantkit-dpop');
  }

  /**
   * Ends the key with the session: the next sign-in gets a new one. `bound` says the
   * session's tokens were DPoP-bound, so a stored key exists even if this page never loaded it.
   */
  async #forgetKey(bound: boolean): Promise<void> {
    if (this.#config.kind !== 'interactive' || (this.#dpop === undefined && !bound)) return;
    this.#dpop = undefined;
    await this.#keyStore().clear().catch(() => undefined);
  }

  /**
   * Signs out: clears the tokens in every tab, revokes them at the server (RFC 7009) and,
   * when asked, ends the server session too.
   */
  async logout(options: LogoutOptions = {}): Promise<void> {
    const config = this.#interactive('logout');
    const returnTo = options.returnTo === undefined ? undefined : sameOriginPath(options.returnTo);
    // Checked before anything ends: a mistake in the call is reported, not half carried out.
    const logoutParams = checkLogoutParams(options.logoutParams ?? {});
    const tokens = this.#tokens ?? (await this.#store.get().catch(() => undefined));
    await this.#endSession('logout');

    let server: oauth.AuthorizationServer | undefined;
    let signOut: typeof import('./sign-out.js') | undefined;
    try {
      [server, signOut] = await Promise.all([resolveServer(config), import('./sign-out.js')]);
    } catch (error) {
      // Signed out here and in every tab already; the server is told when it can be.
      this.#emitError(fromOAuthError(error));
    }
    if (server && signOut && tokens) await signOut.revokeTokens(server, config, tokens, this.#keyFor(tokens), (error) => this.#emitError(error));

    await this.#forgetKey(tokens?.tokenType === 'dpop');

    const endSession = options.endSession && server && signOut ? signOut.endSessionUrl(server, config, tokens, returnTo, logoutParams) : undefined;
    if (endSession) location.assign(endSession.href);
    else if (returnTo !== undefined) location.assign(returnTo);
  }

  /** Stops timers and cross-tab messages. The stored session is kept. */
  close(): void {
    clearTimeout(this.#timer);
    this.#channel?.close();
    this.#channel = undefined;
  }

  #interactive(method: string): ResolvedInteractiveConfig {
    if (this.#config.kind !== 'interactive') {
      throw new GrantkitError('config_invalid', `${method} is not available for a client created with a static token`);
    }
    return this.#config;
  }

  #refresh(): Promise<TokenSet> {
    if (this.#busy && Date.now() < this.#busy.retryAt!) return Promise.reject(this.#busy);
    // One refresh in flight per tab, kept until its answer comes, however late: callers that
    // time out and call again join it rather than queueing another behind the lock.
    if (!this.#refreshing) {
      const outcome = this.#refreshAcrossTabs();
      const done = () => {
        if (this.#refreshing === outcome) this.#refreshing = undefined;
      };
      outcome.then(done, done);
      this.#refreshing = outcome;
    }
    return this.#waitAtMostTimeout(this.#refreshing);
  }

  /**
   * A caller waits for the refresh at most `timeout`, then gets network_error; the refresh
   * itself runs on (see #refreshAcrossTabs). The late answer is reported once per refresh,
   * not once per waiting caller.
   */
  async #waitAtMostTimeout(outcome: Promise<TokenSet>): Promise<TokenSet> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new GrantkitError('network_error', 'the token endpoint did not answer in time; its answer is still awaited'));
      }, this.#interactive('refresh').timeout);
    });
    try {
      return await Promise.race([outcome, late]);
    } catch (error) {
      if (timedOut && !this.#lateReported.has(outcome)) {
        this.#lateReported.add(outcome);
        this.#emitError(error as GrantkitError);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }


  async #refreshAcrossTabs(): Promise<TokenSet> {
    const config = this.#interactive('refresh');
    const seen = this.#tokens?.accessToken;
    // The refresh request itself is never abandoned at `timeout`: if the server has rotated
    // the refresh token, its answer is the only copy of the new one, and sending the old one
    // again would trip reuse detection and sign the user out everywhere. Callers stop waiting
    // at `timeout` (network_error, #waitAtMostTimeout); the answer is kept whenever it comes,
    // still under the lock.
    return (async () => {
      // Metadata first, outside the lock: a tab fetching discovery while holding the lock
      // would keep every other tab waiting on it.
      const server = await resolveServer(config);
      return withRefreshLock(config.namespace, async () => {
        // Another tab may have refreshed, or signed out, while we waited for the lock.
        const stored = this.#store.kind === 'memory' ? this.#tokens : await this.#store.get();
        if (!stored) throw new GrantkitError('login_required', 'the session was ended in another tab');
        if (stored.accessToken !== seen && isFresh(stored)) return { tokens: stored, fromOtherTab: true };
        if (!stored.refreshToken) throw new GrantkitError('session_expired', 'no refresh token');
        const fresh = await refreshGrant(server, config, { ...stored, refreshToken: stored.refreshToken }, this.#keyFor(stored));
        await this.#store.set(fresh);
        return { tokens: fresh, fromOtherTab: false };
      });
    })().then(
      (tokens) => {
        this.#clearFailures();
        this.#tokens = tokens.tokens;
        if (!tokens.fromOtherTab) this.#channel?.post({ type: 'tokens', tokens: tokens.tokens });
        this.#schedule();
        this.dispatchEvent(new CustomEvent('tokenrefresh', { detail: { expiresAt: tokens.tokens.expiresAt } }));
        return tokens.tokens;
      },
      (caught: unknown) => this.#refreshFailed(fromOAuthError(caught, 'refresh')),
    );
  }

  /** A refresh that failed: the session ends, is forgotten, or is kept and retried, as the error says. */
  async #refreshFailed(error: GrantkitError): Promise<never> {
    if (error.code === 'session_expired') {
      await this.#endSession('expired', error);
    } else if (error.code === 'login_required') {
      this.#forget();
    } else {
      // Offline or a server fault: keep the session and try again later.
      this.#failures++;
      this.#busy = error.retryAt === undefined ? undefined : error;
      this.#emitError(error);
      this.#schedule();
    }
    throw error;
  }


  /** One timer: the next proactive refresh, or the next retry after a failure. */
  #schedule(): void {
    clearTimeout(this.#timer);
    const config = this.#config;
    const tokens = this.#tokens;
    if (config.kind !== 'interactive' || !config.autoRefresh || !tokens?.refreshToken || tokens.expiresAt === undefined) return;
    const backoff = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (this.#failures - 1));
    const delay =
      this.#failures > 0
        ? Math.max(backoff, (this.#busy?.retryAt ?? 0) - Date.now())
        : Math.max(0, tokens.expiresAt - refreshMargin(tokens) - Date.now());
    this.#timer = setTimeout(() => {
      // Errors are reported through events; the timer has nobody to throw to.
      this.#refresh().catch(() => undefined);
    }, delay);
  }

  #clearFailures(): void {
    this.#failures = 0;
    this.#busy = undefined;
  }

  async #save(tokens: TokenSet): Promise<void> {
    this.#tokens = tokens;
    this.#clearFailures();
    try {
      await this.#store.set(tokens);
    } catch (cause) {
      this.#fallBackToMemory(cause);
      await this.#store.set(tokens);
    }
    this.#schedule();
  }

  #fallBackToMemory(cause: unknown): void {
    this.#store = memoryStore();
    this.#emitError(storageUnavailable(cause));
  }

  async #endSession(reason: 'logout' | 'expired', error?: GrantkitError): Promise<void> {
    const wasSignedIn = this.#tokens !== undefined;
    const bound = this.#tokens?.tokenType === 'dpop';
    this.#forget();
    try {
      await this.#store.clear();
    } catch {
      // Nothing to clear in a store that cannot be opened.
    }
    this.#channel?.post({ type: 'ended', reason });
    if (reason === 'expired') await this.#forgetKey(bound);
    if (reason === 'expired' && wasSignedIn) {
      this.dispatchEvent(new CustomEvent('sessionexpired', { detail: { error: error! } }));
    }
  }

  /** Drops the session from this tab's memory only. */
  #forget(): void {
    const wasSignedIn = this.#tokens !== undefined;
    this.#tokens = undefined;
    this.#clearFailures();
    clearTimeout(this.#timer);
    if (wasSignedIn) this.#emitState();
  }

  #onMessage(message: SessionMessage): void {
    if (message.type === 'tokens') {
      const wasSignedIn = this.#tokens !== undefined;
      this.#tokens = message.tokens;
      this.#clearFailures();
      if (this.#store.kind === 'memory') void this.#store.set(message.tokens);
      this.#schedule();
      if (!wasSignedIn) this.#emitState();
      this.dispatchEvent(new CustomEvent('tokenrefresh', { detail: { expiresAt: message.tokens.expiresAt } }));
      return;
    }
    const wasSignedIn = this.#tokens !== undefined;
    this.#forget();
    // The tab that ended the session removes the stored key; a new sign-in makes a new one.
    this.#dpop = undefined;
    if (this.#store.kind === 'memory') void this.#store.clear();
    if (message.reason === 'expired' && wasSignedIn) {
      const error = new GrantkitError('session_expired', 'the session expired (noticed in another tab)');
      this.dispatchEvent(new CustomEvent('sessionexpired', { detail: { error } }));
    }
  }

  #emitState(): void {
    this.dispatchEvent(new CustomEvent('statechange', { detail: { isAuthenticated: this.isAuthenticated, user: this.user } }));
  }

  #emitError(error: GrantkitError): void {
    this.dispatchEvent(new CustomEvent('error', { detail: { error } }));
  }
}

function storageUnavailable(cause: unknown): GrantkitError {
  return new GrantkitError('storage_unavailable', 'IndexedDB is unavailable; the session lasts only as long as this page', { cause });
}

function withAuthorization(request: Request, authorization: string, proof?: string): Request {
  const headers = new Headers(request.headers);
  headers.set('Authorization', authorization);
  if (proof !== undefined) headers.set('DPoP', proof);
  return new Request(request, { headers });
}

/** How a response is completed: from the page's address (cleaned, or put back to `returnTo`), or from a popup's. */
type CompletionMode = 'redirect' | 'redirect-and-restore' | 'popup';

/**
 * Creates a client: checks the options, and reads a stored session so that
 * `isAuthenticated` is right as soon as the promise resolves. It makes no network request.
 *
 * @example
 * const sdk = await createClient({ issuer: 'https://id.example.com', clientId: 'spa', redirectUri: location.origin + '/callback' });
 */
export async function createClient(options: ClientOptions): Promise<GrantkitClient> {
  // Workers have a location but no document; Node, Deno and Bun have neither. Static tokens
  // work everywhere; sign-in needs a page.
  const config = resolveConfig(options, globalThis.location?.origin, typeof document !== 'undefined');
  if (config.kind === 'static') return new GrantkitClient(config, memoryStore(), undefined);
  const { store, tokens, fallbackCause } = await openTokenStore(config.storage, config.namespace);
  const client = new GrantkitClient(config, store, tokens);
  client.start();
  if (fallbackCause !== undefined) {
    // A task, not a microtask: the caller's `await createClient()` resumes first and can listen.
    setTimeout(() => client.dispatchEvent(new CustomEvent('error', { detail: { error: storageUnavailable(fallbackCause) } })));
  }
  return client;
}
