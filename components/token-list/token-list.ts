import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AdminClient, ParamsOf, Token } from '../../src/admin/index.js';
import { renderChoice } from '../shared/filter-choice.js';
import { ViewState } from '../shared/view-state.js';
import { AdminConnection } from '../shared/admin-connection.js';
import { emit } from '../shared/events.js';
import { renderListEnd, renderListState } from '../shared/list-state.js';
import { dateFormat, errorMessage, stringsFor, type Strings } from '../shared/localize.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { PagedLoader } from '../shared/paged-loader.js';
import { VirtualList } from '../shared/virtual-list.js';
import { DoneNotice } from '../shared/done-notice.js';
import { breakable } from '../shared/identifier.js';
import { styles } from './token-list.styles.js';
import { GrantkitElement } from '../shared/grantkit-element.js';

const PAGE_SIZE = 50;

type TokenQuery = NonNullable<ParamsOf<'listTokens'>>;
/** The token list's status filter: tokens whose access token works or has expired (the document's values), or `''` for all. */
export type TokenStatusFilter = NonNullable<TokenQuery['status']> | '';
/** The token list's grant filter: users' sign-ins or client credentials (the document's values), or `''` for both. */
export type TokenGrantFilter = NonNullable<TokenQuery['grant_type']> | '';

interface View {
  canRevoke: boolean;
  /** What the confirmation asks about: one token, or all of the integration's. */
  pending: Token | 'all' | undefined;
  revoking: boolean;
  revokeError: unknown;
}

const INITIAL: View = { canRevoke: false, pending: undefined, revoking: false, revokeError: undefined };

/**
 * @summary Tokens issued to integrations, for one integration or one user, with revoke.
 *
 * Shows when each access token expires ("Expired", or "Lifetime" when it never does) and
 * how many refreshes are left ("Unlimited" when there is no limit). Revoking asks for
 * confirmation first. With `client-id`, "Revoke all…" ends every token of that integration at
 * once (its users sign in again), as after a leak. Users without the `tokens:write`
 * permission see the list read-only.
 *
 * @fires grantkit-token-revoke-request - before revoking; cancelable
 * @fires grantkit-token-revoked - a token (access and refresh) was revoked
 * @fires grantkit-tokens-revoke-all-request - before revoking every token of the integration; cancelable
 * @fires grantkit-tokens-revoked-all - every token of the integration was revoked
 * @fires grantkit-error - loading or revoking failed; `detail.code` is the error's code
 *
 * @csspart notice - confirms a completed change, as a polite status line
 * @csspart list - the scrolling list
 * @csspart row - one token
 * @csspart badge - "Expired", "Lifetime" or "Unlimited"; also `badge-expired`, `badge-lifetime`, `badge-unlimited`
 * @csspart revoke - a row's revoke button
 * @csspart revoke-all - "Revoke all…", for every token of the integration
 * @csspart empty - shown when no tokens were issued
 * @csspart error - shown when loading failed, with a retry button
 * @csspart forbidden - shown instead when the caller lacks the role to see this
 * @csspart dialog - the confirmation dialog
 * @csspart actions - the dialog's buttons
 *
 * @cssprop --grantkit-list-height - maximum height of the scrolling list (default 28rem)
 * @cssprop --grantkit-color-danger - the "Expired" badge, the revoke action and errors
 * @cssprop --grantkit-color-muted - labels and the "Lifetime" and "Unlimited" badges
 *
 * @tagname token-list
 */
export class TokenList extends GrantkitElement {
  /** The styles of its shadow root: change the look with its CSS custom properties and parts. */
  static override styles = styles;

  /** Only tokens of this integration. */
  @property({ attribute: 'client-id' }) clientId = '';
  /** Only tokens acting for this user. */
  @property() subject = '';
  /** Only `active` tokens or only `expired` ones; `''` (the default) for all. */
  @property() status: TokenStatusFilter = '';
  /** Only users' sign-ins (`authorization_code`) or only `client_credentials` tokens; `''` (the default) for both. */
  @property({ attribute: 'grant-type' }) grantType: TokenGrantFilter = '';
  /** An admin client to use instead of the one from `<grantkit-provider>`. */
  @property({ attribute: false }) admin: AdminClient | undefined;

