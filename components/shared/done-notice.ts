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
  /** Counts say() and clear() calls: a message whose turn has passed is not shown. */
  #turn = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Confirms a completed change, replacing the confirmation before it. */
  say(message: string): void {
    const turn = this.clear();
    // Screen readers announce a change of the region's text: the same message twice in a row
    // ("The tokens of ada were revoked.", for two of ada's tokens) would be no change. So the
    // region is rendered empty first, and the message in the update after.
    void this.#host.updateComplete.then(() => {
      if (turn !== this.#turn) return;
      this.#show(message);
      this.#timer = setTimeout(() => this.#show(''), SHOWN_FOR_MS);
    });
  }

  /** Takes the confirmation away (what it was about is no longer on screen); returns the new turn. */
  clear(): number {
    clearTimeout(this.#timer);
    this.#show('');
    return ++this.#turn;
  }

  hostDisconnected(): void {
    this.clear();
  }

  #show(message: string): void {
    if (message === this.#message) return;
    this.#message = message;
    this.#host.requestUpdate();
  }

  render(): TemplateResult {
    return html`<p part="notice" class="notice" role="status">${this.#message}</p>`;
  }
}
