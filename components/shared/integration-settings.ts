import { html, nothing, type TemplateResult } from 'lit';
import type { Integration, IntegrationUpdate } from '../../src/admin/index.js';
import type { Strings } from './localize.js';

export type Grant = 'authorization_code' | 'refresh_token' | 'client_credentials';
export const GRANTS: Grant[] = ['authorization_code', 'refresh_token', 'client_credentials'];

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

/** The admin API fields for these settings. A public client cannot use client credentials. */
export function settingsBody(settings: TokenSettings, confidential: boolean): Required<Pick<IntegrationUpdate, 'grant_types' | 'access_token_lifetime' | 'refresh_count'>> {
  return {
    grant_types: confidential ? settings.grants : settings.grants.filter((g) => g !== 'client_credentials'),
    access_token_lifetime: settings.neverExpires ? null : settings.lifetime,
    refresh_count: settings.refresh === 'unlimited' ? null : settings.refresh === 'none' ? 0 : settings.refreshLimit,
  };
}

export function withGrant(settings: TokenSettings, grant: Grant, on: boolean): Grant[] {
  const grants = on ? [...settings.grants, grant] : settings.grants.filter((g) => g !== grant);
  return GRANTS.filter((g) => grants.includes(g));
}

/** Errors the form can tell before asking the server (which still checks everything). */
export function checkSettings(t: Strings, settings: TokenSettings): { grants?: string; lifetime?: string; refresh?: string } {
  const errors: { grants?: string; lifetime?: string; refresh?: string } = {};
  if (settings.grants.length === 0) errors.grants = t.create.needsGrant;
  if (!settings.neverExpires && !(Number.isInteger(settings.lifetime) && settings.lifetime >= 60 && settings.lifetime <= 31_536_000)) errors.lifetime = t.create.badLifetime;
  if (settings.refresh === 'limited' && !(Number.isInteger(settings.refreshLimit) && settings.refreshLimit >= 1 && settings.refreshLimit <= 100_000)) errors.refresh = t.create.badRefreshCount;
  return errors;
}

export interface SettingsView {
  settings: TokenSettings;
  confidential: boolean;
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
  return html`
    <fieldset aria-describedby=${describedBy('grants', errors.grants)}>
      <legend>${t.create.grants}</legend>
      ${GRANTS.map((g) => {
        const unavailable = g === 'client_credentials' && !view.confidential;
        return html`<label class="option"><input type="checkbox" .checked=${s.grants.includes(g) && !unavailable} ?disabled=${unavailable || disabled}
          @change=${(e: Event) => onChange({ grants: withGrant(s, g, (e.target as HTMLInputElement).checked) })} /> ${t.create.grantNames[g]}</label>`;
      })}
      ${message('grants', errors.grants)}
    </fieldset>
    <label for="lifetime">${t.create.lifetime}</label>
    <div class="option">
      <input id="lifetime" type="number" min="60" max="31536000" .value=${String(s.lifetime)} ?disabled=${s.neverExpires || disabled}
        aria-invalid=${errors.lifetime ? 'true' : 'false'} aria-describedby=${describedBy('lifetime', errors.lifetime)}
        @input=${(e: Event) => onChange({ lifetime: value(e) })} />
      <label class="option"><input type="checkbox" .checked=${s.neverExpires} ?disabled=${disabled} @change=${(e: Event) => onChange({ neverExpires: (e.target as HTMLInputElement).checked })} /> ${t.create.never}</label>
    </div>
    ${message('lifetime', errors.lifetime)}
    <fieldset aria-describedby=${describedBy('refresh', errors.refresh)}>
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
    </fieldset>
  `;
}
