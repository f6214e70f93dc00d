import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * One load at a time for an element, each with its own AbortSignal: starting a load aborts the
 * one before it (its request is canceled, not only ignored, so a quick change of `client-id`
 * sends no answer anywhere), and the element leaving the page aborts the one in flight. An
 * element moved in the page (disconnected, then connected again) loads again, since the load it
 * had was aborted.
 */
export class LatestLoad implements ReactiveController {
  #current: AbortController | undefined;
  #interrupted = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly restart: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.#interrupted) return;
    this.#interrupted = false;
    this.restart();
  }

  hostDisconnected(): void {
    if (!this.#current) return;
    this.#current.abort();
    this.#current = undefined;
    this.#interrupted = true;
  }

  /** Aborts the load in flight, when what it was loading is no longer wanted (nothing is chosen now). */
  cancel(): void {
    this.#current?.abort();
    this.#current = undefined;
    this.#interrupted = false;
  }

  /**
   * Runs `load` with a fresh signal, aborting the previous load's. `load` checks
   * `signal.aborted` after each await: a load that was overtaken shows nothing and reports nothing.
   */
  async run(load: (signal: AbortSignal) => Promise<void>): Promise<void> {
    this.#current?.abort();
    const controller = new AbortController();
    this.#current = controller;
    this.#interrupted = false;
    try {
      await load(controller.signal);
    } finally {
      if (this.#current === controller) this.#current = undefined;
    }
  }
}
