import type { TokenSet } from './token-store.js';

export type SessionMessage =
  | { type: 'tokens'; tokens: TokenSet }
  | { type: 'ended'; reason: 'logout' | 'expired' };

/** Tells the other tabs of this origin about new tokens and ended sessions. */
export class SessionChannel {
  readonly #channel: BroadcastChannel | undefined;

  constructor(namespace: string, onMessage: (message: SessionMessage) => void) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(`grantkit:${namespace}`);
    this.#channel.onmessage = (event: MessageEvent<SessionMessage>) => onMessage(event.data);
  }

  post(message: SessionMessage): void {
    this.#channel?.postMessage(message);
  }

  close(): void {
    this.#channel?.close();
  }
}
