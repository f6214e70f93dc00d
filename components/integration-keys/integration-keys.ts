import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AdminApiError, type AdminClient, type IntegrationKey } from '../../src/admin/index.js';
import { AdminConnection } from '../shared/admin-connection.js';
import { ViewState } from '../shared/view-state.js';
import { LatestLoad } from '../shared/latest-load.js';
import { emit } from '../shared/events.js';
import { renderLoadError } from '../shared/load-error.js';
import { dateFormat, errorMessage, stringsFor, type Strings } from '../shared/localize.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { DoneNotice } from '../shared/done-notice.js';
import { styles } from './integration-keys.styles.js';
import { GrantkitElement } from '../shared/grantkit-element.js';

interface View {
  keys: readonly IntegrationKey[] | undefined;
  loadError: unknown;
  canWrite: boolean | undefined;
  /** What is typed in the public-key field. */
  text: string;
  /** Why adding failed, in the element's language; empty when it did not. */
  fieldError: string;
  /** Whether that was about what was pasted (then the field is marked invalid). */
  fieldInvalid: boolean;
  adding: boolean;
  /** The key whose removal is being confirmed. */
  pending: IntegrationKey | undefined;
  removing: boolean;
  removeError: unknown;
}

const INITIAL: View = { keys: undefined, loadError: undefined, canWrite: undefined, text: '', fieldError: '', fieldInvalid: false, adding: false, pending: undefined, removing: false, removeError: undefined };

/** "ES256 · P-256", "PS256 · RSA 3072 bits"; a name that says both once ("Ed25519"). */
function kindOf(t: Strings, key: IntegrationKey): string {
  const type = key.kty === 'RSA' ? t.keys.rsa(key.key_size) : key.crv ?? key.kty;
  return type === key.alg ? type : `${key.alg} · ${type}`;
}

/** The refusals that are about what was pasted, shown beside the field. */
const FIELD_CODES: ReadonlySet<string> = new Set(['invalid_key', 'private_key', 'weak_key', 'duplicate_key', 'validation_failed']);

/**
 * @summary The public keys a secretless (`private_key_jwt`) integration signs its token requests with, and a way to add and remove them.
 *
 * Each key shows its id, algorithm, type and size, when it was added, and its RFC 7638
 * thumbprint, so that a developer can match it to the key pair they hold. Adding takes a
 * public key pasted as PEM or JWK; the server refuses private keys, short RSA keys and
 * algorithms it does not accept, and the element says why beside the field (a pasted private
 * key is cleared from the field at once). Removing asks first, and says so when it is the last
 * key. Rotation is adding the new key, moving the app to it, then removing the old one.
 * Nothing here is secret, and nothing is kept by the element. Users without
 * `integrations:write` see the keys only.
 *
 * @fires grantkit-key-add-request - before adding a key; cancelable
 * @fires grantkit-key-added - a key was added; `detail` has its kid, algorithm and thumbprint
 * @fires grantkit-key-remove-request - before removing a key; cancelable
 * @fires grantkit-key-removed - a key was removed
 * @fires grantkit-error - loading or a change failed; `detail.code` is the error's code
 *
 * @csspart notice - confirms a completed change, as a polite status line
 * @csspart section - the whole element's section
 * @csspart list - the list of keys
 * @csspart row - one key
 * @csspart thumbprint - a key's thumbprint
 * @csspart remove - a key's remove button
 * @csspart empty - shown when the integration has no key
 * @csspart form - the form that adds a key
 * @csspart input - the public-key field
 * @csspart add - the add button
 * @csspart error - a failed load, with a retry button
 * @csspart forbidden - shown when the caller may not see integrations
 * @csspart dialog - the confirmation dialog
 * @csspart actions - the dialog's buttons
 *
 * @cssprop --grantkit-color-accent - the add button, focus rings
 * @cssprop --grantkit-color-danger - the remove action and errors
 * @cssprop --grantkit-color-raised - the section's background
 * @cssprop --grantkit-radius - corner radius
 *
 * @tagname integration-keys
 */
export class IntegrationKeys extends GrantkitElement {
  /** The styles of its shadow root: change the look with its CSS custom properties and parts. */
  static override styles = styles;