  /** Confirms each change this element made (one pattern in every element). */
  readonly #notice = new DoneNotice(this);
  // What the element shows, in one object that is replaced, never changed, on each update.
  readonly #ui = new ViewState<View>(this, INITIAL);

  readonly #rows = new VirtualList(this);
  // The filters are part of the key: changing one (by the row, or a router setting the property) loads again.
  readonly #connection = new AdminConnection(this, () => this.#start(), () => [this.clientId, this.subject, this.status, this.grantType].join('\n'));
  readonly #loader = new PagedLoader<Token>(
    this,
    (cursor, signal) =>
      this.#connection.client!.listTokens({
        limit: PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(this.clientId ? { client_id: this.clientId } : {}), ...(this.subject ? { subject: this.subject } : {}),
        ...(this.status ? { status: this.status } : {}), ...(this.grantType ? { grant_type: this.grantType } : {}),
      }, { signal }),
    (error) => this.report(error),
  );
  readonly #modal = new ModalDialog(this, {
    onClosed: () => (this.#ui.set({ pending: undefined })),
    // The revoked row and its button are gone: focus goes to the list (or what says it is empty).
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('[part=list], [part=empty]'),
  });

  #start(): void {
    void this.#loader.reload();
    void this.#connection.permissions()?.then((may) => this.#ui.set({ canRevoke: may.includes('tokens:write') }));
  }

  /** Loads the list again from the first page. */
  reload(): Promise<void> {
    return this.#loader.reload();
  }

  #askToRevoke(token: Token | 'all'): void {
    this.#ui.set({ pending: token, revokeError: undefined });
    void this.#modal.open();
  }

  async #revokeAll(): Promise<void> {
    const admin = this.#connection.client;
    const clientId = this.clientId;
    if (!admin || !clientId) return;
    if (!emit(this, 'grantkit-tokens-revoke-all-request', { clientId }, { cancelable: true })) return;
    this.#ui.set({ revoking: true, revokeError: undefined });
    try {
      await admin.revokeIntegrationTokens({ client_id: clientId });
      emit(this, 'grantkit-tokens-revoked-all', { clientId });
      // The list as it is now before the dialog closes, so focus lands on what is shown then.
      await this.#loader.reload();
      this.#modal.close();
      this.#notice.say(stringsFor(this).notices.allTokensRevoked);
    } catch (error) {
      this.#ui.set({ revokeError: error });
      this.report(error);
    } finally {
      this.#ui.set({ revoking: false });
    }
  }

  async #revoke(): Promise<void> {
    const token = this.#ui.value.pending;
    const admin = this.#connection.client;
    if (token === 'all') return this.#revokeAll();
    if (!token || !admin) return;
    const detail = { id: token.id, clientId: token.client_id, subject: token.subject };
    if (!emit(this, 'grantkit-token-revoke-request', detail, { cancelable: true })) return;
    this.#ui.set({ revoking: true, revokeError: undefined });
    try {
      await admin.revokeToken({ token_id: token.id });
      this.#loader.remove((t) => t.id === token.id);
      this.#notice.say(stringsFor(this).notices.tokenRevoked(token.subject));
      emit(this, 'grantkit-token-revoked', detail);
      this.#modal.close(true);
    } catch (error) {
      this.#ui.set({ revokeError: error });
      this.report(error);
    } finally {
      this.#ui.set({ revoking: false });
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A confirmation about another integration's (or user's) tokens is not about these.
    if (changed.has('clientId') || changed.has('subject')) this.#notice.clear();
  }

  protected override render(): TemplateResult {
    const t = stringsFor(this);
    return html`${this.#notice.render()} ${this.#renderFilters(t)} ${this.#renderBody(t)} ${this.#renderDialog(t)}`;
  }

  #renderFilters(t: Strings) {
    return html`<div part="filters" role="group" aria-label=${t.tokens.label}>
      ${renderChoice(t.tokens.status, this.status, [['', t.tokens.anyStatus], ['active', t.tokens.active], ['expired', t.tokens.expired]], (v) => (this.status = v))}
      ${renderChoice(t.tokens.grantType, this.grantType, [['', t.tokens.anyGrant], ['authorization_code', t.tokens.signIns], ['client_credentials', t.tokens.clientCredentials]], (v) => (this.grantType = v))}
    </div>`;
  }

  #renderBody(t: Strings) {
    const state = renderListState(t, this.#loader, {
      retry: () => void this.reload(),
      loading: html`<div part="list" aria-busy="true"><p class="note loading" role="status">${t.common.loading}</p></div>`,
      empty: this.status || this.grantType ? t.tokens.noMatchFilters : t.tokens.empty,
    });
    if (state) return state;
    const { items } = this.#loader;
    // One formatter for all the rows shown.
    const date = dateFormat(this);
    return html`
      ${this.#ui.value.canRevoke
        ? this.clientId
          ? html`<div class="toolbar"><button type="button" part="revoke-all" class="danger-outline" @click=${() => this.#askToRevoke('all')}>${t.tokens.revokeAll}</button></div>`
          : nothing
        : html`<p class="note">${t.tokens.readOnly}</p>`}
      ${this.#rows.render({
        label: t.tokens.label,
        items,
        renderItem: (token: Token, index: number) => this.#renderRow(t, token, index, items.length, date),
        onNearEnd: () => void this.#loader.loadMore(),
      })}
      ${renderListEnd(t, this.#loader, { button: false })}
    `;
  }

  #renderRow(t: Strings, token: Token, index: number, total: number, date: Intl.DateTimeFormat) {
    const when = (iso: string) => date.format(new Date(iso));
    const expires = token.expires_at === null
      ? html`<span part="badge badge-lifetime">${t.tokens.lifetime}</span>`
      : token.expired
        ? html`<span part="badge badge-expired">${t.tokens.expired}</span>`
        : when(token.expires_at);
    const refreshes = !token.has_refresh_token
      ? t.tokens.noRefreshToken
      : token.refresh_count_remaining === null
        ? html`<span part="badge badge-unlimited">${t.tokens.unlimited}</span>`
        : String(token.refresh_count_remaining);
    return html`
      <div role="listitem" class="item" aria-posinset=${index + 1} aria-setsize=${total}>
        <div part="row">
          <dl class="fields">
          <div><dt>${t.tokens.user}</dt><dd>${breakable(token.subject)}</dd></div>
          <div><dt>${t.tokens.scope}</dt><dd>${token.scope || t.tokens.noScope}</dd></div>
          <div><dt>${t.tokens.issued}</dt><dd>${when(token.issued_at)}</dd></div>
          <div><dt>${t.tokens.expires}</dt><dd>${expires}</dd></div>
          <div><dt>${t.tokens.refreshes}</dt><dd>${refreshes}</dd></div>
          </dl>
          ${this.#ui.value.canRevoke
            ? html`<button type="button" part="revoke" aria-label="${t.tokens.revoke}: ${token.subject}, ${token.client_id}" @click=${() => this.#askToRevoke(token)}>${t.tokens.revoke}</button>`
            : nothing}
        </div>
      </div>
    `;
  }

  #renderDialog(t: Strings) {
    const token = this.#ui.value.pending;
    return html`
      <dialog part="dialog" aria-labelledby="revoke-title" aria-describedby="revoke-description" @close=${this.#modal.onClose}>
        ${token
          ? html`
              <h2 id="revoke-title">${token === 'all' ? t.tokens.revokeAllTitle : t.tokens.revokeTitle}</h2>
              <p id="revoke-description">${token === 'all' ? t.tokens.revokeAllExplanation : t.tokens.revokeExplanation(token.subject)}</p>
              ${this.#ui.value.revokeError ? html`<p class="error" role="alert">${errorMessage(t, this.#ui.value.revokeError)}</p>` : nothing}
              <div part="actions">
                <button type="button" ?disabled=${this.#ui.value.revoking} @click=${() => this.#modal.close()}>${t.common.cancel}</button>
                <button type="button" class="danger" ?disabled=${this.#ui.value.revoking} aria-busy=${this.#ui.value.revoking ? 'true' : 'false'} @click=${this.#revoke}>
                  ${this.#ui.value.revoking ? t.tokens.revoking : token === 'all' ? t.tokens.revokeAllConfirm : t.tokens.revoke}
                </button>
              </div>
            `
          : nothing}
      </dialog>
    `;
  }
}
