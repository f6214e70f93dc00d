export { createAdminClient } from './client.js';
export type { AdminClient, AdminClientOptions, AdminOperations, BodyOf, ItemOf, ListOperationId, ParamsOf, ResultOf } from './client.js';
export { AdminApiError } from './errors.js';
export type { AdminApiErrorCode, FieldError, ScopeUsage } from './errors.js';
export type { OperationId } from './operations.js';
export type { components as AdminApiSchemas, operations as AdminApiOperations } from './api-types.js';

import type { components } from './api-types.js';
/** An integration (registered OAuth client) as the admin API returns it. */
export type Integration = components['schemas']['Integration'];
export type IntegrationCreate = components['schemas']['IntegrationCreate'];
export type IntegrationUpdate = components['schemas']['IntegrationUpdate'];
export type Endpoints = components['schemas']['Endpoints'];
export type Scope = components['schemas']['Scope'];
export type ScopeCreate = components['schemas']['ScopeCreate'];
export type ScopeUpdate = components['schemas']['ScopeUpdate'];
export type Token = components['schemas']['Token'];
export type PersonalToken = components['schemas']['PersonalToken'];
/** A personal access token with its value: only in the answer that creates or regenerates it. */
export type PersonalTokenWithValue = components['schemas']['PersonalTokenWithValue'];
/** A third-party integration the caller has allowed to act for them. */
export type ConnectedApp = components['schemas']['ConnectedApp'];
export type Me = components['schemas']['Me'];
/** What a caller (or a personal token) may do, e.g. `integrations:write`. */
export type Permission = components['schemas']['Permission'];
export type Problem = components['schemas']['Problem'];
