import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AdminClient, Permission, PersonalToken, PersonalTokenWithValue } from '../../src/admin/index.js';
import { AdminConnection } from '../shared/admin-connection.js';
import { ViewState } from '../shared/view-state.js';
import { emit } from '../shared/events.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { renderListEnd, renderListState } from '../shared/list-state.js';
import { dateFormat, errorMessage, stringsFor, type Strings } from '../shared/localize.js';
import { PagedLoader } from '../shared/paged-loader.js';
import { SecretHolder } from '../shared/secret-once.js';
import { DoneNotice } from '../shared/done-notice.js';
import { styles } from './personal-token-list.styles.js';
import { GrantkitElement } from '../shared/grantkit-element.js';

const EXPIRY_DAYS = [7, 30, 90, 366];
/** The longest lifetime the server gives a token, in days. */
const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

interface View {
  mode: 'create' | 'revoke' | 'regenerate' | undefined;
  allowed: Permission[];
  name: string;
  chosen: Permission[];
  /** One of EXPIRY_DAYS, or a date the user picks. */
  expiry: number | 'custom';
  /** The picked date, as `<input type=date>` holds it (yyyy-mm-dd, local). */
  customDate: string;
  nameError: boolean;
  permissionError: boolean;
  dateError: boolean;
  busy: boolean;
  error: unknown;
  pending: PersonalToken | undefined;
}

const INITIAL: View = {
  mode: undefined, allowed: [], name: '', chosen: [], expiry: 30, customDate: '', nameError: false, permissionError: false, dateError: false, busy: false, error: undefined, pending: undefined,
};

/** The local calendar date `days` after today, as yyyy-mm-dd: by the calendar, so a day of 23 or 25 hours counts once. */
function dateInDays(days: number): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The whole days a token's current value was given (1 to 366), to offer the same again when it is regenerated. */
function lifetimeOf(token: PersonalToken): number {
  const days = Math.round((Date.parse(token.expires_at) - Date.parse(token.issued_at)) / DAY_MS);
  return Math.min(MAX_DAYS, Math.max(1, Number.isFinite(days) ? days : 30));
}

/** Whole days from today to a yyyy-mm-dd date (calendar days, so the time of day does not matter). */
function daysUntil(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const now = new Date();
  return Math.round((Date.UTC(y!, m! - 1, d!) - Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) / DAY_MS);
}

/**
 * @summary The signed-in user's personal access tokens, for scripts: create (value shown once), revoke.
 *
 * A new token carries only the permissions chosen, each shown with what it allows (read-only
 * by default, at least one, never more than the user has), and always expires: in 7 to 366
 * days or on a date picked, the resulting date shown. Its value is shown once, as secrets
 * are, and never stored. "Regenerate…" gives a token a new value (the old one stops working
 * at once), keeping its name and permissions.
 *
 * @fires grantkit-personal-token-create-request - before a token is created; cancelable
 * @fires grantkit-personal-token-revoke-request - before a token is revoked; cancelable
 * @fires grantkit-personal-token-regenerate-request - before a token gets a new value; cancelable
 * @fires grantkit-personal-token-regenerated - a token got a new value; `detail` names it, never its value
 * @fires grantkit-personal-token-created - a token was created; `detail` names it, never its value
 * @fires grantkit-personal-token-revoked - a token was revoked
 * @fires grantkit-error - loading, creating or revoking failed; `detail.code` is the error's code
 *
 * @csspart notice - confirms a completed change, as a polite status line
 * @csspart toolbar - the row with the create button
 * @csspart create - the create button
 * @csspart list - the list of tokens
 * @csspart row - one token
 * @csspart revoke - a row's revoke button
 * @csspart regenerate - a row's regenerate button
 * @csspart expiry - the expiry choice, the date picker and the resulting date
 * @csspart empty - shown when there are no tokens
 * @csspart error - shown when loading failed, with a retry button
 * @csspart forbidden - shown instead when the caller lacks the role to see this
 * @csspart dialog - the dialog for creating and revoking
 * @csspart secret - the read-only field holding a new token's value
 * @csspart actions - the dialog's buttons
 *
 * @cssprop --grantkit-list-height - maximum height of the list (default 28rem)
 * @cssprop --grantkit-color-accent - the create button, focus rings
 * @cssprop --grantkit-color-danger - the revoke action and errors
 *
 * @tagname personal-token-list
 */
export class PersonalTokenList extends GrantkitElement {
  /** The styles of its shadow root: change the look with its CSS custom properties and parts. */
  static override styles = styles;

  /** An admin client to use instead of the one from `<grantkit-provider>`. */
  @property({ attribute: false }) admin: AdminClient | undefined;

