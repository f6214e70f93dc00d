import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import type { Schemas } from './operation-types.js';
import { ApiProblem } from './problem.js';

// What an admin pastes as an integration's public key (RFC 7523 private_key_jwt), read into
// the one form the server keeps: a public JWK with its kid, alg and use. Everything that is
// not plainly a public signing key of an accepted strength is refused here, before storage:
// a private key (someone pasted the wrong half), a shared secret, a short RSA modulus, an
// algorithm or curve the token endpoint does not accept.

export type KeyAlgorithm = Schemas['KeyAlgorithm'];
export type ClientKey = Schemas['IntegrationKey'];

/** A JWK's members that only a private or symmetric key has (RFC 7518 §6). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
const MIN_RSA_BITS = 2048;
const MAX_RSA_BITS = 8192;
/**
 * A key id: the document's KeyId pattern (a test holds the two equal). Never "." or "..": a URL
 * path resolves those, so a key by that name could be added but never addressed to be removed.
 */
export const KEY_ID = /^(?!\.{1,2}$)[A-Za-z0-9._~-]{1,100}$/;
/** One PEM public key and nothing else: SPKI, or an RSA key in PKCS#1. */
const PUBLIC_PEM = /^-----BEGIN (RSA )?PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END \1PUBLIC KEY-----$/;

/** For each kind of key: the algorithms it may sign with (the first is the default), its size, its JWK curve. */
type KeyKind = { kty: ClientKey['kty']; crv?: NonNullable<ClientKey['crv']>; algorithms: readonly KeyAlgorithm[]; bits: number };

function kindOf(key: KeyObject): KeyKind {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa': {
      const bits = details.modulusLength ?? 0;
      if (bits < MIN_RSA_BITS) throw refused('weak_key', `an RSA key of ${bits} bits is too short: use ${MIN_RSA_BITS} bits or more`);
      // Every token request is checked against each key: a huge modulus makes each check expensive for anyone to cause.
      if (bits > MAX_RSA_BITS) throw refused('weak_key', `an RSA key of ${bits} bits is longer than this server checks: use at most ${MAX_RSA_BITS} bits`);
      // With e = 1 a "signature" is the padded hash itself, which anyone can make; small or even exponents are as bad,
      // and a huge one makes each check slow. NIST SP 800-56B: odd, 65537 ≤ e < 2^256.
      const e = details.publicExponent ?? 0n;
      if (e % 2n === 0n || e < 65_537n || e >= 1n << 256n) throw refused('weak_key', 'the RSA key\'s public exponent is not accepted: use 65537');
      return { kty: 'RSA', algorithms: ['RS256', 'PS256'], bits };
    }
    case 'ec':
      if (details.namedCurve === 'prime256v1') return { kty: 'EC', crv: 'P-256', algorithms: ['ES256'], bits: 256 };
      if (details.namedCurve === 'secp384r1') return { kty: 'EC', crv: 'P-384', algorithms: ['ES384'], bits: 384 };
      throw refused('weak_key', `the curve ${details.namedCurve ?? 'of this key'} is not accepted: use P-256 or P-384`);
    case 'ed25519':
      return { kty: 'OKP', crv: 'Ed25519', algorithms: ['EdDSA', 'Ed25519'], bits: 256 };
    case 'rsa-pss':
      throw refused('invalid_key', 'an RSA-PSS-restricted key cannot be used as a JWK: export it as a plain RSA public key and choose PS256');
    default:
      throw refused('weak_key', `${key.asymmetricKeyType ?? 'this kind of'} key cannot sign client assertions here: use RSA, P-256, P-384 or Ed25519`);
  }
}

function refused(code: 'invalid_key' | 'private_key' | 'weak_key', detail: string): ApiProblem {
  return new ApiProblem(code, detail, { errors: [{ path: '/body/public_key', message: detail }] });
}

