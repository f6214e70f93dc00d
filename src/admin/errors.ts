import type { components } from './api-types.js';

/** An RFC 9457 problem, as the admin API answers a refusal (the document's `Problem`). */
export type Problem = components['schemas']['Problem'];

/** The codes an {@link AdminApiError} carries: the server's problem codes, two for failures before an answer, and `aborted` for a call its caller canceled. */
export type AdminApiErrorCode = Problem['code'] | 'network_error' | 'invalid_response' | 'aborted';

/** One field the server refused, as a JSON Pointer into the request (`/body/redirect_uris/0`). */
export type FieldError = NonNullable<Problem['errors']>[number];

/** With `scope_in_use`: what still uses the scope (the integrations, the first ten of them named, and live tokens). */
export type ScopeUsage = NonNullable<Problem['in_use']>;

/** The one error class of the admin client, carrying the RFC 9457 problem the server sent. */
export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
  readonly code: AdminApiErrorCode;
  /** HTTP status; 0 when no answer came. */
  readonly status: number;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly instance: string | undefined;
  /** With `validation_failed` (and some conflicts): each field that was refused. */
  readonly errors: FieldError[];
  /** With `scope_in_use`, when the server said: what still uses the scope, so a console can name it. */
  readonly inUse: ScopeUsage | undefined;

  constructor(code: AdminApiErrorCode, status: number, problem: Partial<Problem> = {}, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title ?? `admin API request failed (${code})`, options);
    this.code = code;
    this.status = status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.type = problem.type;
    this.instance = problem.instance;
    this.errors = problem.errors ?? [];
    this.inUse = scopeUsage(problem.in_use);
  }

  /** The refusal for one field, e.g. `fieldError('/body/client_name')`, so forms can show it beside the field. */
  fieldError(path: string): FieldError | undefined {
    return this.errors.find((e) => e.path === path);
  }
}

/**
 * The `in_use` member as far as it has the document's shape: it comes from the network, and a
 * console renders it, so a server's mistake must not become an exception there.
 */
function scopeUsage(value: unknown): ScopeUsage | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { integration_count, integrations, live_tokens } = value as Record<string, unknown>;
  const named = (Array.isArray(integrations) ? integrations : []).filter(
    (i): i is ScopeUsage['integrations'][number] => !!i && typeof i === 'object' && ['client_id', 'client_name', 'version'].every((k) => typeof (i as Record<string, unknown>)[k] === 'string'),
  );
  return {
    integration_count: typeof integration_count === 'number' && Number.isFinite(integration_count) ? integration_count : named.length,
    integrations: named.map(({ client_id, client_name, version }) => ({ client_id, client_name, version })),
    live_tokens: live_tokens === true,
  };
}

const STATUS_CODES: Record<number, AdminApiErrorCode> = { 400: 'validation_failed', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict' };

/** Turns a failed response into an AdminApiError, using its problem details when it sent some. */
export async function toAdminApiError(response: Response): Promise<AdminApiError> {
  let problem: Partial<Problem> = {};
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object') problem = body as Partial<Problem>;
  } catch {
    // Not JSON (a proxy's error page, say): the status still says what happened.
  }
  const code = problem.code ?? STATUS_CODES[response.status] ?? (response.status >= 500 ? 'internal_error' : 'invalid_response');
  return new AdminApiError(code, response.status, problem);
}
