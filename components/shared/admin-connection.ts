import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import type { AdminClient, Me, Permission } from '../../src/admin/index.js';
import { grantkitContext } from './context.js';

/**
 * How an element reaches the admin API: its own `admin` property, else the nearest
 * `<grantkit-provider>`'s client. Calls `onReady` once a client is there (at connect,
 * when the provider answers, or when the property is set), and again whenever `key` (what
 * the element shows, such as its `client-id`) differs from what it was last called for,
 * however and whenever it was set: a framework may set it after the element connected.
 * Gives the caller's `/me`, the provider's (asked once for all elements) or its own.
 */
export class AdminConnection implements ReactiveController {
  readonly #host: ReactiveElement & { admin: AdminClient | undefined };
  readonly #context: ContextConsumer<typeof grantkitContext, ReactiveElement>;
  readonly #onReady: (admin: AdminClient) => void;
  readonly #key: () => string;
  #me: Promise<Me> | undefined;
  #readyFor: AdminClient | undefined;
  #keyFor: string | undefined;

  constructor(host: ReactiveElement & { admin: AdminClient | undefined }, onReady: (admin: AdminClient) => void = () => undefined, key: () => string = () => '') {
    this.#host = host;
    this.#onReady = onReady;
    this.#key = key;
    this.#context = new ContextConsumer(host, { context: grantkitContext, subscribe: true, callback: () => this.#check() });
    host.addController(this);
  }

  get client(): AdminClient | undefined {
    return this.#host.admin ?? this.#context.value?.admin;
  }

  /** The caller: who they are and what they may do. */
  me(): Promise<Me> | undefined {
    const provided = this.#host.admin ? undefined : this.#context.value?.me;
    if (provided) return provided;
    const admin = this.client;
    if (!admin) return undefined;
    this.#me ??= admin.getMe();
    return this.#me;
  }

  /**
   * What the caller may do, for an element to offer only that: `/me`'s permissions, or none when
   * they cannot be read (the element then stays read-only, and the load's own failure says why).
   */
  permissions(): Promise<readonly Permission[]> | undefined {
    return this.me()?.then(
      (me) => me.permissions,
      () => [],
    );
  }

  hostConnected(): void {
    this.#check();
  }

  // Before each update, so that the element never renders what it showed for the previous key.
  hostUpdate(): void {
    this.#check();
  }

  #check(): void {
    const admin = this.client;
    const key = this.#key();
    if (!admin || (admin === this.#readyFor && key === this.#keyFor)) return;
    if (admin !== this.#readyFor) this.#me = undefined;
    this.#readyFor = admin;
    this.#keyFor = key;
    this.#onReady(admin);
  }
}
