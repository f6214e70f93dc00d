/**
 * The typed client of the grantkit admin API, generated from docs/admin-api.yaml: one method per operation.
 * @module grantkit/admin
 */
export { createAdminClient } from './client.js';
export type { AdminClient, AdminClientOptions, AdminOperations, RequestOptions, BodyOf, ItemOf, ListOperationId, ParamsOf, ResultOf } from './client.js';
export { AdminApiError } from './errors.js';
export type { AdminApiErrorCode, FieldError, Problem, ScopeUsage } from './errors.js';
export type { OperationId } from './operations.js';
export type { OperationSummaries } from './operations.js';
export type { components as AdminApiSchemas, operations as AdminApiOperations } from './api-types.js';

import type { components } from './api-types.js';
/** An integration (registered OAuth client) as the admin API returns it. */
export type Integration = components['schemas']['Integration'];
/** What {@link AdminClient.createIntegration} takes. */
export type IntegrationCreate = components['schemas']['IntegrationCreate'];
/** What {@link AdminClient.updateIntegration} takes: the fields to change. */
export type IntegrationUpdate = components['schemas']['IntegrationUpdate'];
/** What an integration is: a web application, a single-page app, a native (desktop, mobile, CLI) app, or a service. */
export type IntegrationKind = components['schemas']['IntegrationKind'];
/** A public key a `private_key_jwt` integration signs its client assertions with (RFC 7523). */
export type IntegrationKey = components['schemas']['IntegrationKey'];
/** What {@link AdminClient.addIntegrationKey} takes: a public key as PEM or JWK text. */
export type IntegrationKeyCreate = components['schemas']['IntegrationKeyCreate'];
/** The authorization server's endpoints, for an integration's developers to configure. */
export type Endpoints = components['schemas']['Endpoints'];
/** A scope: a permission an integration may be allowed, with the services it grants. */
export type Scope = components['schemas']['Scope'];
/** What {@link AdminClient.createScope} takes. */
export type ScopeCreate = components['schemas']['ScopeCreate'];
/** What {@link AdminClient.updateScope} takes: the fields to change. */
export type ScopeUpdate = components['schemas']['ScopeUpdate'];
/** What was issued to an integration for one user sign-in, as {@link AdminClient.listTokens} lists it (never the token itself). */
export type Token = components['schemas']['Token'];
/** A personal access token, as listed: never its value. */
export type PersonalToken = components['schemas']['PersonalToken'];
/** A personal access token with its value: only in the answer that creates or regenerates it. */
export type PersonalTokenWithValue = components['schemas']['PersonalTokenWithValue'];
/** A third-party integration the caller has allowed to act for them. */
export type ConnectedApp = components['schemas']['ConnectedApp'];
/** The caller: who they are, their roles and their permissions. */
export type Me = components['schemas']['Me'];
/** What a caller (or a personal token) may do, e.g. `integrations:write`. */
export type Permission = components['schemas']['Permission'];
