import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Leaving the page (reload, another URL, closing the tab) while `unsaved()` asks first. */
export class UnsavedGuard implements ReactiveController {
  readonly #beforeUnload = (event: BeforeUnloadEvent): void => {
    if (!this.unsaved()) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    event.returnValue = '';
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly unsaved: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeunload', this.#beforeUnload);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeunload', this.#beforeUnload);
  }
}
