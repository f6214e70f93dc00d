import type { ReactiveController, ReactiveElement } from 'lit';

// Elements choose their strings by the nearest `lang` when they render. So that a page can
// switch language at run time, one observer (for all elements) watches `lang` attributes in
// the document and has every connected element render again. A `lang` set inside some other
// component's shadow root is not seen by it; set it on the element or above its host.
const hosts = new Set<ReactiveElement>();
let observer: MutationObserver | undefined;

function updateAll(): void {
  for (const host of hosts) host.requestUpdate();
}

/** Renders its element again whenever a `lang` attribute changes, or a translation is registered. */
export class LanguageWatch implements ReactiveController {
  readonly #host: ReactiveElement;

  constructor(host: ReactiveElement) {
    this.#host = host;
  }

  hostConnected(): void {
    hosts.add(this.#host);
    if (!observer && typeof MutationObserver !== 'undefined') {
      observer = new MutationObserver(updateAll);
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    if (hosts.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }
}

/** A table registered after elements rendered: those that speak it render again. */
export function languagesChanged(): void {
  updateAll();
}
