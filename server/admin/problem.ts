import type { ServerResponse } from 'node:http';
import type { FieldError } from './openapi.js';
import type { Schemas } from './operation-types.js';

/** The problem codes of the document: a code it does not name does not compile. */
export type ProblemCode = Schemas['Problem']['code'];

const TITLES: Record<ProblemCode, [number, string]> = {
  validation_failed: [400, 'The request is not valid'],
  unauthorized: [401, 'Authentication is required'],
  forbidden: [403, 'You do not have permission for this'],
  not_found: [404, 'Not found'],
  conflict: [409, 'The request conflicts with the current state'],
  duplicate_name: [409, 'The name is already taken'],
  scope_in_use: [409, 'The scope is in use'],
  no_secret: [409, 'This integration has no secret'],
  invalid_key: [400, 'This is not a public key the server can use'],
  private_key: [400, 'This is a private key'],
  weak_key: [400, 'This key or algorithm is not accepted'],
  duplicate_key: [409, 'This key is already registered'],
  too_many_keys: [409, 'The integration has as many keys as it may have'],
  keys_not_used: [409, 'This integration does not authenticate with keys'],
  internal_error: [500, 'Something went wrong on the server'],
};

/** An RFC 9457 problem the admin API answers with. */
export class ApiProblem extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  /** With `scope_in_use`: what uses the scope, as the document's `in_use` member. */
  readonly inUse: Schemas['Problem']['in_use'];

  constructor(code: ProblemCode, detail?: string, options: { errors?: FieldError[]; headers?: Record<string, string>; inUse?: Schemas['Problem']['in_use'] } = {}) {
    super(detail ?? TITLES[code][1]);
    this.code = code;
    this.status = TITLES[code][0];
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.inUse = options.inUse;
  }

  send(res: ServerResponse, instance: string): void {
    const body = {
      type: `urn:grantkit:problem:${this.code}`,
      title: TITLES[this.code][1],
      status: this.status,
      code: this.code,
      detail: this.message,
      instance,
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.inUse ? { in_use: this.inUse } : {}),
    };
    res.writeHead(this.status, { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...this.headers });
    res.end(JSON.stringify(body));
  }
}