/** The pasted text as a JWK object, or undefined when it is not JSON (then it may be PEM). */
function jwkOf(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refused('invalid_key', 'the text starts like a JWK but is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw refused('invalid_key', 'a JWK is a JSON object');
  const object = parsed as Record<string, unknown>;
  // A key set of one key is what many tools print; more than one is ambiguous.
  if (Array.isArray(object.keys)) {
    if (object.keys.length !== 1) throw refused('invalid_key', `a key set of ${object.keys.length} keys: add them one at a time`);
    return jwkOf(JSON.stringify(object.keys[0]));
  }
  return object;
}

function publicKeyOf(text: string, jwk: Record<string, unknown> | undefined): KeyObject {
  if (jwk) {
    if (PRIVATE_MEMBERS.some((member) => member in jwk)) {
      throw refused(jwk.kty === 'oct' ? 'weak_key' : 'private_key', jwk.kty === 'oct'
        ? 'a symmetric key is a shared secret, which this kind of integration has none of: use an asymmetric key pair'
        : 'this is a private key: paste its public half, and keep the private key with the app alone');
    }
    if (jwk.use !== undefined && jwk.use !== 'sig') throw refused('invalid_key', `the key is for "${String(jwk.use)}", not for signatures ("sig")`);
    if (jwk.key_ops !== undefined && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes('verify'))) throw refused('invalid_key', 'the key\'s key_ops do not allow "verify"');
    try {
      return createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    } catch {
      throw refused('invalid_key', 'the JWK is not a public key this server can read');
    }
  }
  // createPublicKey would derive the public key from a private one: refuse those by their label first.
  if (/PRIVATE KEY-----/.test(text)) throw refused('private_key', 'this is a private key: paste its public half (-----BEGIN PUBLIC KEY-----), and keep the private key with the app alone');
  if (/^(ssh-|ecdsa-sha2-)/.test(text)) throw refused('invalid_key', 'an OpenSSH public key: convert it to PEM (ssh-keygen -e -m PKCS8 -f key.pub)');
  // A certificate's dates, issuer and revocation would not be checked here: take the key it holds, and nothing that looks more.
  if (text.includes('-----BEGIN CERTIFICATE-----')) throw refused('invalid_key', 'a certificate: paste the public key it holds (openssl x509 -pubkey -noout -in cert.pem)');
  if (!PUBLIC_PEM.test(text)) throw refused('invalid_key', 'paste one public key as PEM (-----BEGIN PUBLIC KEY-----), with nothing around it, or as a JWK');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text, format: 'pem' });
  } catch {
    throw refused('invalid_key', 'the PEM text is not a public key this server can read');
  }
  return key;
}

/** The size of a stored key, as readPublicKey reported it when it was added: the RSA modulus's bits, or the curve's. */
export function keySize(jwk: Record<string, string>): number {
  return kindOf(createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' })).bits;
}

/** Reads a pasted public key, or throws an `invalid_key`, `private_key` or `weak_key` problem. */
export async function readPublicKey(input: Schemas['IntegrationKeyCreate'], now: Date = new Date()): Promise<ClientKey> {
  const text = input.public_key.trim();
  const pasted = jwkOf(text);
  const key = publicKeyOf(text, pasted);
  if (key.type !== 'public') throw refused('private_key', 'this is not a public key');
  const kind = kindOf(key);
  const exported = key.export({ format: 'jwk' });
  // The JWK's own alg, when it has one, is what its owner signs with: one this server refuses is refused, not replaced.
  const named = pasted?.alg;
  if (named !== undefined && !(typeof named === 'string' && (kind.algorithms as readonly string[]).includes(named))) {
    throw refused('weak_key', `the key names the algorithm "${String(named)}", which is not accepted for this ${kind.crv ?? kind.kty} key: use ${kind.algorithms.join(' or ')}`);
  }
  const alg = input.alg ?? (named as KeyAlgorithm | undefined) ?? kind.algorithms[0]!;
  if (!kind.algorithms.includes(alg)) {
    throw new ApiProblem('invalid_key', `${alg} cannot be used with this ${kind.crv ?? kind.kty} key: use ${kind.algorithms.join(' or ')}`, { errors: [{ path: '/body/alg', message: `does not fit a ${kind.crv ?? kind.kty} key` }] });
  }
  const publicJwk = Object.fromEntries(Object.entries(exported).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const thumbprint = await calculateJwkThumbprint({ ...publicJwk }, 'sha256');
  if (pasted?.kid !== undefined && typeof pasted.kid !== 'string') throw refused('invalid_key', 'the JWK\'s kid is not a string');
  const pastedKid = pasted?.kid as string | undefined;
  const kid = input.kid ?? pastedKid ?? thumbprint;
  if (!KEY_ID.test(kid)) {
    throw new ApiProblem('invalid_key', 'the JWK\'s kid has characters a key id here cannot hold: give one with `kid`', { errors: [{ path: '/body/kid', message: 'letters, digits, ".", "_", "~" and "-" only, at most 100' }] });
  }
  return {
    kid,
    kty: kind.kty,
    alg,
    ...(kind.crv ? { crv: kind.crv } : {}),
    key_size: kind.bits,
    thumbprint,
    jwk: { ...publicJwk, kid, alg, use: 'sig' },
    created_at: now.toISOString(),
  };
}
