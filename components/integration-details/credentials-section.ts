// <integration-details>' credentials: the client ID and endpoints, each with a copy button, and
// the secret (masked, with rotate and the end of its grace period for those who may change it).
import { html, nothing, type TemplateResult } from 'lit';
import type { Endpoints, Integration } from '../../src/admin/index.js';
import type { CopyFeedback } from '../shared/copy-feedback.js';
import type { Strings } from '../shared/localize.js';

export interface Credentials {
  integration: Integration;
  endpoints: Endpoints | undefined;
  canWrite: boolean | undefined;
  /** Until when the rotated-out secret works, formatted; empty when none does. */
  previousUntil: string;
  copies: CopyFeedback;
  /** Where the copied fields are, to select the one copied. */
  root: ParentNode;
  onRotate(): void;
  onEndGrace(): void;
}

function copyable(t: Strings, c: Credentials, id: string, label: string, value: string | undefined) {
  if (!value) return nothing;
  return html`
    <div class="copyable">
      <label for=${id}>${label}</label>
      <div class="value">
        <input id=${id} part="field" type="text" readonly spellcheck="false" .value=${value} />
        <button type="button" part="copy" aria-label=${t.details.copy(label)}
          @click=${() => void c.copies.copy(id, c.root.querySelector<HTMLInputElement>(`#${id}`), value)}>${c.copies.label(t, id)}</button>
      </div>
    </div>
  `;
}

export function renderCredentials(t: Strings, c: Credentials): TemplateResult {
  const { integration, endpoints: e, previousUntil: previous } = c;
  const copiedLabel = { 'client-id': t.details.clientId, issuer: t.details.issuer, authorization: t.details.authorization, token: t.details.token, revocation: t.details.revocation }[c.copies.copied];
  return html`
    <section part="section" aria-labelledby="credentials-title">
      <h3 id="credentials-title">${t.details.credentials}</h3>
      ${copyable(t, c, 'client-id', t.details.clientId, integration.client_id)}
      <div class="secret">
        <span class="label">${t.details.secret}</span>
        ${integration.client_type === 'public'
          ? html`<p class="note">${t.details.noSecret}</p>`
          : integration.token_endpoint_auth_method === 'private_key_jwt'
            ? html`<p class="note">${t.details.signsWithKey}</p>`
            : html`
              <p><span class="masked" aria-hidden="true">•••• ${integration.client_secret_last4}</span> <span class="note">${t.details.secretHidden(integration.client_secret_last4 ?? '')}</span></p>
              ${previous ? html`<p class="note previous">${t.details.previousUntil(previous)}</p>` : nothing}
              ${c.canWrite
                ? html`<div part="actions" class="start">
                    <button type="button" part="rotate" class="danger-outline" @click=${c.onRotate}>${t.details.rotate}</button>
                    ${previous ? html`<button type="button" part="end-grace" class="danger-outline" @click=${c.onEndGrace}>${t.details.endGrace}</button>` : nothing}
                  </div>`
                : nothing}
            `}
      </div>
      ${copyable(t, c, 'issuer', t.details.issuer, e?.issuer)}
      ${copyable(t, c, 'authorization', t.details.authorization, e?.authorization_endpoint)}
      ${copyable(t, c, 'token', t.details.token, e?.token_endpoint)}
      ${copyable(t, c, 'revocation', t.details.revocation, e?.revocation_endpoint)}
      <p class="visually-hidden" role="status">${copiedLabel ? t.details.copied(copiedLabel) : ''}</p>
    </section>
  `;
}
