// What the README's snippets take as given, as an app around them would have it.
import type { GrantkitClient } from 'grantkit';
import type { AdminClient } from 'grantkit/admin';

declare global {
  /** The app's client, made with createClient. */
  const sdk: GrantkitClient;
  /** The app's admin client, made with createAdminClient. */
  const admin: AdminClient;
  /** The app's own way to show an integration. */
  function show(clientId: string): void;
}