  /** Confirms each change this element made (one pattern in every element). */
  readonly #notice = new DoneNotice(this);
  // What the element shows, in one object that is replaced, never changed, on each update.
  readonly #ui = new ViewState<View>(this, INITIAL);

  readonly #connection = new AdminConnection(this, () => this.#start());
  readonly #secret = new SecretHolder(this);
  readonly #loader = new PagedLoader<PersonalToken>(
    this,
    (cursor, signal) => this.#connection.client!.listPersonalTokens({ limit: 50, ...(cursor ? { cursor } : {}) }, { signal }),
    (error) => this.report(error),
  );
  /** What to confirm once the dialog that shows a new value closes: said earlier, it would be hidden behind it. */
  #afterSecret = '';
  readonly #modal = new ModalDialog(this, {
    onClosed: () => {
      this.#secret.forget();
      this.#ui.set({ mode: undefined, pending: undefined });
      if (this.#afterSecret) this.#notice.say(this.#afterSecret);
      this.#afterSecret = '';
    },
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('[part=create]'),
  });

  #start(): void {
    void this.#loader.reload();
    void this.#connection.permissions()?.then((may) => this.#ui.set({ allowed: [...may] }));
  }

  async #open(mode: 'create' | 'revoke' | 'regenerate', token?: PersonalToken): Promise<void> {
    this.#afterSecret = '';
    // Regenerated, a token is offered the lifetime it had; a new one, 30 days.
    const expiry = mode === 'regenerate' && token ? lifetimeOf(token) : 30;
    this.#ui.set({ mode: mode, pending: token, error: undefined, nameError: false, permissionError: false, dateError: false, expiry, customDate: '' });
    if (mode === 'create') {
      this.#ui.set({ name: '' });
      // Read-only by default: a script gets more only when someone ticks it.
      this.#ui.set({ chosen: this.#ui.value.allowed.filter((p) => p.endsWith(':read')) });
    }
    await this.#modal.open();
  }

  #close(): void {
    this.#secret.forget();
    this.#modal.close();
  }

  readonly #onCancel = (event: Event): void => {
    if (this.#secret.shown) event.preventDefault();
  };

  /** The lifetime chosen, in days; undefined while the picked date is missing or out of range. */
  get #days(): number | undefined {
    const { expiry, customDate } = this.#ui.value;
    if (expiry !== 'custom') return expiry;
    const days = customDate ? daysUntil(customDate) : NaN;
    return days >= 1 && days <= MAX_DAYS ? days : undefined;
  }

  /** Checks the form before anything is sent; focuses the first field in error. */
  async #checked(needsName: boolean): Promise<number | undefined> {
    const nameError = needsName && !this.#ui.value.name.trim();
    const permissionError = needsName && this.#ui.value.chosen.length === 0;
    const days = this.#days;
    this.#ui.set({ nameError, permissionError, dateError: days === undefined });
    if (!nameError && !permissionError && days !== undefined) return days;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(nameError ? '#pat-name' : permissionError ? '[part~=permission] input' : '#pat-date')?.focus();
    return undefined;
  }

  async #create(event: Event): Promise<void> {
    event.preventDefault();
    const admin = this.#connection.client;
    const days = await this.#checked(true);
    if (!admin || days === undefined) return;
    if (!emit(this, 'grantkit-personal-token-create-request', { name: this.#ui.value.name.trim(), scope: [...this.#ui.value.chosen], expiresInDays: days }, { cancelable: true })) return;
    await this.#issue(() => admin.createPersonalToken({ name: this.#ui.value.name.trim(), scope: this.#ui.value.chosen, expires_in_days: days }), (token) => {
      this.#afterSecret = stringsFor(this).notices.personalTokenCreated(token.name);
      emit(this, 'grantkit-personal-token-created', { id: token.id, name: token.name, expiresAt: token.expires_at });
    });
  }

  /** Creating and regenerating alike: the value shown once, the list read again, what to say once the value is put away. */
  async #issue(request: () => Promise<PersonalTokenWithValue>, issued: (token: PersonalTokenWithValue) => void): Promise<void> {
    this.#ui.set({ busy: true, error: undefined });
    try {
      const token = await request();
      this.#secret.show(token.token);
      issued(token);
      void this.#loader.reload();
    } catch (error) {
      this.#ui.set({ error });
      this.report(error);
    } finally {
      this.#ui.set({ busy: false });
    }
  }

  async #regenerate(event: Event): Promise<void> {
    event.preventDefault();
    const token = this.#ui.value.pending;
    const admin = this.#connection.client;
    const days = await this.#checked(false);
    if (!token || !admin || days === undefined) return;
    if (!emit(this, 'grantkit-personal-token-regenerate-request', { id: token.id, name: token.name, expiresInDays: days }, { cancelable: true })) return;
    await this.#issue(() => admin.regeneratePersonalToken({ token_id: token.id }, { expires_in_days: days }), (regenerated) => {
      this.#afterSecret = stringsFor(this).notices.personalTokenRegenerated(regenerated.name);
      emit(this, 'grantkit-personal-token-regenerated', { id: regenerated.id, name: regenerated.name, expiresAt: regenerated.expires_at });
    });
  }

  async #revoke(): Promise<void> {
    const token = this.#ui.value.pending;
    const admin = this.#connection.client;
    if (!token || !admin) return;
    if (!emit(this, 'grantkit-personal-token-revoke-request', { id: token.id, name: token.name }, { cancelable: true })) return;
    this.#ui.set({ busy: true, error: undefined });
    try {
      await admin.revokePersonalToken({ token_id: token.id });
      this.#loader.remove((t) => t.id === token.id);
      this.#notice.say(stringsFor(this).notices.personalTokenRevoked(token.name));
      emit(this, 'grantkit-personal-token-revoked', { id: token.id, name: token.name });
      this.#close();
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
      <div part="toolbar"><button part="create" type="button" class="primary" @click=${() => void this.#open('create')}>${t.personal.create}</button></div>
      ${this.#notice.render()}
      ${this.#renderList(t)}
      <dialog part="dialog" aria-labelledby="title" @close=${this.#modal.onClose} @cancel=${this.#onCancel}>${this.#renderDialog(t)}</dialog>
    `;
  }

  #renderList(t: Strings) {
    const state = renderListState(t, this.#loader, { retry: () => void this.#loader.reload(), empty: t.personal.empty });
    if (state) return state;
    const { items } = this.#loader;
    const date = dateFormat(this, false);
    const when = (iso: string) => date.format(new Date(iso));
    return html`
      <ul part="list" aria-label=${t.personal.label}>
        ${items.map(
          (token) => html`<li part="row">
            <div>
              <div class="name">${token.name} <span class="meta">•••• ${token.last4}</span></div>
              <div class="meta">${token.scope} · ${t.personal.expiresOn(when(token.expires_at))} · ${token.last_used_at ? t.personal.lastUsed(when(token.last_used_at)) : t.personal.neverUsed}</div>
            </div>
            <div class="row-actions">
              <button type="button" part="regenerate" aria-label=${t.personal.regenerateLabel(token.name)} @click=${() => void this.#open('regenerate', token)}>${t.personal.regenerate}</button>
              <button type="button" part="revoke" aria-label="${t.personal.revoke}: ${token.name}" @click=${() => void this.#open('revoke', token)}>${t.personal.revoke}</button>
            </div>
          </li>`,
        )}
      </ul>
      ${renderListEnd(t, this.#loader, { button: true })}
    `;
  }

  #renderDialog(t: Strings) {
    if (this.#secret.shown) {
      return this.#secret.render(t, () => this.#close(), undefined, { title: t.personal.tokenTitle, explanation: t.personal.tokenExplanation, label: t.personal.tokenLabel });
    }
    const error = this.#ui.value.error ? html`<p class="error" role="alert">${errorMessage(t, this.#ui.value.error)}</p>` : nothing;
    if (this.#ui.value.mode === 'revoke' && this.#ui.value.pending) {
      return html`
        <h2 id="title">${t.personal.revokeTitle}</h2>
        <p>${t.personal.revokeExplanation(this.#ui.value.pending.name)}</p>
        ${error}
        <div part="actions">
          <button type="button" ?disabled=${this.#ui.value.busy} @click=${() => this.#close()}>${t.common.cancel}</button>
          <button type="button" class="danger" ?disabled=${this.#ui.value.busy} aria-busy=${this.#ui.value.busy ? 'true' : 'false'} @click=${this.#revoke}>${this.#ui.value.busy ? t.personal.revoking : t.personal.revoke}</button>
        </div>
      `;
    }
    if (this.#ui.value.mode === 'regenerate' && this.#ui.value.pending) {
      return html`
        <form novalidate @submit=${this.#regenerate}>
          <h2 id="title">${t.personal.regenerateTitle(this.#ui.value.pending.name)}</h2>
          <p>${t.personal.regenerateExplanation}</p>
          ${error}
          ${this.#renderExpiry(t)}
          <div part="actions">
            <button type="button" ?disabled=${this.#ui.value.busy} @click=${() => this.#close()}>${t.common.cancel}</button>
            <button type="submit" class="danger" ?disabled=${this.#ui.value.busy} aria-busy=${this.#ui.value.busy ? 'true' : 'false'}>${this.#ui.value.busy ? t.personal.regenerating : t.personal.regenerateButton}</button>
          </div>
        </form>
      `;
    }
    if (this.#ui.value.mode !== 'create') return nothing;
    const { permissionError } = this.#ui.value;
    return html`
      <form novalidate @submit=${this.#create}>
        <h2 id="title">${t.personal.createTitle}</h2>
        ${error}
        <label for="pat-name">${t.personal.name}</label>
        <input id="pat-name" type="text" maxlength="100" .value=${this.#ui.value.name} aria-invalid=${this.#ui.value.nameError ? 'true' : 'false'} aria-describedby="pat-name-hint"
          @input=${(e: Event) => {
            this.#ui.set({ name: (e.target as HTMLInputElement).value, nameError: false });
          }} />
        <p class="hint" id="pat-name-hint">${this.#ui.value.nameError ? html`<span class="error">${t.personal.required}</span> ` : nothing}${t.personal.nameHint}</p>
        <fieldset aria-describedby="pat-permissions-hint">
          <legend>${t.personal.permissions}</legend>
          ${this.#ui.value.allowed.map(
            (p) => html`<label part="permission" class="option"><input type="checkbox" .checked=${this.#ui.value.chosen.includes(p)} aria-invalid=${permissionError ? 'true' : 'false'}
              @change=${(e: Event) => this.#ui.set({ chosen: (e.target as HTMLInputElement).checked ? [...this.#ui.value.chosen, p] : this.#ui.value.chosen.filter((c) => c !== p), permissionError: false })} />
              <span><code>${p}</code> <span class="permission-description">${t.personal.permission[p]}</span></span></label>`,
          )}
          <p class="hint" id="pat-permissions-hint">${permissionError ? html`<span class="error">${t.personal.noPermission}</span> ` : nothing}${t.personal.permissionsHint}</p>
        </fieldset>
        ${this.#renderExpiry(t)}
        <div part="actions">
          <button type="button" ?disabled=${this.#ui.value.busy} @click=${() => this.#close()}>${t.common.cancel}</button>
          <button type="submit" class="primary" ?disabled=${this.#ui.value.busy} aria-busy=${this.#ui.value.busy ? 'true' : 'false'}>${this.#ui.value.busy ? t.personal.creating : t.personal.createButton}</button>
        </div>
      </form>
    `;
  }

  /** The lifetime: a number of days or a date, and the date it results in, as GitHub shows it. */
  #renderExpiry(t: Strings) {
    const { expiry, customDate, dateError } = this.#ui.value;
    const days = this.#days;
    const date = dateFormat(this, false);
    const last = date.format(new Date(Date.now() + MAX_DAYS * DAY_MS));
    // A regenerated token is also offered the lifetime it had.
    const had = this.#ui.value.mode === 'regenerate' && this.#ui.value.pending ? [lifetimeOf(this.#ui.value.pending)] : [];
    const offered = [...new Set([...EXPIRY_DAYS, ...had])].sort((a, b) => a - b);
    return html`
      <div part="expiry">
        <label for="pat-days">${t.personal.expires}</label>
        <select id="pat-days" aria-describedby="pat-expiry-result"
          @change=${(e: Event) => {
            const value = (e.target as HTMLSelectElement).value;
            this.#ui.set({ expiry: value === 'custom' ? 'custom' : Number(value), dateError: false, customDate: value === 'custom' ? customDate || dateInDays(30) : customDate });
          }}>
          ${offered.map((d) => html`<option value=${d} ?selected=${d === expiry}>${t.personal.days(d)}</option>`)}
          <option value="custom" ?selected=${expiry === 'custom'}>${t.personal.customExpiry}</option>
        </select>
        ${expiry === 'custom'
          ? html`<label for="pat-date">${t.personal.expiryDate}</label>
              <input id="pat-date" type="date" min=${dateInDays(1)} max=${dateInDays(MAX_DAYS)} .value=${customDate} aria-invalid=${dateError ? 'true' : 'false'} aria-describedby="pat-expiry-result"
                @input=${(e: Event) => this.#ui.set({ customDate: (e.target as HTMLInputElement).value, dateError: false })} />`
          : nothing}
        <p class="hint" id="pat-expiry-result" aria-live="polite">
          ${dateError || days === undefined
            ? html`<span class="error">${t.personal.badExpiryDate(last)}</span>`
            : t.personal.expiresOnDate(date.format(new Date(Date.now() + days * DAY_MS)))}
        </p>
      </div>
    `;
  }
}
