import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { AdminApiError, type AdminClient, type Scope } from '../../src/admin/index.js';
import { LatestLoad } from '../shared/latest-load.js';
import { ViewState } from '../shared/view-state.js';
import { AdminConnection } from '../shared/admin-connection.js';
import { emit } from '../shared/events.js';
import { renderLoadError } from '../shared/load-error.js';
import { errorMessage, stringsFor, type Strings } from '../shared/localize.js';
import { fitsFormat } from '../shared/formats.js';
import { ModalDialog } from '../shared/modal-dialog.js';
import { DoneNotice } from '../shared/done-notice.js';
import { breakable } from '../shared/identifier.js';
import { styles } from './scope-manager.styles.js';
import { GrantkitElement } from '../shared/grantkit-element.js';

interface Form {
  /** The scope being edited; undefined while creating one. */
  editing: Scope | undefined;
  name: string;
  description: string;
  serviceUrls: string;
  errors: { name?: string; serviceUrls?: string };
}

interface View {
  scopes: Scope[] | undefined;
  loadError: unknown;
  /** Names (lower case) of the scopes the integration `client-id` may ask for. */
  associated: Set<string>;
  canWriteScopes: boolean;
  canWriteIntegrations: boolean;
  dialog: 'form' | 'delete' | undefined;
  form: Form;
  deleting: Scope | undefined;
  busy: boolean;
  dialogError: unknown;
  /** A failed association change, by scope name. */
  rowError: { name: string; error: unknown } | undefined;
  toggling: string;
}

const EMPTY_FORM: Form = { editing: undefined, name: '', description: '', serviceUrls: '', errors: {} };
const INITIAL: View = {
  scopes: undefined, loadError: undefined, associated: new Set(), canWriteScopes: false, canWriteIntegrations: false, dialog: undefined, form: EMPTY_FORM,
  deleting: undefined, busy: false, dialogError: undefined, rowError: undefined, toggling: '',
};

const key = (name: string) => name.toLowerCase();

/**
 * @summary The scope catalogue: create, edit and delete scopes, and choose which ones an integration may ask for.
 *
 * Each scope has a unique name (fixed once created), a description, and the service URLs it
 * grants (relative, with `/*` at the end matching everything below). A scope still allowed
 * for an integration, or carried by a valid token, cannot be deleted: the dialog says why,
 * names the integrations that use it (links with `integration-href`) and what to do. With `client-id`, each scope gets a checkbox that allows it for that
 * integration or takes it away. Users without the write permissions see it read-only.
 *
 * @fires grantkit-scope-save-request - before a scope is created or changed; cancelable
 * @fires grantkit-scope-delete-request - before a scope is deleted; cancelable
 * @fires grantkit-scope-association-request - before a scope is allowed for (or taken from) the integration; cancelable
 * @fires grantkit-scope-saved - a scope was created or changed; `detail.created` tells which
 * @fires grantkit-scope-deleted - a scope was deleted
 * @fires grantkit-scope-association-changed - a scope was allowed for (or taken from) the integration
 * @fires grantkit-error - loading or a change failed; `detail.code` is the error's code
 *
 * @csspart notice - confirms a completed change, as a polite status line
 * @csspart toolbar - the count and the "New scope…" button
 * @csspart list - the list of scopes
 * @csspart row - one scope
 * @csspart name - a scope's name
 * @csspart urls - a scope's service URLs
 * @csspart usage - how many integrations use it
 * @csspart allow - the checkbox allowing it for the integration
 * @csspart edit - a row's edit button
 * @csspart delete - a row's delete button
 * @csspart empty - shown when there are no scopes
 * @csspart error - a failed load or change
 * @csspart forbidden - shown when the caller may not see scopes
 * @csspart dialog - the form or confirmation dialog
 * @csspart actions - the dialog's buttons
 * @csspart in-use - the list of integrations that keep a scope from being deleted
 *
 * @cssprop --grantkit-color-accent - primary buttons, focus rings, checkboxes
 * @cssprop --grantkit-color-danger - delete and errors
 * @cssprop --grantkit-color-muted - descriptions and usage
 * @cssprop --grantkit-radius - corner radius
 *
 * @tagname scope-manager
 */
