import '@lit-labs/virtualizer';
import type { VisibilityChangedEvent } from '@lit-labs/virtualizer';
import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdminClient, Integration } from '../../src/admin/index.js';
import { grantkitContext } from '../shared/context.js';
import { emit } from '../shared/events.js';
import { errorMessage, stringsFor, type Strings } from '../shared/localize.js';
import { styles } from './integration-list.styles.js';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 250;
/** Fetch the next page when the last visible row is this close to the end. */
const PREFETCH_ROWS = 20;

/**
 * @summary Lists integrations with search and endless scrolling; selecting one fires an event.
 *
 * Only the rows in view are in the DOM, so ten thousand integrations scroll as smoothly as
 * ten. Pages are fetched with the admin API's cursor as the user nears the end.
 *
 * @fires grantkit-integration-select - a row was chosen; `detail.clientId` names it
 * @fires grantkit-error - loading failed; `detail.code` is the error's code
 *
 * @csspart toolbar - the search field and the count
 * @csspart search - the search field
 * @csspart count - how many integrations are listed
 * @csspart list - the scrolling list
 * @csspart row - one integration (a button)
 * @csspart badge - a status or type badge; also `badge-active`, `badge-inactive`, `badge-type`
 * @csspart empty - shown when there is nothing to list
 * @csspart error - shown when loading failed, with a retry button
 *
 * @cssprop --grantkit-list-height - height of the scrolling list (default 28rem)
 * @cssprop --grantkit-color-accent - marker of the selected row, focus rings
 * @cssprop --grantkit-color-raised - background of hovered and selected rows, skeletons
 * @cssprop --grantkit-color-success - the "Active" badge
 * @cssprop --grantkit-color-danger - the "Inactive" badge and errors
 */
export class IntegrationList extends LitElement {
  static override styles = styles;

  /** An admin client to use instead of the one from `<grantkit-provider>`. */
  @property({ attribute: false }) accessor admin: AdminClient | undefined;
  /** The client ID of the selected integration, marked in the list. */
  @property() accessor selected = '';

  @state() accessor #items: Integration[] = [];
  @state() accessor #next: string | null = null;
  @state() accessor #status: 'idle' | 'loading' | 'more' | 'ready' | 'error' = 'idle';
  @state() accessor #error: unknown;
  @state() accessor #query = '';

  readonly #context = new ContextConsumer(this, { context: grantkitContext, subscribe: true, callback: () => this.#startIfReady() });
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on each new search, so an answer to an older one is dropped. */
  #generation = 0;

  get #client(): AdminClient | undefined {
    return this.admin ?? this.#context.value?.admin;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#startIfReady();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('admin')) this.#startIfReady();
  }

  #startIfReady(): void {
    if (this.#status === 'idle' && this.#client) void this.reload();
  }

  /** Loads the list again from the first page. */
  async reload(): Promise<void> {
    const admin = this.#client;
    if (!admin) return;
    const generation = ++this.#generation;
    this.#status = 'loading';
    this.#error = undefined;
    try {
      const page = await admin.listIntegrations({ limit: PAGE_SIZE, ...(this.#query ? { q: this.#query } : {}) });
      if (generation !== this.#generation) return;
      this.#items = page.items;
      this.#next = page.next_cursor;
      this.#status = 'ready';
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
    }
  }

  async #loadMore(): Promise<void> {
    const admin = this.#client;
    if (!admin || !this.#next || this.#status !== 'ready') return;
    const generation = this.#generation;
    this.#status = 'more';
    try {
      const page = await admin.listIntegrations({ limit: PAGE_SIZE, cursor: this.#next, ...(this.#query ? { q: this.#query } : {}) });
      if (generation !== this.#generation) return;
      this.#items = [...this.#items, ...page.items];
      this.#next = page.next_cursor;
      this.#status = 'ready';
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    this.#status = 'error';
    this.#error = error;
    emit(this, 'grantkit-error', { error, code: (error as { code?: string }).code ?? 'unknown' });
  }

  #onSearch(event: InputEvent): void {
    this.#query = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.reload(), SEARCH_DELAY_MS);
  }

  #onVisible(event: VisibilityChangedEvent): void {
    if (event.last >= this.#items.length - PREFETCH_ROWS) void this.#loadMore();
  }

  #select(integration: Integration): void {
    this.selected = integration.client_id;
    emit(this, 'grantkit-integration-select', { clientId: integration.client_id });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override render() {
    const t = stringsFor(this);
    return html`
      <div part="toolbar">
        <input part="search" type="search" aria-label=${t.list.search} placeholder=${t.list.searchPlaceholder} .value=${this.#query} @input=${this.#onSearch} />
        <span part="count" role="status">${this.#status === 'ready' || this.#status === 'more' ? t.list.count(this.#items.length, this.#next !== null) : ''}</span>
      </div>
      ${this.#renderBody(t)}
    `;
  }

  #renderBody(t: Strings) {
    if (this.#status === 'error' && this.#items.length === 0) {
      return html`<div part="error" role="alert"><p class="error">${errorMessage(t, this.#error)}</p><button type="button" @click=${() => this.reload()}>${t.common.retry}</button></div>`;
    }
    if (this.#status === 'idle' || this.#status === 'loading') {
      return html`<div part="list" aria-busy="true">
        <span class="visually-hidden" role="status">${t.common.loading}</span>
        ${Array.from({ length: 6 }, () => html`<div class="skeleton" aria-hidden="true"><span></span><span></span></div>`)}
      </div>`;
    }
    if (this.#items.length === 0) {
      return html`<div part="empty"><p>${this.#query ? t.list.noMatch(this.#query) : t.list.empty}</p></div>`;
    }
    return html`
      <lit-virtualizer
        part="list"
        scroller
        role="list"
        aria-label=${t.list.label}
        .items=${this.#items}
        .renderItem=${(integration: Integration) => this.#renderRow(t, integration)}
        @visibilityChanged=${this.#onVisible}
      ></lit-virtualizer>
      ${this.#status === 'more' ? html`<div class="more" role="status">${t.list.loadingMore}</div>` : nothing}
      ${this.#status === 'error' ? html`<div part="error" role="alert"><p class="error">${errorMessage(t, this.#error)}</p><button type="button" @click=${() => this.#retryMore()}>${t.common.retry}</button></div>` : nothing}
    `;
  }

  #retryMore(): void {
    this.#status = 'ready';
    void this.#loadMore();
  }

  #renderRow(t: Strings, integration: Integration) {
    const active = integration.status === 'active';
    return html`
      <div role="listitem" class="item">
        <button part="row" type="button" aria-current=${this.selected === integration.client_id ? 'true' : 'false'} @click=${() => this.#select(integration)}>
          <span class="name">${integration.client_name} ${integration.version}</span>
          <span class="meta">${t.list.clientId}: ${integration.client_id}</span>
          <span class="badges">
            <span part="badge ${active ? 'badge-active' : 'badge-inactive'}">${active ? t.list.active : t.list.inactive}</span>
            <span part="badge badge-type">${integration.client_type === 'public' ? t.list.public : t.list.confidential}</span>
          </span>
        </button>
      </div>
    `;
  }
}
