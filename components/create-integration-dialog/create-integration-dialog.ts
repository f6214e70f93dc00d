import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AdminApiError, type AdminClient, type IntegrationCreate, type IntegrationKind } from '../../src/admin/index.js';
import { AdminConnection } from '../shared/admin-connection.js';
import { ViewState } from '../shared/view-state.js';
import { emit } from '../shared/events.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { errorMessage, stringsFor, type Strings } from '../shared/localize.js';
import { checkSettings, DEFAULT_SETTINGS, grantsFor, renderTokenSettings, settingsBody, type TokenSettings } from '../shared/integration-settings.js';
import { countsRefreshes, isPublicKind, KINDS, takesCallbacks } from '../shared/integration-kinds.js';
import { CallbackUrlEditor, callbackUrlsOf, checkCallbackUrls, hasCallbackUrlErrors, refusedCallbackUrls, type CallbackUrlErrors } from '../shared/callback-url-editor.js';
import { refusedFields } from '../shared/field-errors.js';
import { SecretHolder } from '../shared/secret-once.js';
import { DoneNotice } from '../shared/done-notice.js';
import { styles } from './create-integration-dialog.styles.js';
import { GrantkitElement } from '../shared/grantkit-element.js';

/** How a confidential integration will prove itself at the token endpoint: a secret, or a key pair. */
type Authentication = Extract<IntegrationCreate['token_endpoint_auth_method'], 'client_secret_basic' | 'private_key_jwt'>;

interface Draft {
  name: string;
  version: string;
  description: string;
  /** What is being registered; it decides which of the fields below apply. */
  kind: IntegrationKind;
  /** For the confidential kinds; a public one has none. */
  authentication: Authentication;
  redirects: string[];
  /** Allowed logout URLs: none unless added. */
  logoutUrls: string[];
  settings: TokenSettings;
}

type FieldKey = 'name' | 'version' | 'description' | 'kind' | 'authentication' | 'grants' | 'lifetime' | 'refresh';

// A web application, with one empty callback-URL row: it signs users in, so a callback is needed.
const EMPTY: Draft = { name: '', version: '1.0', description: '', kind: 'web', authentication: 'client_secret_basic', redirects: [''], logoutUrls: [], settings: DEFAULT_SETTINGS };

/** Which field a refusal of the server belongs to, by its JSON Pointer (the callback URLs map their rows themselves). */
const FIELD_OF = {
  client_name: 'name', version: 'version', description: 'description', kind: 'kind', token_endpoint_auth_method: 'authentication',
  grant_types: 'grants', access_token_lifetime: 'lifetime', refresh_count: 'refresh',
} as const satisfies Record<string, FieldKey>;

interface View {
  draft: Draft;
  fieldErrors: Partial<Record<FieldKey, string>>;
  urlErrors: CallbackUrlErrors;
  logoutErrors: CallbackUrlErrors;
  error: unknown;
  busy: boolean;
  /** Escape was pressed after something was typed: asking whether to throw it away. */
  askingDiscard: boolean;
}

const INITIAL: View = { draft: { ...EMPTY }, fieldErrors: {}, urlErrors: {}, logoutErrors: {}, error: undefined, busy: false, askingDiscard: false };

/**
 * @summary Registers a new integration; a confidential one's secret is shown once at the end.
 *
 * Starts from the kind of app: a web application, a single-page app, a native (desktop, mobile,
 * command-line) app or a service; each sets its defaults and shows only the fields that apply.
 * Then name and version (unique together), description, how a confidential one signs in (a
 * secret, or a key pair with no shared secret: private_key_jwt), callback URLs and allowed
 * logout URLs (checked as the server checks them for the kind), allowed grants, access-token
 * lifetime and refresh count. Refusals from the server appear beside their fields; nothing typed is lost when a
 * request fails. The secret view is the same as `<rotate-secret-dialog>`'s: shown once,
 * never stored.
 *
 * @fires grantkit-integration-create-request - before the integration is created; cancelable
 * @fires grantkit-integration-created - the integration exists; `detail.clientId` names it
 * @fires grantkit-error - creating failed; `detail.code` is the error's code
 *
 * @csspart notice - confirms a completed change, as a polite status line
 * @csspart dialog - the native dialog
 * @csspart title - the heading
 * @csspart form - the form
 * @csspart kinds - the choice of the kind of app
 * @csspart kind - one kind, with what it is for
 * @csspart authentication - the choice of secret or key pair, for a confidential kind
 * @csspart grant - the one grant of a kind that has no choice (a service)
 * @csspart redirect - one callback URL, with its remove button
 * @csspart logout-url - one allowed logout URL, with its remove button
 * @csspart secret-row - the new secret and its copy button
 * @csspart secret - the read-only field holding the new secret
 * @csspart copy - the copy button
 * @csspart actions - the row of buttons
 * @csspart error - the message when the request failed as a whole
 * @csspart discard - the question, after Escape, whether to throw away what was typed
 *
 * @cssprop --grantkit-color-accent - the create button, focus rings
 * @cssprop --grantkit-color-danger - field errors
 * @cssprop --grantkit-radius - corner radius
 *
 * @tagname create-integration-dialog
 */
