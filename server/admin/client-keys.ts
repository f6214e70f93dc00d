import type { Database, Queryable } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Schemas } from './operation-types.js';
import { ApiProblem } from './problem.js';
import { keySize, readPublicKey, type ClientKey } from './public-key.js';
import { findIntegration } from './integrations.js';

/** The most keys one integration holds: enough for a rotation in progress on several deployments. */
export const MAX_KEYS = 10;

interface KeyRow {
  kid: string;
  alg: ClientKey['alg'];
  thumbprint: string;
  jwk: Record<string, string>;
  created_at: Date;
}

function keyFromRow(row: KeyRow): ClientKey {
  const { kty, crv } = row.jwk;
  return {
    kid: row.kid,
    kty: kty as ClientKey['kty'],
    alg: row.alg,
    ...(crv ? { crv: crv as NonNullable<ClientKey['crv']> } : {}),
    key_size: keySize(row.jwk),
    thumbprint: row.thumbprint,
    jwk: row.jwk,
    created_at: row.created_at.toISOString(),
  };
}

/** The JWKs the token endpoint checks an integration's client assertions with, oldest first. */
export async function jwksOf(db: Queryable, clientId: string): Promise<Record<string, string>[]> {
  const rows = await db.query<Pick<KeyRow, 'jwk'>>('select jwk from integration_keys where client_id = $1 order by created_at, kid', [clientId]);
  return rows.map((row) => row.jwk);
}

/** Stores a key read by readPublicKey (the one way a key gets in). */
export async function insertKey(db: Queryable, clientId: string, key: ClientKey): Promise<void> {
  await db.query('insert into integration_keys (client_id, kid, thumbprint, alg, jwk, created_at) values ($1, $2, $3, $4, $5, $6)', [
    clientId, key.kid, key.thumbprint, key.alg, JSON.stringify(key.jwk), new Date(key.created_at),
  ]);
}

/** An integration's public keys, for private_key_jwt (RFC 7523). */
export class ClientKeys {
  constructor(private readonly db: Database) {}

  async list(clientId: string): Promise<ClientKey[]> {
    if (!(await findIntegration(this.db, clientId))) throw new ApiProblem('not_found', `no integration with client_id "${clientId}"`);
    const rows = await this.db.query<KeyRow>('select kid, alg, thumbprint, jwk, created_at from integration_keys where client_id = $1 order by created_at, kid', [clientId]);
    return rows.map(keyFromRow);
  }

  async add(clientId: string, input: Schemas['IntegrationKeyCreate']): Promise<ClientKey> {
    // Read before the transaction: a pasted key that is refused costs no lock.
    const key = await readPublicKey(input);
    return this.db.transaction(async (tx) => {
      // Locked, so that two admins adding at once cannot pass the limit together.
      await tx.query('select 1 from integrations where client_id = $1 for update', [clientId]);
      const integration = await findIntegration(tx, clientId);
      if (!integration) throw new ApiProblem('not_found', `no integration with client_id "${clientId}"`);
      if (integration.token_endpoint_auth_method !== 'private_key_jwt') {
        throw new ApiProblem('keys_not_used', `this integration authenticates with ${integration.token_endpoint_auth_method}, not with keys (private_key_jwt)`);
      }
      const existing = await tx.query<{ kid: string; thumbprint: string }>('select kid, thumbprint from integration_keys where client_id = $1', [clientId]);
      const same = existing.find((k) => k.thumbprint === key.thumbprint);
      if (same) throw new ApiProblem('duplicate_key', `this key is already registered, as "${same.kid}"`, { errors: [{ path: '/body/public_key', message: 'is already registered' }] });
      if (existing.some((k) => k.kid === key.kid)) throw new ApiProblem('duplicate_key', `another key has the id "${key.kid}"`, { errors: [{ path: input.kid ? '/body/kid' : '/body/public_key', message: 'is the id of another key' }] });
      if (existing.length >= MAX_KEYS) throw new ApiProblem('too_many_keys', `an integration has at most ${MAX_KEYS} keys: remove one first`);
      try {
        await insertKey(tx, clientId, key);
      } catch (error) {
        if (isUniqueViolation(error)) throw new ApiProblem('duplicate_key', 'this key, or its id, is already registered');
        throw error;
      }
      await tx.query('update integrations set updated_at = $2 where client_id = $1', [clientId, new Date(key.created_at)]);
      return key;
    });
  }

  /** One statement: from its commit on, no instance accepts an assertion signed with the key. */
  async remove(clientId: string, kid: string): Promise<void> {
    const gone = await this.db.query('delete from integration_keys where client_id = $1 and kid = $2 returning 1', [clientId, kid]);
    if (gone.length === 0) {
      const known = await findIntegration(this.db, clientId);
      throw new ApiProblem('not_found', known ? `integration "${clientId}" has no key "${kid}"` : `no integration with client_id "${clientId}"`);
    }
    await this.db.query('update integrations set updated_at = now() where client_id = $1', [clientId]);
  }
}
