import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { MAX_NAME_LENGTH } from '../admin/names.js';
import { saveIntegration } from '../admin/integrations.js';
import type { StoredIntegration } from '../admin/records.js';
import { insertScope } from '../admin/scopes.js';
import { api, clientCredentials, refresh, signIn, start, type Running } from './support.js';

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
  const bulk: string[] = [];
  const bulkScopes: string[] = [];

  before(async () => {
    server = await start();
    // Put straight into the database: ten integrations share each millisecond, as a bulk
    // import or concurrent creates would, so the order of their client_ids decides.
    await server.db.transaction(async (tx) => {
      for (let n = 0; n < 10_000; n++) {
        const at = new Date(now - Math.floor(n / 10) * 1000).toISOString();
        const integration: StoredIntegration = {
          client_id: `gk_${randomBytes(12).toString('base64url')}`, client_name: `Bulk ${n}`, version: '1', description: '', kind: 'service',
          token_endpoint_auth_method: 'client_secret_basic', redirect_uris: [], post_logout_redirect_uris: [], grant_types: ['client_credentials'],
          access_token_lifetime: 3600, refresh_count: null, scopes: [], status: 'active', created_at: at, updated_at: at,
        };
        bulk.push(integration.client_id);
        await saveIntegration(tx, integration);
      }
      // Names that differ only in punctuation and case, which a locale-aware sort orders otherwise than `<`.
      for (let n = 0; n < 10_000; n++) {
        const at = new Date(now).toISOString();
        const name = `bulk${['-', '_', '.', ':', ''][n % 5]}${n % 2 === 0 ? 'A' : 'b'}${n}`;
        bulkScopes.push(name);
        await insertScope(tx, { name, description: '', service_urls: [], created_at: at, updated_at: at });
      }
    });
    // Client-credentials tokens issued in the same second, through the provider's storage.
    const storage = server.storage.adapter('ClientCredentials');
    const iat = Math.floor(now / 1000);
    for (const [n, clientId] of bulk.entries()) {
      const jti = randomBytes(32).toString('base64url');
      await storage.upsert(jti, { jti, kind: 'ClientCredentials', clientId, scope: '', iat: iat - Math.floor(n / 100), exp: iat + 3600 }, 3600);
    }
    // Signed in after the bulk load: a connection kept alive across it may be closed under the first request.
    call = api(server, (await signIn(server, 'ada@example.com', 'ada-demo')).access_token);
  });
  after(() => server.close());

  it('integrations: newest first', async () => {
    const seen = await pageAll(call, '/integrations');
    const all = (await server.db.query<{ client_id: string }>('select client_id from integrations')).map((r) => r.client_id);
    assertEachOnce(seen.map((i) => i.client_id), all, 'integrations');
    const times = seen.map((i) => Date.parse(String(i.created_at)));
    assert.ok(times.every((t, i) => i === 0 || t <= times[i - 1]!), 'newest first');
  });

  it('scopes: by name', async () => {
    const seen = (await pageAll(call, '/scopes')).map((s) => String(s.name));
    assertEachOnce(seen, bulkScopes.concat(['projects:read', 'projects:write', 'reports:read']), 'scopes');
    const keys = seen.map((s) => s.toLowerCase());
    assert.ok(keys.every((k, i) => i === 0 || k > keys[i - 1]!), 'by name');
  });

  it('tokens: newest first', async () => {
    const seen = await pageAll(call, '/tokens');
    assert.equal(new Set(seen.map((t) => t.id)).size, seen.length, 'no token listed twice');
    const bulkIds = new Set(bulk);
    assertEachOnce(seen.map((t) => t.client_id).filter((id) => bulkIds.has(String(id))), bulk, 'tokens (one per bulk integration)');
    const times = seen.map((t) => Date.parse(String(t.issued_at)));
    assert.ok(times.every((t, i) => i === 0 || t <= times[i - 1]!), 'newest first');
  });
});

let server: Running;
let admin: ReturnType<typeof api>;

before(async () => {
  server = await start();
  admin = api(server, (await signIn(server, 'ada@example.com', 'ada-demo')).access_token);
});
after(() => server.close());

interface Credentials {
  client_id: string;
  client_secret?: string;
}

