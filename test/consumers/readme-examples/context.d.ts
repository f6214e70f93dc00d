// What the README's snippets take as given, as an app around them would have it.
import type { GrantkitClient } from 'grantkit';
import type { AdminClient } from 'grantkit/admin';

declare global {
  /** The app's client, made with createClient. */
  const sdk: GrantkitClient;
  /** The app's admin client, made with createAdminClient. */
  const admin: AdminClient;
  /** An Express app (or anything that takes connect-style middleware). */
  const app: { use(handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: (error?: unknown) => void) => void): void };
  /** A Hono app (`new Hono()`), as far as the README uses it. */
  const honoApp: { use(path: string, handler: (c: import('grantkit/server').HonoContext, next: () => Promise<void>) => Promise<Response | void>): void };
  /** The request an API handler was given. */
  const request: Request;
  /** The app's own way to show an integration. */
  function show(clientId: string): void;
}
