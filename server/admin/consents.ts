import { newestFirstKey, page } from './paging.js';
import type { ListQuery, Schemas } from './operation-types.js';
import { ApiProblem } from './problem.js';
import type { Store, StoredConsent } from './store.js';

/** Ends every grant (and so every token) a user gave an integration. */
export type GrantRevoker = (accountId: string, clientId: string) => Promise<void>;

/**
 * Users' consents to third-party integrations: what the consent page records, what the
 * authorization server reads to skip the page next time, and what "Connected apps" lists
 * and takes back. One record per user and integration.
 */
export class Consents {
  constructor(
    private readonly store: Store,
    private readonly revokeGrants: GrantRevoker,
  ) {}

  #all(): StoredConsent[] {
    return (this.store.data.consents ??= []);
  }

  find(accountId: string, clientId: string): StoredConsent | undefined {
    return this.#all().find((c) => c.account_id === accountId && c.client_id === clientId);
  }

  /** The scopes this user has allowed this integration; empty when they never did. */
  scopesOf(accountId: string, clientId: string): ReadonlySet<string> {
    return new Set(this.find(accountId, clientId)?.scopes ?? []);
  }

  /** Adds scopes to the user's consent, creating it on first use. */
  async allow(accountId: string, clientId: string, scopes: Iterable<string>): Promise<void> {
    const now = new Date().toISOString();
    const found = this.find(accountId, clientId);
    if (found) {
      found.scopes = [...new Set([...found.scopes, ...scopes])];
      found.updated_at = now;
    } else {
      this.#all().push({ account_id: accountId, client_id: clientId, scopes: [...new Set(scopes)], granted_at: now, updated_at: now, last_used_at: null });
    }
    await this.store.save();
  }

  /** Notes that the integration got tokens under this consent. */
  touch(accountId: string, clientId: string): void {
    const found = this.find(accountId, clientId);
    if (!found) return;
    found.last_used_at = new Date().toISOString();
    void this.store.save();
  }

  /** The caller's connected apps, newest consent first. */
  list(accountId: string, query: ListQuery<'listConnectedApps'>): Schemas['ConnectedAppPage'] {
    const integrations = new Map(this.store.data.integrations.map((i) => [i.client_id, i]));
    const mine = this.#all()
      .filter((c) => c.account_id === accountId && integrations.has(c.client_id))
      .map((c) => ({ consent: c, key: newestFirstKey(Date.parse(c.granted_at), c.client_id) }));
    const result = page(mine, (m) => m.key, query.cursor, query.limit);
    return {
      items: result.items.map(({ consent }) => {
        const integration = integrations.get(consent.client_id)!;
        return {
          client_id: consent.client_id,
          client_name: integration.client_name,
          version: integration.version,
          description: integration.description,
          scope: consent.scopes.join(' '),
          granted_at: consent.granted_at,
          last_used_at: consent.last_used_at,
        };
      }),
      next_cursor: result.next_cursor,
    };
  }

  /** Takes the consent back and ends every token the integration holds for this user. */
  async revoke(accountId: string, clientId: string): Promise<void> {
    const found = this.find(accountId, clientId);
    if (!found) throw new ApiProblem('not_found', `you have not connected an integration with client_id "${clientId}"`);
    this.store.data.consents = this.#all().filter((c) => c !== found);
    await this.store.save();
    await this.revokeGrants(accountId, clientId);
  }
}
