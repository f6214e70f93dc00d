import { AsyncLocalStorage } from 'node:async_hooks';

// What a piece of work knows about the request it serves, wherever it runs: oidc-provider's
// storage and configuration calls do not see the request, but they run inside it. The
// server's entry sets it: the client's source (the address key of the socket), which the cap
// on anonymous sign-ins reads to give each source its own share, and a memo of reads that
// one request would otherwise repeat.

interface RequestContext {
  source: string;
  memo: Map<string, Promise<unknown>>;
}

const current = new AsyncLocalStorage<RequestContext>();

export function withRequestSource<T>(source: string, work: () => T): T {
  return current.run({ source, memo: new Map() }, work);
}

/** The source of the request being served, or undefined outside one (seeding, sweeps). */
export function requestSource(): string | undefined {
  return current.getStore()?.source;
}

/**
 * `load()` once per request for `key`; later calls in the same request share its answer.
 * For reads that must be fresh per request but not per call: oidc-provider asks for one
 * client's integration up to four times in one token request. Outside a request, it loads.
 */
export function onceInRequest<T>(key: string, load: () => Promise<T>): Promise<T> {
  const memo = current.getStore()?.memo;
  if (!memo) return load();
  let found = memo.get(key) as Promise<T> | undefined;
  if (!found) memo.set(key, (found = load()));
  return found;
}
