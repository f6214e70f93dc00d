import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { StoredIntegration } from '../admin/store.js';
import { api, start, signIn, type Running } from './support.js';

// Holes found by an attack review of the reference server, each held shut by what a user
// or an attacker would see: answers of the admin API, the token endpoints and discovery.

type Item = Record<string, unknown>;

/** Follows next_cursor from the first page to the last, collecting every item. */
async function pageAll(call: ReturnType<typeof api>, path: string, limit = 100): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const res = await call('GET', `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    items.push(...(res.body!.items as Item[]));
    cursor = res.body!.next_cursor as string | null;
  } while (cursor);
  return items;
}

function assertEachOnce(seen: unknown[], expected: unknown[], what: string): void {
  const unique = new Set(seen);
  assert.equal(unique.size, seen.length, `${what}: ${seen.length - unique.size} listed twice`);
  const missing = expected.filter((id) => !unique.has(id));
  assert.deepEqual(missing.slice(0, 5), [], `${what}: ${missing.length} never listed`);
  assert.equal(seen.length, expected.length, `${what}: listed ${seen.length}, expected ${expected.length}`);
}

describe('lists of 10,000 and more page through every item exactly once, in order', () => {
  let server: Running;
  let call: ReturnType<typeof api>;
  const now = Date.now();

  before(async () => {
    server = await start();
    call = api(server, (await signIn(server, 'ada@example.com', 'ada-demo')).access_token);
    // Put straight into the store: ten integrations share each millisecond, as a bulk
    // import or concurrent creates would, so the order of their client_ids decides.
    for (let n = 0; n < 10_000; n++) {
      const at = new Date(now - Math.floor(n / 10) * 1000).toISOString();
      const integration: StoredIntegration = {
        client_id: `gk_${randomBytes(12).toString('base64url')}`, client_name: `Bulk ${n}`, version: '1', description: '',
        token_endpoint_auth_method: 'client_secret_basic', redirect_uris: [], grant_types: ['client_credentials'],
        access_token_lifetime: 3600, refresh_count: null, scopes: [], status: 'active', created_at: at, updated_at: at,
      };
      server.store.data.integrations.push(integration);
    }
    // Names that differ only in punctuation and case, which a locale-aware sort orders otherwise than `<`.
    for (let n = 0; n < 10_000; n++) {
      const at = new Date(now).toISOString();
      const name = `bulk${['-', '_', '.', ':', ''][n % 5]}${n % 2 === 0 ? 'A' : 'b'}${n}`;
      server.store.data.scopes.push({ name, description: '', service_urls: [], created_at: at, updated_at: at });
    }
    // Client-credentials tokens issued in the same second, through the provider's storage.
    const storage = server.tokens.adapterFor('ClientCredentials', () => undefined);
    const iat = Math.floor(now / 1000);
    for (const [n, integration] of server.store.data.integrations.entries()) {
      const jti = randomBytes(32).toString('base64url');
      await storage.upsert(jti, { jti, kind: 'ClientCredentials', clientId: integration.client_id, scope: '', iat: iat - Math.floor(n / 100), exp: iat + 3600 }, 3600);
    }
  });
  after(() => server.close());

  it('integrations: newest first', async () => {
    const seen = await pageAll(call, '/integrations');
    assertEachOnce(seen.map((i) => i.client_id), server.store.data.integrations.map((i) => i.client_id), 'integrations');
    const times = seen.map((i) => Date.parse(String(i.created_at)));
    assert.ok(times.every((t, i) => i === 0 || t <= times[i - 1]!), 'newest first');
  });

  it('scopes: by name', async () => {
    const seen = (await pageAll(call, '/scopes')).map((s) => String(s.name));
    assertEachOnce(seen, server.store.data.scopes.map((s) => s.name).filter((s) => s.startsWith('bulk')).concat(['projects:read', 'projects:write', 'reports:read']), 'scopes');
    const keys = seen.map((s) => s.toLowerCase());
    assert.ok(keys.every((k, i) => i === 0 || k > keys[i - 1]!), 'by name');
  });

  it('tokens: newest first', async () => {
    const seen = await pageAll(call, '/tokens');
    assert.equal(new Set(seen.map((t) => t.id)).size, seen.length, 'no token listed twice');
    const bulk = server.store.data.integrations.filter((i) => i.client_name.startsWith('Bulk ')).map((i) => i.client_id);
    const bulkIds = new Set(bulk);
    assertEachOnce(seen.map((t) => t.client_id).filter((id) => bulkIds.has(String(id))), bulk, 'tokens (one per bulk integration)');
    const times = seen.map((t) => Date.parse(String(t.issued_at)));
    assert.ok(times.every((t, i) => i === 0 || t <= times[i - 1]!), 'newest first');
  });
});
