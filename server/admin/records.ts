import type { Schemas } from './operation-types.js';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// The admin API's records as the handlers work with them (the tables are in
// server/db/migrations.ts), and how secrets are kept: as hashes, never as they were shown.

// The document's names for these, so that the stored records cannot drift from it.
export type GrantType = Schemas['GrantType'];
export type AuthMethod = Schemas['IntegrationCreate']['token_endpoint_auth_method'];
export type IntegrationKind = Schemas['IntegrationKind'];

/**
 * The kind an integration created without one has, by the document's rule (IntegrationCreate.kind):
 * public is a single-page app; confidential signs users in (web) or acts as itself (service).
 * Migration 5 gave existing integrations their kind by the same rule.
 */
export function kindOf(integration: { token_endpoint_auth_method: AuthMethod; grant_types: readonly GrantType[] }): IntegrationKind {
  if (integration.token_endpoint_auth_method === 'none') return 'single_page';
  return integration.grant_types.includes('authorization_code') ? 'web' : 'service';
}

/** Whether an integration that authenticates so holds a secret: not a public one, nor one that signs with its key (private_key_jwt). */
export function usesSecret(method: AuthMethod): boolean {
  return method === 'client_secret_basic' || method === 'client_secret_post';
}
export type Role = Schemas['Role'];

export interface SecretHash {
  /** SHA-256 of the secret: secrets are 256-bit random, so a fast hash does not weaken them. */
  sha256: string;
  last4: string;
}

export interface StoredIntegration {
  client_id: string;
  client_name: string;
  version: string;
  description: string;
  kind: IntegrationKind;
  token_endpoint_auth_method: AuthMethod;
  redirect_uris: string[];
  /** Allowed logout URLs (OpenID Connect RP-Initiated Logout `post_logout_redirect_uris`). */
  post_logout_redirect_uris: string[];
  grant_types: GrantType[];
  access_token_lifetime: number | null;
  refresh_count: number | null;
  audience?: string;
  scopes: string[];
  status: 'active' | 'inactive';
  secret?: SecretHash;
  previous_secret?: SecretHash & { expires_at: string };
  created_at: string;
  updated_at: string;
}

export interface StoredScope {
  name: string;
  description: string;
  service_urls: string[];
  created_at: string;
  updated_at: string;
}

export interface StoredPersonalToken {
  id: string;
  owner: string;
  name: string;
  scope: string[];
  roles: Role[];
  secret: SecretHash;
  created_at: string;
  /** When the current value was issued: the creation, or the latest regeneration. */
  issued_at: string;
  expires_at: string;
  last_used_at: string | null;
}

/** A user's consent to an integration (a connected app): the scopes they allowed it. */
export interface StoredConsent {
  account_id: string;
  client_id: string;
  scopes: string[];
  granted_at: string;
  updated_at: string;
  last_used_at: string | null;
}

export function hashSecret(secret: string): SecretHash {
  return { sha256: createHash('sha256').update(secret).digest('base64url'), last4: secret.slice(-4) };
}

export function secretMatches(secret: string, hash: SecretHash): boolean {
  return hashMatches(hashSecret(secret).sha256, hash);
}

/** Compares an already computed hash, so one presented secret can be checked against many. */
export function hashMatches(sha256: string, hash: SecretHash): boolean {
  const given = Buffer.from(sha256);
  const expected = Buffer.from(hash.sha256);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}
