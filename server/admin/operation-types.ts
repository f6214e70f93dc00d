import type { Caller } from './auth.js';
import type { components, operations } from './api-types.js';

// What each operation of docs/admin-api.yaml takes and answers, as the server's handlers
// see it: generated types only, so a handler that drifts from the document does not compile.

export type Schemas = components['schemas'];
export type OperationId = keyof operations;

type Defined<T> = [T] extends [undefined] ? {} : [T] extends [never] ? {} : NonNullable<T>;
type ParametersOf<K extends OperationId> = operations[K]['parameters'];
type RequestBodyOf<K extends OperationId> = operations[K]['requestBody'];
type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/**
 * Every list's `limit` has a default in the document (the Limit parameter), which the
 * validator fills in: by the time a handler runs, it is there.
 */
type Defaulted<Q> = Q extends { limit?: infer L } ? Omit<Q, 'limit'> & { limit: NonNullable<L> } : Q;

/** The query of an operation, as its handler gets it. */
export type ListQuery<K extends OperationId> = Defaulted<Defined<ParametersOf<K>['query']>>;

/** A request as a handler gets it: validated against the document, parameters coerced and defaulted. */
export interface OperationRequest<K extends OperationId> {
  path: Defined<ParametersOf<K>['path']>;
  query: ListQuery<K>;
  /** The JSON body; `undefined` where the operation takes none or the body is optional and absent. */
  body: [RequestBodyOf<K>] extends [undefined] ? undefined : undefined extends RequestBodyOf<K> ? JsonOf<NonNullable<RequestBodyOf<K>>> | undefined : JsonOf<RequestBodyOf<K>>;
  caller: Caller;
}

type Responses<K extends OperationId> = operations[K]['responses'];

/** What a handler answers: the document's success status with its body, or 204 with none. */
export type OperationAnswer<K extends OperationId> = Responses<K> extends { 200: infer R }
  ? { status: 200; body: JsonOf<R> }
  : Responses<K> extends { 201: infer R }
    ? { status: 201; body: JsonOf<R> }
    : { status: 204 };

export type Handlers = { [K in OperationId]: (request: OperationRequest<K>) => Promise<OperationAnswer<K>> };
