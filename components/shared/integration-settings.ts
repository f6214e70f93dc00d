import { html, nothing, type TemplateResult } from 'lit';
import type { Integration, IntegrationKind, IntegrationUpdate } from '../../src/admin/index.js';
import { countsRefreshes, GRANTS, offeredGrants, requiredGrant, type Grant } from './integration-kinds.js';
import type { Strings } from './localize.js';

export { GRANTS, type Grant };

/**
 * The token settings an integration is created with and later edited: the same fields, the
 * same words and the same rules in `<create-integration-dialog>` and `<integration-details>`.
 */
export interface TokenSettings {
  grants: Grant[];
  lifetime: number;
  neverExpires: boolean;
  refresh: 'unlimited' | 'limited' | 'none';
  refreshLimit: number;
}

export const DEFAULT_SETTINGS: TokenSettings = { grants: ['authorization_code', 'refresh_token'], lifetime: 3600, neverExpires: false, refresh: 'unlimited', refreshLimit: 10 };

export function settingsOf(integration: Integration): TokenSettings {
  const count = integration.refresh_count;
  return {
    grants: GRANTS.filter((g) => integration.grant_types.includes(g)),
    lifetime: integration.access_token_lifetime ?? DEFAULT_SETTINGS.lifetime,
    neverExpires: integration.access_token_lifetime === null,
    refresh: count === null ? 'unlimited' : count === 0 ? 'none' : 'limited',
    refreshLimit: count === null || count === 0 ? DEFAULT_SETTINGS.refreshLimit : count,
  };
}

/** The admin API fields for these settings: only the grants the kind may have, and the one it must. */
export function settingsBody(settings: TokenSettings, kind: IntegrationKind): Required<Pick<IntegrationUpdate, 'grant_types' | 'access_token_lifetime' | 'refresh_count'>> {
  return {
    grant_types: grantsFor(settings, kind),
    access_token_lifetime: settings.neverExpires ? null : settings.lifetime,
    refresh_count: settings.refresh === 'unlimited' ? null : settings.refresh === 'none' ? 0 : settings.refreshLimit,
  };
}

/** The grants as they will be sent for this kind: those it may have, with the one it must. */
export function grantsFor(settings: TokenSettings, kind: IntegrationKind): Grant[] {
  const offered = offeredGrants(kind);
  const required = requiredGrant(kind);
  if (offered.length === 1) return offered;
  return GRANTS.filter((g) => offered.includes(g) && (settings.grants.includes(g) || g === required));
}

export function withGrant(settings: TokenSettings, grant: Grant, on: boolean): Grant[] {
  const grants = on ? [...settings.grants, grant] : settings.grants.filter((g) => g !== grant);
  return GRANTS.filter((g) => grants.includes(g));
}

/** Errors the form can tell before asking the server (which still checks everything). */
export function checkSettings(t: Strings, settings: TokenSettings, kind: IntegrationKind): { grants?: string; lifetime?: string; refresh?: string } {
  const errors: { grants?: string; lifetime?: string; refresh?: string } = {};
  if (grantsFor(settings, kind).length === 0) errors.grants = t.create.needsGrant;
  if (!settings.neverExpires && !(Number.isInteger(settings.lifetime) && settings.lifetime >= 60 && settings.lifetime <= 31_536_000)) errors.lifetime = t.create.badLifetime;
  if (settings.refresh === 'limited' && !(Number.isInteger(settings.refreshLimit) && settings.refreshLimit >= 1 && settings.refreshLimit <= 100_000)) errors.refresh = t.create.badRefreshCount;
  return errors;
}

export interface SettingsView {
  settings: TokenSettings;
  /** Which grants are offered, and whether there is a refresh count to set. */
  kind: IntegrationKind;
  disabled: boolean;
  errors: { grants?: string; lifetime?: string; refresh?: string };
  onChange: (next: Partial<TokenSettings>) => void;
}

const message = (id: string, text: string | undefined) => (text ? html`<p class="field-error" id="${id}-error">${text}</p>` : nothing);
const describedBy = (id: string, text: string | undefined) => (text ? `${id}-error` : nothing);

/** Allowed grants, access-token lifetime and refresh count, as form fields. */
export function renderTokenSettings(t: Strings, view: SettingsView): TemplateResult {
  const { settings: s, disabled, errors, onChange } = view;
  const value = (e: Event) => Number((e.target as HTMLInputElement).value);
  const offered = offeredGrants(view.kind);
  const required = requiredGrant(view.kind);
  // A kind with one grant has nothing to choose, nor refresh tokens to count (a service).
  const single = countsRefreshes(view.kind) ? undefined : offered[0];
  return html`
    ${single
      ? html`<p class="note" part="grant"><strong>${t.create.grants}:</strong> ${t.create.grantNames[single]}</p>`
      : html`<fieldset aria-describedby=${describedBy('grants', errors.grants)}>
      <legend>${t.create.grants}</legend>
      ${offered.map((g) => html`<label class="option"><input type="checkbox" .checked=${s.grants.includes(g) || g === required} ?disabled=${g === required || disabled}
          @change=${(e: Event) => onChange({ grants: withGrant(s, g, (e.target as HTMLInputElement).checked) })} /> <span>${t.create.grantNames[g]}${g === required ? html` <span class="hint">${t.create.requiredGrant}</span>` : nothing}</span></label>`)}
      ${message('grants', errors.grants)}
    </fieldset>`}
    <label for="lifetime">${t.create.lifetime}</label>
    <div class="option">
      <input id="lifetime" type="number" min="60" max="31536000" .value=${String(s.lifetime)} ?disabled=${s.neverExpires || disabled}
        aria-invalid=${errors.lifetime ? 'true' : 'false'} aria-describedby=${describedBy('lifetime', errors.lifetime)}
        @input=${(e: Event) => onChange({ lifetime: value(e) })} />
      <label class="option"><input type="checkbox" .checked=${s.neverExpires} ?disabled=${disabled} @change=${(e: Event) => onChange({ neverExpires: (e.target as HTMLInputElement).checked })} /> ${t.create.never}</label>
    </div>
    ${message('lifetime', errors.lifetime)}
    ${single ? nothing : html`<fieldset aria-describedby=${describedBy('refresh', errors.refresh)}>
      <legend>${t.create.refreshCount}</legend>
      <label class="option"><input type="radio" name="refresh" .checked=${s.refresh === 'unlimited'} ?disabled=${disabled} @change=${() => onChange({ refresh: 'unlimited' })} /> ${t.create.unlimited}</label>
      <div class="option">
        <label class="option"><input type="radio" name="refresh" .checked=${s.refresh === 'limited'} ?disabled=${disabled} @change=${() => onChange({ refresh: 'limited' })} /> ${t.create.limited}</label>
        <input type="number" min="1" max="100000" aria-label="${t.create.refreshCount}" .value=${String(s.refreshLimit)} ?disabled=${s.refresh !== 'limited' || disabled}
          aria-invalid=${errors.refresh ? 'true' : 'false'} @input=${(e: Event) => onChange({ refreshLimit: value(e) })} />
        <span>${t.create.times}</span>
      </div>
      <label class="option"><input type="radio" name="refresh" .checked=${s.refresh === 'none'} ?disabled=${disabled} @change=${() => onChange({ refresh: 'none' })} /> ${t.create.none}</label>
      ${message('refresh', errors.refresh)}
    </fieldset>`}
  `;
}