export class ScopeManager extends GrantkitElement {
  /** The styles of its shadow root: change the look with its CSS custom properties and parts. */
  static override styles = styles;

  /** An integration whose scopes to manage: adds a checkbox per scope. */
  @property({ attribute: 'client-id' }) clientId = '';
  /**
   * Where an integration is shown in the app, with `{client_id}` for its ID, e.g.
   * `/admin/integrations/{client_id}`: the integrations that keep a scope from being deleted
   * become links to it. Without it they are named only.
   */
  @property({ attribute: 'integration-href' }) integrationHref = '';
  /** An admin client to use instead of the one from `<grantkit-provider>`. */
  @property({ attribute: false }) admin: AdminClient | undefined;

  /** Confirms each change this element made (one pattern in every element). */
  readonly #notice = new DoneNotice(this);
  // Everything the element shows, in one object that is replaced, never changed, on each update.
  readonly #ui = new ViewState<View>(this, INITIAL);

  readonly #latest = new LatestLoad(this, () => void this.#load());
  readonly #connection = new AdminConnection(this, () => void this.#load(), () => this.clientId);
  readonly #modal = new ModalDialog(this, {
    onClosed: () => this.#ui.set({ dialog: undefined, form: EMPTY_FORM, deleting: undefined, dialogError: undefined }),
    fallbackFocus: () => this.renderRoot.querySelector<HTMLElement>('[part=toolbar] button, [part=list]'),
  });

  /** Loads the scopes (and the integration's associations) again. */
  reload(): Promise<void> {
    return this.#load();
  }

  async #load(): Promise<void> {
    const admin = this.#connection.client;
    if (!admin) return;
    await this.#latest.run(async (signal) => {
      this.#ui.set({ scopes: undefined, loadError: undefined, rowError: undefined });
      void this.#connection.permissions()?.then((may) => this.#ui.set({ canWriteScopes: may.includes('scopes:write'), canWriteIntegrations: may.includes('integrations:write') }));
      try {
        const scopes: Scope[] = [];
        const [, associated] = await Promise.all([
          (async () => {
            for await (const scope of admin.all('listScopes', { limit: 100 }, { signal })) scopes.push(scope);
          })(),
          this.clientId ? admin.listIntegrationScopes({ client_id: this.clientId }, { signal }).then((r) => r.items) : Promise.resolve([]),
        ]);
        if (signal.aborted) return;
        this.#ui.set({ scopes, associated: new Set(associated.map((s) => key(s.name))) });
      } catch (error) {
        if (signal.aborted) return;
        this.#ui.set({ loadError: error });
        this.report(error);
      }
    });
  }

  #openForm(scope?: Scope): void {
    this.#ui.set({
      dialog: 'form',
      dialogError: undefined,
      form: scope ? { editing: scope, name: scope.name, description: scope.description, serviceUrls: scope.service_urls.join('\n'), errors: {} } : EMPTY_FORM,
    });
    void this.#modal.open();
  }

  #askToDelete(scope: Scope): void {
    this.#ui.set({ dialog: 'delete', deleting: scope, dialogError: undefined });
    void this.#modal.open();
  }

  #editForm(changes: Partial<Form>, clear?: keyof Form['errors']): void {
    const form = this.#ui.value.form;
    this.#ui.set({ form: { ...form, ...changes, errors: clear ? { ...form.errors, [clear]: undefined } : form.errors } });
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    const t = stringsFor(this);
    const admin = this.#connection.client;
    const form = this.#ui.value.form;
    const urls = form.serviceUrls.split('\n').map((line) => line.trim()).filter(Boolean);
    const errors: Form['errors'] = {};
    if (!form.editing && !fitsFormat('ScopeName', form.name)) errors.name = t.scopes.badName;
    const bad = urls.find((url) => !fitsFormat('ServiceUrl', url));
    if (bad) errors.serviceUrls = t.scopes.badServiceUrl(bad);
    this.#ui.set({ form: { ...form, errors }, dialogError: undefined });
    if (errors.name || errors.serviceUrls) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('dialog [aria-invalid=true]')?.focus();
      return;
    }
    if (!admin) return;
    if (!emit(this, 'grantkit-scope-save-request', { name: form.editing?.name ?? form.name, created: !form.editing }, { cancelable: true })) return;
    this.#ui.set({ busy: true });
    try {
      const unique = [...new Set(urls)];
      const saved = form.editing
        ? await admin.updateScope({ scope_name: form.editing.name }, { description: form.description, service_urls: unique })
        : await admin.createScope({ name: form.name, description: form.description, service_urls: unique });
      const others = (this.#ui.value.scopes ?? []).filter((s) => key(s.name) !== key(saved.name));
      this.#ui.set({ scopes: [...others, saved].sort((a, b) => a.name.localeCompare(b.name)) });
      this.#modal.close();
      this.#notice.say(form.editing ? t.notices.scopeSaved(saved.name) : t.notices.scopeCreated(saved.name));
      emit(this, 'grantkit-scope-saved', { name: saved.name, created: !form.editing });
    } catch (error) {
      // The form keeps what was typed; a taken name or refused field shows beside it.
      const byField: Form['errors'] = {};
      if (error instanceof AdminApiError) {
        if (error.code === 'duplicate_name' || error.fieldError('/body/name')) byField.name = error.code === 'duplicate_name' ? errorMessage(t, error) : t.scopes.badName;
        if (error.errors.some((e) => e.path.startsWith('/body/service_urls'))) byField.serviceUrls = t.create.invalid;
      }
      this.#ui.set({ dialogError: byField.name || byField.serviceUrls ? undefined : error, form: { ...this.#ui.value.form, errors: byField } });
      this.report(error);
    } finally {
      this.#ui.set({ busy: false });
    }
  }

  async #delete(): Promise<void> {
    const admin = this.#connection.client;
    const scope = this.#ui.value.deleting;
    if (!admin || !scope) return;
    if (!emit(this, 'grantkit-scope-delete-request', { name: scope.name }, { cancelable: true })) return;
    this.#ui.set({ busy: true, dialogError: undefined });
    try {
      await admin.deleteScope({ scope_name: scope.name });
      this.#ui.set({ scopes: (this.#ui.value.scopes ?? []).filter((s) => s !== scope), busy: false });
      this.#modal.close();
      this.#notice.say(stringsFor(this).notices.scopeDeleted(scope.name));
      emit(this, 'grantkit-scope-deleted', { name: scope.name });
    } catch (error) {
      this.#ui.set({ dialogError: error, busy: false });
      this.report(error);
      // A scope in use takes the Delete button away, and focus with it: put it on Close
      // (enabled again above: a disabled button cannot take focus).
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('dialog [part=actions] button')?.focus();
    }
  }

  async #toggle(scope: Scope, allow: boolean): Promise<void> {
    const admin = this.#connection.client;
    if (!admin || !this.clientId) return;
    if (!emit(this, 'grantkit-scope-association-request', { clientId: this.clientId, name: scope.name, allowed: allow }, { cancelable: true })) {
      // The checkbox already moved in the browser; it goes back to what the server has.
      this.requestUpdate();
      return;
    }
    this.#ui.set({ toggling: scope.name, rowError: undefined });
    try {
      const params = { client_id: this.clientId, scope_name: scope.name };
      await (allow ? admin.associateScope(params) : admin.disassociateScope(params));
      const associated = new Set(this.#ui.value.associated);
      if (allow) associated.add(key(scope.name));
      else associated.delete(key(scope.name));
      const counted = { ...scope, integration_count: Math.max(0, scope.integration_count + (allow ? 1 : -1)) };
      this.#ui.set({ associated, scopes: (this.#ui.value.scopes ?? []).map((s) => (s === scope ? counted : s)) });
      const notices = stringsFor(this).notices;
      this.#notice.say(allow ? notices.scopeAllowed(scope.name) : notices.scopeDisallowed(scope.name));
      emit(this, 'grantkit-scope-association-changed', { clientId: this.clientId, name: scope.name, allowed: allow });
    } catch (error) {
      // The checkbox goes back to what the server has; the row says why.
      this.#ui.set({ rowError: { name: scope.name, error } });
      this.report(error);
    } finally {
      this.#ui.set({ toggling: '' });
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // "Allowed for this integration" is not about the next one.
    if (changed.has('clientId')) this.#notice.clear();
  }

  protected override render(): TemplateResult {
    const t = stringsFor(this);
    return html`${this.#notice.render()} ${this.#renderBody(t)} ${this.#renderDialog(t)}`;
  }

  #renderBody(t: Strings) {
    const { scopes, loadError, canWriteScopes } = this.#ui.value;
    if (loadError) return renderLoadError(t, loadError, () => void this.#load());
    if (!scopes) return html`<div part="list" aria-busy="true"><p class="note" role="status">${t.common.loading}</p></div>`;
    return html`
      <div part="toolbar">
        <span class="count" role="status">${t.scopes.count(scopes.length)}</span>
        ${canWriteScopes ? html`<button type="button" class="primary" @click=${() => this.#openForm()}>${t.scopes.create}</button>` : nothing}
      </div>
      ${canWriteScopes ? nothing : html`<p class="note">${t.scopes.readOnly}</p>`}
      ${this.clientId ? html`<p class="note">${t.scopes.allowedFor(this.clientId)}</p>` : nothing}
      ${scopes.length === 0
        ? html`<div part="empty"><p>${t.scopes.empty}</p></div>`
        : html`<ul part="list" aria-label=${t.scopes.label}>${scopes.map((scope, i) => this.#renderRow(t, scope, i))}</ul>`}
    `;
  }

  #renderRow(t: Strings, scope: Scope, i: number) {
    const { associated, canWriteScopes, canWriteIntegrations, rowError, toggling } = this.#ui.value;
    const failed = rowError?.name === scope.name ? rowError.error : undefined;
    const name = this.clientId
      ? html`<label class="allow"><input type="checkbox" part="allow" .checked=${live(associated.has(key(scope.name)))} ?disabled=${!canWriteIntegrations || toggling === scope.name}
          aria-describedby="usage-${i}" @change=${(e: Event) => void this.#toggle(scope, (e.target as HTMLInputElement).checked)} /><span part="name">${breakable(scope.name)}</span></label>`
      : html`<span part="name">${breakable(scope.name)}</span>`;
    return html`
      <li part="row">
        <div class="main">
          ${name}
          ${scope.description ? html`<p class="description">${scope.description}</p>` : nothing}
          ${scope.service_urls.length
            ? html`<ul part="urls">${scope.service_urls.map((url) => html`<li><code>${url}</code></li>`)}</ul>`
            : html`<p class="note">${t.scopes.noServiceUrls}</p>`}
          <p part="usage" id="usage-${i}">${t.scopes.usedBy(scope.integration_count)}</p>
          ${failed ? html`<p class="error" role="alert">${errorMessage(t, failed)}</p>` : nothing}
        </div>
        ${canWriteScopes
          ? html`<div class="row-actions">
              <button type="button" part="edit" aria-label=${t.scopes.editLabel(scope.name)} @click=${() => this.#openForm(scope)}>${t.scopes.edit}</button>
              <button type="button" part="delete" aria-label=${t.scopes.deleteLabel(scope.name)} @click=${() => this.#askToDelete(scope)}>${t.scopes.delete}</button>
            </div>`
          : nothing}
      </li>
    `;
  }

  #renderDialog(t: Strings) {
    const { dialog } = this.#ui.value;
    return html`
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.#modal.onClose}>
        ${dialog === 'form' ? this.#renderForm(t) : dialog === 'delete' ? this.#renderDelete(t) : nothing}
      </dialog>
    `;
  }

  #renderForm(t: Strings) {
    const { form, busy, dialogError } = this.#ui.value;
    const editing = form.editing;
    return html`
      <form novalidate @submit=${this.#save}>
        <h2 id="dialog-title">${editing ? t.scopes.editTitle(editing.name) : t.scopes.createTitle}</h2>
        ${dialogError ? html`<p part="error" class="error" role="alert">${errorMessage(t, dialogError)}</p>` : nothing}
        ${editing
          ? nothing
          : html`
              <label for="scope-name">${t.scopes.name}</label>
              <input id="scope-name" type="text" required maxlength="64" spellcheck="false" autocomplete="off" .value=${form.name} ?disabled=${busy}
                aria-invalid=${form.errors.name ? 'true' : 'false'} aria-describedby="scope-name-hint${form.errors.name ? ' scope-name-error' : ''}"
                @input=${(e: Event) => this.#editForm({ name: (e.target as HTMLInputElement).value }, 'name')} />
              <p class="hint" id="scope-name-hint">${t.scopes.nameHint}</p>
              ${form.errors.name ? html`<p class="field-error" id="scope-name-error">${form.errors.name}</p>` : nothing}
            `}
        <label for="scope-description">${t.scopes.description}</label>
        <textarea id="scope-description" rows="2" maxlength="500" .value=${form.description} ?disabled=${busy}
          @input=${(e: Event) => this.#editForm({ description: (e.target as HTMLTextAreaElement).value })}></textarea>
        <label for="scope-urls">${t.scopes.serviceUrls}</label>
        <textarea id="scope-urls" rows="3" spellcheck="false" .value=${form.serviceUrls} ?disabled=${busy}
          aria-invalid=${form.errors.serviceUrls ? 'true' : 'false'} aria-describedby="scope-urls-hint${form.errors.serviceUrls ? ' scope-urls-error' : ''}"
          @input=${(e: Event) => this.#editForm({ serviceUrls: (e.target as HTMLTextAreaElement).value }, 'serviceUrls')}></textarea>
        <p class="hint" id="scope-urls-hint">${t.scopes.serviceUrlsHint}</p>
        ${form.errors.serviceUrls ? html`<p class="field-error" id="scope-urls-error">${form.errors.serviceUrls}</p>` : nothing}
        <div part="actions">
          <button type="button" ?disabled=${busy} @click=${() => this.#modal.close()}>${t.common.cancel}</button>
          <button type="submit" class="primary" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>${busy ? t.scopes.saving : editing ? t.scopes.save : t.scopes.createButton}</button>
        </div>
      </form>
    `;
  }

  /** An integration's name, as a link to where the app shows it when `integration-href` says where that is. */
  #integrationLink(name: string, clientId: string) {
    if (!this.integrationHref.includes('{client_id}')) return name;
    return html`<a href=${this.integrationHref.replaceAll('{client_id}', encodeURIComponent(clientId))}>${name}</a>`;
  }

  #renderDelete(t: Strings) {
    const { deleting: scope, busy, dialogError } = this.#ui.value;
    if (!scope) return nothing;
    const inUse = (dialogError as { code?: string } | undefined)?.code === 'scope_in_use';
    // What the server says uses it now; the count loaded with the list is older.
    const usage = dialogError instanceof AdminApiError ? dialogError.inUse : undefined;
    const count = usage?.integration_count ?? scope.integration_count;
    const message = inUse ? (count > 0 ? t.scopes.inUseByIntegrations(count) : t.scopes.inUseByTokens) : errorMessage(t, dialogError);
    const named = count > 0 ? usage?.integrations ?? [] : [];
    return html`
      <h2 id="dialog-title">${t.scopes.deleteTitle(scope.name)}</h2>
      <p>${t.scopes.deleteExplanation}</p>
      ${dialogError ? html`<p part="error" class="error" role="alert">${inUse ? html`<strong>${t.errors.scope_in_use}</strong> ` : nothing}${message}</p>` : nothing}
      ${named.length
        ? html`<ul part="in-use" aria-label=${t.scopes.inUseList}>
            ${named.map((i) => html`<li>${this.#integrationLink(`${i.client_name} ${i.version}`, i.client_id)}</li>`)}
            ${count > named.length ? html`<li class="more">${t.scopes.inUseMore(count - named.length)}</li>` : nothing}
          </ul>`
        : nothing}
      <div part="actions">
        <button type="button" ?disabled=${busy} @click=${() => this.#modal.close()}>${inUse ? t.common.close : t.common.cancel}</button>
        ${inUse
          ? nothing
          : html`<button type="button" class="danger" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'} @click=${() => void this.#delete()}>
              ${busy ? t.scopes.deleting : t.scopes.deleteConfirm}</button>`}
      </div>
    `;
  }
}
