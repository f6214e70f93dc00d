import { AsyncLocalStorage } from 'node:async_hooks';

// Which client a piece of work is for, wherever it runs during the request: oidc-provider's
// storage calls do not see the request, but they run inside it. The server's entry sets it
// (the address key of the socket); the cap on anonymous sign-ins reads it to give each
// source its own share.

const current = new AsyncLocalStorage<string>();

export function withRequestSource<T>(source: string, work: () => T): T {
  return current.run(source, work);
}

/** The source of the request being served, or undefined outside one (seeding, sweeps). */
export function requestSource(): string | undefined {
  return current.getStore();
}
