import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EmbeddedJWK, jwtVerify } from 'jose';
import { checkProofClaims } from '../../src/server/dpop.js';
import { verifyEmbeddedKeyJws } from '../../src/server/embedded-key-jws.js';

// The DPoP proof check runs on node:crypto, no longer through jose. jose stays the oracle:
// random proofs, valid and subtly broken, must get the same verdict from both.

const ALGORITHMS = ['ES256', 'ES384', 'PS256', 'RS256', 'EdDSA', 'Ed25519'] as const;

interface Signer {
  alg: string;
  privateKey: KeyObject;
  publicJwk: Record<string, unknown>;
  privateJwk: Record<string, unknown>;
}

function signer(alg: string, type: 'ec' | 'ed25519' | 'rsa', options: Record<string, unknown>): Signer {
  const { privateKey, publicKey } = generateKeyPairSync(type as 'ec', options as { namedCurve: string });
  return { alg, privateKey, publicJwk: publicKey.export({ format: 'jwk' }), privateJwk: privateKey.export({ format: 'jwk' }) };
}

const SIGNERS = [
  signer('ES256', 'ec', { namedCurve: 'P-256' }),
  signer('ES384', 'ec', { namedCurve: 'P-384' }),
  signer('EdDSA', 'ed25519', {}),
  signer('Ed25519', 'ed25519', {}),
  signer('PS256', 'rsa', { modulusLength: 2048 }),
  signer('RS256', 'rsa', { modulusLength: 2048 }),
  // Too short for jose and for us.
  signer('RS256', 'rsa', { modulusLength: 1024 }),
];

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function signWith(key: Signer, alg: string, data: string): Buffer {
  const input = Buffer.from(data);
  if (alg === 'EdDSA' || alg === 'Ed25519') return key.privateKey.asymmetricKeyType === 'ed25519' ? sign(null, input, key.privateKey) : Buffer.alloc(64);
  const digest = alg === 'ES384' ? 'sha384' : 'sha256';
  try {
    if (key.privateKey.asymmetricKeyType === 'ec') return sign(digest, input, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
    if (key.privateKey.asymmetricKeyType === 'rsa') return sign(digest, input, { key: key.privateKey, padding: alg === 'PS256' ? 6 : 1, saltLength: 32 });
  } catch {
    // A key of one type cannot sign for another algorithm: the proof gets a signature of junk.
  }
  return Buffer.alloc(64, 7);
}

const now = () => Math.floor(Date.now() / 1000);

const proof = fc
  .record({
    signer: fc.nat(SIGNERS.length - 1),
    // The algorithm named in the header: usually the signer's own.
    alg: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, fc.constantFrom('ES256', 'ES384', 'RS256', 'PS256', 'EdDSA', 'HS256', 'none', 'RS384', '')),
    typ: fc.oneof({ weight: 6, arbitrary: fc.constant('dpop+jwt') }, fc.constantFrom('DPoP+JWT', 'jwt', 'at+jwt', undefined, 42)),
    jwk: fc.oneof(
      { weight: 6, arbitrary: fc.constant('public' as const) },
      fc.constantFrom('private' as const, 'missing' as const, 'other' as const, 'string' as const, 'no-y' as const, 'bad-crv' as const),
      fc.constantFrom('use-sig' as const, 'use-enc' as const, 'ops-verify' as const, 'ops-encrypt' as const, 'alg-same' as const, 'alg-other' as const),
    ),
    extra: fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, fc.constantFrom({ crit: ['exp'] }, { b64: false }, { kid: 'x' }, { jku: 'https://evil.example/jwks' })),
    // Around the limits (5 s ahead, 305 s old) but not on them: ours and jose's each read the clock,
    // and a second that ticks between the two reads would turn an iat on a limit into two verdicts.
    iat: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: -200, max: 2 }) },
      fc.integer({ min: -400, max: -307 }), fc.integer({ min: -303, max: -280 }), fc.integer({ min: 3, max: 4 }), fc.integer({ min: 7, max: 30 }), fc.constantFrom('now', null),
    ),
    claims: fc.oneof({ weight: 6, arbitrary: fc.constant('all' as const) }, fc.constantFrom('no-jti' as const, 'no-htu' as const, 'array' as const, 'exp-past' as const, 'nbf-future' as const)),
    tamper: fc.oneof({ weight: 6, arbitrary: fc.constant('none' as const) }, fc.constantFrom('flip' as const, 'truncate' as const, 'empty' as const, 'payload' as const, 'padding' as const, 'parts' as const, 'dangling' as const)),
  })
  .map((p) => {
    const key = SIGNERS[p.signer]!;
    const alg = p.alg ?? key.alg;
    const other = SIGNERS[(p.signer + 1) % SIGNERS.length]!;
    const jwk = {
      public: key.publicJwk, private: key.privateJwk, missing: undefined, other: other.publicJwk, string: 'key', 'no-y': { ...key.publicJwk, y: undefined }, 'bad-crv': { ...key.publicJwk, crv: 'P-521' },
      'use-sig': { ...key.publicJwk, use: 'sig' }, 'use-enc': { ...key.publicJwk, use: 'enc' }, 'ops-verify': { ...key.publicJwk, key_ops: ['verify'] }, 'ops-encrypt': { ...key.publicJwk, key_ops: ['encrypt'] },
      'alg-same': { ...key.publicJwk, alg }, 'alg-other': { ...key.publicJwk, alg: alg === 'RS256' ? 'PS256' : 'RS256' },
    }[p.jwk];
    const header = { ...(p.typ === undefined ? {} : { typ: p.typ }), alg, ...(jwk === undefined ? {} : { jwk }), ...p.extra };
    const iat = p.iat === 'now' ? now() : p.iat === null ? null : now() + p.iat;
    const claims: Record<string, unknown> = { iat, jti: 'j1', htm: 'GET', htu: 'https://id.example/admin/v1/me' };
    if (p.claims === 'no-jti') delete claims.jti;
    if (p.claims === 'no-htu') delete claims.htu;
    if (p.claims === 'exp-past') claims.exp = now() - 60;
    if (p.claims === 'nbf-future') claims.nbf = now() + 60;
    const payload = p.claims === 'array' ? [claims] : claims;
    const signingInput = `${b64(header)}.${b64(payload)}`;
    let signature = signWith(key, alg, signingInput).toString('base64url');
    let input = signingInput;
    if (p.tamper === 'flip') signature = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    if (p.tamper === 'truncate') signature = signature.slice(0, -4);
    if (p.tamper === 'empty') signature = '';
    if (p.tamper === 'payload') input = `${b64(header)}.${b64({ ...claims, htm: 'POST' })}`;
    if (p.tamper === 'padding') signature += '==';
    if (p.tamper === 'dangling') input = `${b64(header)}A.${input.split('.')[1]}`;
    const compact = `${input}.${signature}`;
    // Where we are stricter than jose, on purpose: base64url padding (RFC 7515 §2 has none), and
    // a b64 header without crit (jose ignores it; no DPoP client sends one).
    const stricter = p.tamper === 'padding' || 'b64' in p.extra;
    return { compact: p.tamper === 'parts' ? `${compact}.x` : compact, header, stricter };
  });

