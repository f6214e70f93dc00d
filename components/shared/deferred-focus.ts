import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * focus() for an element whose content loads: moves focus to `target()` at once when it is on
 * screen, else once it shows, unless what the element shows (`key`) changed meanwhile or the
 * user went on elsewhere (focus is not worth stealing then). So an app can call it straight after
 * a selection, as a phone layout that replaces a list with the details should.
 */
export class DeferredFocus implements ReactiveController {
  /** A focus() asked while there was nothing to focus yet: for which key, and where focus was then. */
  #pending: { key: string; from: Element | null } | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly target: () => HTMLElement | null,
    private readonly key: () => string,
  ) {
    host.addController(this);
  }

  focus(options?: FocusOptions): void {
    const target = this.target();
    this.#pending = target ? undefined : { key: this.key(), from: document.activeElement };
    target?.focus(options);
  }

  hostUpdated(): void {
    const pending = this.#pending;
    if (!pending) return;
    if (this.key() !== pending.key || document.activeElement !== pending.from) {
      this.#pending = undefined;
      return;
    }
    const target = this.target();
    if (!target) return;
    this.#pending = undefined;
    target.focus();
  }
}
