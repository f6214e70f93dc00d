import { GrantkitClient } from './client.js';
import { resolveConfig, type ClientOptions } from './config.js';
import { storageUnavailable } from './errors.js';
import { memoryStore, openTokenStore } from './token-store.js';

/**
 * Creates a client: checks the options, and reads a stored session so that
 * `isAuthenticated` is right as soon as the promise resolves. It makes no network request.
 *
 * @example
 * const sdk = await createClient({ issuer: 'https://id.example.com', clientId: 'spa', redirectUri: location.origin + '/callback' });
 */
export async function createClient(options: ClientOptions): Promise<GrantkitClient> {
  // Workers have a location but no document; Node, Deno and Bun have neither. Static tokens
  // work everywhere; sign-in needs a page.
  const config = resolveConfig(options, globalThis.location?.origin, typeof document !== 'undefined');
  if (config.kind === 'static') return new GrantkitClient(config, memoryStore(), undefined);
  const { store, tokens, fallbackCause } = await openTokenStore(config.storage, config.namespace);
  const client = new GrantkitClient(config, store, tokens);
  client.start();
  if (fallbackCause !== undefined) {
    // A task, not a microtask: the caller's `await createClient()` resumes first and can listen.
    setTimeout(() => client.dispatchEvent(new CustomEvent('error', { detail: { error: storageUnavailable(fallbackCause) } })));
  }
  return client;
}
