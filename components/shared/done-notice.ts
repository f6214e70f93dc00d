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
  #frame = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Confirms a completed change, replacing the confirmation before it. */
  say(message: string): void {
    clearTimeout(this.#timer);
    cancelAnimationFrame(this.#frame);
    // Screen readers announce a change of the region's text: the same message twice in a row
    // ("The tokens of ada were revoked.", for two of ada's tokens) would be no change. Empty
    // first, and the message a frame later.
    this.#message = '';
    this.#host.requestUpdate();
    this.#frame = requestAnimationFrame(() => {
      this.#message = message;
      this.#host.requestUpdate();
      this.#timer = setTimeout(() => {
        this.#message = '';
        this.#host.requestUpdate();
      }, SHOWN_FOR_MS);
    });
  }

  /** Takes the confirmation away: what it was about is no longer on screen. */
  clear(): void {
    clearTimeout(this.#timer);
    cancelAnimationFrame(this.#frame);
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
    cancelAnimationFrame(this.#frame);
    this.#message = '';
  }

  render(): TemplateResult {
    return html`<p part="notice" class="notice" role="status">${this.#message}</p>`;
  }
}
