import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AdminClient } from '../../src/admin/index.js';
import { AdminConnection } from '../shared/admin-connection.js';
import { ViewState } from '../shared/view-state.js';
import { emit } from '../shared/events.js';
import { dateFormat, errorMessage, stringsFor } from '../shared/localize.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { SecretHolder } from '../shared/secret-once.js';
import { styles } from './rotate-secret-dialog.styles.js';
import { GrantkitElement } from '../shared/grantkit-element.js';

/** Grace periods offered for the current secret, in seconds. */
const GRACE_PERIODS = [0, 3600, 86_400, 7 * 86_400];

interface View {
  phase: 'confirm' | 'rotating' | 'done';
  grace: number;
  acknowledged: boolean;
  error: unknown;
  previousUntil: string | null;
}

const INITIAL: View = { phase: 'confirm', grace: 0, acknowledged: false, error: undefined, previousUntil: null };

/**
 * @summary Rotates an integration's client secret and shows the new one exactly once.
 *
 * Explains that the current secret stops working and that this cannot be undone, asks for
 * an explicit confirmation, and offers a grace period for the current secret: the
 * explanation and the confirmation then name the moment it stops working, and the
 * confirmation is asked again when the period changes. The new
 * secret is shown once, with a copy button; only "I have stored it" closes that view
 * (Escape does not, so a key press cannot lose it). Afterwards the secret is gone from the
 * element's state and DOM; it is never stored, and never put in an event.
 *
 * @fires grantkit-rotate-request - before rotating; cancelable
 * @fires grantkit-secret-rotated - after rotating; `detail` has the last four characters, never the secret
 * @fires grantkit-error - rotation failed; `detail.code` is the error's code
 *
 * @csspart dialog - the native dialog
 * @csspart title - the heading
 * @csspart grace - the grace-period select
 * @csspart earlier - the warning that a secret rotated out before, still in its grace period, stops working now
 * @csspart confirm - the confirmation checkbox
 * @csspart secret-row - the secret and its copy button
 * @csspart secret - the read-only field holding the new secret
 * @csspart copy - the copy button
 * @csspart actions - the row of buttons
 * @csspart error - the message shown when rotation fails
 *
 * @cssprop --grantkit-color-danger - the rotate button and the warning
 * @cssprop --grantkit-color-accent - focus rings and the close button
 * @cssprop --grantkit-color-surface - dialog background
 * @cssprop --grantkit-radius - corner radius
 *
 * @tagname rotate-secret-dialog
 */
export class RotateSecretDialog extends GrantkitElement {
  /** The styles of its shadow root: change the look with its CSS custom properties and parts. */
  static override styles = styles;

  @property({ attribute: 'client-id' }) clientId = '';
  /** Shown in the explanation, e.g. "ERP Connector 1.0". Default: the client ID. */
  @property({ attribute: 'integration-name' }) integrationName = '';
  /**
   * When a secret rotated out before still works (the integration's `previous_secret_expires_at`):
   * the dialog warns that rotating again ends it now.
   */
  @property({ attribute: 'previous-secret-expires-at' }) previousSecretExpiresAt = '';
  /** An admin client to use instead of the one from `<grantkit-provider>`. */
  @property({ attribute: false }) admin: AdminClient | undefined;

  // What the element shows, in one object that is replaced, never changed, on each update.
  readonly #ui = new ViewState<View>(this, INITIAL);

  readonly #connection = new AdminConnection(this);
  readonly #secret = new SecretHolder(this);
  readonly #modal = new ModalDialog(this, { onClosed: () => this.#reset() });

  /** Opens the dialog; focus returns to what had it when the dialog closes. */
  async show(): Promise<void> {
    this.#reset();
    await this.#modal.open();
  }

  /** Closes the dialog and forgets the secret at once (the dialog's close event comes a task later). */
  close(): void {
    this.#reset();
    this.#modal.close();
  }

