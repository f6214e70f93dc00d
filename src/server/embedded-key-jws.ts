import { constants, createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

// Verifies a compact JWS signed by the public key in its own header (a DPoP proof), at once and
// in this thread, with node:crypto. jose does the same through WebCrypto, which in Node costs a
// job dispatch per call and an import of the embedded key per proof: about 500 µs a proof,
// against about 80 µs here, where the key is imported once per thumbprint. The rules are
// jose's (its EmbeddedJWK key source), and a differential test holds the two to the same
// verdicts (server/test/embedded-key-jws.test.ts).

export class SignatureError extends Error {}
/** The JWS is signed by another key than the one expected. */
export class MismatchedKeyError extends SignatureError {}

type Algorithm = 'ES256' | 'ES384' | 'EdDSA' | 'Ed25519' | 'PS256' | 'RS256';

interface Rule {
  kty: 'EC' | 'OKP' | 'RSA';
  crv?: string;
  /** The digest node:crypto signs with (null for Ed25519, which hashes for itself). */
  digest: 'sha256' | 'sha384' | null;
  /** Length of an ECDSA signature, r and s side by side (JWS form, RFC 7518 §3.4). */
  signatureLength?: number;
  padding?: number;
}

const RULES: Record<Algorithm, Rule> = {
  ES256: { kty: 'EC', crv: 'P-256', digest: 'sha256', signatureLength: 64 },
  ES384: { kty: 'EC', crv: 'P-384', digest: 'sha384', signatureLength: 96 },
  EdDSA: { kty: 'OKP', crv: 'Ed25519', digest: null },
  Ed25519: { kty: 'OKP', crv: 'Ed25519', digest: null },
  PS256: { kty: 'RSA', digest: 'sha256', padding: constants.RSA_PKCS1_PSS_PADDING },
  RS256: { kty: 'RSA', digest: 'sha256', padding: constants.RSA_PKCS1_PADDING },
};

/** Members of a JWK that only a private key has: a proof that embeds one leaks it, and is refused. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
/** A JWS part: base64url, no padding. Buffer's own decoder would skip anything else silently. */
const PART = /^[A-Za-z0-9_-]*$/;
/** A length of 1 mod 4 is no base64url at all: Buffer would drop the dangling character, jose refuses it. */
const wholeBase64url = (part: string) => PART.test(part) && part.length % 4 !== 1;
/**
 * RSA keys beyond these cost an attacker nothing to send and the server milliseconds to check:
 * a 4,096-bit modulus is 683 base64url characters; an exponent of 6 bytes (65537 is 3) is 8.
 */
const MAX_RSA_MODULUS_CHARS = 683;
const MAX_RSA_EXPONENT_CHARS = 8;
/** Far above any real proof (a few hundred bytes; 1.5 kB with an RSA-4096 key). */
const MAX_LENGTH = 16_384;
/** Imported keys by thumbprint; a client signs every proof with the same key. */
const KEYS_KEPT = 1_000;

export interface VerifiedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The RFC 7638 thumbprint (SHA-256, base64url) of the key that signed it. */
  thumbprint: string;
}

const keys = new Map<string, KeyObject>();

