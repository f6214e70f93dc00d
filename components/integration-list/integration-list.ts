import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AdminClient, Integration, ParamsOf } from '../../src/admin/index.js';
import { AdminConnection } from '../shared/admin-connection.js';
import { emit } from '../shared/events.js';
import { renderListEnd, renderListState } from '../shared/list-state.js';
import { renderChoice } from '../shared/filter-choice.js';
import { KINDS } from '../shared/integration-kinds.js';
import { dateFormat, stringsFor, type Strings } from '../shared/localize.js';
import { PagedLoader } from '../shared/paged-loader.js';
import { VirtualList } from '../shared/virtual-list.js';
import { breakable } from '../shared/identifier.js';
import { styles } from './integration-list.styles.js';
import { GrantkitElement } from '../shared/grantkit-element.js';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 250;

type ListQuery = NonNullable<ParamsOf<'listIntegrations'>>;
/** The list's status filter: a status the admin API filters by (from the document), or `''` for all. */
export type IntegrationStatusFilter = NonNullable<ListQuery['status']> | '';
/** The list's type filter: public or confidential integrations only, or `''` for both. */
export type IntegrationTypeFilter = NonNullable<ListQuery['client_type']> | '';
/** The list's kind filter: one kind of integration, or `''` for all. */
export type IntegrationKindFilter = NonNullable<ListQuery['kind']> | '';
/** The list's order: an order the admin API offers (newest, oldest, name). */
export type IntegrationSort = NonNullable<ListQuery['sort']>;

/**
 * @summary Lists integrations with search and endless scrolling; selecting one fires an event.
 *
 * Only the rows in view are in the DOM, so ten thousand integrations scroll as smoothly as
 * ten. Pages are fetched with the admin API's cursor as the user nears the end. Filters by
 * status and type, and sorts by creation (newest or oldest first) or by name; each row says
 * when the integration was created. The filters are properties too, so a router can keep them.
 *
 * @fires grantkit-integration-select - a row was chosen; `detail.clientId` names it. Cancelable: `preventDefault()` keeps the current selection
 * @fires grantkit-error - loading failed; `detail.code` is the error's code
 *
 * @csspart toolbar - the search field and the count
 * @csspart search - the search field
 * @csspart filters - the status, type and sort choices
 * @csspart filter - each of those choices (a select)
 * @csspart count - how many integrations are listed
 * @csspart list - the scrolling list
 * @csspart row - one integration (a button)
 * @csspart badge - a status, kind or type badge; also `badge-active`, `badge-inactive`, `badge-kind`, `badge-type`
 * @csspart empty - shown when there is nothing to list
 * @csspart error - shown when loading failed, with a retry button
 * @csspart forbidden - shown instead when the caller lacks the role to see this
 *
 * @cssprop --grantkit-list-height - maximum height of the scrolling list (default 28rem)
 * @cssprop --grantkit-color-accent - marker of the selected row, focus rings
 * @cssprop --grantkit-color-raised - background of hovered and selected rows, skeletons
 * @cssprop --grantkit-color-success - the "Active" badge
 * @cssprop --grantkit-color-danger - the "Inactive" badge and errors
 *
 * @tagname integration-list
 */
export class IntegrationList extends GrantkitElement {
  /** The styles of its shadow root: change the look with its CSS custom properties and parts. */
  static override styles = styles;

  /** An admin client to use instead of the one from `<grantkit-provider>`. */
  @property({ attribute: false }) admin: AdminClient | undefined;
  /** The client ID of the selected integration, marked in the list. */
  @property() selected = '';
  /** Only integrations with this status; '' for all. */
  @property() status: IntegrationStatusFilter = '';
  /** Only public or only confidential integrations; '' for both. */
  @property({ attribute: 'client-type' }) clientType: IntegrationTypeFilter = '';
  /** Only integrations of this kind (web, single_page, native, service); '' for all. */
  @property() kind: IntegrationKindFilter = '';
  /** The order: `newest` (the default), `oldest` or `name`. */
  @property() sort: IntegrationSort = 'newest';

  #query = '';