export class CreateIntegrationDialog extends GrantkitElement {
  /** The styles of its shadow root: change the look with its CSS custom properties and parts. */
  static override styles = styles;

  /** An admin client to use instead of the one from `<grantkit-provider>`. */
  @property({ attribute: false }) admin: AdminClient | undefined;

  /** Confirms each change this element made (one pattern in every element). */
  readonly #notice = new DoneNotice(this);
  // What the element shows, in one object that is replaced, never changed, on each update.
  readonly #ui = new ViewState<View>(this, INITIAL);

  readonly #connection = new AdminConnection(this);
  readonly #urls = new CallbackUrlEditor(this, (redirects) => this.#ui.set({ draft: { ...this.#ui.value.draft, redirects }, urlErrors: {} }));
  readonly #logoutUrls = new CallbackUrlEditor(this, (logoutUrls) => this.#ui.set({ draft: { ...this.#ui.value.draft, logoutUrls }, logoutErrors: {} }), 'logout');
  readonly #secret = new SecretHolder(this);
  /** A confirmation held back while the secret is shown: the modal makes the rest of the element inert until it closes. */
  #noticeOnClose = '';
  readonly #modal = new ModalDialog(this, {
    onClosed: () => {
      this.#secret.forget();
      if (this.#noticeOnClose) this.#notice.say(this.#noticeOnClose);
      this.#noticeOnClose = '';
    },
  });

  /** Opens an empty form; focus returns to what had it when the dialog closes. */
  async show(): Promise<void> {
    this.#ui.set({ draft: { ...EMPTY }, fieldErrors: {}, urlErrors: {}, logoutErrors: {}, error: undefined, askingDiscard: false });
    this.#secret.forget();
    await this.#modal.open();
  }

  /** Closes the dialog and forgets any secret at once. */
  close(): void {
    this.#secret.forget();
    this.#modal.close();
  }

  readonly #onCancel = (event: Event): void => {
    // While a new secret is shown, only "I have stored it" closes the dialog.
    if (this.#secret.shown) return event.preventDefault();
    // Escape after typing asks first; a second Escape while asking closes.
    if (this.#ui.value.askingDiscard || JSON.stringify(this.#ui.value.draft) === JSON.stringify(EMPTY)) return;
    event.preventDefault();
    this.#ui.set({ askingDiscard: true });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#keep-editing')?.focus());
  };

  #keepEditing(): void {
    this.#ui.set({ askingDiscard: false });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#name')?.focus());
  }

  #setField<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this.#ui.set({ draft: { ...this.#ui.value.draft, [key]: value } });
    if (this.#ui.value.fieldErrors[key as FieldKey]) this.#ui.set({ fieldErrors: { ...this.#ui.value.fieldErrors, [key]: undefined } });
  }

  #setKind(kind: IntegrationKind): void {
    const draft = this.#ui.value.draft;
    // A service has no callback; the URLs typed stay in the draft in case the kind is changed back.
    this.#ui.set({ draft: { ...draft, kind, redirects: takesCallbacks(kind) && draft.redirects.length === 0 ? [''] : draft.redirects }, urlErrors: {}, logoutErrors: {}, fieldErrors: { ...this.#ui.value.fieldErrors, kind: undefined, authentication: undefined, grants: undefined } });
  }

  #setSettings(next: Partial<TokenSettings>): void {
    this.#ui.set({ draft: { ...this.#ui.value.draft, settings: { ...this.#ui.value.draft.settings, ...next } } });
    const touched = Object.keys(next).map((k) => (k === 'grants' ? 'grants' : k === 'lifetime' || k === 'neverExpires' ? 'lifetime' : 'refresh'));
    if (touched.some((k) => this.#ui.value.fieldErrors[k as FieldKey])) this.#ui.set({ fieldErrors: { ...this.#ui.value.fieldErrors, ...Object.fromEntries(touched.map((k) => [k, undefined])) } });
  }

  /** What can be told before asking the server; the server still checks everything. */
  #check(t: Strings, draft: Draft): Partial<Record<FieldKey, string>> {
    const errors: Partial<Record<FieldKey, string>> = { ...checkSettings(t, draft.settings, draft.kind) };
    if (!draft.name.trim()) errors.name = t.create.required;
    if (!draft.version.trim()) errors.version = t.create.required;
    return errors;
  }

  /** Focus where the user can see and fix it: the first field in error, in the order of the form. */
  async #focusError(): Promise<void> {
    await this.updateComplete;
    const { name, version, description } = this.#ui.value.fieldErrors;
    if (!name && !version && !description && (this.#urls.focusError(this.#ui.value.urlErrors) || this.#logoutUrls.focusError(this.#ui.value.logoutErrors))) return;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const t = stringsFor(this);
    const admin = this.#connection.client;
    const draft = this.#ui.value.draft;
    const { kind } = draft;
    const callbacks = takesCallbacks(kind);
    const redirects = callbacks ? callbackUrlsOf(draft.redirects) : [];
    const confidential = !isPublicKind(kind);
    const errors = this.#check(t, draft);
    const urlErrors = callbacks ? checkCallbackUrls(t, draft.redirects, grantsFor(draft.settings, kind).includes('authorization_code'), kind) : {};
    const logoutErrors = callbacks ? checkCallbackUrls(t, draft.logoutUrls, false, kind, 'logout') : {};
    const logoutUrls = callbacks ? callbackUrlsOf(draft.logoutUrls) : [];
    this.#ui.set({ fieldErrors: errors, urlErrors, logoutErrors, error: undefined });
    if (Object.values(errors).some(Boolean) || hasCallbackUrlErrors(urlErrors) || hasCallbackUrlErrors(logoutErrors)) return this.#focusError();
    if (!admin) return;
    const body: IntegrationCreate = {
      client_name: draft.name.trim(),
      version: draft.version.trim(),
      description: draft.description,
      kind,
      token_endpoint_auth_method: confidential ? draft.authentication : 'none',
      redirect_uris: redirects,
      ...(logoutUrls.length ? { post_logout_redirect_uris: logoutUrls } : {}),
      // A kind with one grant (a service: client credentials) has no refresh tokens to count.
      ...settingsBody(countsRefreshes(kind) ? draft.settings : { ...draft.settings, refresh: 'none' }, kind),
    };
    if (!emit(this, 'grantkit-integration-create-request', { name: body.client_name, version: body.version, kind, confidential }, { cancelable: true })) return;
    this.#ui.set({ busy: true });
    try {
      const created = await admin.createIntegration(body);
      emit(this, 'grantkit-integration-created', { clientId: created.client_id, kind, confidential });
      const done = t.notices.integrationCreated(`${body.client_name} ${body.version}`);
      if (created.client_secret) {
        this.#noticeOnClose = done;
        this.#secret.show(created.client_secret);
      } else {
        this.close();
        this.#notice.say(done);
      }
    } catch (error) {
      // The form stays as typed; refusals go beside their fields where the server named them.
      this.#ui.set({ error });
      if (error instanceof AdminApiError) {
        const byField = refusedFields(error, FIELD_OF, t.create.invalid);
        // It is the pair that is taken: say so beside the name, and mark the version too.
        if (error.code === 'duplicate_name') Object.assign(byField, { name: t.create.nameVersionTaken(body.client_name, body.version), version: t.create.versionTaken });
        this.#ui.set({ fieldErrors: byField, urlErrors: refusedCallbackUrls(t, error, draft.redirects), logoutErrors: refusedCallbackUrls(t, error, draft.logoutUrls, 'logout') });
        // Where the user can see and fix it, as with the checks made before sending.
        await this.#focusError();
      }
      this.report(error);
    } finally {
      this.#ui.set({ busy: false });
    }
  }

  protected override render(): TemplateResult {
    const t = stringsFor(this);
    return html`
      ${this.#notice.render()}
      <dialog part="dialog" aria-labelledby="title" @close=${this.#modal.onClose} @cancel=${this.#onCancel}>
        ${this.#secret.shown ? this.#secret.render(t, () => this.close()) : this.#renderForm(t)}
      </dialog>
    `;
  }

  #field(key: FieldKey, id: string) {
    const message = this.#ui.value.fieldErrors[key];
    return { invalid: message ? 'true' : 'false', describedBy: message ? `${id}-error` : undefined, message: message ? html`<p class="field-error" id="${id}-error">${message}</p>` : nothing };
  }

  /** The kinds as a radio group, each with what it is for: the first choice of the form. */
  #renderKind(t: Strings, d: Draft): TemplateResult {
    const kind = this.#field('kind', 'kind');
    return html`
      <fieldset part="kinds" class="kinds" aria-describedby=${kind.describedBy ?? nothing}>
        <legend>${t.create.kind}</legend>
        ${KINDS.map((k) => html`
          <label class="kind" part="kind">
            <input type="radio" name="kind" value=${k} .checked=${d.kind === k} aria-describedby="kind-${k}-hint" @change=${() => this.#setKind(k)} />
            <span><span class="kind-name">${t.create.kinds[k]}</span><span class="hint" id="kind-${k}-hint">${t.create.kindHints[k]}</span></span>
          </label>`)}
        ${kind.message}
      </fieldset>
    `;
  }

  #renderForm(t: Strings) {
    const d = this.#ui.value.draft;
    const name = this.#field('name', 'name');
    const version = this.#field('version', 'version');
    const authentication = this.#field('authentication', 'authentication');
    const general = this.#ui.value.error && Object.values(this.#ui.value.fieldErrors).every((m) => !m) && !hasCallbackUrlErrors(this.#ui.value.urlErrors) && !hasCallbackUrlErrors(this.#ui.value.logoutErrors);
    return html`
      <form part="form" novalidate @submit=${this.#submit}>
        <h2 id="title" part="title">${t.create.title}</h2>
        ${this.#ui.value.askingDiscard
          ? html`<div part="discard" role="alertdialog" aria-labelledby="discard-title" aria-describedby="discard-text">
              <p id="discard-title"><strong>${t.create.discardTitle}</strong></p>
              <p id="discard-text">${t.create.discardExplanation}</p>
              <div part="actions">
                <button type="button" id="keep-editing" @click=${() => this.#keepEditing()}>${t.details.keepEditing}</button>
                <button type="button" class="danger" @click=${() => this.close()}>${t.details.discardConfirm}</button>
              </div>
            </div>`
          : nothing}
        ${general ? html`<p part="error" class="error" role="alert">${errorMessage(t, this.#ui.value.error)}</p>` : nothing}
        <div class="pair">
          <div>
            <label for="name">${t.create.name}</label>
            <input id="name" type="text" required maxlength="100" .value=${d.name} aria-invalid=${name.invalid} aria-describedby=${name.describedBy ?? nothing}
              @input=${(e: Event) => this.#setField('name', (e.target as HTMLInputElement).value)} />
            ${name.message}
          </div>
          <div>
            <label for="version">${t.create.version}</label>
            <input id="version" type="text" required maxlength="20" .value=${d.version} aria-invalid=${version.invalid} aria-describedby=${version.describedBy ?? nothing}
              @input=${(e: Event) => this.#setField('version', (e.target as HTMLInputElement).value)} />
            ${version.message}
          </div>
        </div>
        <label for="description">${t.create.description}</label>
        <textarea id="description" rows="2" maxlength="500" .value=${d.description} @input=${(e: Event) => this.#setField('description', (e.target as HTMLTextAreaElement).value)}></textarea>
        ${this.#renderKind(t, d)}
        ${isPublicKind(d.kind)
          ? nothing
          : html`<fieldset part="authentication" aria-describedby=${authentication.describedBy ?? nothing}>
              <legend>${t.create.authentication}</legend>
              <label class="option"><input type="radio" name="authentication" .checked=${d.authentication === 'client_secret_basic'} @change=${() => this.#setField('authentication', 'client_secret_basic')} /> ${t.create.secretAuth}</label>
              <label class="option"><input type="radio" name="authentication" .checked=${d.authentication === 'private_key_jwt'} @change=${() => this.#setField('authentication', 'private_key_jwt')} /> ${t.create.keyPair}</label>
              ${authentication.message}
            </fieldset>`}
        ${takesCallbacks(d.kind) ? this.#urls.render(t, { rows: d.redirects, kind: d.kind, errors: this.#ui.value.urlErrors, disabled: this.#ui.value.busy }) : nothing}
        ${takesCallbacks(d.kind) ? this.#logoutUrls.render(t, { rows: d.logoutUrls, kind: d.kind, errors: this.#ui.value.logoutErrors, disabled: this.#ui.value.busy }) : nothing}
        ${renderTokenSettings(t, {
          settings: d.settings,
          kind: d.kind,
          disabled: false,
          errors: { grants: this.#ui.value.fieldErrors.grants, lifetime: this.#ui.value.fieldErrors.lifetime, refresh: this.#ui.value.fieldErrors.refresh },
          onChange: (next) => this.#setSettings(next),
        })}
        <div part="actions">
          <button type="button" ?disabled=${this.#ui.value.busy} @click=${() => this.close()}>${t.common.cancel}</button>
          <button type="submit" class="primary" ?disabled=${this.#ui.value.busy} aria-busy=${this.#ui.value.busy ? 'true' : 'false'}>${this.#ui.value.busy ? t.create.creating : t.create.create}</button>
        </div>
      </form>
    `;
  }
}
