import type { ReactiveControllerHost } from 'lit';

/**
 * What an element shows, as one immutable value: `set()` merges a change into a new value and
 * asks the element to render again. Keeping the view in one object (not in a dozen reactive
 * fields) lets a step that changes several things, say "busy off, error on", render once, and
 * lets a reset be `set(INITIAL)`.
 */
export class ViewState<V extends object> {
  #value: V;

  constructor(
    private readonly host: Pick<ReactiveControllerHost, 'requestUpdate'>,
    initial: V,
  ) {
    this.#value = initial;
  }

  /** The view as it stands; never mutated, so it may be kept and compared. */
  get value(): V {
    return this.#value;
  }

  set(changes: Partial<V>): void {
    this.#value = { ...this.#value, ...changes };
    this.host.requestUpdate();
  }
}