/** RFC 7662 introspection, authenticated as a confidential client (Basic) or as a public one (client_id only). */
async function introspect(token: string, as: Credentials): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const body = new URLSearchParams({ token });
  if (as.client_secret === undefined) body.set('client_id', as.client_id);
  else headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(as.client_id)}:${encodeURIComponent(as.client_secret)}`).toString('base64')}`;
  const res = await fetch(`${server.origin}/token/introspection`, { method: 'POST', headers, body });
  return (await res.json()) as Record<string, unknown>;
}

/** A confidential integration that may use the client credentials grant, with its secret. */
async function confidential(name: string, extra: Record<string, unknown> = {}): Promise<Credentials & { client_secret: string }> {
  const res = await admin('POST', '/integrations', {
    client_name: name, version: '1.0', token_endpoint_auth_method: 'client_secret_basic', grant_types: ['client_credentials'], ...extra,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { client_id: String(res.body!.client_id), client_secret: String(res.body!.client_secret) };
}

/** A public integration with its own scope, signed in through by a user: an access and a refresh token. */
async function signedInThrough(name: string) {
  await admin('POST', '/scopes', { name: `${name}:read` });
  const created = await admin('POST', '/integrations', {
    client_name: name, version: '1', token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'], redirect_uris: ['http://127.0.0.1:9/callback'],
  });
  const clientId = String(created.body!.client_id);
  await admin('PUT', `/integrations/${clientId}/scopes/${name}:read`);
  const tokens = await signIn(server, 'vic@example.com', 'vic-demo', { clientId, redirectUri: 'http://127.0.0.1:9/callback', scope: `openid offline_access ${name}:read` }, { params: { prompt: 'consent' } });
  return { client: { client_id: clientId }, tokens };
}

describe('the token list names tokens by handles that are no credential (RFC 6750 §5.3: bearer tokens not leaked to unintended parties)', () => {
  it('no field of any listed token is accepted as a token, and revoking by handle ends the access and refresh tokens', async () => {
    const machine = await confidential('Handle Machine');
    const machineToken = String((await clientCredentials(server, machine.client_id, machine.client_secret)).body.access_token);
    const person = await signedInThrough('handles');
    // What a real token gets, so that the refusals below mean something.
    assert.equal((await introspect(machineToken, machine)).active, true);
    assert.equal((await introspect(person.tokens.access_token, person.client)).active, true);

    const listed = (await api(server, (await signIn(server, 'vic@example.com', 'vic-demo')).access_token)('GET', '/tokens?limit=100')).body!.items as Item[];
    assert.ok(listed.some((t) => t.client_id === machine.client_id) && listed.some((t) => t.client_id === person.client.client_id), 'a viewer sees both');
    for (const token of listed) {
      for (const [field, value] of Object.entries(token)) {
        if (typeof value !== 'string' || value === '') continue;
        for (const as of [machine, person.client]) {
          const answer = await introspect(value, as);
          assert.equal(answer.active, false, `${field} of a listed token introspected by ${as.client_id}: ${JSON.stringify(answer)}`);
        }
        assert.equal((await api(server, value)('GET', '/me')).status, 401, `${field} as a bearer token at the admin API`);
        const userinfo = await fetch(`${server.origin}/me`, { headers: { authorization: `Bearer ${value}` } });
        assert.ok(userinfo.status === 400 || userinfo.status === 401, `${field} as a bearer token at userinfo: ${userinfo.status}`);
      }
    }

    const handleOf = (clientId: string) => String(listed.find((t) => t.client_id === clientId)!.id);
    assert.equal((await admin('DELETE', `/tokens/${handleOf(person.client.client_id)}`)).status, 204);
    assert.equal((await introspect(person.tokens.access_token, person.client)).active, false, 'the access token is revoked');
    assert.equal((await refresh(server, person.client.client_id, person.tokens.refresh_token!)).body.error, 'invalid_grant', 'and its refresh token');
    assert.equal((await admin('DELETE', `/tokens/${handleOf(machine.client_id)}`)).status, 204);
    assert.equal((await introspect(machineToken, machine)).active, false, 'the client-credentials token is revoked');
    assert.equal((await admin('DELETE', `/tokens/${encodeURIComponent(machineToken)}`)).status, 404, 'a token value is not a handle');
  });
});

describe('introspection answers only the client a token was issued to (RFC 7662 §2.2, §4)', () => {
  it("another integration, even one naming the same audience, learns nothing; the token's own client is told it is active", async () => {
    const owner = await confidential('Introspected Owner', { audience: 'https://api.example.com' });
    const other = await confidential('Introspecting Other', { audience: 'https://api.example.com' });
    const token = String((await clientCredentials(server, owner.client_id, owner.client_secret)).body.access_token);
    assert.deepEqual(await introspect(token, other), { active: false });
    const own = await introspect(token, owner);
    assert.equal(own.active, true);
    assert.equal(own.client_id, owner.client_id);

    const person = await signedInThrough('introspected');
    assert.deepEqual(await introspect(person.tokens.access_token, other), { active: false }, "a user's access token");
    assert.deepEqual(await introspect(person.tokens.refresh_token!, other), { active: false }, "a user's refresh token");
    assert.equal((await introspect(person.tokens.access_token, person.client)).active, true);
  });
});

describe('personal access tokens are managed from a signed-in session only', () => {
  it("a personal token, even one with the fewest permissions, cannot list, create, regenerate or revoke its owner's tokens", async () => {
    const kept = (await admin('POST', '/personal-tokens', { name: 'deploy script', expires_in_days: 30 })).body!;
    const leaked = (await admin('POST', '/personal-tokens', { name: 'leaked script', scope: ['integrations:read'], expires_in_days: 30 })).body!;
    const thief = api(server, String(leaked.token));
    assert.equal((await thief('GET', '/me')).status, 200, 'the leaked token is a valid one');

    // The kept token carries every permission of its owner, personal-tokens:write included.
    const attempts: Array<[ReturnType<typeof api>, string, string, unknown]> = [
      [thief, 'GET', '/personal-tokens', undefined],
      [thief, 'DELETE', `/personal-tokens/${kept.id}`, undefined],
      [thief, 'DELETE', `/personal-tokens/${leaked.id}`, undefined],
      [thief, 'POST', `/personal-tokens/${leaked.id}/regenerate`, undefined],
      [api(server, String(kept.token)), 'GET', '/personal-tokens', undefined],
      [api(server, String(kept.token)), 'POST', `/personal-tokens/${kept.id}/regenerate`, undefined],
      [api(server, String(kept.token)), 'POST', '/personal-tokens', { name: 'successor', expires_in_days: 1 }],
    ];
    for (const [as, method, path, body] of attempts) {
      const res = await as(method, path, body);
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.body!.code, 'forbidden');
      assert.match(String(res.body!.detail), /from a signed-in session, not with a personal access token/);
    }
    assert.equal((await thief('POST', '/personal-tokens', { name: 'successor 2', scope: ['integrations:read'], expires_in_days: 1 })).status, 403);
    assert.equal((await api(server, String(kept.token))('GET', '/me')).status, 200, 'the other token still works');
    const listed = (await admin('GET', '/personal-tokens?limit=100')).body!.items as Item[];
    assert.ok(listed.some((t) => t.id === kept.id) && listed.some((t) => t.id === leaked.id), 'both are still there');
  });
});

describe('personal access tokens per user', () => {
  it('at most 100 unexpired ones (409 conflict), expired ones not counted; each found by its hash as it is created and revoked', async () => {
    const viewer = api(server, (await signIn(server, 'vic@example.com', 'vic-demo')).access_token);
    const live = async () => (await server.db.query<{ n: number }>('select count(*)::integer as n from personal_tokens where owner = $1 and expires_at > now()', ['vic']))[0]!.n;
    const made: Item[] = [];
    while ((await live()) < 100) {
      const res = await viewer('POST', '/personal-tokens', { name: `script ${made.length}`, scope: ['integrations:read'], expires_in_days: 1 });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      made.push(res.body!);
    }
    const refused = await viewer('POST', '/personal-tokens', { name: 'one too many', expires_in_days: 1 });
    assert.equal(refused.status, 409);
    assert.equal(refused.body!.code, 'conflict');
    assert.match(String(refused.body!.detail), /100 unexpired personal access tokens, the most one user may hold/);

    await server.db.query('update personal_tokens set expires_at = $2 where id = $1', [made[0]!.id, new Date(Date.now() - 1000)]);
    const replacement = await viewer('POST', '/personal-tokens', { name: 'after one expired', scope: ['integrations:read'], expires_in_days: 1 });
    assert.equal(replacement.status, 201, 'an expired token does not count');
    const revived = await viewer('POST', `/personal-tokens/${made[0]!.id}/regenerate`);
    assert.equal(revived.status, 409, 'regenerating an expired token makes it count again: at the limit, refused');
    assert.equal(revived.body!.code, 'conflict');
    assert.equal((await viewer('POST', `/personal-tokens/${made[4]!.id}/regenerate`)).status, 200, 'a live one may be regenerated at the limit');
    assert.equal((await api(server, String(made[4]!.token))('GET', '/me')).status, 401, 'and its old value is gone');

    assert.equal((await viewer('DELETE', `/personal-tokens/${made[1]!.id}`)).status, 204);
    assert.equal((await api(server, String(made[1]!.token))('GET', '/me')).status, 401, 'a revoked token is not found');
    assert.equal((await api(server, String(made[0]!.token))('GET', '/me')).status, 401, 'an expired one is refused');
    for (const token of [made[2]!.token, made[made.length - 1]!.token, replacement.body!.token]) {
      assert.equal((await api(server, String(token))('GET', '/me')).status, 200, 'the others are found');
    }
  });
});

describe("scopes the server defines are not the admins' to create; deleted scopes leave discovery", () => {
  const discovered = async () => {
    const res = await fetch(`${server.origin}/.well-known/openid-configuration`);
    return ((await res.json()) as { scopes_supported: string[] }).scopes_supported;
  };

  it('refuses openid, offline_access, profile, email, roles and grantkit:admin, in any case, on /body/name', async () => {
    const before = await discovered();
    for (const name of ['openid', 'offline_access', 'profile', 'email', 'roles', 'grantkit:admin', 'OpenID', 'Offline_Access', 'EMAIL', 'GrantKit:Admin']) {
      const res = await admin('POST', '/scopes', { name, description: 'mine now' });
      assert.equal(res.status, 400, name);
      assert.equal(res.body!.code, 'validation_failed', name);
      assert.deepEqual(res.body!.errors.map((e: { path: string }) => e.path), ['/body/name'], name);
    }
    assert.deepEqual(await discovered(), before, 'discovery is unchanged');
    const listed = (await pageAll(admin, '/scopes')).map((s) => String(s.name).toLowerCase());
    assert.ok(!listed.includes('openid') && !listed.includes('grantkit:admin'), 'none of them was stored');
  });

  it("offers a created scope in scopes_supported, and no longer once it is deleted", async () => {
    assert.equal((await admin('POST', '/scopes', { name: 'ephemeral:read' })).status, 201);
    assert.ok((await discovered()).includes('ephemeral:read'));
    assert.equal((await admin('DELETE', '/scopes/ephemeral:read')).status, 204);
    const after = await discovered();
    assert.ok(!after.includes('ephemeral:read'), 'the deleted scope is gone');
    for (const own of ['openid', 'offline_access', 'profile', 'email', 'roles', 'grantkit:admin']) assert.ok(after.includes(own), own);
  });
});

describe('integration names are unique as they look (UTS #39), and show what they are', () => {
  const create = (client_name: string, version = '2.0') =>
    admin('POST', '/integrations', { client_name, version, token_endpoint_auth_method: 'client_secret_basic', grant_types: ['client_credentials'] });

  it('refuses every look-alike of an existing name and version with duplicate_name', async () => {
    assert.equal((await create('Fleet Tracker')).status, 201);
    const lookAlikes: Array<[string, string, string?]> = [
      ['in other case', 'FLEET tracker'],
      ['with a Cyrillic Е and а', 'Fl\u0435et Tr\u0430cker'],
      ['with a Cyrillic capital Е', 'FL\u0415ET TRACKER'],
      ['with a Greek capital Tau', 'Fleet \u03A4racker'],
      ['in fullwidth letters and an ideographic space', '\uFF26\uFF4C\uFF45\uFF45\uFF54\u3000\uFF34\uFF52\uFF41\uFF43\uFF4B\uFF45\uFF52'],
      ['in mathematical bold letters', '\u{1D405}\u{1D425}\u{1D41E}\u{1D41E}\u{1D42D} \u{1D413}\u{1D42B}\u{1D41A}\u{1D41C}\u{1D424}\u{1D41E}\u{1D42B}'],
      ['with a no-break space', 'Fleet\u00A0Tracker'],
      ['with runs of spaces around it', '  Fleet    Tracker  '],
      ['with the fl ligature', '\uFB02eet Tracker'],
      ['with a variation selector', 'Fleet\uFE0F Tracker'],
      ['with a version that has the letter O for zero', 'Fleet Tracker', '2.O'],
    ];
    for (const [what, name, version] of lookAlikes) {
      const res = await create(name, version);
      assert.equal(res.status, 409, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
      assert.equal(res.body!.code, 'duplicate_name', what);
      assert.deepEqual(res.body!.errors.map((e: { path: string }) => e.path), ['/body/client_name'], what);
    }
    assert.equal((await create('Fleet Tracker Pro')).status, 201, 'another name');
    assert.equal((await create('Fleet Tracker', '2.1')).status, 201, 'another version');
    assert.equal((await create('Fleet Tracker \u00E9')).status, 201, 'an accent is no look-alike');
  });

  it('refuses invisible, control and direction-changing characters, and names with nothing to see, on the field', async () => {
    const refused: Array<[string, string, string?]> = [
      ['a zero-width space only', '\u200B'],
      ['a Hangul filler only', '\u3164'],
      ['a blank Braille cell only', '\u2800'],
      ['a combining accent only', '\u0301'],
      ['no-break spaces only', '\u00A0 \u00A0'],
      ['a right-to-left override', 'Fleet Tracker \u202E0.2'],
      ['a right-to-left isolate', 'Fleet \u2067Tracker'],
      ['a zero-width space inside', 'Fleet\u200BTracker'],
      ['a zero-width joiner', 'Fleet\u200DTracker'],
      ['a byte-order mark', '\uFEFFFleet Tracker'],
      ['a soft hyphen', 'Fle\u00ADet Tracker'],
      ['a tag character', 'Fleet Tracker\u{E0041}'],
      ['a Hangul filler inside', 'Fleet\u3164Tracker'],
      ['a line separator', 'Fleet\u2028Tracker'],
      ['a control character', 'Fleet\u0007Tracker'],
      ['a lone surrogate', 'Fleet \uD800'],
      ['a private-use character', 'Fleet \uE000'],
      ['a right-to-left override in the version', 'Fleet Tracker', '2.0\u202E'],
    ];
    for (const [what, name, version] of refused) {
      const res = await create(name, version);
      assert.equal(res.status, 400, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
      assert.equal(res.body!.code, 'validation_failed', what);
      assert.deepEqual(res.body!.errors.map((e: { path: string }) => e.path), [version ? '/body/version' : '/body/client_name'], what);
    }
  });

  it('stores the name in its normal form, which the login page shows', async () => {
    const created = await create('\uFF37\uFF49\uFF44\uFF47\uFF45\uFF54\u3000\u3000Sync', '1');
    assert.equal(created.status, 201);
    assert.equal(created.body!.client_name, 'Widget Sync');
    // A name within the document's length whose normal form is longer (U+FDFA is 18 letters in NFKC).
    const long = await create('\uFDFA'.repeat(10));
    assert.equal(long.status, 400);
    assert.deepEqual(long.body!.errors.map((e: { path: string }) => e.path), ['/body/client_name']);
    const document = parse(readFileSync(new URL('../../../docs/admin-api.yaml', import.meta.url), 'utf8')) as { components: { schemas: Record<string, { maxLength?: number }> } };
    assert.equal(MAX_NAME_LENGTH, document.components.schemas.IntegrationName?.maxLength, 'the limit is the document\'s');
  });
});

describe('work per request', () => {
  it('a token request reads its integration once, and still sees a rotation made just before', async () => {
    const server = await start({ seedTokens: false });
    try {
      const admin = api(server, (await signIn(server, 'ada@example.com', 'ada-demo')).access_token);
      const created = (await admin('POST', '/integrations', { client_name: 'Counted reads', version: '1', token_endpoint_auth_method: 'client_secret_basic', grant_types: ['client_credentials'] })).body!;
      const query = server.db.query.bind(server.db);
      let reads = 0;
      server.db.query = ((text: string, params?: readonly unknown[]) => {
        if (/from integrations i where i\.client_id = \$1/.test(text)) reads++;
        return query(text, params);
      }) as typeof server.db.query;
      assert.equal((await clientCredentials(server, String(created.client_id), String(created.client_secret))).status, 200);
      assert.equal(reads, 1, 'oidc-provider asks for the client, its secret, its resource and its resource server: one read serves all four');
      // The memo lives for one request: a rotation is seen by the very next one.
      const rotated = await admin('POST', `/integrations/${String(created.client_id)}/secret`, {});
      assert.equal((await clientCredentials(server, String(created.client_id), String(created.client_secret))).status, 401);
      assert.equal((await clientCredentials(server, String(created.client_id), String(rotated.body!.client_secret))).status, 200);
    } finally {
      await server.close();
    }
  });
});