function decodeObject(part: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new SignatureError(`the ${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SignatureError(`the ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

const text = (jwk: Record<string, unknown>, member: string): string => {
  const value = jwk[member];
  if (typeof value !== 'string' || value === '' || !PART.test(value)) throw new SignatureError(`the embedded key's "${member}" is missing or malformed`);
  return value;
};

/** The members RFC 7638 hashes, in its order; the same members are all that is imported. */
function requiredMembers(jwk: Record<string, unknown>, rule: Rule, alg: string): Record<string, string> {
  if (jwk.kty !== rule.kty) throw new SignatureError('the embedded key is of another type than the algorithm needs');
  if (PRIVATE_MEMBERS.some((member) => member in jwk)) throw new SignatureError('the embedded key is a private key');
  // What the key says it is for must allow verifying signatures with this algorithm (as jose checks).
  if ('use' in jwk && jwk.use !== 'sig') throw new SignatureError('the embedded key is not for signatures ("use")');
  if ('key_ops' in jwk && !(Array.isArray(jwk.key_ops) && jwk.key_ops.includes('verify'))) throw new SignatureError('the embedded key is not for verifying ("key_ops")');
  if ('alg' in jwk && jwk.alg !== alg) throw new SignatureError('the embedded key is for another algorithm ("alg")');
  if (rule.kty === 'RSA') {
    const members = { e: text(jwk, 'e'), kty: 'RSA', n: text(jwk, 'n') };
    if (members.n.length > MAX_RSA_MODULUS_CHARS || members.e.length > MAX_RSA_EXPONENT_CHARS) throw new SignatureError('the embedded RSA key is larger than 4096 bits or has an exponent over 6 bytes');
    return members;
  }
  if (jwk.crv !== rule.crv) throw new SignatureError('the embedded key is on another curve than the algorithm needs');
  if (rule.kty === 'OKP') return { crv: rule.crv!, kty: 'OKP', x: text(jwk, 'x') };
  return { crv: rule.crv!, kty: 'EC', x: text(jwk, 'x'), y: text(jwk, 'y') };
}

function keyFor(thumbprint: string, members: Record<string, string>): KeyObject {
  let key = keys.get(thumbprint);
  if (key) {
    // Least recently used goes first: a hit moves to the end.
    keys.delete(thumbprint);
  } else {
    try {
      key = createPublicKey({ key: members, format: 'jwk' });
    } catch {
      throw new SignatureError('the embedded key is not a valid public key');
    }
    if (key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
      throw new SignatureError('the embedded RSA key is shorter than 2048 bits');
    }
    if (keys.size >= KEYS_KEPT) keys.delete(keys.keys().next().value!);
  }
  keys.set(thumbprint, key);
  return key;
}

/**
 * Verifies `compact` against the public JWK in its protected header. Checks the header's
 * `typ`, an algorithm from `algorithms`, a public key of the algorithm's type (and, given
 * `thumbprint`, that very key), and the signature; the claims are the caller's to check.
 */
export function verifyEmbeddedKeyJws(compact: string, options: { typ: string; algorithms: readonly Algorithm[]; thumbprint?: string }): VerifiedJws {
  if (compact.length > MAX_LENGTH) throw new SignatureError('the JWS is too long');
  const parts = compact.split('.');
  if (parts.length !== 3 || !parts.every(wholeBase64url)) throw new SignatureError('not a compact JWS');
  const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
  const header = decodeObject(encodedHeader, 'JWS header');
  // Extensions this verifier does not implement must not be ignored (RFC 7515 §4.1.11);
  // b64: false (RFC 7797) would change what was signed.
  if ('crit' in header || 'b64' in header) throw new SignatureError('the JWS header uses an extension that is not supported');
  if (typeof header.typ !== 'string' || header.typ.toLowerCase() !== options.typ) throw new SignatureError(`the JWS "typ" is not "${options.typ}"`);
  const alg = header.alg;
  if (typeof alg !== 'string' || !Object.hasOwn(RULES, alg) || !options.algorithms.includes(alg as Algorithm)) throw new SignatureError('the JWS algorithm is not allowed');
  const rule = RULES[alg as Algorithm];
  const jwk = header.jwk;
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) throw new SignatureError('the JWS header carries no public key ("jwk")');
  const members = requiredMembers(jwk as Record<string, unknown>, rule, alg);
  const thumbprint = createHash('sha256').update(JSON.stringify(members)).digest('base64url');
  // Before any import or signature check: a key that is not the expected one costs nothing and
  // takes no cache slot, so only the keys tokens are bound to are ever imported.
  if (options.thumbprint !== undefined && thumbprint !== options.thumbprint) throw new MismatchedKeyError('the proof is signed by a key the token is not bound to');
  const key = keyFor(thumbprint, members);
  const signature = Buffer.from(encodedSignature, 'base64url');
  if (rule.signatureLength !== undefined && signature.length !== rule.signatureLength) throw new SignatureError('the signature has the wrong length');
  const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`, 'ascii');
  const valid =
    rule.kty === 'EC'
      ? verify(rule.digest, signed, { key, dsaEncoding: 'ieee-p1363' }, signature)
      : rule.kty === 'RSA'
        ? verify(rule.digest, signed, { key, padding: rule.padding!, ...(rule.padding === constants.RSA_PKCS1_PSS_PADDING ? { saltLength: 32 } : {}) }, signature)
        : verify(null, signed, key, signature);
  if (!valid) throw new SignatureError('the signature does not verify');
  return { header, payload: decodeObject(encodedPayload, 'JWS payload'), thumbprint };
}
