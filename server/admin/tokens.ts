import type { ListQuery, Schemas } from './operation-types.js';
import { ApiProblem } from './problem.js';
import { newestFirstKey, page } from './paging.js';
import type { Store } from './store.js';

/** An issued token as the authorization server reports it (times in seconds since the epoch). */
export interface IssuedToken {
  id: string;
  clientId: string;
  subject: string;
  scope: string;
  issuedAt: number;
  expiresAt: number;
  hasRefreshToken: boolean;
  refreshesUsed: number;
}

export interface TokenSource {
  issued(): IssuedToken[];
  revoke(id: string): boolean;
}

/** Tokens of integrations, as the token management pages of the reference consoles show them. */
export class Tokens {
  constructor(
    private readonly store: Store,
    private readonly source: TokenSource,
  ) {}

  list(query: ListQuery<'listTokens'>): Schemas['TokenPage'] {
    const integrations = new Map(this.store.data.integrations.map((i) => [i.client_id, i]));
    const now = Date.now() / 1000;
    const issued = this.source
      .issued()
      .filter((t) => integrations.has(t.clientId))
      .filter((t) => !query.client_id || t.clientId === query.client_id)
      .filter((t) => !query.subject || t.subject === query.subject);
    // Newest first, ties broken by id. Only the page sent is dressed for the answer.
    const key = (t: IssuedToken) => newestFirstKey(t.issuedAt * 1000, t.id);
    const result = page(issued, key, query.cursor, query.limit);
    const items = result.items.map((t) => {
      const integration = integrations.get(t.clientId)!;
      const remaining = integration.refresh_count === null ? null : Math.max(0, integration.refresh_count - t.refreshesUsed);
      return {
        id: t.id,
        client_id: t.clientId,
        subject: t.subject,
        scope: t.scope,
        issued_at: new Date(t.issuedAt * 1000).toISOString(),
        // "Lifetime": the integration's tokens never expire.
        expires_at: integration.access_token_lifetime === null ? null : new Date(t.expiresAt * 1000).toISOString(),
        expired: integration.access_token_lifetime !== null && t.expiresAt <= now,
        has_refresh_token: t.hasRefreshToken,
        refresh_count_remaining: t.hasRefreshToken ? remaining : 0,
      };
    });
    return { items, next_cursor: result.next_cursor };
  }

  revoke(id: string): void {
    const known = this.source.issued().find((t) => t.id === id);
    if (!known || !this.store.data.integrations.some((i) => i.client_id === known.clientId) || !this.source.revoke(id)) {
      throw new ApiProblem('not_found', `no token with id "${id}"`);
    }
  }
}
