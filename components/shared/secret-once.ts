import { html } from 'lit';
import type { Strings } from './localize.js';

export interface SecretOnceView {
  secret: string;
  copied: boolean;
  onCopy: () => void;
  onStored: () => void;
  /** An extra line, e.g. until when a rotated-out secret keeps working. */
  note?: string;
}

/**
 * The view that shows a new secret exactly once: a read-only field, a copy button, a
 * live "Copied" status, and the only way on, "I have stored it". Shared by the dialogs
 * that create secrets, so they behave the same.
 */
export function renderSecretOnce(t: Strings, view: SecretOnceView) {
  return html`
    <h2 id="title" part="title">${t.rotate.doneTitle}</h2>
    <p id="description">${t.rotate.doneExplanation}</p>
    <label for="secret">${t.rotate.secretLabel}</label>
    <div part="secret-row">
      <input id="secret" part="secret" type="text" readonly autocomplete="off" spellcheck="false" .value=${view.secret} />
      <button type="button" part="copy" @click=${view.onCopy}>${view.copied ? t.common.copied : t.common.copy}</button>
    </div>
    <p class="status" role="status">${view.copied ? t.common.copied : ''}</p>
    ${view.note ? html`<p>${view.note}</p>` : ''}
    <div part="actions">
      <button type="button" class="primary" @click=${view.onStored}>${t.rotate.stored}</button>
    </div>
  `;
}

/** Copies the secret; without clipboard permission, selects the field for the user's own copy. Resolves true when copied. */
export async function copySecret(root: ParentNode, secret: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(secret);
    return true;
  } catch {
    const field = root.querySelector<HTMLInputElement>('[part=secret]');
    field?.focus();
    field?.select();
    return false;
  }
}
