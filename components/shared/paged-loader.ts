import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export type LoaderStatus = 'idle' | 'loading' | 'more' | 'ready' | 'error';

/**
 * Loads a cursor-paged list for an element: the first page, further pages on demand, and a
 * reload that cancels the requests of the list before it (a search typed on top of another: the
 * older request is aborted, not only ignored). Leaving the page aborts a request in flight, and
 * coming back loads again.
 */
export class PagedLoader<T> implements ReactiveController {
  items: T[] = [];
  next: string | null = null;
  status: LoaderStatus = 'idle';
  error: unknown;
  /** The signal of the current list: a reload aborts it and starts another. */
  #list = new AbortController();
  #interrupted: LoaderStatus | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
    private readonly onError: (error: unknown) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const interrupted = this.#interrupted;
    this.#interrupted = undefined;
    if (interrupted === 'loading') void this.reload();
    else if (interrupted === 'more') {
      // The same list, with a signal of its own again: the one the disconnect aborted would fail at once.
      this.#list = new AbortController();
      this.retryMore();
    }
  }

  hostDisconnected(): void {
    if (this.status !== 'loading' && this.status !== 'more') return;
    this.#interrupted = this.status;
    this.#list.abort();
  }

  async reload(): Promise<void> {
    this.#list.abort();
    const list = new AbortController();
    this.#list = list;
    // A new list: what a move in the page interrupted is not to be taken up, and the rows and
    // cursor of the list before are not this one's (a failure must not show them, nor page on from them).
    this.#interrupted = undefined;
    this.items = [];
    this.next = null;
    this.#set('loading');
    this.error = undefined;
    try {
      const page = await this.fetchPage(undefined, list.signal);
      if (list.signal.aborted) return;
      this.items = page.items;
      this.next = page.next_cursor;
      this.#set('ready');
    } catch (error) {
      if (!list.signal.aborted) this.#fail(error);
    }
  }

  async loadMore(): Promise<void> {
    if (!this.next || this.status !== 'ready') return;
    const list = this.#list;
    this.#set('more');
    try {
      const page = await this.fetchPage(this.next, list.signal);
      if (list.signal.aborted) return;
      this.items = [...this.items, ...page.items];
      this.next = page.next_cursor;
      this.#set('ready');
    } catch (error) {
      if (!list.signal.aborted) this.#fail(error);
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
