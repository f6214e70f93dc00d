import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AdminClient, ConnectedApp } from '../../src/admin/index.js';
import { AdminConnection } from '../shared/admin-connection.js';
import { ViewState } from '../shared/view-state.js';
import { emit } from '../shared/events.js';
import { renderListEnd, renderListState } from '../shared/list-state.js';
import { dateFormat, errorMessage, stringsFor, type Strings } from '../shared/localize.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { PagedLoader } from '../shared/paged-loader.js';
import { DoneNotice } from '../shared/done-notice.js';
import { styles } from './connected-apps.styles.js';
import { GrantkitElement } from '../shared/grantkit-element.js';

interface View {
  pending: ConnectedApp | undefined;
  busy: boolean;
  error: unknown;
}

const INITIAL: View = { pending: undefined, busy: false, error: undefined };

/**
 * @summary The third-party integrations the signed-in user has allowed to act for them, and a way to take each back.
 *
 * Each row names the integration and its version, the scopes the user allowed, since when,
 * and when it last got tokens. Revoking asks for confirmation; the integration's tokens for
 * this user end at once, and its next sign-in asks for consent again.
 *
 * @fires grantkit-connected-app-revoke-request - before taking a consent back; cancelable
 * @fires grantkit-connected-app-revoked - a consent was taken back and the integration's tokens ended
 * @fires grantkit-error - loading or revoking failed; `detail.code` is the error's code
 *
 * @csspart notice - confirms a completed change, as a polite status line
 * @csspart list - the list of connected apps
 * @csspart row - one connected app
 * @csspart scopes - the scopes a row's integration was allowed
 * @csspart revoke - a row's revoke button
 * @csspart empty - shown when the user has allowed no integration
 * @csspart error - shown when loading failed, with a retry button
 * @csspart dialog - the confirmation dialog
 * @csspart actions - the dialog's buttons
 *
 * @cssprop --grantkit-list-height - maximum height of the list (default 28rem)
 * @cssprop --grantkit-color-accent - focus rings
 * @cssprop --grantkit-color-danger - the revoke action and errors
 *
 * @tagname connected-apps
 */
export class ConnectedApps extends GrantkitElement {
  /** The styles of its shadow root: change the look with its CSS custom properties and parts. */
  static override styles = styles;

  /** An admin client to use instead of the one from `<grantkit-provider>`. */
  @property({ attribute: false }) admin: AdminClient | undefined;

  /** Confirms each change this element made (one pattern in every element). */
  readonly #notice = new DoneNotice(this);
  // What the element shows, in one object that is replaced, never changed, on each update.
  readonly #ui = new ViewState<View>(this, INITIAL);

  readonly #connection = new AdminConnection(this, () => void this.#loader.reload());
  readonly #loader = new PagedLoader<ConnectedApp>(
    this,
    (cursor, signal) => this.#connection.client!.listConnectedApps({ limit: 50, ...(cursor ? { cursor } : {}) }, { signal }),
    (error) => this.report(error),
  );
  readonly #modal = new ModalDialog(this, {
    onClosed: () => this.#ui.set({ pending: undefined }),
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('[part=revoke]') ?? this.renderRoot.querySelector<HTMLElement>('[part=empty]'),
  });

  /** Loads the list again, e.g. after the user connected another app in another tab. */
  async reload(): Promise<void> {
    await this.#loader.reload();
  }

  async #ask(app: ConnectedApp): Promise<void> {
    this.#ui.set({ pending: app, error: undefined });
    await this.#modal.open();
  }

  async #revoke(): Promise<void> {
    const app = this.#ui.value.pending;
    const admin = this.#connection.client;
    if (!app || !admin) return;
    const detail = { clientId: app.client_id, name: app.client_name };
    if (!emit(this, 'grantkit-connected-app-revoke-request', detail, { cancelable: true })) return;
    this.#ui.set({ busy: true, error: undefined });
    try {
      await admin.revokeConnectedApp({ client_id: app.client_id });
      this.#loader.remove((a) => a.client_id === app.client_id);
      this.#notice.say(stringsFor(this).notices.appRevoked(app.client_name));
      emit(this, 'grantkit-connected-app-revoked', detail);
      // The row that opened the dialog is gone: once it is out of the DOM, focus goes to the
      // next row's button or to the empty state (true), never to <body>.
      await this.updateComplete;
      this.#modal.close(true);
    } catch (error) {
      this.#ui.set({ error });
      this.report(error);
    } finally {
      this.#ui.set({ busy: false });
    }
  }

  protected override render(): TemplateResult {
    const t = stringsFor(this);
    return html`
      ${this.#notice.render()}
      ${this.#renderList(t)}
      <dialog part="dialog" aria-labelledby="title" @close=${this.#modal.onClose}>${this.#renderDialog(t)}</dialog>
    `;
  }

  #renderList(t: Strings) {
    const state = renderListState(t, this.#loader, { retry: () => void this.#loader.reload(), empty: t.connected.empty });
    if (state) return state;
    const { items } = this.#loader;
    const date = dateFormat(this, false);
    const when = (iso: string) => date.format(new Date(iso));
    return html`
      <ul part="list" aria-label=${t.connected.label}>
        ${items.map(
          (app) => html`<li part="row">
            <div class="about">
              <div class="name"><bdi>${app.client_name}</bdi> <span class="meta">${app.version}</span></div>
              ${app.description ? html`<div class="meta"><bdi>${app.description}</bdi></div>` : nothing}
              <div class="meta">
                <span class="visually-hidden">${t.connected.scopes}:</span>
                <span part="scopes">${app.scope.split(' ').filter(Boolean).map((s) => html`<code>${s}</code>`)}</span>
              </div>
              <div class="meta">${t.connected.since(when(app.granted_at))} · ${app.last_used_at ? t.connected.lastUsed(when(app.last_used_at)) : t.connected.neverUsed}</div>
            </div>
            <button type="button" part="revoke" aria-label="${t.connected.revoke}: ${app.client_name}" @click=${() => void this.#ask(app)}>${t.connected.revoke}</button>
          </li>`,
        )}
      </ul>
      ${renderListEnd(t, this.#loader, { button: true })}
    `;
  }

  #renderDialog(t: Strings) {
    const app = this.#ui.value.pending;
    if (!app) return nothing;
    return html`
      <h2 id="title">${t.connected.revokeTitle(app.client_name)}</h2>
      <p>${t.connected.revokeExplanation(app.client_name)}</p>
      ${this.#ui.value.error ? html`<p class="error" role="alert">${errorMessage(t, this.#ui.value.error)}</p>` : nothing}
      <div part="actions">
        <button type="button" ?disabled=${this.#ui.value.busy} @click=${() => this.#modal.close()}>${t.common.cancel}</button>
        <button type="button" class="danger" ?disabled=${this.#ui.value.busy} aria-busy=${this.#ui.value.busy ? 'true' : 'false'} @click=${this.#revoke}>${this.#ui.value.busy ? t.connected.revoking : t.connected.revoke}</button>
      </div>
    `;
  }
}
