import { html, type TemplateResult } from 'lit';
import { errorMessage, type Strings } from './localize.js';

/**
 * What an element shows in place of what it could not load. A refusal for lack of a role
 * is not a fault to retry: it says which role is needed, and offers no retry.
 */
export function renderLoadError(t: Strings, error: unknown, retry: () => void): TemplateResult {
  if ((error as { code?: unknown } | null)?.code === 'forbidden') {
    return html`<div part="forbidden" role="alert" tabindex="-1"><p><strong>${t.access.forbiddenTitle}</strong></p><p>${t.access.forbidden}</p></div>`;
  }
  return html`<div part="error" role="alert"><p class="error">${errorMessage(t, error)}</p><button type="button" @click=${retry}>${t.common.retry}</button></div>`;
}
