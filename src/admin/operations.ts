// Generated from docs/admin-api.yaml by scripts/generate-admin-api.mjs. Do not edit: change the document and run `npm run generate`.

/** Every operation of the admin API: method, path template, and flags (1: parameters, 2: body). */
export const OPERATIONS = {
  getMe: ['GET', '/me', 0],
  listIntegrations: ['GET', '/integrations', 1],
  createIntegration: ['POST', '/integrations', 2],
  getIntegration: ['GET', '/integrations/{client_id}', 1],
  updateIntegration: ['PATCH', '/integrations/{client_id}', 3],
  deleteIntegration: ['DELETE', '/integrations/{client_id}', 1],
  activateIntegration: ['POST', '/integrations/{client_id}/activate', 1],
  deactivateIntegration: ['POST', '/integrations/{client_id}/deactivate', 1],
  rotateIntegrationSecret: ['POST', '/integrations/{client_id}/secret', 3],
  endSecretGracePeriod: ['DELETE', '/integrations/{client_id}/secret/previous', 1],
  listIntegrationKeys: ['GET', '/integrations/{client_id}/keys', 1],
  addIntegrationKey: ['POST', '/integrations/{client_id}/keys', 3],
  removeIntegrationKey: ['DELETE', '/integrations/{client_id}/keys/{kid}', 1],
  getIntegrationEndpoints: ['GET', '/integrations/{client_id}/endpoints', 1],
  revokeIntegrationTokens: ['DELETE', '/integrations/{client_id}/tokens', 1],
  listIntegrationScopes: ['GET', '/integrations/{client_id}/scopes', 1],
  associateScope: ['PUT', '/integrations/{client_id}/scopes/{scope_name}', 1],
  disassociateScope: ['DELETE', '/integrations/{client_id}/scopes/{scope_name}', 1],
  listScopes: ['GET', '/scopes', 1],
  createScope: ['POST', '/scopes', 2],
  getScope: ['GET', '/scopes/{scope_name}', 1],
  updateScope: ['PATCH', '/scopes/{scope_name}', 3],
  deleteScope: ['DELETE', '/scopes/{scope_name}', 1],
  listTokens: ['GET', '/tokens', 1],
  revokeToken: ['DELETE', '/tokens/{token_id}', 1],
  listPersonalTokens: ['GET', '/personal-tokens', 1],
  createPersonalToken: ['POST', '/personal-tokens', 2],
  revokePersonalToken: ['DELETE', '/personal-tokens/{token_id}', 1],
  regeneratePersonalToken: ['POST', '/personal-tokens/{token_id}/regenerate', 3],
  listConnectedApps: ['GET', '/connected-apps', 1],
  revokeConnectedApp: ['DELETE', '/connected-apps/{client_id}', 1],
} as const;

/** The operations' names: the document's operationIds, and the admin client's methods. */
export type OperationId = keyof typeof OPERATIONS;

/**
 * What each operation does, from the document: the admin client's methods are mapped over these
 * keys, so that each method carries its operation's summary into editors and the API reference.
 */
