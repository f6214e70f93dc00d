import { html, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { CopyFeedback } from './copy-feedback.js';
import type { Strings } from './localize.js';

/**
 * Holds a secret that is shown exactly once, for a dialog: shows it, copies it, and
 * forgets it, clearing the field too, so nothing of it stays in the element or its DOM.
 */
export class SecretHolder implements ReactiveController {
  #secret: string | undefined;
  readonly #copies: CopyFeedback;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
    this.#copies = new CopyFeedback(host);
  }

  hostConnected(): void {}

  get shown(): boolean {
    return this.#secret !== undefined;
  }

  show(secret: string): void {
    this.#secret = secret;
    this.#copies.clear();
    this.host.requestUpdate();
    // The form that had focus is gone: put it on the secret, which a screen reader then reads
    // with its label, and which Ctrl+C copies as it stands selected.
    void this.host.updateComplete.then(() => {
      const field = this.host.renderRoot.querySelector<HTMLInputElement>('[part=secret]');
      field?.focus();
      field?.select();
    });
  }

  forget(): void {
    const field = this.host.renderRoot.querySelector<HTMLInputElement>('[part=secret]');
    if (field) field.value = '';
    this.#secret = undefined;
    this.#copies.clear();
    this.host.requestUpdate();
  }

  render(t: Strings, onStored: () => void, note?: string, words?: SecretOnceView['words']): TemplateResult {
    return renderSecretOnce(t, {
      secret: this.#secret ?? '',
      ...(words ? { words } : {}),
      copied: this.#copies.copied === 'secret',
      copyLabel: this.#copies.label(t, 'secret'),
      onCopy: () => void this.#copy(),
      onStored,
      ...(note ? { note } : {}),
    });
  }

  async #copy(): Promise<void> {
    if (this.#secret === undefined) return;
    await this.#copies.copy('secret', this.host.renderRoot.querySelector<HTMLInputElement>('[part=secret]'), this.#secret);
  }
}

export interface SecretOnceView {
  secret: string;
  /** Heading, explanation and field label; default: the client-secret wording. */
  words?: { title: string; explanation: string; label: string };
  copied: boolean;
  /** The copy button's label ("Copy", or "Copied" for a few seconds), as CopyFeedback renders it. */
  copyLabel: TemplateResult;
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
export function renderSecretOnce(t: Strings, view: SecretOnceView): TemplateResult {
  const words = view.words ?? { title: t.rotate.doneTitle, explanation: t.rotate.doneExplanation, label: t.rotate.secretLabel };
  return html`
    <h2 id="title" part="title">${words.title}</h2>
    <p id="description">${words.explanation}</p>
    <label for="secret">${words.label}</label>
    <div part="secret-row">
      <input id="secret" part="secret" type="text" readonly autocomplete="off" spellcheck="false" .value=${view.secret} />
      <button type="button" part="copy" @click=${view.onCopy}>${view.copyLabel}</button>
    </div>
    <p class="status" role="status">${view.copied ? t.common.copied : ''}</p>
    ${view.note ? html`<p>${view.note}</p>` : ''}
    <div part="actions">
      <button type="button" class="primary" @click=${view.onStored}>${t.rotate.stored}</button>
    </div>
  `;
}
