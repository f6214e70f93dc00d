import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { saveIntegration } from '../admin/integrations.js';
import { insertScope } from '../admin/scopes.js';
import { BACKENDS, type TestDatabase } from './databases.js';
import { api, signIn, start, type Running } from './support.js';

// Paging must give every item exactly once, whatever the names (punctuation and case order
// differently in a locale-aware sort and in a byte-wise one), whatever the ties in time, and
// while other admins create and delete integrations between pages: an item created or
// deleted meanwhile may be listed or not, but one that was there all along is never skipped
// and nothing is listed twice. On PGlite and on a real PostgreSQL, whose collation may differ.

/** Names made of the characters that order differently by locale and by code unit. */
const name = fc.array(fc.constantFrom('a', 'A', 'b', 'B', '-', '_', '.', ':', '0', '1', 'z', 'Z'), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));
/** For the order by name: also letters whose lower case differs between code points and locales. */
const wideName = fc.array(fc.constantFrom('a', 'A', 'Z', '-', 'Ä', 'ä', 'ß', 'İ', 'i', 'é', 'Σ', 'ς'), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));

const postgres = BACKENDS.find((b) => b.name === 'PostgreSQL')!;
const backends = [
  { name: 'PGlite in memory', skip: undefined, fresh: undefined },
  { name: 'PostgreSQL', skip: postgres.skip, fresh: () => postgres.fresh() },
];

for (const backend of backends) {
  describe(`paging on ${backend.name}: every item exactly once`, { skip: backend.skip }, () => {
    let server: Running;
    let call: ReturnType<typeof api>;
    let t: TestDatabase | undefined;

    before(async () => {
      t = backend.fresh ? await backend.fresh() : undefined;
      server = await start({ seedTokens: false, ...(t ? { database: t.db } : {}) });
      call = api(server, (await signIn(server, 'ada@example.com', 'ada-demo')).access_token);
    });
    after(async () => {
      await server?.close();
      await t?.drop();
    });

    it('integrations in each order (newest, oldest, name), with ties, inserts and deletes between pages', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ name: fc.oneof(name, wideName), tick: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 40 }),
          fc.integer({ min: 1, max: 7 }),
          fc.array(fc.record({ add: fc.boolean(), tick: fc.integer({ min: 0, max: 5 }) }), { maxLength: 10 }),
          fc.constantFrom('newest', 'oldest', 'name'),
          async (rows, limit, changes, sort) => {
            // A word of this run's own, so that the search keeps other runs' rows out.
            const run = `run${randomBytes(5).toString('hex')}`;
            const base = Date.now() - 60_000;
            const make = async (n: string, tick: number) => {
              const at = new Date(base + tick * 1000).toISOString();
              const clientId = `gk_${randomBytes(9).toString('base64url')}`;
              await saveIntegration(server.db, {
                client_id: clientId, client_name: `${n} ${run} ${randomBytes(3).toString('hex')}`, version: '1', description: '', kind: 'single_page',
                token_endpoint_auth_method: 'none', redirect_uris: ['https://x.example/cb'], post_logout_redirect_uris: [], grant_types: ['authorization_code'],
                access_token_lifetime: 3600, refresh_count: null, scopes: [], status: 'active', created_at: at, updated_at: at,
              });
              return clientId;
            };
            const kept = new Set<string>();
            for (const row of rows) kept.add(await make(row.name, row.tick));
            const seen: string[] = [];
            let cursor: string | null = null;
            let page = 0;
            do {
              const res = await call('GET', `/integrations?q=${run}&sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
              assert.equal(res.status, 200, JSON.stringify(res.body));
              seen.push(...(res.body!.items as Array<{ client_id: string }>).map((i) => i.client_id));
              cursor = res.body!.next_cursor as string | null;
              // Between pages, another admin creates or deletes one.
              const change = changes[page++];
              if (change?.add) await make('new', change.tick);
              else if (change) {
                const victim = [...kept].at(-1);
                if (victim) {
                  kept.delete(victim);
                  await server.db.query('delete from integrations where client_id = $1', [victim]);
                }
              }
            } while (cursor);
            assert.equal(new Set(seen).size, seen.length, `listed twice: ${seen.filter((id, i) => seen.indexOf(id) !== i).join(', ')}`);
            const missing = [...kept].filter((id) => !seen.includes(id));
            assert.deepEqual(missing, [], 'an integration there all along was skipped');
          },
        ),
        { numRuns: 40 },
      );
    });

    it('scopes, whose names differ only in punctuation and case', async () => {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(name, { minLength: 1, maxLength: 30, selector: (n) => n.toLowerCase() }), fc.integer({ min: 1, max: 7 }), async (names, limit) => {
          const run = `r${randomBytes(4).toString('hex')}`;
          const at = new Date().toISOString();
          for (const n of names) await insertScope(server.db, { name: `${run}${n}`, description: '', service_urls: [], created_at: at, updated_at: at });
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const res = await call('GET', `/scopes?q=${run}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
            assert.equal(res.status, 200, JSON.stringify(res.body));
            seen.push(...(res.body!.items as Array<{ name: string }>).map((s) => s.name));
            cursor = res.body!.next_cursor as string | null;
          } while (cursor);
          assert.deepEqual([...seen].sort(), names.map((n) => `${run}${n}`).sort(), 'each scope exactly once');
        }),
        { numRuns: 25 },
      );
    });
  });
}
