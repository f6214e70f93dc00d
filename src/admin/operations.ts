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

export type OperationId = keyof typeof OPERATIONS;

/** The document's string formats that have a pattern: what the server checks, for forms to check first. */
export const STRING_FORMATS = {
  RedirectUri: { pattern: /^(https:\/\/[^#\s]+|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:[0-9]{1,5})?(\/[^#\s]*)?)$/u, maxLength: 2000 },
  IntegrationName: { pattern: /^(?=[\s\S]*?\S)[^\p{C}\p{Zl}\p{Zp}\u034F\u115F\u1160\u17B4\u17B5\u2800\u3164\uFFA0]*$/u, maxLength: 100 },
  IntegrationVersion: { pattern: /^[A-Za-z0-9._-]+$/u, maxLength: 20 },
  ScopeName: { pattern: /^[A-Za-z0-9_.:-]{1,64}$/u, maxLength: Infinity },
  ServiceUrl: { pattern: /^\/[A-Za-z0-9._~!$&'()+,;=:@%\/-]*(\/\*)?$/u, maxLength: 500 },
} as const;
