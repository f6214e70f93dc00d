import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** How long a confirmation stays on screen, unless the next one replaces it sooner. */
const SHOWN_FOR_MS = 8000;

/**
 * The one way every element confirms a change it made: a polite status line (`part="notice"`)
 * that says what was done ("Token revoked."), read out by screen readers and shown for a few
 * seconds. The region is always in the DOM, empty between messages, because screen readers
 * announce changes to a live region only once it exists.
 */
export class DoneNotice implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #message = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Confirms a completed change, replacing the confirmation before it. */
  say(message: string): void {
    this.#message = message;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#message = '';
      this.#host.requestUpdate();
    }, SHOWN_FOR_MS);
    this.#host.requestUpdate();
  }

  /** Takes the confirmation away: what it was about is no longer on screen. */
  clear(): void {
    clearTimeout(this.#timer);
    if (this.#message === '') return;
    this.#message = '';
    this.#host.requestUpdate();
  }

  /** What is confirmed now, '' when nothing. */
  get message(): string {
    return this.#message;
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#message = '';
  }

  render(): TemplateResult {
    return html`<p part="notice" class="notice" role="status">${this.#message}</p>`;
  }
}