  /** The integration whose keys to show. */
  @property({ attribute: 'client-id' }) clientId = '';
  /** An admin client to use instead of the one from `<grantkit-provider>`. */
  @property({ attribute: false }) admin: AdminClient | undefined;

  /** Confirms each change this element made (one pattern in every element). */
  readonly #notice = new DoneNotice(this);
  // What the element shows, in one object that is replaced, never changed, on each update.
  readonly #ui = new ViewState<View>(this, INITIAL);
  readonly #latest = new LatestLoad(this, () => void this.#load());
  readonly #connection = new AdminConnection(this, () => void this.#load(), () => this.clientId);
  readonly #modal = new ModalDialog(this, {
    onClosed: () => this.#ui.set({ pending: undefined, removeError: undefined }),
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('[part~=remove]') ?? this.renderRoot.querySelector<HTMLElement>('#public-key') ?? this.renderRoot.querySelector<HTMLElement>('[part~=empty]'),
  });

  /** Loads the keys again, e.g. after they were changed in another tab. */
  reload(): Promise<void> {
    return this.#load();
  }

  async #load(): Promise<void> {
    const admin = this.#connection.client;
    const clientId = this.clientId;
    if (!admin || !clientId) return this.#latest.cancel();
    await this.#latest.run(async (signal) => {
      this.#ui.set({ ...INITIAL, canWrite: this.#ui.value.canWrite });
      void this.#connection.permissions()?.then((may) => this.#ui.set({ canWrite: may.includes('integrations:write') }));
      try {
        const { items } = await admin.listIntegrationKeys({ client_id: clientId }, { signal });
        if (!signal.aborted) this.#ui.set({ keys: items });
      } catch (error) {
        if (signal.aborted) return;
        this.#ui.set({ loadError: error });
        this.report(error);
      }
    });
  }

  async #add(event: Event): Promise<void> {
    event.preventDefault();
    const t = stringsFor(this);
    const admin = this.#connection.client;
    const text = this.#ui.value.text.trim();
    if (!admin || !this.clientId || this.#ui.value.adding) return;
    if (!text) {
      this.#ui.set({ fieldError: t.keys.required, fieldInvalid: true });
      return this.#focusField();
    }
    const clientId = this.clientId;
    if (!emit(this, 'grantkit-key-add-request', { clientId }, { cancelable: true })) return;
    this.#ui.set({ adding: true, fieldError: '', fieldInvalid: false });
    try {
      const key = await admin.addIntegrationKey({ client_id: clientId }, { public_key: text });
      this.#ui.set({ keys: [...(this.#ui.value.keys ?? []), key], text: '' });
      this.#notice.say(t.notices.keyAdded(key.kid));
      emit(this, 'grantkit-key-added', { clientId, kid: key.kid, alg: key.alg, thumbprint: key.thumbprint });
    } catch (error) {
      const code = error instanceof AdminApiError ? error.code : undefined;
      // A private key pasted by mistake does not stay on screen (nor in the DOM) a moment longer.
      this.#ui.set({ fieldError: errorMessage(t, error), fieldInvalid: code !== undefined && FIELD_CODES.has(code), ...(code === 'private_key' ? { text: '' } : {}) });
      this.report(error);
    } finally {
      this.#ui.set({ adding: false });
    }
    if (this.#ui.value.fieldError) await this.#focusField();
  }

  async #focusField(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('#public-key')?.focus();
  }

  async #ask(key: IntegrationKey): Promise<void> {
    this.#ui.set({ pending: key, removeError: undefined });
    await this.#modal.open();
  }

  async #remove(): Promise<void> {
    const key = this.#ui.value.pending;
    const admin = this.#connection.client;
    const clientId = this.clientId;
    if (!key || !admin || !clientId) return;
    if (!emit(this, 'grantkit-key-remove-request', { clientId, kid: key.kid }, { cancelable: true })) return;
    this.#ui.set({ removing: true, removeError: undefined });
    try {
      await admin.removeIntegrationKey({ client_id: clientId, kid: key.kid });
      this.#ui.set({ keys: (this.#ui.value.keys ?? []).filter((k) => k.kid !== key.kid) });
      this.#notice.say(stringsFor(this).notices.keyRemoved(key.kid));
      emit(this, 'grantkit-key-removed', { clientId, kid: key.kid });
      // Its row is gone: focus goes to the next key's button, or to the field.
      await this.updateComplete;
      this.#modal.close(true);
    } catch (error) {
      this.#ui.set({ removeError: error });
      this.report(error);
    } finally {
      this.#ui.set({ removing: false });
    }
  }

  protected override render(): TemplateResult {
    const t = stringsFor(this);
    return html`
      ${this.#notice.render()}
      <section part="section" aria-labelledby="keys-title">
        <h3 id="keys-title">${t.keys.title}</h3>
        <p class="note">${t.keys.explanation}${this.#ui.value.canWrite ? html` ${t.keys.rotation}` : nothing}</p>
        ${this.#renderKeys(t)}
        ${this.#renderForm(t)}
      </section>
      <dialog part="dialog" aria-labelledby="remove-title" @close=${this.#modal.onClose}>${this.#renderDialog(t)}</dialog>
    `;
  }

  #renderKeys(t: Strings) {
    const { keys, loadError } = this.#ui.value;
    if (loadError) return renderLoadError(t, loadError, () => void this.#load());
    if (!keys) return html`<p class="note" aria-busy="true" role="status">${t.keys.loading}</p>`;
    if (keys.length === 0) return html`<p part="empty" class="note" tabindex="-1">${t.keys.empty}</p>`;
    const date = dateFormat(this, false);
    return html`
      <ul part="list" aria-label=${t.keys.label}>
        ${keys.map(
          (key) => html`<li part="row">
            <div class="about">
              <code class="kid">${key.kid}</code>
              <span class="meta">${t.keys.details(kindOf(t, key), date.format(new Date(key.created_at)))}</span>
              <span class="meta">${t.keys.thumbprint}: <code part="thumbprint">${key.thumbprint}</code></span>
            </div>
            ${this.#ui.value.canWrite
              ? html`<button type="button" part="remove" class="danger-outline" aria-label=${t.keys.removeLabel(key.kid)} @click=${() => void this.#ask(key)}>${t.keys.remove}</button>`
              : nothing}
          </li>`,
        )}
      </ul>
    `;
  }

  #renderForm(t: Strings) {
    const ui = this.#ui.value;
    if (!ui.canWrite || !ui.keys) return nothing;
    const failed = ui.fieldError !== '';
    return html`
      <form part="form" @submit=${(event: Event) => void this.#add(event)} novalidate>
        <label for="public-key">${t.keys.publicKey}</label>
        <textarea id="public-key" part="input" rows="4" spellcheck="false" autocomplete="off" autocapitalize="off"
          aria-invalid=${ui.fieldInvalid ? 'true' : 'false'} aria-describedby=${failed ? 'key-error key-hint' : 'key-hint'}
          placeholder="-----BEGIN PUBLIC KEY-----" .value=${ui.text}
          @input=${(event: Event) => this.#ui.set({ text: (event.target as HTMLTextAreaElement).value, fieldError: '', fieldInvalid: false })}></textarea>
        <p id="key-hint" class="note">${t.keys.hint}</p>
        ${failed ? html`<p id="key-error" class="error" role="alert">${ui.fieldError}</p>` : nothing}
        <div class="start">
          <button type="submit" part="add" class="primary" ?disabled=${ui.adding} aria-busy=${ui.adding ? 'true' : 'false'}>${ui.adding ? t.keys.adding : t.keys.add}</button>
        </div>
      </form>
    `;
  }

  #renderDialog(t: Strings) {
    const { pending: key, keys, removing, removeError } = this.#ui.value;
    if (!key) return nothing;
    return html`
      <h2 id="remove-title">${t.keys.removeTitle(key.kid)}</h2>
      <p>${t.keys.removeExplanation}</p>
      ${keys?.length === 1 ? html`<p class="warning"><strong>${t.keys.removeLast}</strong></p>` : nothing}
      ${removeError ? html`<p class="error" role="alert">${errorMessage(t, removeError)}</p>` : nothing}
      <div part="actions">
        <button type="button" ?disabled=${removing} @click=${() => this.#modal.close()}>${t.common.cancel}</button>
        <button type="button" class="danger" ?disabled=${removing} aria-busy=${removing ? 'true' : 'false'} @click=${() => void this.#remove()}>${removing ? t.keys.removing : t.keys.removeButton}</button>
      </div>
    `;
  }
}
