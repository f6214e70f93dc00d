import { clear, createStore } from 'idb-keyval';
import { createClient, type GrantkitClient, type InteractiveClientOptions } from '../../src/index.js';
import { FakeAuthServer, ISSUER } from './fake-auth-server.js';
import { startWorker, worker } from './msw.js';

let serial = 0;
const clients: GrantkitClient[] = [];

/** A client id no earlier test used, so tests never share a stored session or channel. */
export function freshClientId(): string {
  return `spa-${Date.now()}-${++serial}`;
}

export async function setUpFake(fake = new FakeAuthServer()): Promise<FakeAuthServer> {
  await startWorker();
  worker.resetHandlers(...fake.handlers());
  return fake;
}

export async function makeClient(options: Partial<InteractiveClientOptions> = {}): Promise<GrantkitClient> {
  const sdk = await createClient({
    issuer: ISSUER,
    clientId: freshClientId(),
    redirectUri: `${location.origin}/callback`,
    ...options,
  } as InteractiveClientOptions);
  clients.push(sdk);
  return sdk;
}

/** Signs in through the fake server's authorize step and the real callback handling. */
export async function signIn(fake: FakeAuthServer, sdk: GrantkitClient): Promise<void> {
  const url = await sdk.createAuthorizationUrl();
  await sdk.handleRedirectCallback(await fake.authorize(url));
}

export async function resetBrowserState(): Promise<void> {
  for (const sdk of clients.splice(0)) sdk.close();
  sessionStorage.clear();
  await clear(createStore('grantkit', 'sessions'));
}

export function nextEvent<T extends Event>(target: EventTarget, type: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeoutMs} ms`)), timeoutMs);
    target.addEventListener(type, (event) => {
      clearTimeout(timer);
      resolve(event as T);
    }, { once: true });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