  readonly #rows = new VirtualList(this);
  readonly #connection = new AdminConnection(this, () => void this.reload());
  readonly #loader = new PagedLoader<Integration>(
    this,
    (cursor, signal) => {
      if (!cursor) this.#loadedWith = this.#filterKey;
      return this.#connection.client!.listIntegrations({
        limit: PAGE_SIZE, ...(cursor ? { cursor } : {}), ...(this.#query ? { q: this.#query } : {}),
        ...(this.status ? { status: this.status } : {}), ...(this.clientType ? { client_type: this.clientType } : {}), ...(this.kind ? { kind: this.kind } : {}), ...(this.sort !== 'newest' ? { sort: this.sort } : {}),
      }, { signal });
    },
    (error) => this.report(error),
  );
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  /** Loads the list again from the first page. */
  async reload(): Promise<void> {
    if (this.#connection.client) await this.#loader.reload();
  }

  #onSearch(event: InputEvent): void {
    this.#query = (event.target as HTMLInputElement).value.trim();
    this.requestUpdate();
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.reload(), SEARCH_DELAY_MS);
  }

  #select(integration: Integration): void {
    // Cancelable: a page with unsaved changes in the details can keep the selection where it is
    // (and set `selected` itself once the user has chosen to discard them).
    if (emit(this, 'grantkit-integration-select', { clientId: integration.client_id }, { cancelable: true })) this.selected = integration.client_id;
  }

  /** The filters and order the list shown was loaded with. */
  #loadedWith = '';

  get #filterKey(): string {
    return `${this.status}|${this.clientType}|${this.kind}|${this.sort}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A filter or order changed (by the user or by the page) since the list was loaded: the first page again.
    if ((changed.has('status') || changed.has('clientType') || changed.has('kind') || changed.has('sort')) && this.#loader.status !== 'idle' && this.#filterKey !== this.#loadedWith) void this.reload();
  }

  #filtered(): boolean {
    return this.#query !== '' || this.status !== '' || this.clientType !== '' || this.kind !== '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override render(): TemplateResult {
    const t = stringsFor(this);
    return html`
      <div part="toolbar">
        <input part="search" type="search" aria-label=${t.list.search} placeholder=${t.list.searchPlaceholder} .value=${this.#query} @input=${this.#onSearch} />
        <span part="count" role="status">${this.#loader.status === 'ready' || this.#loader.status === 'more' ? t.list.count(this.#loader.items.length, this.#loader.next !== null) : ''}</span>
      </div>
      <div part="filters" role="group" aria-label=${t.list.filters}>
        ${renderChoice(t.list.status, this.status, [['', t.list.anyStatus], ['active', t.list.active], ['inactive', t.list.inactive]], (v) => (this.status = v))}
        ${renderChoice(t.list.type, this.clientType, [['', t.list.anyType], ['public', t.list.public], ['confidential', t.list.confidential]], (v) => (this.clientType = v))}
        ${renderChoice(t.details.kind, this.kind, [['', t.list.anyKind], ...KINDS.map((k) => [k, t.create.kinds[k]] as const)], (v) => (this.kind = v))}
        ${renderChoice(t.list.sort, this.sort, [['newest', t.list.newest], ['oldest', t.list.oldest], ['name', t.list.byName]], (v) => (this.sort = v))}
      </div>
      ${this.#renderBody(t)}
    `;
  }

  #renderBody(t: Strings) {
    const state = renderListState(t, this.#loader, {
      retry: () => void this.reload(),
      loading: html`<div part="list" aria-busy="true">
        <span class="visually-hidden" role="status">${t.common.loading}</span>
        ${Array.from({ length: 6 }, () => html`<div class="skeleton" aria-hidden="true"><span></span><span></span></div>`)}
      </div>`,
      empty: this.#query ? t.list.noMatch(this.#query) : this.#filtered() ? t.list.noMatchFilters : t.list.empty,
    });
    if (state) return state;
    const { items } = this.#loader;
    const date = dateFormat(this, false);
    return html`
      ${this.#rows.render({
        label: t.list.label,
        items,
        renderItem: (integration: Integration, index: number) => this.#renderRow(t, integration, index, items.length, date),
        onNearEnd: () => void this.#loader.loadMore(),
      })}
      ${renderListEnd(t, this.#loader, { button: false })}
    `;
  }

  #renderRow(t: Strings, integration: Integration, index: number, total: number, date: Intl.DateTimeFormat) {
    const active = integration.status === 'active';
    return html`
      <div role="listitem" class="item" aria-posinset=${index + 1} aria-setsize=${total}>
        <button part="row" type="button" aria-current=${this.selected === integration.client_id ? 'true' : 'false'} @click=${() => this.#select(integration)}>
          <span class="name">${integration.client_name} ${integration.version}</span>
          <span class="meta">${t.list.clientId}: ${breakable(integration.client_id)}</span>
          <span class="meta">${t.list.created(date.format(new Date(integration.created_at)))}</span>
          <span class="badges">
            <span part="badge ${active ? 'badge-active' : 'badge-inactive'}">${active ? t.list.active : t.list.inactive}</span>
            <span part="badge badge-kind">${t.create.kinds[integration.kind]}</span>
            <span part="badge badge-type">${integration.client_type === 'public' ? t.list.public : t.list.confidential}</span>
          </span>
        </button>
      </div>
    `;
  }
}
