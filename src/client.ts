import type { LoginOptions } from './authorization-url.js';
import { authorizedFetch, sendWithToken } from './authorized-fetch.js';
import type { CompletionMode } from './authorization-return.js';
import { checkLogoutParams, type ResolvedConfig, type ResolvedInteractiveConfig } from './config.js';
import type { DPoPKey } from './dpop.js';
import { GrantkitError, asGrantkitError, isGrantkitError, storageUnavailable } from './errors.js';
import { GrantkitEventTarget } from './events.js';
import { loadPart } from './load-part.js';
import type { CallbackResult, GetAccessTokenOptions, HandleRedirectCallbackOptions, LoginWithPopupOptions, LogoutOptions } from './client-options.js';
import { DPoPKeyHolder } from './dpop-key-holder.js';
import { openPopup } from './popup-window.js';
import { sameOriginPath } from './return-to.js';
import { SessionChannel, type SessionMessage } from './session-channel.js';
import { nextRefreshIn } from './refresh-schedule.js';
import { isFresh } from './token-freshness.js';
import { waitAtMost } from './wait-at-most.js';
import { memoryStore, type TokenSet, type TokenStore, type UserClaims } from './token-store.js';

type SignInModule = typeof import('./sign-in.js');

// The parts most page loads never run, each loaded with import() when first needed.
const loadSignIn = (): Promise<SignInModule> => loadPart(() => import('./sign-in.js'), 'sign-in');
const loadRefresh = (): Promise<typeof import('./refresh.js')> => loadPart(() => import('./refresh.js'), 'refresh');
type SignOutModule = typeof import('./sign-out.js');
const loadSignOut = (): Promise<SignOutModule> => loadPart(() => import('./sign-out.js'), 'sign-out');

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
  readonly #keys: DPoPKeyHolder | undefined;

  /** @internal Use {@link createClient}. */
  constructor(config: ResolvedConfig, store: TokenStore, tokens: TokenSet | undefined) {
    super();
    this.#config = config;
    this.#store = store;
    this.#tokens = tokens;
    if (config.kind === 'interactive') this.#keys = new DPoPKeyHolder(config.namespace, () => this.#store.kind === 'memory', (cause) => this.#fallBackToMemory(cause));
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
    const { startAuthorization, resolveServer } = await loadSignIn();
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
    let signIn: SignInModule;
    try {
      signIn = await loadSignIn();
    } catch (error) {
      popup.close();
      throw error;
    }
    const start = async () => signIn.startAuthorization(config, await signIn.resolveServer(config), options, 'popup', this.#dpopKey);
    const callbackUrl = await signIn.runPopup(popup, start, config.redirectUri, options);
    return this.#completeOnce(new URL(callbackUrl), 'popup');
  }

  /**
   * Completes a redirect sign-in: checks the response, exchanges the code, stores the
   * tokens and removes the response parameters from the address bar.
   */
  async handleRedirectCallback(options: string | URL | HandleRedirectCallbackOptions = {}): Promise<CallbackResult> {
    const given = typeof options === 'string' || options instanceof URL ? { url: String(options) } : options;
    const { url = location.href, restoreReturnTo = false } = given;
    // Not URL.parse: Safari 17 lacks it.
    if (!URL.canParse(url, location.href)) throw new GrantkitError('no_transaction', 'this is not a URL, so it carries no authorization response');
    return this.#completeOnce(new URL(url, location.href), restoreReturnTo ? 'redirect-and-restore' : 'redirect');
  }

  async #completeOnce(url: URL, mode: CompletionMode): Promise<CallbackResult> {
    const config = this.#interactive('handleRedirectCallback');
    const { completeOnce, exchangeCode, resolveServer } = await loadSignIn();
    return completeOnce(config, url, mode, async (tx) => {
      const server = await resolveServer(config);
      const tokens = await exchangeCode(config, server, url.searchParams, tx, this.#dpopKey);
      await this.#save(tokens);
      this.#channel?.post({ type: 'tokens', tokens });
      this.#emitState();
    });
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
        send: (request, token) => {
          const tokens = this.#tokens;
          return sendWithToken(request, token, tokens?.tokenType === 'dpop' ? { key: this.#dpopKey, clockSkew: tokens.clockSkew ?? 0 } : undefined);
        },
      },
      input,
      init,
    );

  /** This client's DPoP key (see DPoPKeyHolder). */
  readonly #dpopKey = (): Promise<DPoPKey> => {
    if (!this.#keys) throw new GrantkitError('config_invalid', 'dpop is not available for a client created with a static token');
    return this.#keys.get();
  };

  /** The key for requests with these tokens: none unless they are DPoP-bound. */
  #keyFor(tokens: TokenSet): (() => Promise<DPoPKey>) | undefined {
    return tokens.tokenType === 'dpop' ? this.#dpopKey : undefined;
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

    let server: Awaited<ReturnType<SignOutModule['resolveServer']>> | undefined;
    let signOut: SignOutModule | undefined;
    try {
      signOut = await loadSignOut();
      server = await signOut.resolveServer(config);
    } catch (error) {
      // Signed out here and in every tab already; the server is told when it can be.
      this.#emitError(asGrantkitError(error));
    }
    if (server && signOut && tokens) await signOut.revokeTokens(server, config, tokens, this.#keyFor(tokens), (error) => this.#emitError(error));

    await this.#keys?.forget(tokens?.tokenType === 'dpop');

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
    // A caller waits at most `timeout`; the late answer is reported once per refresh, not per caller.
    const outcome = this.#refreshing;
    return waitAtMost(outcome, this.#interactive('refresh').timeout, (late) => {
      if (this.#lateReported.has(outcome)) return;
      this.#lateReported.add(outcome);
      this.#emitError(late);
    });
  }

  async #refreshAcrossTabs(): Promise<TokenSet> {
    const config = this.#interactive('refresh');
    const seen = this.#tokens?.accessToken;
    const refreshing = loadRefresh().then(({ refresh }) => refresh(config, this.#store, () => this.#tokens, seen, (tokens) => this.#keyFor(tokens)));
    return refreshing.then(
      async (tokens) => {
        // Signed out while the answer was on its way: it must not sign the user back in, here
        // or on the next page load (the answer was stored under the lock).
        if (!this.#tokens) {
          if (!tokens.fromOtherTab) await this.#store.clear().catch(() => undefined);
          throw new GrantkitError('login_required', 'the session ended while it was being refreshed');
        }
        this.#clearFailures();
        this.#tokens = tokens.tokens;
        if (!tokens.fromOtherTab) this.#channel?.post({ type: 'tokens', tokens: tokens.tokens });
        this.#schedule();
        this.dispatchEvent(new CustomEvent('tokenrefresh', { detail: { expiresAt: tokens.tokens.expiresAt } }));
        return tokens.tokens;
      },
      (caught: unknown) => this.#refreshFailed(asGrantkitError(caught)),
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
    const delay = nextRefreshIn(tokens, tokens.expiresAt, this.#failures, this.#busy?.retryAt);
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
    if (reason === 'expired') await this.#keys?.forget(bound);
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
    this.#keys?.drop();
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