export interface OperationSummaries {
  /** The caller, their roles and their permissions. `GET /me`, for any signed-in caller. */
  getMe: true;
  /** Lists integrations, newest first unless `sort` says otherwise, a page at a time. `GET /integrations`, needs `integrations:read`. */
  listIntegrations: true;
  /** Registers an integration. A confidential one gets a secret, returned here only. `POST /integrations`, needs `integrations:write`. */
  createIntegration: true;
  /** One integration, by its client ID. `GET /integrations/{client_id}`, needs `integrations:read`. */
  getIntegration: true;
  /** Changes the given fields. The name, version and type cannot change. `PATCH /integrations/{client_id}`, needs `integrations:write`. */
  updateIntegration: true;
  /** Deletes the integration and revokes every token issued to it. `DELETE /integrations/{client_id}`, needs `integrations:write`. */
  deleteIntegration: true;
  /** Lets the integration get tokens again. `POST /integrations/{client_id}/activate`, needs `integrations:write`. */
  activateIntegration: true;
  /** Deactivates the integration; its tokens stop working and it can obtain no new ones until activated. `POST /integrations/{client_id}/deactivate`, needs `integrations:write`. */
  deactivateIntegration: true;
  /** Issues a new secret, returned here only. The old one stops working at once, or when the grace period ends. `POST /integrations/{client_id}/secret`, needs `integrations:write`. */
  rotateIntegrationSecret: true;
  /** Ends the grace period of a rotated-out secret now, so that only the current secret works. `DELETE /integrations/{client_id}/secret/previous`, needs `integrations:write`. */
  endSecretGracePeriod: true;
  /** The public keys a `private_key_jwt` integration signs its client assertions with (RFC 7523), oldest first. `GET /integrations/{client_id}/keys`, needs `integrations:read`. */
  listIntegrationKeys: true;
  /** Adds a public key; assertions signed with it are accepted at once, and the other keys keep working. `POST /integrations/{client_id}/keys`, needs `integrations:write`. */
  addIntegrationKey: true;
  /** Removes a key; every instance refuses assertions signed with it from the moment this answers. `DELETE /integrations/{client_id}/keys/{kid}`, needs `integrations:write`. */
  removeIntegrationKey: true;
  /** The URLs the integration's developers need. `GET /integrations/{client_id}/endpoints`, needs `integrations:read`. */
  getIntegrationEndpoints: true;
  /** Revokes every token and grant issued to the integration; its users sign in again, and a service asks for a new token. `DELETE /integrations/{client_id}/tokens`, needs `tokens:write`. */
  revokeIntegrationTokens: true;
  /** The scopes associated with the integration. `GET /integrations/{client_id}/scopes`, needs `integrations:read`. */
  listIntegrationScopes: true;
  /** Lets the integration ask for this scope. `PUT /integrations/{client_id}/scopes/{scope_name}`, needs `integrations:write`. */
  associateScope: true;
  /** Removes a scope from the integration; idempotent. `DELETE /integrations/{client_id}/scopes/{scope_name}`, needs `integrations:write`. */
  disassociateScope: true;
  /** Lists scopes by name, a page at a time. `GET /scopes`, needs `scopes:read`. */
  listScopes: true;
  /** The scopes the server defines itself (`openid`, `offline_access`, `profile`, `email`, `roles`, `grantkit:admin`) cannot be created, in any case: 400 `validation_failed` on `/body/name`. `POST /scopes`, needs `scopes:write`. */
  createScope: true;
  /** One scope, by its name. `GET /scopes/{scope_name}`, needs `scopes:read`. */
  getScope: true;
  /** Changes the description or service URLs. The name cannot change. `PATCH /scopes/{scope_name}`, needs `scopes:write`. */
  updateScope: true;
  /** Deletes a scope no integration and no token uses (409 otherwise). `DELETE /scopes/{scope_name}`, needs `scopes:write`. */
  deleteScope: true;
  /** Tokens issued to integrations, newest first. `GET /tokens`, needs `tokens:read`. */
  listTokens: true;
  /** Revokes the access token and its refresh token. `DELETE /tokens/{token_id}`, needs `tokens:write`. */
  revokeToken: true;
  /** The caller's personal access tokens. `GET /personal-tokens`, for any signed-in caller. */
  listPersonalTokens: true;
  /** Creates a personal access token; its value is returned here only. It cannot hold roles its creator lacks. `POST /personal-tokens`, needs `personal-tokens:write`. */
  createPersonalToken: true;
  /** Needs a signed-in session (an access token); a personal access token is refused with 403. `DELETE /personal-tokens/{token_id}`, for any signed-in caller. */
  revokePersonalToken: true;
  /** Issues a new value for one of the caller's personal access tokens, returned here only; the old value stops working at once. `POST /personal-tokens/{token_id}/regenerate`, needs `personal-tokens:write`. */
  regeneratePersonalToken: true;
  /** The integrations the caller has allowed access to, with the scopes, since when, and when last used. `GET /connected-apps`, for any signed-in caller. */
  listConnectedApps: true;
  /** Takes the caller's consent back; every token the integration holds for the caller ends at once. `DELETE /connected-apps/{client_id}`, for any signed-in caller. */
  revokeConnectedApp: true;
}

/**
 * The document's string formats that have a pattern: what the server checks, for forms to check
 * first. `format` names one of the document's own formats, which src/admin/formats.ts defines.
 */
export const STRING_FORMATS = {
  WebRedirectUri: { pattern: /^(https:\/\/[^#\s]+|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?(\/[^#\s]*)?)$/u, maxLength: 2000, format: 'browser-url' },
  NativeRedirectUri: { pattern: /^(https:\/\/[^#\s]+|http:\/\/(127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?(\/[^#\s]*)?|[A-Za-z][A-Za-z0-9+-]*(\.[A-Za-z0-9+-]+)+:\/[^#\s]*)$/u, maxLength: 2000, format: 'native-app-url' },
  IntegrationName: { pattern: /^(?=[\s\S]*?\S)[^\p{C}\p{Zl}\p{Zp}\u034F\u115F\u1160\u17B4\u17B5\u2800\u3164\uFFA0]*$/u, maxLength: 100 },
  IntegrationVersion: { pattern: /^[A-Za-z0-9._-]+$/u, maxLength: 20 },
  KeyId: { pattern: /^(?!\.{1,2}$)[A-Za-z0-9._~-]{1,100}$/u, maxLength: Infinity },
  ScopeName: { pattern: /^[A-Za-z0-9_.:-]{1,64}$/u, maxLength: Infinity },
  ServiceUrl: { pattern: /^\/[A-Za-z0-9._~!$&'()+,;=:@%\/-]*(\/\*)?$/u, maxLength: 500 },
} as const;

/**
 * What each kind of integration may be, from the document's IntegrationRules: its authentication
 * methods, the grant it must allow (`requiredGrant`) or the only one it may (`onlyGrant`), and the
 * string format of its callback URLs (null: it has none).
 */
export const INTEGRATION_KINDS = {
  web: { authMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'], requiredGrant: 'authorization_code', redirectUris: 'WebRedirectUri' },
  single_page: { authMethods: ['none'], requiredGrant: 'authorization_code', redirectUris: 'WebRedirectUri' },
  native: { authMethods: ['none'], requiredGrant: 'authorization_code', redirectUris: 'NativeRedirectUri' },
  service: { authMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'], onlyGrant: 'client_credentials', redirectUris: null },
} as const;