  #reset(): void {
    this.#ui.set({ phase: 'confirm', grace: 0, acknowledged: false, error: undefined });
    this.#forgetSecret();
  }

  #forgetSecret(): void {
    this.#secret.forget();
    this.#ui.set({ previousUntil: null });
  }

  readonly #onCancel = (event: Event): void => {
    // While the new secret is shown, only an explicit "I have stored it" closes the dialog.
    if (this.#ui.value.phase !== 'confirm') event.preventDefault();
  };

  async #rotate(event: Event): Promise<void> {
    event.preventDefault();
    const admin = this.#connection.client;
    if (!this.#ui.value.acknowledged || !admin) return;
    if (!emit(this, 'grantkit-rotate-request', { clientId: this.clientId, gracePeriodSeconds: this.#ui.value.grace }, { cancelable: true })) return;
    this.#ui.set({ error: undefined, phase: 'rotating' });
    try {
      const result = await admin.rotateIntegrationSecret({ client_id: this.clientId }, this.#ui.value.grace ? { grace_period_seconds: this.#ui.value.grace } : undefined);
      this.#secret.show(result.client_secret);
      this.#ui.set({ previousUntil: result.previous_secret_expires_at, phase: 'done' });
      emit(this, 'grantkit-secret-rotated', { clientId: this.clientId, last4: result.client_secret_last4, previousSecretExpiresAt: result.previous_secret_expires_at });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[part=secret]')?.select();
    } catch (error) {
      // Back to the form as it was: the user's choices are kept for another try.
      this.#ui.set({ phase: 'confirm', error: error });
      this.report(error);
    }
  }

  protected override render(): TemplateResult {
    const t = stringsFor(this);
    const name = this.integrationName || this.clientId;
    return html`
      <dialog part="dialog" aria-labelledby="title" aria-describedby="description" @close=${this.#modal.onClose} @cancel=${this.#onCancel}>
        ${this.#ui.value.phase === 'done' ? this.#renderSecret(t) : this.#renderConfirm(t, name)}
      </dialog>
    `;
  }

  #renderConfirm(t: ReturnType<typeof stringsFor>, name: string) {
    const busy = this.#ui.value.phase === 'rotating';
    const hours = (s: number) => s / 3600;
    const label = (s: number) => (s === 0 ? t.rotate.graceNone : s < 86_400 ? t.rotate.graceHours(hours(s)) : t.rotate.graceDays(s / 86_400));
    // The moment the current secret stops working, as the chosen grace period makes it.
    const format = dateFormat(this);
    const until = this.#ui.value.grace ? format.format(new Date(Date.now() + this.#ui.value.grace * 1000)) : '';
    const earlier = this.previousSecretExpiresAt && new Date(this.previousSecretExpiresAt) > new Date() ? format.format(new Date(this.previousSecretExpiresAt)) : '';
    return html`
      <form @submit=${this.#rotate}>
        <h2 id="title" part="title">${t.rotate.title}</h2>
        <p id="description">${until ? t.rotate.explanationGrace(name, until) : t.rotate.explanation(name)}</p>
        ${earlier ? html`<p class="warning" part="earlier">${t.rotate.earlierEnds(earlier)}</p>` : nothing}
        <p class="warning">${t.rotate.irreversible}</p>
        <label for="grace">${t.rotate.graceLabel}</label>
        <select id="grace" part="grace" .value=${String(this.#ui.value.grace)} ?disabled=${busy}
          @change=${(e: Event) => this.#ui.set({ grace: Number((e.target as HTMLSelectElement).value), acknowledged: false })}>
          ${GRACE_PERIODS.map((s) => html`<option value=${s} ?selected=${s === this.#ui.value.grace}>${label(s)}</option>`)}
        </select>
        <label class="check">
          <input type="checkbox" part="confirm" .checked=${this.#ui.value.acknowledged} ?disabled=${busy} @change=${(e: Event) => (this.#ui.set({ acknowledged: (e.target as HTMLInputElement).checked }))} />
          <span>${until ? t.rotate.confirmGrace(until) : t.rotate.confirm}</span>
        </label>
        ${this.#ui.value.error ? html`<p part="error" class="error" role="alert">${errorMessage(t, this.#ui.value.error)}</p>` : nothing}
        <div part="actions">
          <button type="button" ?disabled=${busy} @click=${() => this.close()}>${t.common.cancel}</button>
          <button type="submit" class="danger" ?disabled=${!this.#ui.value.acknowledged || busy} aria-busy=${busy ? 'true' : 'false'}>
            ${busy ? t.rotate.rotating : t.rotate.rotate}
          </button>
        </div>
      </form>
    `;
  }

  #renderSecret(t: ReturnType<typeof stringsFor>) {
    const until = this.#ui.value.previousUntil ? dateFormat(this).format(new Date(this.#ui.value.previousUntil)) : undefined;
    return this.#secret.render(t, () => this.close(), until ? t.rotate.previousUntil(until) : undefined);
  }
}
