import { ContextConsumer } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { GrantkitClient } from '../../src/index.js';
import { grantkitContext } from '../shared/context.js';
import { ViewState } from '../shared/view-state.js';
import { emit } from '../shared/events.js';
import { errorMessage, stringsFor } from '../shared/localize.js';
import { completeSignInIfReturning } from '../shared/sign-in-return.js';
import { styles } from './oauth-login.styles.js';
import { GrantkitElement } from '../shared/grantkit-element.js';
import { CLIENT_ATTRIBUTES, clientKey, createClientFrom, type ClientAttributes } from '../shared/client-from-attributes.js';

interface View {
  sdk: GrantkitClient | undefined;
  busy: 'signin' | 'signout' | undefined;
  error: unknown;
  revision: number;
}

const INITIAL: View = { sdk: undefined, busy: undefined, error: undefined, revision: 0 };

/**
 * @summary A sign-in button that becomes the signed-in user and a sign-out button.
 *
 * The client comes from the `client` property, else from its own attributes (`issuer`,
 * `client-id`, … `dpop`, as `<grantkit-provider>` takes them; it then also completes the
 * redirect back from sign-in), else from the
 * nearest `<grantkit-provider>`.
 *
 * @fires grantkit-signin - signed in; `detail.user` holds the ID-token claims
 * @fires grantkit-signout - signed out
 * @fires grantkit-error - sign-in or sign-out failed; `detail.code` is the error's code
 *
 * @csspart base - the row holding the user and the button
 * @csspart button - the sign-in or sign-out button
 * @csspart user - the signed-in user's name and e-mail
 * @csspart name - the user's name
 * @csspart email - the user's e-mail
 * @csspart error - the message shown when sign-in fails
 *
 * @cssprop --grantkit-color-accent - the sign-in button's colour
 * @cssprop --grantkit-color-text - text colour
 * @cssprop --grantkit-color-muted - colour of the e-mail
 * @cssprop --grantkit-color-danger - colour of error messages
 * @cssprop --grantkit-radius - corner radius of the button
 * @cssprop --grantkit-font - font family
 *
 * @tagname oauth-login
 */
export class OAuthLogin extends GrantkitElement implements ClientAttributes {
  /** The styles of its shadow root: change the look with its CSS custom properties and parts. */
  static override styles = styles;

  /** A client to use instead of creating one from the attributes. */
  @property({ attribute: false }) client: GrantkitClient | undefined;
  @property() issuer = '';
  @property({ attribute: 'client-id' }) clientId = '';
  /** Default: this page, without its query and fragment. */
  @property({ attribute: 'redirect-uri' }) redirectUri = '';
  @property() scope = 'openid profile email';
  @property() audience = '';
  /** RFC 8707 resource to ask tokens for, e.g. the URL of the API the page calls. */
  @property() resource = '';
  /** `required` binds tokens to a key in this browser (DPoP) and refuses servers without it; `auto` uses it when offered. */
  @property() dpop: '' | 'auto' | 'required' = '';
  /** Sign in in a popup window instead of redirecting the page. */
  @property({ type: Boolean }) popup = false;
  /** Also end the session at the authorization server on sign-out. */
  @property({ type: Boolean, attribute: 'end-session' }) endSession = false;

  // What the element shows, in one object that is replaced, never changed, on each update.
  readonly #ui = new ViewState<View>(this, INITIAL);

  readonly #context = new ContextConsumer(this, { context: grantkitContext, subscribe: true, callback: () => void this.#resolveClient() });
  #ownConfig = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('client') || CLIENT_ATTRIBUTES.some((name) => changed.has(name))) void this.#resolveClient();
  }

  async #resolveClient(): Promise<void> {
    let sdk = this.client;
    if (!sdk && this.issuer && this.clientId) {
      const config = clientKey(this);
      if (config === this.#ownConfig) return;
      this.#ownConfig = config;
      try {
        sdk = await createClientFrom(this);
        const user = await completeSignInIfReturning(sdk);
        if (user !== undefined) emit(this, 'grantkit-signin', { user });
      } catch (error) {
        this.#fail(error);
      }
    }
    sdk ??= this.#context.value?.sdk;
    if (sdk === this.#ui.value.sdk) return;
    this.#ui.value.sdk?.removeEventListener('statechange', this.#onStateChange);
    this.#ui.set({ sdk });
    sdk?.addEventListener('statechange', this.#onStateChange);
  }

  readonly #onStateChange = (): void => {
    this.#ui.set({ revision: this.#ui.value.revision + 1 });
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#ui.value.sdk?.removeEventListener('statechange', this.#onStateChange);
  }

  #fail(error: unknown): void {
    this.#ui.set({ error });
    this.report(error);
  }

  async #signIn(): Promise<void> {
    const sdk = this.#ui.value.sdk;
    if (!sdk) return;
    this.#ui.set({ error: undefined, busy: 'signin' });
    try {
      if (this.popup) {
        await sdk.loginWithPopup();
        emit(this, 'grantkit-signin', { user: sdk.user });
      } else {
        await sdk.login();
      }
    } catch (error) {
      this.#fail(error);
    } finally {
      this.#ui.set({ busy: undefined });
    }
  }

  async #signOut(): Promise<void> {
    const sdk = this.#ui.value.sdk;
    if (!sdk) return;
    this.#ui.set({ error: undefined, busy: 'signout' });
    try {
      await sdk.logout({ endSession: this.endSession });
      emit(this, 'grantkit-signout', {});
    } catch (error) {
      this.#fail(error);
    } finally {
      this.#ui.set({ busy: undefined });
    }
  }

  protected override render(): TemplateResult {
    const t = stringsFor(this);
    const sdk = this.#ui.value.sdk;
    const error = this.#ui.value.error ? html`<p part="error" class="error" role="alert">${errorMessage(t, this.#ui.value.error)}</p>` : nothing;
    if (sdk?.isAuthenticated) {
      const user = sdk.user;
      const name = String(user?.name ?? user?.email ?? user?.sub ?? '');
      return html`
        <div part="base">
          <span part="user" aria-label=${t.login.signedInAs(name)}>
            <span part="name">${name}</span>
            ${user?.email && user.email !== name ? html`<span part="email">${String(user.email)}</span>` : nothing}
          </span>
          <button part="button" type="button" ?disabled=${this.#ui.value.busy !== undefined} aria-busy=${this.#ui.value.busy === 'signout' ? 'true' : 'false'} @click=${this.#signOut}>
            ${this.#ui.value.busy === 'signout' ? t.login.signingOut : t.login.signOut}
          </button>
        </div>
        ${error}
      `;
    }
    const waiting = !sdk || this.#ui.value.busy === 'signin';
    return html`
      <div part="base">
        <button part="button" class="primary" type="button" ?disabled=${waiting} aria-busy=${waiting ? 'true' : 'false'} @click=${this.#signIn}>
          ${!sdk ? t.common.loading : this.#ui.value.busy === 'signin' ? t.login.signingIn : t.login.signIn}
        </button>
      </div>
      ${error}
    `;
  }
}
