import { ContextProvider } from '@lit/context';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { createAdminClient, type AdminClient, type Me } from '../../src/admin/index.js';
import type { GrantkitClient } from '../../src/index.js';
import { grantkitContext, type GrantkitContext } from '../shared/context.js';
import { emit } from '../shared/events.js';
import { completeSignInIfReturning } from '../shared/sign-in-return.js';
import { styles } from './grantkit-provider.styles.js';
import { GrantkitElement } from '../shared/grantkit-element.js';
import { CLIENT_ATTRIBUTES, createClientFrom, type ClientAttributes } from '../shared/client-from-attributes.js';

/**
 * @summary Gives the grantkit elements inside it one client, one admin client and one `/me`.
 *
 * Configure it by attributes (it then creates the client, completes the redirect back from
 * sign-in, and creates the admin client on `sdk.fetch`), or hand it `sdk` and `admin`.
 * When an attribute changes (a framework re-rendering with new props), the clients it made
 * itself are made again, and the elements inside move to them; clients the page handed in
 * are the page's to replace.
 * Elements inside find them through the context protocol; a property on an element
 * overrides what the provider gives.
 *
 * @slot - the elements that use the clients
 * @fires grantkit-ready - the client is there (and a returning sign-in completed); `detail` has `sdk` and `admin`
 * @fires grantkit-signin - a redirect sign-in completed on this page
 * @fires grantkit-error - setting up or completing sign-in failed; `detail.code` is the error's code
 *
 * @tagname grantkit-provider
 */
export class GrantkitProvider extends GrantkitElement implements ClientAttributes {
  /** The styles of its shadow root: change the look with its CSS custom properties and parts. */
  static override styles = styles;

  @property({ attribute: false }) sdk: GrantkitClient | undefined;
  @property({ attribute: false }) admin: AdminClient | undefined;
  @property() issuer = '';
  @property({ attribute: 'client-id' }) clientId = '';
  /** Default: this page, without its query and fragment. */
  @property({ attribute: 'redirect-uri' }) redirectUri = '';
  @property() scope = 'openid profile email';
  @property() audience = '';
  /** RFC 8707 resource to ask tokens for: the admin API's URL, to call it. */
  @property() resource = '';
  /** Where the admin API lives, e.g. `/admin/v1`. */
  @property({ attribute: 'admin-base-url' }) adminBaseUrl = '';
  /** `required` binds tokens to a key in this browser (DPoP) and refuses servers without it; `auto` uses it when offered. */
  @property() dpop: '' | 'auto' | 'required' = '';

  readonly #provider = new ContextProvider(this, { context: grantkitContext, initialValue: {} });
  #me: Promise<Me> | undefined;
  #observed: GrantkitClient | undefined;
  /** The clients this provider made (not handed in), so it may replace them. */
  #ownSdk: GrantkitClient | undefined;
  #ownAdmin: AdminClient | undefined;
  /** Counts client creations: only the newest configuration's client is used. */
  #creations = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const made = this.sdk !== undefined && this.sdk === this.#ownSdk;
    const configChanged = CLIENT_ATTRIBUTES.some((name) => changed.has(name));
    if (this.issuer && this.clientId && configChanged && (!this.sdk || made)) void this.#createFromAttributes();
    // The admin client follows its URL and the client whose fetch it uses, when it is the provider's own.
    if (this.admin && this.admin === this.#ownAdmin && (changed.has('adminBaseUrl') || changed.has('sdk'))) this.admin = undefined;
    if (this.sdk && !this.admin && this.adminBaseUrl) {
      this.admin = this.#ownAdmin = createAdminClient({ baseUrl: new URL(this.adminBaseUrl, location.href).href, fetch: this.sdk.fetch });
    }
    const newClient = this.sdk !== this.#observed ? this.sdk : undefined;
    if (this.sdk !== this.#observed) {
      this.#observed?.removeEventListener('statechange', this.#onStateChange);
      this.#observed = this.sdk;
      this.sdk?.addEventListener('statechange', this.#onStateChange);
      this.#me = undefined;
    }
    this.#publish();
    // Pages wait for this instead of polling for the client.
    if (newClient) emit(this, 'grantkit-ready', { sdk: newClient, admin: this.admin });
  }

  /** Creates the client from the attributes; setting `sdk` runs willUpdate again, which wires the rest. */
  async #createFromAttributes(): Promise<void> {
    const creation = ++this.#creations;
    try {
      const sdk = await createClientFrom(this);
      // Attributes changed again meanwhile: this client is for a configuration no longer asked for.
      if (creation !== this.#creations) return sdk.close();
      const user = await completeSignInIfReturning(sdk).catch((error: unknown) => {
        this.report(error);
        return undefined;
      });
      if (creation !== this.#creations) return sdk.close();
      const previous = this.#ownSdk;
      this.sdk = this.#ownSdk = sdk;
      // Its timers and channel would outlive it otherwise.
      if (previous && previous !== sdk) previous.close();
      if (user !== undefined) emit(this, 'grantkit-signin', { user });
    } catch (error) {
      this.report(error);
    }
  }

  /** Signed in or out: who the caller is must be asked again. */
  readonly #onStateChange = (): void => {
    this.#me = undefined;
    this.#publish();
  };

  #publish(): void {
    const value: GrantkitContext = {};
    if (this.sdk) value.sdk = this.sdk;
    if (this.admin) value.admin = this.admin;
    const me = this.#meOnce();
    if (me) value.me = me;
    const current = this.#provider.value;
    if (current.sdk !== value.sdk || current.admin !== value.admin || current.me !== value.me) this.#provider.setValue(value);
  }

  /** The signed-in caller's `/me`, asked once per session and shared with every element inside (and the page). */
  get me(): Promise<Me> | undefined {
    return this.#meOnce();
  }

  /** `/me`, asked once per session for every element inside. */
  #meOnce(): Promise<Me> | undefined {
    if (!this.admin || (this.sdk && !this.sdk.isAuthenticated)) return undefined;
    if (!this.#me) {
      this.#me = this.admin.getMe();
      // Elements handle the refusal themselves; this stops an unhandled-rejection report.
      this.#me.catch(() => undefined);
    }
    return this.#me;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observed?.removeEventListener('statechange', this.#onStateChange);
    this.#observed = undefined;
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
