import type { operations } from './api-types.js';
import { AdminApiError, toAdminApiError } from './errors.js';
import { OPERATIONS, type OperationId, type OperationSummaries } from './operations.js';

type Present<T> = [T] extends [never] ? {} : [T] extends [undefined] ? {} : NonNullable<T>;
type Parameters_<K extends OperationId> = operations[K]['parameters'];
/** Path and query parameters of an operation, in one object. */
export type ParamsOf<K extends OperationId> = Present<Parameters_<K>['path']> & Present<Parameters_<K>['query']>;
// Indexed access keeps the `undefined` of an optional request body, which inference would drop.
type RequestBody<K extends OperationId> = operations[K]['requestBody'];
/** The JSON body an operation takes. */
export type BodyOf<K extends OperationId> = NonNullable<RequestBody<K>> extends { content: { 'application/json': infer B } } ? B : never;
type Responses<K extends OperationId> = operations[K]['responses'];
/** What an operation resolves to: its 200 or 201 body, or nothing for 204. */
export type ResultOf<K extends OperationId> = Responses<K> extends { 200: { content: { 'application/json': infer B } } }
  ? B
  : Responses<K> extends { 201: { content: { 'application/json': infer B } } }
    ? B
    : void;

/** Options of one call, after its parameters and body. */
export interface RequestOptions {
  /** Cancels the request; the call then rejects with an {@link AdminApiError} coded `aborted`. */
  signal?: AbortSignal;
}

type ParamArgs<K extends OperationId> = [keyof ParamsOf<K>] extends [never] ? [] : {} extends ParamsOf<K> ? [params?: ParamsOf<K>] : [params: ParamsOf<K>];
type BodyArgs<K extends OperationId> = [BodyOf<K>] extends [never] ? [] : undefined extends RequestBody<K> ? [body?: BodyOf<K>] : [body: BodyOf<K>];

/** One method per operation of docs/admin-api.yaml, named by its operationId. */
// Mapped over OperationSummaries' keys (the same as OperationId), so that each method keeps the
// summary the document gives its operation: editors and the API reference show it.
export type AdminOperations = { [K in keyof OperationSummaries]: (...args: [...ParamArgs<K>, ...BodyArgs<K>, options?: RequestOptions]) => Promise<ResultOf<K>> };

/** Operations that answer one page of `items` with a `next_cursor`. */
export type ListOperationId = { [K in OperationId]: ResultOf<K> extends { items: unknown[]; next_cursor: string | null } ? K : never }[OperationId];
/** The item type of a paged list operation: what {@link AdminClient.all} yields. */
export type ItemOf<K extends ListOperationId> = ResultOf<K> extends { items: Array<infer I> } ? I : never;

export interface AdminClient extends AdminOperations {
  /** Every item of a paged list, fetching the next page only when the loop gets there. */
  all<K extends ListOperationId>(operation: K, params?: Omit<ParamsOf<K>, 'cursor'>, options?: RequestOptions): AsyncIterableIterator<ItemOf<K>>;
}

/** What {@link createAdminClient} takes. */
export interface AdminClientOptions {
  /** Where the API lives, e.g. `https://id.example.com/admin/v1`. */
  baseUrl: string;
  /** The fetch to call it with: pass `sdk.fetch` so that requests carry the user's token. Default: global fetch. */
  // Request | string | URL rather than the DOM's RequestInfo: the same, and it also compiles in a
  // Node-only project (no DOM lib), where scripts use personal access tokens.
  fetch?: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
}

/** A call its caller canceled: not a failure to show, and never reported by the elements. */
function aborted(cause: unknown): AdminApiError {
  return new AdminApiError('aborted', 0, { detail: 'the request was canceled' }, { cause });
}

/**
 * A typed client for the grantkit admin API.
 *
 * @example
 * const admin = createAdminClient({ baseUrl: `${origin}/admin/v1`, fetch: sdk.fetch });
 * const { client_secret } = await admin.rotateIntegrationSecret({ client_id }, { grace_period_seconds: 3600 });
 */
export function createAdminClient(options: AdminClientOptions): AdminClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const send = options.fetch ?? ((input, init) => fetch(input, init));

  async function call(id: OperationId, args: unknown[]): Promise<unknown> {
    const [method, template, flags] = OPERATIONS[id];
    const params = (flags & 1 ? args.shift() : undefined) as Record<string, unknown> | undefined;
    const body = flags & 2 ? args.shift() : undefined;
    // What is left after the parameters and the body, which the flags say are there.
    const signal = (args.shift() as RequestOptions | undefined)?.signal;
    const query = new URLSearchParams();
    const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(params?.[name] ?? '')));
    for (const [name, value] of Object.entries(params ?? {})) {
      if (value !== undefined && !template.includes(`{${name}}`)) query.set(name, String(value));
    }
    let response: Response;
    try {
      response = await send(`${base}${path}${query.size ? `?${query}` : ''}`, {
        method,
        // The API answers no-store anyway. Without this, Chromium serves concurrent GETs for one
        // URL through one HTTP cache entry, one after another: a burst ran 5-7x slower.
        cache: 'no-store',
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        ...(signal ? { signal } : {}),
      });
    } catch (cause) {
      if (signal?.aborted) throw aborted(cause);
      // sdk.fetch's own errors (login_required, session_expired) say more than a network error would.
      if (cause instanceof Error && 'code' in cause && cause.name === 'GrantkitError') throw cause;
      throw new AdminApiError('network_error', 0, { detail: 'the admin API could not be reached' }, { cause });
    }
    if (!response.ok) throw await toAdminApiError(response);
    if (response.status === 204) return undefined;
    try {
      return await response.json();
    } catch (cause) {
      if (signal?.aborted) throw aborted(cause);
      throw new AdminApiError('invalid_response', response.status, { detail: 'the admin API answered with something that is not JSON' }, { cause });
    }
  }

  const client = {
    async *all(operation: ListOperationId, params: Record<string, unknown> = {}, options?: RequestOptions) {
      let cursor: string | null | undefined;
      do {
        const page = (await call(operation, [{ ...params, ...(cursor ? { cursor } : {}) }, options])) as { items: unknown[]; next_cursor: string | null };
        yield* page.items;
        cursor = page.next_cursor;
      } while (cursor);
    },
  } as Record<string, unknown>;
  for (const id of Object.keys(OPERATIONS) as OperationId[]) client[id] = (...args: unknown[]) => call(id, args);
  return client as unknown as AdminClient;
}
