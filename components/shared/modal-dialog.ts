import type { ReactiveController, ReactiveElement } from 'lit';
import { deepActiveElement } from './focus.js';

export interface ModalDialogOptions {
  /** Forget what the dialog showed (a secret, a pending choice). */
  onClosed?: () => void;
  /** Where focus goes when what opened the dialog is gone (its row was removed, say). */
  fallbackFocus?: () => HTMLElement | null | undefined;
}

/**
 * The one native `<dialog>` of an element: opens it modal after the next render, and when
 * it closes, returns focus to what opened it. Bind `onClose` to the dialog's close event.
 */
export class ModalDialog implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #options: ModalDialogOptions;
  #opener: HTMLElement | undefined;

  constructor(host: ReactiveElement, options: ModalDialogOptions = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  get element(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog');
  }

  async open(): Promise<void> {
    this.#opener = deepActiveElement();
    await this.#host.updateComplete;
    this.element?.showModal();
  }

  /**
   * Closes the dialog. `openerGone`: what opened it no longer stands for the same thing (its
   * row was removed, and the list reused the row's elements for the next one), so focus
   * goes to the fallback.
   */
  close(openerGone = false): void {
    if (openerGone) this.#opener = undefined;
    this.element?.close();
  }

  readonly onClose = (): void => {
    // The close event comes a task after close(): if the dialog was opened again
    // meanwhile, the event is not about what is showing now.
    if (this.element?.open) return;
    this.#options.onClosed?.();
    const target = this.#opener?.isConnected ? this.#opener : this.#options.fallbackFocus?.();
    target?.focus();
    this.#opener = undefined;
  };
}
