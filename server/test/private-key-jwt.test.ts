import assert from 'node:assert/strict';
import { constants, createPrivateKey, generateKeyPairSync, sign, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { KEY_ID } from '../admin/public-key.js';
import { after, before, describe, it } from 'node:test';
import { calculateJwkThumbprint, exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { Database } from '../db/database.js';
import { api, databaseText, requestFrom, signIn, start, type Running } from './support.js';
import { BACKENDS } from './databases.js';

// Secretless integrations (issue #18, RFC 7523 private_key_jwt): an app proves itself with a
// JWT signed by a private key only it holds; the console registers the public half. What an
// operator relies on: nothing secret is kept or shown; a key added is accepted and a key
// removed refused at once, with no moment of lock-out in a rotation; an assertion works
// once, on every instance; and a pasted private key or a weak one is refused with a clear code.

const now = () => Math.floor(Date.now() / 1000);

interface AppKey {
  privateKey: CryptoKey | KeyObject;
  publicJwk: JWK;
  alg: string;
}

async function appKey(alg: 'ES256' | 'PS256' | 'RS256' | 'EdDSA' | 'Ed25519' = 'ES256'): Promise<AppKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, publicJwk: await exportJWK(publicKey), alg };
}

/** A client assertion as a well-behaved app makes one: short-lived, a fresh jti, for this server. */
async function assertion(server: Running, clientId: string, key: AppKey, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ jti: randomUUID(), ...claims })
    .setProtectedHeader({ alg: key.alg, ...header })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience((claims.aud as string | string[] | undefined) ?? server.origin)
    .setIssuedAt()
    .setExpirationTime((claims.exp as number | undefined) ?? now() + 60)
    .sign(key.privateKey);
}

/** An assertion whose header has `crit: ["b64"], b64: true` (RFC 7797), signed by hand: jose signs no such JWT, but would verify one. */
async function critAssertion(server: Running, clientId: string, key: KeyObject): Promise<string> {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'PS256', crit: ['b64'], b64: true })}.${part({ iss: clientId, sub: clientId, aud: server.origin, jti: randomUUID(), exp: now() + 60 })}`;
  const signature = sign('sha256', Buffer.from(input), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  return `${input}.${signature.toString('base64url')}`;
}

async function tokenWith(server: Running, signed: string, via: { port: number } = server): Promise<{ status: number; body: Record<string, any> }> {
  const reply = await requestFrom(`http://127.0.0.1:${via.port}/token`, {
    method: 'POST',
    headers: { host: new URL(server.origin).host, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope: 'projects:read',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: signed,
    }).toString(),
  });
  return { status: reply.status, body: JSON.parse(reply.body) as Record<string, any> };
}

let server: Running;
let admin: ReturnType<typeof api>;
let viewer: ReturnType<typeof api>;

before(async () => {
  server = await start();
  admin = api(server, (await signIn(server, 'ada@example.com', 'ada-demo')).access_token);
  viewer = api(server, (await signIn(server, 'vic@example.com', 'vic-demo')).access_token);
});
after(() => server.close());

