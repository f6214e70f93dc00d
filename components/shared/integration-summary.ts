import { html, type TemplateResult } from 'lit';
import type { Integration } from '../../src/admin/index.js';
import { GRANTS } from './integration-settings.js';
import type { Strings } from './localize.js';

/**
 * An integration's settings as text, for a user who may only look: what the form would hold,
 * without fields that look editable and are not (a viewer is not shown a disabled form).
 */
export function renderSettingsSummary(t: Strings, integration: Integration): TemplateResult {
  const lifetime = integration.access_token_lifetime;
  const count = integration.refresh_count;
  const grants = GRANTS.filter((g) => integration.grant_types.includes(g));
  const list = (items: readonly string[], empty: string) =>
    items.length ? html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>` : html`<span class="note">${empty}</span>`;
  return html`
    <dl part="summary" class="summary">
      <div><dt>${t.details.kind}</dt><dd>${t.create.kinds[integration.kind]}</dd></div>
      <div><dt>${t.create.description}</dt><dd>${integration.description || html`<span class="note">${t.details.noDescription}</span>`}</dd></div>
      <div><dt>${t.details.redirects}</dt><dd class="urls">${list(integration.redirect_uris, t.details.noRedirects)}</dd></div>
      <div><dt>${t.details.logoutUrls}</dt><dd class="urls">${list(integration.post_logout_redirect_uris, t.details.noLogoutUrls)}</dd></div>
      <div><dt>${t.create.grants}</dt><dd>${list(grants.map((g) => t.create.grantNames[g] ?? g), '—')}</dd></div>
      <div><dt>${t.create.lifetime}</dt><dd>${lifetime === null ? t.create.never : t.details.seconds(lifetime)}</dd></div>
      <div><dt>${t.create.refreshCount}</dt><dd>${count === null ? t.create.unlimited : count === 0 ? t.create.none : t.details.atMost(count)}</dd></div>
      <div><dt>${t.details.audience}</dt><dd class="urls">${integration.audience || t.details.defaultAudience}</dd></div>
    </dl>
  `;
}