async function joseVerdict(compact: string): Promise<boolean> {
  try {
    await jwtVerify(compact, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: [...ALGORITHMS], maxTokenAge: '300s', clockTolerance: 5, requiredClaims: ['iat', 'jti', 'htm', 'htu'] });
    return true;
  } catch {
    return false;
  }
}

function ourVerdict(compact: string): boolean {
  try {
    checkProofClaims(verifyEmbeddedKeyJws(compact, { typ: 'dpop+jwt', algorithms: ALGORITHMS }).payload);
    return true;
  } catch {
    return false;
  }
}

describe('DPoP proof signatures on node:crypto', () => {
  it('give the same verdict as jose on random proofs, valid and broken (never laxer)', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(proof, async ({ compact, header, stricter }) => {
        const ours = ourVerdict(compact);
        if (ours) accepted++;
        assert.equal(ours, stricter ? false : await joseVerdict(compact), `${JSON.stringify(header).slice(0, 300)} ${compact.slice(-40)}`);
      }),
      { numRuns: 1500 },
    );
    // A generator that only made broken proofs would prove nothing.
    assert.ok(accepted > 100, `only ${accepted} valid proofs were tried`);
  });

  it('refuses every valid proof once it is tampered with: a signature bit, the payload, the key', () => {
    for (const key of SIGNERS.slice(0, 6)) {
      const header = { typ: 'dpop+jwt', alg: key.alg, jwk: key.publicJwk };
      const input = `${b64(header)}.${b64({ iat: now(), jti: 'j', htm: 'GET', htu: 'https://id.example/x' })}`;
      const signature = signWith(key, key.alg, input);
      assert.equal(ourVerdict(`${input}.${signature.toString('base64url')}`), true, key.alg);
      signature[signature.length >> 1]! ^= 1;
      assert.equal(ourVerdict(`${input}.${signature.toString('base64url')}`), false, `${key.alg}, one bit flipped`);
    }
  });
});