let named = 0;
/** A service integration that signs in with keys, allowed projects:read. */
async function secretless(): Promise<string> {
  const created = await admin('POST', '/integrations', {
    client_name: `Key service ${++named}`, version: '1.0', token_endpoint_auth_method: 'private_key_jwt', grant_types: ['client_credentials'],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const clientId = created.body!.client_id as string;
  assert.equal((await admin('PUT', `/integrations/${clientId}/scopes/projects:read`)).status, 204);
  return clientId;
}

async function register(clientId: string, key: AppKey, extra: Record<string, unknown> = {}) {
  return admin('POST', `/integrations/${clientId}/keys`, { public_key: JSON.stringify(key.publicJwk), ...extra });
}

describe('a private_key_jwt integration', () => {
  it('has no secret: none is shown at creation, none is rotated, none is listed', async () => {
    const created = await admin('POST', '/integrations', { client_name: 'No secret', version: '1.0', token_endpoint_auth_method: 'private_key_jwt', grant_types: ['client_credentials'] });
    assert.equal(created.status, 201);
    assert.equal(created.body!.client_secret, undefined);
    assert.equal(created.body!.client_secret_last4, null);
    assert.equal(created.body!.client_type, 'confidential');
    const rotated = await admin('POST', `/integrations/${created.body!.client_id}/secret`, {});
    assert.equal(rotated.status, 409);
    assert.equal(rotated.body!.code, 'no_secret');
    assert.deepEqual((await admin('GET', `/integrations/${created.body!.client_id}/keys`)).body, { items: [] });
  });

  it('gets a token with an assertion signed by its registered key, and the token opens the API its scope names', async () => {
    const clientId = await secretless();
    const key = await appKey('ES256');
    const added = await register(clientId, key);
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const thumbprint = await calculateJwkThumbprint(key.publicJwk, 'sha256');
    assert.deepEqual(
      { kid: added.body!.kid, kty: added.body!.kty, alg: added.body!.alg, crv: added.body!.crv, key_size: added.body!.key_size, thumbprint: added.body!.thumbprint },
      { kid: thumbprint, kty: 'EC', alg: 'ES256', crv: 'P-256', key_size: 256, thumbprint },
    );
    assert.deepEqual((await viewer('GET', `/integrations/${clientId}/keys`)).body!.items.map((k: { kid: string }) => k.kid), [thumbprint], 'a viewer may read public keys');

    const token = await tokenWith(server, await assertion(server, clientId, key));
    assert.equal(token.status, 200, JSON.stringify(token.body));
    const projects = await fetch(`${server.origin}/api/projects`, { headers: { authorization: `Bearer ${token.body.access_token}` } });
    assert.equal(projects.status, 200);
    // Signed by a key nobody registered: the same claims, refused.
    const stranger = await appKey('ES256');
    const refused = await tokenWith(server, await assertion(server, clientId, stranger));
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error, 'invalid_client');
  });

  it('refuses an assertion used a second time', async () => {
    const clientId = await secretless();
    const key = await appKey();
    await register(clientId, key);
    const signed = await assertion(server, clientId, key);
    assert.equal((await tokenWith(server, signed)).status, 200);
    const again = await tokenWith(server, signed);
    assert.equal(again.status, 401);
    assert.equal(again.body.error, 'invalid_client');
  });

  it('rotates with no moment of lock-out: the new key works beside the old, then the old one stops at once', async () => {
    const clientId = await secretless();
    const old = await appKey('ES256');
    const next = await appKey('PS256');
    await register(clientId, old);
    assert.equal((await tokenWith(server, await assertion(server, clientId, old))).status, 200);
    const added = await register(clientId, next, { alg: 'PS256' });
    assert.equal(added.status, 201);
    assert.equal(added.body!.alg, 'PS256');
    assert.equal(added.body!.key_size, 2048);
    // Both at once: the app's instances move over one by one.
    assert.equal((await tokenWith(server, await assertion(server, clientId, old))).status, 200);
    assert.equal((await tokenWith(server, await assertion(server, clientId, next))).status, 200);
    const oldKid = await calculateJwkThumbprint(old.publicJwk, 'sha256');
    assert.equal((await admin('DELETE', `/integrations/${clientId}/keys/${oldKid}`)).status, 204);
    const afterRemoval = await tokenWith(server, await assertion(server, clientId, old));
    assert.equal(afterRemoval.status, 401, 'the removed key is refused at the next request');
    assert.equal((await tokenWith(server, await assertion(server, clientId, next))).status, 200);
    assert.deepEqual((await admin('GET', `/integrations/${clientId}/keys`)).body!.items.map((k: { alg: string }) => k.alg), ['PS256']);
    assert.equal((await admin('DELETE', `/integrations/${clientId}/keys/${oldKid}`)).status, 404, 'a key removed is gone');
  });

  it('holds each key to its algorithm, and refuses assertions for another audience, for several, or that live long', async () => {
    const clientId = await secretless();
    const rsa = await appKey('PS256');
    await register(clientId, rsa, { alg: 'PS256' });
    // The same RSA key, signing with PKCS#1 v1.5 (a WebCrypto key is tied to one algorithm; a KeyObject is not).
    const rs256 = { ...rsa, privateKey: createPrivateKey({ key: await exportJWK(rsa.privateKey), format: 'jwk' }), alg: 'RS256' };
    const cases: [string, string][] = [
      ['RS256 with a key registered for PS256', await assertion(server, clientId, rs256)],
      ['another server as audience', await assertion(server, clientId, rsa, { aud: 'https://elsewhere.example' })],
      ['two audiences, this server one of them', await assertion(server, clientId, rsa, { aud: [server.origin, 'https://elsewhere.example'] })],
      ['an hour to live', await assertion(server, clientId, rsa, { exp: now() + 3600 })],
      ['expired', await assertion(server, clientId, rsa, { exp: now() - 120 })],
      ['a crit header (b64, the one jose would take)', await critAssertion(server, clientId, rs256.privateKey as KeyObject)],
      ['another client as issuer', await new SignJWT({ jti: randomUUID() }).setProtectedHeader({ alg: 'PS256' }).setIssuer('gk_someone_else').setSubject(clientId)
        .setAudience(server.origin).setExpirationTime(now() + 60).sign(rsa.privateKey)],
    ];
    for (const [name, signed] of cases) {
      const answer = await tokenWith(server, signed);
      assert.ok(answer.status === 401 || answer.status === 400, `${name}: ${answer.status}`);
      assert.ok(['invalid_client', 'invalid_request'].includes(answer.body.error), `${name}: ${answer.body.error}`);
      assert.equal(answer.body.access_token, undefined, name);
    }
    // At another endpoint, the same rule: oidc-provider alone would take that endpoint's URL as the audience.
    const introspect = await requestFrom(`${server.origin}/token/introspection`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: 'anything', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: await assertion(server, clientId, rsa, { aud: `${server.origin}/token/introspection` }),
      }).toString(),
    });
    assert.equal(introspect.status, 401, introspect.body);
    // The token endpoint's URL is this server's too.
    assert.equal((await tokenWith(server, await assertion(server, clientId, rsa, { aud: `${server.origin}/token` }))).status, 200);
  });

  it('takes an Ed25519 key as browsers export it (alg "Ed25519", RFC 9864) and assertions that name that algorithm', async () => {
    const clientId = await secretless();
    const key = await appKey('Ed25519');
    const exported = { ...key.publicJwk, alg: 'Ed25519', key_ops: ['verify'], ext: true };
    const added = await admin('POST', `/integrations/${clientId}/keys`, { public_key: JSON.stringify(exported) });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal(added.body!.alg, 'Ed25519');
    assert.equal((await tokenWith(server, await assertion(server, clientId, key))).status, 200);
  });

  it('stops at once when deactivated, and its keys go with it when deleted', async () => {
    const clientId = await secretless();
    const key = await appKey('EdDSA');
    assert.equal((await register(clientId, key)).body!.alg, 'EdDSA');
    assert.equal((await admin('POST', `/integrations/${clientId}/deactivate`)).status, 200);
    assert.equal((await tokenWith(server, await assertion(server, clientId, key))).status, 401);
    assert.equal((await admin('DELETE', `/integrations/${clientId}`)).status, 204);
    const rows = await server.db.query('select 1 from integration_keys where client_id = $1', [clientId]);
    assert.equal(rows.length, 0);
  });
});

