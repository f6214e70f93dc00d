import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AdminApiError, type AdminClient, type Integration } from '../../src/admin/index.js';
import { RotateSecretDialog } from '../rotate-secret-dialog/rotate-secret-dialog.js';
// For HTMLElementTagNameMap's <rotate-secret-dialog>: types only, the registration is define()'s.
import type {} from '../rotate-secret-dialog/define.js';
import { IntegrationKeys } from '../integration-keys/integration-keys.js';
import type {} from '../integration-keys/define.js';
import { LatestLoad } from '../shared/latest-load.js';
import { ViewState } from '../shared/view-state.js';
import { DeferredFocus } from '../shared/deferred-focus.js';
import { UnsavedGuard } from '../shared/unsaved-guard.js';
import { AdminConnection } from '../shared/admin-connection.js';
import { CopyFeedback } from '../shared/copy-feedback.js';
import { emit } from '../shared/events.js';
import { CallbackUrlEditor } from '../shared/callback-url-editor.js';
import { changes, checkDraft, draftOf, hasFieldErrors, refusedDraft, type Draft, type FieldErrors } from './settings-draft.js';
import { renderCredentials } from './credentials-section.js';
import { renderConfirmDialog, renderLifecycle, type Confirmation } from './lifecycle-section.js';
import { renderSettings } from './settings-section.js';
import { INITIAL, type View } from './view.js';
import { renderLoadError } from '../shared/load-error.js';
import { dateFormat, stringsFor, type Strings } from '../shared/localize.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { DoneNotice } from '../shared/done-notice.js';
import { styles } from './integration-details.styles.js';
import { GrantkitElement } from '../shared/grantkit-element.js';


/**
 * @summary One integration: its credentials and endpoints to copy, its settings to edit, and its life cycle.
 *
 * Shows the client ID and the issuer, authorization, token and revocation URLs, each with a
 * copy button; the secret only as its last four characters, with "Rotate secret…" (the
 * `<rotate-secret-dialog>` inside), or for a secretless (`private_key_jwt`) integration its
 * public keys (the `<integration-keys>` inside, whose events bubble out of it); while a rotated-out secret still works, until when, and
 * "End grace period now…" (confirmed). Callback URLs are edited one per field and checked as
 * the server checks them (https, or http for loopback only; no fragment; compared exactly).
 * Allowed grants, access-token lifetime (seconds or never), refresh count (unlimited, N or
 * none), audience; the associated scopes are listed (`<scope-manager client-id>` changes
 * them). Activate, deactivate (confirmed), and delete, confirmed by typing the integration's
 * name. Saving sends only what changed; when it fails, what was typed stays and refusals
 * appear beside their fields. Users without `integrations:write` see the settings as text.
 *
 * @fires grantkit-integration-update-request - before saving; cancelable; `detail.changes` is what would be sent
 * @fires grantkit-integration-updated - settings were saved; `detail.integration` is the new state
 * @fires grantkit-integration-status-request - before activating or deactivating; cancelable
 * @fires grantkit-integration-delete-request - before deleting; cancelable
 * @fires grantkit-integration-status-changed - it was activated or deactivated
 * @fires grantkit-integration-deleted - it was deleted
 * @fires grantkit-secret-rotated - from the rotate dialog inside; `detail` has the last four characters only
 * @fires grantkit-grace-period-end-request - before ending a rotated-out secret's grace period; cancelable
 * @fires grantkit-grace-period-ended - the rotated-out secret no longer works
 * @fires grantkit-key-added - from the keys inside, for a `private_key_jwt` integration (also `grantkit-key-add-request`, `grantkit-key-remove-request`, `grantkit-key-removed`)
 * @fires grantkit-error - loading or a change failed; `detail.code` is the error's code
 *
 * @slot placeholder-action - a call to action in the placeholder shown while nothing is chosen, such as a "New integration" button
 *
 * @csspart notice - confirms a completed change, as a polite status line
 * @csspart header - name, version and badges
 * @csspart placeholder - shown while no integration is chosen (no `client-id`)
 * @csspart badge - a status, kind or type badge; also `badge-active`, `badge-inactive`, `badge-kind`, `badge-type`
 * @csspart section - each titled section
 * @csspart field - a copyable read-only value
 * @csspart copy - a copy button
 * @csspart rotate - the "Rotate secret…" button
 * @csspart end-grace - the "End grace period now…" button, shown while a rotated-out secret still works
 * @csspart keys - the `<integration-keys>` element, for a `private_key_jwt` integration
 * @csspart form - the settings form
 * @csspart summary - the settings as text, for a user who may not change them
 * @csspart redirect - one callback URL row
 * @csspart logout-url - one allowed logout URL row
 * @csspart scopes - the associated scopes
 * @csspart actions - a row of buttons
 * @csspart status-action - activate or deactivate
 * @csspart delete - the delete button
 * @csspart dialog - the confirmation dialog
 * @csspart error - a failed load or change
 * @csspart forbidden - shown when the caller may not see integrations
 *
 * @cssprop --grantkit-color-accent - primary buttons, focus rings
 * @cssprop --grantkit-color-danger - delete, deactivate, errors
 * @cssprop --grantkit-color-success - the "Active" badge and the saved message
 * @cssprop --grantkit-color-raised - section backgrounds
 * @cssprop --grantkit-radius - corner radius
 *
 * @tagname integration-details
 */
