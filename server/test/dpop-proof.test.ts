import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import { createDPoPVerifier, DPoPProofError } from '../../src/server/dpop.js';

// The admin API's DPoP check, given proofs a client would never send: every one is an
// invalid_dpop_proof, never a TypeError (a 500), and keys the token is not bound to are
// refused before anything is imported or verified.

const ACCESS_TOKEN = 'at.value';
const URL_ = new URL('https://id.example.test/admin/v1/me');
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const thumbprint = (members: Record<string, string>) => createHash('sha256').update(JSON.stringify(members)).digest('base64url');

function ecKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  return { privateKey, jwk, jkt: thumbprint({ crv: jwk.crv!, kty: 'EC', x: jwk.x!, y: jwk.y! }) };
}

function proof(privateKey: KeyObject, jwk: Record<string, unknown>, claims: Record<string, unknown>, alg = 'ES256'): string {
  const input = `${b64({ typ: 'dpop+jwt', alg, jwk })}.${b64({ iat: Math.floor(Date.now() / 1000), jti: randomBytes(8).toString('hex'), htm: 'GET', htu: URL_.href, ath: createHash('sha256').update(ACCESS_TOKEN).digest('base64url'), nonce: 'n', ...claims })}`;
  const signature = alg === 'ES256' ? sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }) : randomBytes(384);
  return `${input}.${signature.toString('base64url')}`;
}

const verifier = () => createDPoPVerifier({ nonces: { current: () => 'n', accepts: (n) => n === 'n' } });

async function refusal(promise: Promise<unknown>): Promise<DPoPProofError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof DPoPProofError, `a DPoPProofError, not ${String(error)}`);
  assert.equal(error.error, 'invalid_dpop_proof');
  return error;
}

describe('DPoP proofs at the admin API', () => {
  it('takes a well-made proof', async () => {
    const { privateKey, jwk, jkt } = ecKey();
    await verifier().verify(proof(privateKey, jwk, {}), { method: 'GET', url: URL_, accessToken: ACCESS_TOKEN, jkt });
  });

  it('refuses htu, htm or jti of the wrong type with invalid_dpop_proof, never a TypeError', async () => {
    const { privateKey, jwk, jkt } = ecKey();
    const check = (claims: Record<string, unknown>) => refusal(verifier().verify(proof(privateKey, jwk, claims), { method: 'GET', url: URL_, accessToken: ACCESS_TOKEN, jkt }));
    for (const claims of [{ htu: { toString: 1 } }, { htu: [URL_.href] }, { htm: ['GET'] }, { jti: 7 }, { jti: { toString: 1 } }, { jti: '' }]) {
      assert.match((await check(claims)).message, /must be a non-empty string/, JSON.stringify(claims));
    }
  });

  it('refuses a key the token is not bound to before importing it: a huge RSA key costs nothing', async () => {
    const { jkt } = ecKey();
    // A 3,072-bit modulus with a 3,064-bit exponent: random bytes, nothing to sign with.
    const jwk = { kty: 'RSA', n: randomBytes(384).toString('base64url'), e: randomBytes(383).toString('base64url') };
    const error = await refusal(verifier().verify(proof(undefined as unknown as KeyObject, jwk, {}, 'RS256'), { method: 'GET', url: URL_, accessToken: ACCESS_TOKEN, jkt }));
    assert.match(error.message, /larger than 4096 bits|not bound to/);
    const fair = { kty: 'RSA', n: randomBytes(256).toString('base64url'), e: 'AQAB' };
    const other = await refusal(verifier().verify(proof(undefined as unknown as KeyObject, fair, {}, 'RS256'), { method: 'GET', url: URL_, accessToken: ACCESS_TOKEN, jkt }));
    assert.equal(other.message, 'the proof is signed by a key the token is not bound to', 'refused on its thumbprint, before a signature check');
  });

  it('refuses RSA keys over 4,096 bits or with an exponent over 6 bytes, even when bound to them', async () => {
    for (const members of [{ e: 'AQAB', kty: 'RSA', n: randomBytes(1024).toString('base64url') }, { e: randomBytes(16).toString('base64url'), kty: 'RSA', n: randomBytes(256).toString('base64url') }]) {
      const error = await refusal(verifier().verify(proof(undefined as unknown as KeyObject, members, {}, 'RS256'), { method: 'GET', url: URL_, accessToken: ACCESS_TOKEN, jkt: thumbprint(members) }));
      assert.match(error.message, /larger than 4096 bits or has an exponent over 6 bytes/);
    }
  });
});
