import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { api, signIn, start, type Running } from './support.js';

// Random and near-valid bodies thrown at every write endpoint: the server must never
// answer 5xx, and a rejected request must leave the admin state exactly as it was.

let server: Running;
let call: ReturnType<typeof api>;

before(async () => {
  server = await start();
  call = api(server, (await signIn(server, 'ada@example.com', 'ada-demo')).access_token);
});
after(() => server.close());

const adminState = async () => JSON.stringify(await Promise.all(['integrations', 'scopes', 'integration_scopes', 'personal_tokens'].map((t) => server.db.query(`select * from ${t} order by 1`))));

/** Values of the kinds a JSON body can hold, biased towards the edge cases. */
const jsonValue = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', 'https://ok.example/cb', 'http://evil.example/cb', 'javascript:alert(1)', '<script>x</script>', 'a'.repeat(3000), '\u0000', '../../etc/passwd'),
  fc.integer(),
  fc.constantFrom(-1, 0, 59, 60, 31536001, 1e300, Number.MAX_SAFE_INTEGER),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 4 }),
  fc.array(fc.constantFrom('authorization_code', 'refresh_token', 'client_credentials', 'implicit', 'password'), { maxLength: 4 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);

function nearValid(fields: string[]) {
  return fc.dictionary(fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 12 })), jsonValue, { maxKeys: fields.length + 2 });
}

const integrationFields = ['client_name', 'version', 'description', 'token_endpoint_auth_method', 'redirect_uris', 'grant_types', 'access_token_lifetime', 'refresh_count', 'audience'];
const bodies: Record<string, fc.Arbitrary<unknown>> = {
  'POST /integrations': nearValid(integrationFields),
  'PATCH /integrations/gk_erp_connector': nearValid(integrationFields),
  'POST /integrations/gk_erp_connector/secret': nearValid(['grace_period_seconds']),
  'POST /scopes': nearValid(['name', 'description', 'service_urls']),
  'PATCH /scopes/projects:read': nearValid(['description', 'service_urls']),
  'POST /personal-tokens': nearValid(['name', 'scope', 'roles', 'expires_in_days']),
  'POST /personal-tokens/pat_missingmissing/regenerate': nearValid(['expires_in_days']),
};

describe('fuzzing the write endpoints', () => {
  for (const [route, arbitrary] of Object.entries(bodies)) {
    it(`${route}: no 5xx, and nothing changes when the request is refused`, async () => {
      const [method, path] = route.split(' ') as [string, string];
      await fc.assert(
        fc.asyncProperty(fc.oneof(arbitrary, jsonValue, fc.anything()), async (body) => {
          const before = await adminState();
          const text = JSON.stringify(body) ?? 'undefined';
          const res = await call(method, path, text);
          assert.ok(res.status < 500, `${route} answered ${res.status} for ${text.slice(0, 300)}`);
          if (res.status >= 400) {
            assert.equal(res.headers.get('content-type'), 'application/problem+json');
            assert.equal(await adminState(), before, `${route} changed the state although it answered ${res.status}`);
          }
        }),
        { numRuns: 150, interruptAfterTimeLimit: 20_000 },
      );
    });
  }

  it('list endpoints: random query strings never produce a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('q', 'limit', 'cursor', 'status', 'client_id', 'subject', 'x'), fc.string(), { maxKeys: 4 }), fc.constantFrom('/integrations', '/scopes', '/tokens', '/personal-tokens'), async (query, path) => {
        const res = await call('GET', `${path}?${new URLSearchParams(query)}`);
        assert.ok(res.status < 500, `${path} answered ${res.status} for ${JSON.stringify(query)}`);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 20_000 },
    );
  });
});