export class IntegrationDetails extends GrantkitElement {
  /** The styles of its shadow root: change the look with its CSS custom properties and parts. */
  static override styles = styles;
  /** Registered with it by `IntegrationDetails.define()`, not by an import's side effect. */
  static override dependencies = { 'rotate-secret-dialog': RotateSecretDialog, 'integration-keys': IntegrationKeys };

  /** The integration to show. */
  @property({ attribute: 'client-id' }) clientId = '';
  /** An admin client to use instead of the one from `<grantkit-provider>`. */
  @property({ attribute: false }) admin: AdminClient | undefined;

  /** Confirms each change this element made (one pattern in every element). */
  readonly #notice = new DoneNotice(this);
  // Everything the element shows, in one object that is replaced, never changed, on each update.
  readonly #ui = new ViewState<View>(this, INITIAL);

  readonly #latest = new LatestLoad(this, () => void this.#load());
  readonly #copies = new CopyFeedback(this);
  readonly #urls = new CallbackUrlEditor(this, (redirects) => this.#edit({ redirects }, ['urls']));
  readonly #logoutUrls = new CallbackUrlEditor(this, (logoutUrls) => this.#edit({ logoutUrls }, ['logout']), 'logout');
  readonly #connection = new AdminConnection(this, () => void this.#load(), () => this.clientId);
  readonly #modal = new ModalDialog(this, {
    onClosed: () => {
      // Closed without an answer (Escape, Cancel): the changes are kept.
      this.#discardAnswer?.(false);
      this.#discardAnswer = undefined;
      this.#ui.set({ confirm: undefined, typedName: '', confirmError: undefined });
    },
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('[part~=header] h2') ?? this.renderRoot.querySelector<HTMLElement>('.deleted'),
  });
  // Its heading once it has loaded (or what shows instead), even when asked before.
  readonly #focus = new DeferredFocus(this, () => this.#focusTarget(), () => this.clientId);
  // Leaving the page with unsaved changes asks first.
  readonly #guard = new UnsavedGuard(this, () => this.hasUnsavedChanges);

  /**
   * Moves focus to what the element shows: the integration's heading, or the placeholder, a
   * failed load's message or the note that it was deleted. Called while the integration still
   * loads, it focuses the heading once it has loaded, so an app can call it straight after a
   * selection (as a phone layout that replaces the list with the details should).
   */
  override focus(options?: FocusOptions): void {
    this.#focus.focus(options);
  }

  /** What focus() focuses, once what is on screen is what `client-id` says (not the previous one, nor the skeleton). */
  #focusTarget(): HTMLElement | null {
    if (this.isUpdatePending) return null;
    const { integration, loadError, deletedName } = this.#ui.value;
    const current = !this.clientId || deletedName !== '' || loadError !== undefined || integration?.client_id === this.clientId;
    if (!current) return null;
    return this.renderRoot.querySelector<HTMLElement>('[part~=header] h2, [part~=placeholder], .deleted, [part~=error] button, [part~=forbidden]');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A confirmation about the integration shown before is not about the next one.
    if (changed.has('clientId')) this.#notice.clear();
  }

  /** Loads the integration again, dropping unsaved changes. */
  reload(): Promise<void> {
    return this.#load();
  }

  /** Whether the settings form holds changes not saved yet. */
  get hasUnsavedChanges(): boolean {
    const { integration, draft } = this.#ui.value;
    return integration !== undefined && draft !== undefined && Object.keys(changes(integration, draft)).length > 0;
  }

  #discardAnswer: ((discard: boolean) => void) | undefined;

  /**
   * Before the page shows another integration (or leaves): resolves true at once when nothing
   * is unsaved; otherwise asks whether to discard the changes, and resolves with the answer.
   * Call it from a cancelable `grantkit-integration-select` handler, as the README shows.
   */
  confirmDiscard(): Promise<boolean> {
    if (!this.hasUnsavedChanges) return Promise.resolve(true);
    this.#discardAnswer?.(false);
    this.#ui.set({ confirm: 'discard', confirmError: undefined });
    void this.#modal.open();
    return new Promise((resolve) => (this.#discardAnswer = resolve));
  }

  async #load(): Promise<void> {
    const admin = this.#connection.client;
    const clientId = this.clientId;
    // Nothing chosen any more: the load in flight (if any) is for an integration no longer wanted.
    if (!admin || !clientId) return this.#latest.cancel();
    // A quick change of client-id aborts the load before: it must not show the previous one.
    await this.#latest.run(async (signal) => {
      this.#ui.set({ ...INITIAL, canWrite: this.#ui.value.canWrite });
      void this.#connection.permissions()?.then((may) => this.#ui.set({ canWrite: may.includes('integrations:write') }));
      try {
        const [integration, endpoints] = await Promise.all([admin.getIntegration({ client_id: clientId }, { signal }), admin.getIntegrationEndpoints({ client_id: clientId }, { signal })]);
        if (signal.aborted) return;
        this.#show(integration, { endpoints });
      } catch (error) {
        if (signal.aborted) return;
        this.#ui.set({ loadError: error });
        this.report(error);
      }
    });
  }

  /** Shows the integration as the server has it now, and resets the form to it. */
  #show(integration: Integration, more: Partial<View> = {}): void {
    this.#ui.set({ integration, draft: draftOf(integration), ...more });
  }

  get #name(): string {
    const i = this.#ui.value.integration;
    return i ? `${i.client_name} ${i.version}` : this.clientId;
  }

  #edit(next: Partial<Draft>, clear: ReadonlyArray<keyof FieldErrors>): void {
    if (!this.#ui.value.draft) return;
    const errors = clear.some((key) => this.#ui.value.errors[key]) ? { ...this.#ui.value.errors, ...Object.fromEntries(clear.map((key) => [key, undefined])) } : this.#ui.value.errors;
    this.#ui.set({ draft: { ...this.#ui.value.draft, ...next }, saved: false, errors });
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    const t = stringsFor(this);
    const admin = this.#connection.client;
    const integration = this.#ui.value.integration;
    const draft = this.#ui.value.draft;
    if (!admin || !integration || !draft) return;
    const errors = checkDraft(t, draft);
    this.#ui.set({ errors, saveError: undefined, saved: false });
    if (hasFieldErrors(errors)) return this.#focusError(errors);
    const patch = changes(integration, draft);
    if (Object.keys(patch).length === 0) return;
    // A copy: a listener reads what will be sent, it cannot change it.
    if (!emit(this, 'grantkit-integration-update-request', { clientId: integration.client_id, changes: structuredClone(patch) }, { cancelable: true })) return;
    this.#ui.set({ saving: true });
    try {
      const updated = await admin.updateIntegration({ client_id: integration.client_id }, patch);
      this.#show(updated, { saved: true });
      emit(this, 'grantkit-integration-updated', { clientId: updated.client_id, integration: updated });
    } catch (error) {
      // The form keeps what was typed; refusals go beside the fields the server named.
      const refused = error instanceof AdminApiError ? refusedDraft(t, error, draft) : {};
      // Enabled again first: a disabled field cannot take focus.
      this.#ui.set({ saveError: error, errors: refused, saving: false });
      this.report(error);
      if (hasFieldErrors(refused)) await this.#focusError(refused);
    } finally {
      this.#ui.set({ saving: false });
    }
  }

  /** Where the user can see and fix it: the first field in error (the callback URLs come first in the form after the description). */
  async #focusError(errors: FieldErrors): Promise<void> {
    await this.updateComplete;
    if (errors.description) return this.renderRoot.querySelector<HTMLElement>('#description')?.focus();
    if (errors.urls && this.#urls.focusError(errors.urls)) return;
    if (errors.logout && this.#logoutUrls.focusError(errors.logout)) return;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }

  async #activate(): Promise<void> {
    const admin = this.#connection.client;
    const integration = this.#ui.value.integration;
    if (!admin || !integration) return;
    if (!emit(this, 'grantkit-integration-status-request', { clientId: integration.client_id, status: 'active' }, { cancelable: true })) return;
    this.#ui.set({ statusBusy: true, statusError: undefined });
    try {
      const updated = await admin.activateIntegration({ client_id: integration.client_id });
      this.#ui.set({ integration: updated });
      this.#notice.say(stringsFor(this).notices.integrationActivated(this.#name));
      emit(this, 'grantkit-integration-status-changed', { clientId: updated.client_id, status: updated.status });
    } catch (error) {
      this.#ui.set({ statusError: error });
      this.report(error);
    } finally {
      this.#ui.set({ statusBusy: false });
    }
  }

  #ask(what: Exclude<Confirmation, 'discard'>): void {
    this.#ui.set({ confirm: what, typedName: '', confirmError: undefined });
    void this.#modal.open();
  }

  async #confirmed(event: Event): Promise<void> {
    event.preventDefault();
    if (this.#ui.value.confirm === 'discard') {
      const answer = this.#discardAnswer;
      this.#discardAnswer = undefined;
      // Back to what the server has, so the next integration does not inherit the old draft's state.
      if (this.#ui.value.integration) this.#show(this.#ui.value.integration, { errors: {}, saveError: undefined });
      this.#modal.close();
      answer?.(true);
      return;
    }
    const admin = this.#connection.client;
    const integration = this.#ui.value.integration;
    if (!admin || !integration || !this.#ui.value.confirm) return;
    if (this.#ui.value.confirm === 'delete' && this.#ui.value.typedName.trim() !== this.#name) return;
    const clientId = integration.client_id;
    const what = this.#ui.value.confirm;
    const allowed = what === 'deactivate'
      ? emit(this, 'grantkit-integration-status-request', { clientId, status: 'inactive' }, { cancelable: true })
      : what === 'end-grace'
        ? emit(this, 'grantkit-grace-period-end-request', { clientId }, { cancelable: true })
        : emit(this, 'grantkit-integration-delete-request', { clientId }, { cancelable: true });
    if (!allowed) return;
    this.#ui.set({ confirmBusy: true, confirmError: undefined });
    try {
      if (what === 'end-grace') {
        const { previous_secret_expires_at, updated_at } = await admin.endSecretGracePeriod({ client_id: clientId });
        this.#ui.set({ integration: { ...integration, previous_secret_expires_at: previous_secret_expires_at ?? null, updated_at } });
        this.#modal.close();
        this.#notice.say(stringsFor(this).notices.gracePeriodEnded(this.#name));
        emit(this, 'grantkit-grace-period-ended', { clientId });
      } else if (what === 'deactivate') {
        const updated = await admin.deactivateIntegration({ client_id: integration.client_id });
        this.#ui.set({ integration: updated });
        this.#modal.close();
        this.#notice.say(stringsFor(this).notices.integrationDeactivated(this.#name));
        emit(this, 'grantkit-integration-status-changed', { clientId: updated.client_id, status: updated.status });
      } else {
        await admin.deleteIntegration({ client_id: integration.client_id });
        this.#ui.set({ deletedName: this.#name, integration: undefined, draft: undefined });
        this.#modal.close();
        emit(this, 'grantkit-integration-deleted', { clientId: integration.client_id });
      }
    } catch (error) {
      this.#ui.set({ confirmError: error });
      this.report(error);
    } finally {
      this.#ui.set({ confirmBusy: false });
    }
  }

  protected override render(): TemplateResult {
    const t = stringsFor(this);
    const ui = this.#ui.value;
    const dialog = renderConfirmDialog(t, {
      integration: ui.integration, what: ui.confirm, name: this.#name, typedName: ui.typedName, busy: ui.confirmBusy, error: ui.confirmError,
      onClose: this.#modal.onClose, onSubmit: (event) => void this.#confirmed(event), onCancel: () => this.#modal.close(), onType: (typedName) => this.#ui.set({ typedName }),
    });
    return html`${this.#notice.render()} ${this.#renderBody(t)} ${dialog}`;
  }

  #renderBody(t: Strings) {
    // Focusable, so that focus has somewhere to go once the dialog that deleted it closes.
    if (this.#ui.value.deletedName) return html`<p class="note deleted" role="status" tabindex="-1">${t.details.deleted(this.#ui.value.deletedName)}</p>`;
    if (!this.clientId) {
      return html`<div part="placeholder" class="placeholder" tabindex="-1">
        <p class="placeholder-title">${t.details.noneTitle}</p>
        <p class="note">${t.details.none}</p>
        <slot name="placeholder-action"></slot>
      </div>`;
    }
    if (this.#ui.value.loadError) return renderLoadError(t, this.#ui.value.loadError, () => void this.#load());
    const ui = this.#ui.value;
    const integration = ui.integration;
    if (!integration || !ui.draft) return html`<div class="skeleton" aria-busy="true"><span role="status">${t.details.loading}</span></div>`;
    const active = integration.status === 'active';
    return html`
      <div part="header">
        <h2 tabindex="-1">${integration.client_name} <span class="version">${integration.version}</span></h2>
        <span part="badge ${active ? 'badge-active' : 'badge-inactive'}">${active ? t.details.active : t.details.inactive}</span>
        <span part="badge badge-kind">${t.create.kinds[integration.kind]}</span>
        <span part="badge badge-type">${integration.client_type === 'public' ? t.details.public : t.details.confidential}</span>
      </div>
      ${renderCredentials(t, {
        integration, endpoints: ui.endpoints, canWrite: ui.canWrite, copies: this.#copies, root: this.renderRoot,
        previousUntil: integration.previous_secret_expires_at ? dateFormat(this).format(new Date(integration.previous_secret_expires_at)) : '',
        onRotate: () => void this.renderRoot.querySelector('rotate-secret-dialog')?.show(),
        onEndGrace: () => this.#ask('end-grace'),
      })}
      ${integration.token_endpoint_auth_method === 'private_key_jwt'
        ? html`<integration-keys part="keys" exportparts="section, row, remove, add, input" .admin=${this.#connection.client} client-id=${integration.client_id}></integration-keys>`
        : nothing}
      ${renderSettings(t, {
        integration, draft: ui.draft, canWrite: ui.canWrite, errors: ui.errors, saving: ui.saving, saveError: ui.saveError, saved: ui.saved, urls: this.#urls, logoutUrls: this.#logoutUrls,
        onSubmit: (event) => void this.#save(event), onEdit: (next, clear) => this.#edit(next, clear),
        onDiscard: () => this.#show(integration, { errors: {}, saveError: undefined }),
      })}
      ${renderLifecycle(t, { integration, canWrite: ui.canWrite, statusBusy: ui.statusBusy, statusError: ui.statusError, onAsk: (what) => this.#ask(what), onActivate: () => void this.#activate() })}
      <rotate-secret-dialog .admin=${this.#connection.client} client-id=${integration.client_id} integration-name=${this.#name}
        previous-secret-expires-at=${integration.previous_secret_expires_at ?? ''}
        @grantkit-secret-rotated=${() => void this.refresh()}></rotate-secret-dialog>
    `;
  }

  /**
   * Reads again what the form does not edit (the secret's last four characters, the
   * associated scopes, the status), keeping unsaved edits: call it after a change made
   * elsewhere, e.g. by `<scope-manager client-id>`.
   */
  async refresh(): Promise<void> {
    const admin = this.#connection.client;
    const shown = this.#ui.value.integration;
    if (!admin || !shown) return;
    try {
      const fresh = await admin.getIntegration({ client_id: shown.client_id });
      const { client_secret_last4, previous_secret_expires_at, scope, status, updated_at } = fresh;
      this.#ui.set({ integration: { ...shown, client_secret_last4, previous_secret_expires_at: previous_secret_expires_at ?? null, scope, status, updated_at } });
    } catch (error) {
      this.report(error);
    }
  }

}
