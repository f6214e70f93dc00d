// <integration-details>' lifecycle (activate, deactivate, delete) and the one confirmation dialog
// that asks before deactivating, deleting, ending a grace period or discarding edits.
import { html, nothing, type TemplateResult } from 'lit';
import type { Integration } from '../../src/admin/index.js';
import { errorMessage, type Strings } from '../shared/localize.js';

/** What the confirmation dialog asks about. */
export type Confirmation = 'deactivate' | 'delete' | 'discard' | 'end-grace';

export interface Lifecycle {
  integration: Integration;
  canWrite: boolean | undefined;
  statusBusy: boolean;
  statusError: unknown;
  onAsk(what: Exclude<Confirmation, 'discard'>): void;
  onActivate(): void;
}

export function renderLifecycle(t: Strings, l: Lifecycle): TemplateResult {
  const active = l.integration.status === 'active';
  return html`
    <section part="section" aria-labelledby="lifecycle-title">
      <h3 id="lifecycle-title">${t.details.lifecycle}</h3>
      <p>${active ? t.details.activeExplanation : t.details.inactiveExplanation}</p>
      ${l.statusError ? html`<p part="error" class="error" role="alert">${errorMessage(t, l.statusError)}</p>` : nothing}
      ${l.canWrite
        ? html`
            <div part="actions" class="start">
              ${active
                ? html`<button type="button" part="status-action" class="danger-outline" @click=${() => l.onAsk('deactivate')}>${t.details.deactivate}</button>`
                : html`<button type="button" part="status-action" class="primary" ?disabled=${l.statusBusy} aria-busy=${l.statusBusy ? 'true' : 'false'} @click=${l.onActivate}>
                    ${l.statusBusy ? t.details.activating : t.details.activate}</button>`}
              <button type="button" part="delete" class="danger" @click=${() => l.onAsk('delete')}>${t.details.delete}</button>
            </div>
          `
        : nothing}
    </section>
  `;
}

export interface Confirm {
  integration: Integration | undefined;
  what: Confirmation | undefined;
  /** The name as displayed, with its version: "X 1.0" and "X 2.0" are different integrations. */
  name: string;
  typedName: string;
  busy: boolean;
  error: unknown;
  onClose(event: Event): void;
  onSubmit(event: Event): void;
  onCancel(): void;
  onType(value: string): void;
}

/** The texts of each confirmation: title, explanation, the two buttons, and the confirm button while busy. */
function texts(t: Strings, what: Confirmation, name: string): string[] {
  const d = t.details;
  return {
    discard: [d.discardTitle, d.discardExplanation(name), d.keepEditing, d.discardConfirm, d.discardConfirm],
    delete: [d.deleteTitle, d.deleteExplanation(name), t.common.cancel, d.deleteConfirm, d.deleting],
    deactivate: [d.deactivateTitle, d.deactivateExplanation(name), t.common.cancel, d.deactivateConfirm, d.deactivating],
    'end-grace': [d.endGraceTitle, d.endGraceExplanation(name), t.common.cancel, d.endGraceConfirm, d.endingGrace],
  }[what];
}

export function renderConfirmDialog(t: Strings, c: Confirm): TemplateResult {
  const deleting = c.what === 'delete';
  const matches = c.integration !== undefined && c.typedName.trim() === c.name;
  const [title, explanation, cancel, confirm, confirming] = c.what ? texts(t, c.what, c.name) : [];
  return html`
    <dialog part="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-description" @close=${c.onClose}>
      ${c.integration && c.what
        ? html`
            <form @submit=${c.onSubmit}>
              <h2 id="confirm-title">${title}</h2>
              <p id="confirm-description">${explanation}</p>
              ${deleting
                ? html`
                    <label for="typed-name">${t.details.deleteTypeName(c.name)}</label>
                    <input id="typed-name" type="text" autocomplete="off" spellcheck="false" .value=${c.typedName} ?disabled=${c.busy}
                      @input=${(e: Event) => c.onType((e.target as HTMLInputElement).value)} />
                  `
                : nothing}
              ${c.error ? html`<p class="error" role="alert">${errorMessage(t, c.error)}</p>` : nothing}
              <div part="actions">
                <button type="button" ?disabled=${c.busy} @click=${c.onCancel}>${cancel}</button>
                <button type="submit" class="danger" ?disabled=${c.busy || (deleting && !matches)} aria-busy=${c.busy ? 'true' : 'false'}>${c.busy ? confirming : confirm}</button>
              </div>
            </form>
          `
        : nothing}
    </dialog>
  `;
}