describe('registering a public key', () => {
  let clientId: string;
  before(async () => {
    clientId = await secretless();
  });
  const add = (public_key: string, extra: Record<string, unknown> = {}) => admin('POST', `/integrations/${clientId}/keys`, { public_key, ...extra });

  it('takes PEM (SPKI) as well as a JWK, and a key set of one key', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
    const pem = await add(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    assert.equal(pem.status, 201, JSON.stringify(pem.body));
    assert.deepEqual([pem.body!.kty, pem.body!.alg, pem.body!.key_size], ['RSA', 'RS256', 3072]);
    // Read back, the list says the same size as the answer that added it.
    const listed = (await admin('GET', `/integrations/${clientId}/keys`)).body!.items.find((k: { kid: string }) => k.kid === pem.body!.kid);
    assert.equal(listed.key_size, 3072);
    const { publicKey: ec384 } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const set = await add(JSON.stringify({ keys: [{ ...ec384.export({ format: 'jwk' }), kid: 'deploy-2026-12' }] }));
    assert.equal(set.status, 201, JSON.stringify(set.body));
    assert.deepEqual([set.body!.kid, set.body!.alg, set.body!.crv], ['deploy-2026-12', 'ES384', 'P-384']);
    // PKCS#1, as `openssl rsa -RSAPublicKey_out` prints it.
    const pkcs1 = await add(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'pkcs1', format: 'pem' }).toString());
    assert.equal(pkcs1.status, 201, JSON.stringify(pkcs1.body));
    // PEM made by jose, as an app's tooling would print it.
    const spki = await exportSPKI((await generateKeyPair('ES256', { extractable: true })).publicKey);
    assert.equal((await add(spki)).status, 201);
  });

  it('refuses private keys, in every form, and stores nothing of them', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = privateKey.export({ format: 'jwk' });
    const forms: [string, string][] = [
      ['a private JWK', JSON.stringify(jwk)],
      ['PKCS#8 PEM', privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()],
      ['PKCS#1 PEM', privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()],
      ['an EC private key', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'sec1', format: 'pem' }).toString()],
      ['a private JWK in a key set', JSON.stringify({ keys: [jwk] })],
    ];
    for (const [name, text] of forms) {
      const answer = await add(text);
      assert.equal(answer.status, 400, name);
      assert.equal(answer.body!.code, 'private_key', name);
      assert.equal(answer.body!.errors[0].path, '/body/public_key', name);
    }
    assert.ok(!(await databaseText(server)).includes(jwk.d!), 'no private member reached the database');
  });

  it('refuses weak keys and algorithms, and what is not a key, each with its code', async () => {
    const rsaJwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['RSA 1024', generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString(), {}, 'weak_key'],
      ['a symmetric key', JSON.stringify({ kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0' }), {}, 'weak_key'],
      ['secp256k1', JSON.stringify(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey.export({ format: 'jwk' })), {}, 'weak_key'],
      ['a JWK that says HS256', JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), alg: 'HS256' }), {}, 'weak_key'],
      ['a JWK that says none', JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), alg: 'none' }), {}, 'weak_key'],
      ['ES256 asked of an RSA key', generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString(), { alg: 'ES256' }, 'invalid_key'],
      ['an encryption key', JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), use: 'enc' }), {}, 'invalid_key'],
      ['an OpenSSH key', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGb4Mxs7l7Yt0w2yH8qY4b0q8Gq0aZ9v5bY1kq2sY0hX ada@laptop', {}, 'invalid_key'],
      ['broken JSON', '{"kty": "EC",', {}, 'invalid_key'],
      ['a broken PEM', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', {}, 'invalid_key'],
      ['prose', 'my key is on the wiki', {}, 'invalid_key'],
      ['a key set of two', JSON.stringify({ keys: [{}, {}] }), {}, 'invalid_key'],
      ['a JWK with a bad kid', JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), kid: 'a/b' }), {}, 'invalid_key'],
      // A path resolves these away: a key by that name could never be removed.
      ['a JWK whose kid is ".."', JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), kid: '..' }), {}, 'invalid_key'],
      ['a JWK whose kid is "."', JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), kid: '.' }), {}, 'invalid_key'],
      ['a JWK whose kid is a number', JSON.stringify({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), kid: 7 }), {}, 'invalid_key'],
      // With e = 1 a signature is the padded hash: anyone who has read the public key could sign.
      ['RSA with e = 1', JSON.stringify({ ...rsaJwk, e: 'AQ' }), {}, 'weak_key'],
      ['RSA with e = 3', JSON.stringify({ ...rsaJwk, e: 'Aw' }), {}, 'weak_key'],
      ['RSA with an even exponent', JSON.stringify({ ...rsaJwk, e: 'AQAA' }), {}, 'weak_key'],
      ['RSA of 16384 bits', JSON.stringify({ kty: 'RSA', n: Buffer.concat([Buffer.from([0xc1]), randomBytes(2047)]).toString('base64url'), e: 'AQAB' }), {}, 'weak_key'],
      ['a certificate', '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----', {}, 'invalid_key'],
      ['a PEM with text around it', `my key:\n${generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' })}`, {}, 'invalid_key'],
      ['a PEM with text after it', `${generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' })}\nthanks!`, {}, 'invalid_key'],
    ];
    for (const [name, text, extra, code] of cases) {
      const answer = await add(text, extra);
      assert.equal(answer.status, 400, `${name}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body!.code, code, name);
      assert.ok(answer.body!.detail.length > 10, `${name} says why`);
    }
    const oversize = await add('x'.repeat(10_001));
    assert.equal(oversize.body!.code, 'validation_failed');
  });

  it('refuses the same key twice, an eleventh key, keys for a secret-based integration, and a viewer', async () => {
    const own = await secretless();
    const key = await appKey();
    assert.equal((await register(own, key)).status, 201);
    const twice = await register(own, key, { kid: 'another-name' });
    assert.equal(twice.status, 409);
    assert.equal(twice.body!.code, 'duplicate_key');
    for (let i = 1; i < 10; i++) assert.equal((await register(own, await appKey())).status, 201);
    const eleventh = await register(own, await appKey());
    assert.equal(eleventh.status, 409);
    assert.equal(eleventh.body!.code, 'too_many_keys');

    const withSecret = await admin('POST', '/integrations', { client_name: 'Has secret', version: '1.0', token_endpoint_auth_method: 'client_secret_basic', grant_types: ['client_credentials'] });
    const wrong = await register(withSecret.body!.client_id, key);
    assert.equal(wrong.status, 409);
    assert.equal(wrong.body!.code, 'keys_not_used');

    const byViewer = await viewer('POST', `/integrations/${own}/keys`, { public_key: JSON.stringify((await appKey()).publicJwk) });
    assert.equal(byViewer.status, 403);
    const kid = (await admin('GET', `/integrations/${own}/keys`)).body!.items[0].kid as string;
    assert.equal((await viewer('DELETE', `/integrations/${own}/keys/${kid}`)).status, 403);
    assert.equal((await admin('POST', '/integrations/gk_nobody/keys', { public_key: JSON.stringify(key.publicJwk) })).status, 404);
  });
});

it('checks key ids as the document does', () => {
  const document = parse(readFileSync(new URL('../../../docs/admin-api.yaml', import.meta.url), 'utf8'));
  assert.equal(KEY_ID.source, document.components.schemas.KeyId.pattern);
});

// Two processes on one database, as a load balancer would put them: on a real PostgreSQL (two
// connection pools, as two processes hold) and, where none runs, on one PGlite shared by both.
const sharedBackends = [
  BACKENDS.find((b) => b.name === 'PostgreSQL')!,
  { name: 'one PGlite shared by both', skip: undefined, fresh: BACKENDS.find((b) => b.name === 'PGlite in memory')!.fresh },
];

for (const backend of sharedBackends) {
  describe(`two instances on ${backend.name}`, { skip: backend.skip }, () => {
    let a: Running;
    let b: Running;
    let drop: () => Promise<void>;
    before(async () => {
      const t = await backend.fresh();
      drop = t.drop;
      const second: Database = backend.name === 'PostgreSQL' ? await t.reopen() : t.db;
      a = await start({ database: t.db });
      // The same origin (one service behind a balancer); b answers on its own port.
      b = await start({ database: second, origin: a.origin });
    });
    after(async () => {
      await a?.close();
      await b?.close();
      await drop?.();
    });

    it('refuses at one an assertion the other accepted, even when both get it at once, and a key added or removed at one holds at the other', async () => {
      const adminA = api(a, (await signIn(a, 'ada@example.com', 'ada-demo')).access_token);
      const created = await adminA('POST', '/integrations', { client_name: 'Scaled', version: '1.0', token_endpoint_auth_method: 'private_key_jwt', grant_types: ['client_credentials'] });
      const clientId = created.body!.client_id as string;
      await adminA('PUT', `/integrations/${clientId}/scopes/projects:read`);
      const key = await appKey();
      await adminA('POST', `/integrations/${clientId}/keys`, { public_key: JSON.stringify(key.publicJwk) });
      const signed = await assertion(a, clientId, key);
      assert.equal((await tokenWith(a, signed, b)).status, 200, 'b knows the key a added');
      const replayed = await tokenWith(a, signed, a);
      assert.equal(replayed.status, 401, 'a knows the assertion b accepted');
      // One assertion sent to both at the same moment: one token, not two.
      const raced = await assertion(a, clientId, key);
      const answers = await Promise.all([tokenWith(a, raced, a), tokenWith(a, raced, b), tokenWith(a, raced, a), tokenWith(a, raced, b)]);
      assert.equal(answers.filter((r) => r.status === 200).length, 1, JSON.stringify(answers.map((r) => r.status)));
      const kid = await calculateJwkThumbprint(key.publicJwk, 'sha256');
      await adminA('DELETE', `/integrations/${clientId}/keys/${kid}`);
      assert.equal((await tokenWith(a, await assertion(a, clientId, key), b)).status, 401, 'b refuses the key a removed');
    });
  });
}
