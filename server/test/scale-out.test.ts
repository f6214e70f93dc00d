import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../db/database.js';
import { BACKENDS } from './databases.js';
import { api, clientCredentials, dpopKeys, dpopProof, refresh, signIn, start, type Running } from './support.js';

// Two server processes on one database behind one origin, as a load balancer would put
// them: whatever one of them did, the other knows at once. On a real PostgreSQL (two
// connection pools, as two processes would hold) and, where none runs, on one PGlite
// shared by both apps.

/** A load balancer for one origin that sends each request to the instance `route` picks. */
async function balancer(route: () => Running): Promise<{ origin: string; port: number; server: Server }> {
  const server = createServer((req, res) => {
    const target = route();
    const upstream = httpRequest({ host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, port, server };
}

const backends = [
  BACKENDS.find((b) => b.name === 'PostgreSQL')!,
  { name: 'one PGlite shared by both', skip: undefined, fresh: BACKENDS.find((b) => b.name === 'PGlite in memory')!.fresh },
];

for (const backend of backends) {
  describe(`two server instances on ${backend.name} behave as one`, { skip: backend.skip }, () => {
    let a: Running;
    let b: Running;
    let lb: Awaited<ReturnType<typeof balancer>>;
    let next: () => Running;
    let drop: () => Promise<void>;
    /** The app as a client sees it: the balancer's origin, whichever instance answers. */
    let viaBalancer: Running;

    before(async () => {
      const t = await backend.fresh();
      drop = t.drop;
      const second: Database = backend.name === 'PostgreSQL' ? await t.reopen() : t.db;
      lb = await balancer(() => next());
      a = await start({ origin: lb.origin, database: t.db });
      b = await start({ origin: lb.origin, database: second });
      viaBalancer = { ...a, origin: lb.origin };
      next = () => a;
    });
    after(async () => {
      await a?.close();
      await b?.close();
      lb?.server.close();
      await drop?.();
    });

    it('signs in through the first and refreshes through the second; the first then detects reuse of the old refresh token', async () => {
      next = () => a;
      const session = await signIn(viaBalancer, 'ada@example.com', 'ada-demo', {
        clientId: 'grantkit-demo', redirectUri: `${lb.origin}/`, scope: 'openid offline_access grantkit:admin', resource: a.adminAudience,
      });
      assert.ok(session.refresh_token);

      next = () => b;
      const refreshed = await refresh(viaBalancer, 'grantkit-demo', session.refresh_token!);
      assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
      // A token signed by the second instance is good at the first: one signing key.
      next = () => a;
      assert.equal((await api(viaBalancer, refreshed.body.access_token)('GET', '/me')).status, 200);

      // The old refresh token, replayed at the first instance: reuse, and the whole grant ends.
      const replayed = await refresh(viaBalancer, 'grantkit-demo', session.refresh_token!);
      assert.equal(replayed.status, 400);
      assert.equal(replayed.body.error, 'invalid_grant');
      next = () => b;
      const rotated = await refresh(viaBalancer, 'grantkit-demo', refreshed.body.refresh_token);
      assert.equal(rotated.status, 400, 'the refresh token issued by the second instance ended with the grant');
      assert.equal((await api(viaBalancer, refreshed.body.access_token)('GET', '/me')).status, 401, 'and so did admin access');
    });

    it('of two refreshes of one token racing at both instances, one succeeds and the other trips reuse detection', async () => {
      next = () => a;
      const session = await signIn(viaBalancer, 'ada@example.com', 'ada-demo', {
        clientId: 'grantkit-demo', redirectUri: `${lb.origin}/`, scope: 'openid offline_access grantkit:admin', resource: a.adminAudience,
      });
      let turn = 0;
      next = () => (turn++ % 2 === 0 ? a : b);
      const answers = await Promise.all([refresh(viaBalancer, 'grantkit-demo', session.refresh_token!), refresh(viaBalancer, 'grantkit-demo', session.refresh_token!)]);
      assert.deepEqual(answers.map((r) => r.status).sort(), [200, 400], JSON.stringify(answers.map((r) => r.body)));
      assert.ok(turn >= 2, 'both instances were asked');
    });

    it('a secret rotated through one instance is refused at the other\'s token endpoint at once', async () => {
      next = () => a;
      const admin = api(viaBalancer, (await signIn(viaBalancer, 'ada@example.com', 'ada-demo', {
        clientId: 'grantkit-demo', redirectUri: `${lb.origin}/`, scope: 'openid grantkit:admin', resource: a.adminAudience,
      })).access_token);
      const created = await admin('POST', '/integrations', { client_name: 'Nightly export', version: '1', token_endpoint_auth_method: 'client_secret_basic', grant_types: ['client_credentials'] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const id = String(created.body!.client_id);
      const oldSecret = String(created.body!.client_secret);

      next = () => b;
      assert.equal((await clientCredentials(viaBalancer, id, oldSecret)).status, 200, 'the second instance knows the integration the first created');

      next = () => a;
      const rotated = await admin('POST', `/integrations/${id}/secret`, { grace_period_seconds: 0 });
      assert.equal(rotated.status, 200, JSON.stringify(rotated.body));

      next = () => b;
      const refused = await clientCredentials(viaBalancer, id, oldSecret);
      assert.equal(refused.status, 401);
      assert.equal(refused.body.error, 'invalid_client');
      assert.equal((await clientCredentials(viaBalancer, id, String(rotated.body!.client_secret))).status, 200);

      // Deactivated through one, refused by the other.
      next = () => a;
      assert.equal((await admin('POST', `/integrations/${id}/deactivate`)).status, 200);
      next = () => b;
      assert.equal((await clientCredentials(viaBalancer, id, String(rotated.body!.client_secret))).status, 401);
    });

    it('two rotations racing at both instances, with a grace period: both secrets they hand out work, and no third', async () => {
      next = () => a;
      const admin = api(viaBalancer, (await signIn(viaBalancer, 'ada@example.com', 'ada-demo', {
        clientId: 'grantkit-demo', redirectUri: `${lb.origin}/`, scope: 'openid grantkit:admin', resource: a.adminAudience,
      })).access_token);
      const created = await admin('POST', '/integrations', { client_name: 'Raced rotation', version: '1', token_endpoint_auth_method: 'client_secret_basic', grant_types: ['client_credentials'] });
      const id = String(created.body!.client_id);
      let turn = 0;
      next = () => (turn++ % 2 === 0 ? a : b);
      const rotations = await Promise.all([1, 2].map(() => admin('POST', `/integrations/${id}/secret`, { grace_period_seconds: 600 })));
      assert.deepEqual(rotations.map((r) => r.status), [200, 200]);
      for (const [n, rotation] of rotations.entries()) {
        assert.equal((await clientCredentials(viaBalancer, id, String(rotation.body!.client_secret))).status, 200, `the secret of rotation ${n + 1}`);
      }
      assert.equal((await clientCredentials(viaBalancer, id, String(created.body!.client_secret))).status, 401, 'the first secret is two rotations old');

      // The grace period ended through one instance: the other refuses the rotated-out secret at once.
      next = () => b;
      assert.equal((await admin('DELETE', `/integrations/${id}/secret/previous`)).status, 200);
      next = () => a;
      const still = [];
      for (const rotation of rotations) still.push((await clientCredentials(viaBalancer, id, String(rotation.body!.client_secret))).status);
      assert.deepEqual(still.sort(), [200, 401], 'only the current secret works');
    });

    it('a DPoP proof the first instance took is refused when replayed at the second', async () => {
      next = () => a;
      const keys = await dpopKeys();
      const tokens = await signIn(viaBalancer, 'ada@example.com', 'ada-demo', {
        clientId: 'grantkit-demo-dpop', redirectUri: `${lb.origin}/admin`, scope: 'openid grantkit:admin', resource: a.adminAudience, dpop: keys,
      });
      const me = `${lb.origin}/admin/v1/me`;
      const call = async (proof: string) => api(viaBalancer, undefined)('GET', '/me', undefined, { authorization: `DPoP ${tokens.access_token}`, dpop: proof });
      const challenge = await call(await dpopProof(keys, 'GET', me, tokens.access_token));
      const nonce = challenge.headers.get('dpop-nonce');
      assert.ok(nonce, 'the first answer names the nonce');
      const proof = await dpopProof(keys, 'GET', me, tokens.access_token, { nonce });
      assert.equal((await call(proof)).status, 200);

      next = () => b;
      const replayed = await call(proof);
      assert.equal(replayed.status, 401);
      assert.match(replayed.headers.get('www-authenticate') ?? '', /the proof was used before/);
      // The nonce the first instance handed out is good at the second: one nonce secret.
      assert.equal((await call(await dpopProof(keys, 'GET', me, tokens.access_token, { nonce }))).status, 200);
    });

    it('a scope created through one instance is enforced by the other\'s authorization endpoint at once', async () => {
      next = () => a;
      const admin = api(viaBalancer, (await signIn(viaBalancer, 'ada@example.com', 'ada-demo', {
        clientId: 'grantkit-demo', redirectUri: `${lb.origin}/`, scope: 'openid grantkit:admin', resource: a.adminAudience,
      })).access_token);
      const created = await admin('POST', '/integrations', {
        client_name: 'Ledger app', version: '1', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], redirect_uris: ['http://127.0.0.1:9/cb'],
      });
      assert.equal(created.status, 201);
      // The second instance has answered a sign-in before the scope exists (it has loaded what it knows).
      const ask = async () => {
        const url = new URL(`${lb.origin}/auth`);
        url.search = new URLSearchParams({
          client_id: String(created.body!.client_id), redirect_uri: 'http://127.0.0.1:9/cb', response_type: 'code', scope: 'openid ledger:read',
          state: 's1', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
        }).toString();
        const res = await fetch(url, { redirect: 'manual' });
        return res.headers.get('location') ?? '';
      };
      next = () => b;
      await ask();
      next = () => a;
      assert.equal((await admin('POST', '/scopes', { name: 'ledger:read' })).status, 201);

      // Not associated with the integration: the second instance refuses it, rather than leaving it out.
      next = () => b;
      const refused = new URL(await ask());
      assert.equal(refused.searchParams.get('error'), 'invalid_scope', refused.href);
    });
  });
}
