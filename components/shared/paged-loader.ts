import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export type LoaderStatus = 'idle' | 'loading' | 'more' | 'ready' | 'error';

/**
 * Loads a cursor-paged list for an element: the first page, further pages on demand, and
 * a reload that drops answers to older requests (a search typed on top of another).
 */
export class PagedLoader<T> implements ReactiveController {
  items: T[] = [];
  next: string | null = null;
  status: LoaderStatus = 'idle';
  error: unknown;
  #generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  async reload(): Promise<void> {
    const generation = ++this.#generation;
    this.#set('loading');
    this.error = undefined;
    try {
      const page = await this.fetchPage(undefined);
      if (generation !== this.#generation) return;
      this.items = page.items;
      this.next = page.next_cursor;
      this.#set('ready');
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
    }
  }

  async loadMore(): Promise<void> {
    if (!this.next || this.status !== 'ready') return;
    const generation = this.#generation;
    this.#set('more');
    try {
      const page = await this.fetchPage(this.next);
      if (generation !== this.#generation) return;
      this.items = [...this.items, ...page.items];
      this.next = page.next_cursor;
      this.#set('ready');
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
    }
  }

  /** After a failed `loadMore`: try the same page again. */
  retryMore(): void {
    this.status = 'ready';
    void this.loadMore();
  }

  remove(predicate: (item: T) => boolean): void {
    this.items = this.items.filter((item) => !predicate(item));
    this.host.requestUpdate();
  }

  #fail(error: unknown): void {
    this.error = error;
    this.#set('error');
    this.onError(error);
  }

  #set(status: LoaderStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
