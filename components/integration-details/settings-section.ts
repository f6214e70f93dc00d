// <integration-details>' settings: a form for those who may change the integration, the same
// settings as text for those who may only look, and the associated scopes under either.
import { html, nothing, type TemplateResult } from 'lit';
import type { Integration } from '../../src/admin/index.js';
import type { CallbackUrlEditor } from '../shared/callback-url-editor.js';
import { renderTokenSettings } from '../shared/integration-settings.js';
import { isPublicKind, KINDS, takesCallbacks } from '../shared/integration-kinds.js';
import { renderSettingsSummary } from '../shared/integration-summary.js';
import { errorMessage, type Strings } from '../shared/localize.js';
import { changes, hasFieldErrors, type Draft, type FieldErrors } from './settings-draft.js';

export interface Settings {
  integration: Integration;
  draft: Draft;
  /** Whether the caller may change it; undefined until /me has answered. */
  canWrite: boolean | undefined;
  errors: FieldErrors;
  saving: boolean;
  saveError: unknown;
  saved: boolean;
  urls: CallbackUrlEditor;
  logoutUrls: CallbackUrlEditor;
  onSubmit(event: Event): void;
  onEdit(next: Partial<Draft>, clear: ReadonlyArray<keyof FieldErrors>): void;
  onDiscard(): void;
}

function renderScopes(t: Strings, integration: Integration) {
  const scopes = integration.scope.split(' ').filter(Boolean);
  return html`
    <h4 id="scopes-title">${t.details.scopes}</h4>
    ${scopes.length
      ? html`<ul part="scopes" aria-labelledby="scopes-title">${scopes.map((s) => html`<li>${s}</li>`)}</ul>`
      : html`<p class="note">${t.details.noScopes}</p>`}
  `;
}

/**
 * The kind, as a choice among those of the same client type: a single-page app may become a native
 * app and back, a web application a service; public and confidential stay what they are (the
 * authentication method is not changed here). The server still checks the result as a whole.
 */
function renderKindChoice(t: Strings, s: Settings): TemplateResult {
  const { integration, draft, errors } = s;
  const kinds = KINDS.filter((k) => isPublicKind(k) === isPublicKind(integration.kind));
  return html`
    <label for="kind">${t.details.kind}</label>
    <select id="kind" .value=${draft.kind} aria-invalid=${errors.kind ? 'true' : 'false'} aria-describedby=${errors.kind ? 'kind-error' : nothing}
      @change=${(e: Event) => {
        const kind = kinds.find((k) => k === (e.target as HTMLSelectElement).value);
        if (kind) s.onEdit({ kind }, ['kind', 'urls', 'logout', 'grants']);
      }}>
      ${kinds.map((k) => html`<option value=${k} ?selected=${k === draft.kind}>${t.create.kinds[k]}</option>`)}
    </select>
    ${errors.kind ? html`<p class="field-error" id="kind-error">${errors.kind}</p>` : nothing}
  `;
}

export function renderSettings(t: Strings, s: Settings): TemplateResult {
  const { integration, draft, errors } = s;
  if (s.canWrite === false) {
    // Someone who may only look sees text, not a form whose fields look editable and are not.
    return html`
      <section part="section" aria-labelledby="settings-title">
        <h3 id="settings-title">${t.details.settings}</h3>
        <p class="note">${t.details.readOnly}</p>
        ${renderSettingsSummary(t, integration)}
        ${renderScopes(t, integration)}
      </section>
    `;
  }
  const dirty = Object.keys(changes(integration, draft)).length > 0;
  const general = s.saveError && !hasFieldErrors(errors);
  const disabled = s.saving || !s.canWrite;
  return html`
    <form part="form section" novalidate aria-labelledby="settings-title" @submit=${s.onSubmit}>
      <h3 id="settings-title">${t.details.settings}</h3>
      <fieldset class="plain" ?disabled=${disabled}>
        <label for="description">${t.create.description}</label>
        <textarea id="description" rows="2" maxlength="500" .value=${draft.description} aria-invalid=${errors.description ? 'true' : 'false'}
          @input=${(e: Event) => s.onEdit({ description: (e.target as HTMLTextAreaElement).value }, ['description'])}></textarea>
        ${errors.description ? html`<p class="field-error">${errors.description}</p>` : nothing}
        ${renderKindChoice(t, s)}
        ${takesCallbacks(draft.kind) ? s.urls.render(t, { rows: draft.redirects, kind: draft.kind, errors: errors.urls ?? {}, disabled }) : nothing}
        ${takesCallbacks(draft.kind) ? s.logoutUrls.render(t, { rows: draft.logoutUrls, kind: draft.kind, errors: errors.logout ?? {}, disabled }) : nothing}
        ${renderTokenSettings(t, {
          settings: draft.settings,
          kind: draft.kind,
          disabled,
          errors: { ...(errors.grants ? { grants: errors.grants } : {}), ...(errors.lifetime ? { lifetime: errors.lifetime } : {}), ...(errors.refresh ? { refresh: errors.refresh } : {}) },
          onChange: (next) => s.onEdit({ settings: { ...draft.settings, ...next } }, ['grants', 'lifetime', 'refresh', 'urls']),
        })}
        <label for="audience">${t.details.audience}</label>
        <input id="audience" type="url" spellcheck="false" .value=${draft.audience} placeholder="https://api.example.com"
          aria-invalid=${errors.audience ? 'true' : 'false'} aria-describedby="audience-hint${errors.audience ? ' audience-error' : ''}"
          @input=${(e: Event) => s.onEdit({ audience: (e.target as HTMLInputElement).value }, ['audience'])} />
        <p class="hint" id="audience-hint">${t.details.audienceHint}</p>
        ${errors.audience ? html`<p class="field-error" id="audience-error">${errors.audience}</p>` : nothing}
      </fieldset>
      ${renderScopes(t, integration)}
      ${general ? html`<p part="error" class="error" role="alert">${errorMessage(t, s.saveError)}</p>` : nothing}
      <div part="actions">
        <span class="status" role="status">${s.saved ? t.details.saved : dirty ? t.details.unsaved : ''}</span>
        <button type="button" ?disabled=${!dirty || s.saving} @click=${s.onDiscard}>${t.details.discard}</button>
        <button type="submit" class="primary" ?disabled=${!dirty || s.saving} aria-busy=${s.saving ? 'true' : 'false'}>${s.saving ? t.details.saving : t.details.save}</button>
      </div>
    </form>
  `;
}
