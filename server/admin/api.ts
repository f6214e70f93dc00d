import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller } from './auth.js';
import { Integrations, present, type TokenAuthority } from './integrations.js';
import type { Handlers, OperationAnswer, OperationId, OperationRequest } from './operation-types.js';
import { loadOperations, schemaValidator, type Operation } from './openapi.js';
import type { Scopes } from './scopes.js';
import { Tokens, type TokenSource } from './tokens.js';
import { PersonalTokens } from './personal-tokens.js';
import { ClientKeys } from './client-keys.js';
import type { Consents } from './consents.js';
import { ApiProblem } from './problem.js';
import type { Database } from '../db/database.js';

export const ADMIN_BASE = '/admin/v1';
const MAX_BODY_BYTES = 100_000;


export interface AdminApiOptions {
  documentFile: string;
  db: Database;
  scopes: Scopes;
  authority: TokenAuthority;
  tokens: TokenSource;
  authenticate: (req: IncomingMessage) => Promise<Caller>;
  consents: Consents;
}


/** The admin API: routes, validates against the document, authenticates, checks permissions. */
export function createAdminApi(options: AdminApiOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const operations = loadOperations(options.documentFile);
  const validate = schemaValidator(options.documentFile);
  const integrations = new Integrations(options.db, options.authority, (integration) => validate('IntegrationRules', integration));
  const scopes = options.scopes;
  const tokens = new Tokens(options.db, options.tokens);
  const personalTokens = new PersonalTokens(options.db);
  const keys = new ClientKeys(options.db);
  const done = { status: 204 } as const;
  const ok = <B>(body: B) => ({ status: 200 as const, body });
  const created = <B>(body: B) => ({ status: 201 as const, body });

  const handlers: Handlers = {
    getMe: async ({ caller }) => ok({ sub: caller.sub, name: caller.name, email: caller.email, roles: caller.roles, permissions: caller.permissions, auth: caller.auth }),
    listIntegrations: async ({ query }) => ok(await integrations.list(query)),
    createIntegration: async ({ body }) => created(await integrations.create(body)),
    getIntegration: async ({ path }) => ok(present(await integrations.get(path.client_id))),
    updateIntegration: async ({ path, body }) => ok(await integrations.update(path.client_id, body)),
    deleteIntegration: async ({ path }) => {
      await integrations.remove(path.client_id);
      return done;
    },
    activateIntegration: async ({ path }) => ok(await integrations.setStatus(path.client_id, 'active')),
    deactivateIntegration: async ({ path }) => ok(await integrations.setStatus(path.client_id, 'inactive')),
    rotateIntegrationSecret: async ({ path, body }) => ok(await integrations.rotateSecret(path.client_id, body?.grace_period_seconds ?? 0)),
    endSecretGracePeriod: async ({ path }) => ok(await integrations.endGracePeriod(path.client_id)),
    revokeIntegrationTokens: async ({ path }) => {
      await integrations.revokeTokens(path.client_id);
      return done;
    },
    listIntegrationKeys: async ({ path }) => ok({ items: await keys.list(path.client_id) }),
    addIntegrationKey: async ({ path, body }) => created(await keys.add(path.client_id, body)),
    removeIntegrationKey: async ({ path }) => {
      await keys.remove(path.client_id, path.kid);
      return done;
    },
    getIntegrationEndpoints: async ({ path }) => ok(await integrations.endpoints(path.client_id)),
    listIntegrationScopes: async ({ path }) => ok({ items: await scopes.ofIntegration(path.client_id) }),
    associateScope: async ({ path }) => {
      await scopes.associate(path.client_id, path.scope_name, true);
      return done;
    },
    disassociateScope: async ({ path }) => {
      await scopes.associate(path.client_id, path.scope_name, false);
      return done;
    },
    listScopes: async ({ query }) => ok(await scopes.list(query)),
    createScope: async ({ body }) => created(await scopes.create(body)),
    getScope: async ({ path }) => ok(await scopes.get(path.scope_name)),
    updateScope: async ({ path, body }) => ok(await scopes.update(path.scope_name, body)),
    deleteScope: async ({ path, caller }) => {
      await scopes.remove(path.scope_name, caller.permissions.includes('integrations:read'));
      return done;
    },
    listPersonalTokens: async ({ caller, query }) => ok(await personalTokens.list(caller, query)),
    createPersonalToken: async ({ caller, body }) => created(await personalTokens.create(caller, body)),
    regeneratePersonalToken: async ({ caller, path, body }) => ok(await personalTokens.regenerate(caller, path.token_id, body)),
    revokePersonalToken: async ({ caller, path }) => {
      await personalTokens.revoke(caller, path.token_id);
      return done;
    },
    listConnectedApps: async ({ caller, query }) => ok(await options.consents.list(caller.sub, query)),
    revokeConnectedApp: async ({ caller, path }) => {
      await options.consents.revoke(caller.sub, path.client_id);
      return done;
    },
    listTokens: async ({ query }) => ok(await tokens.list(query)),
    revokeToken: async ({ path }) => {
      await tokens.revoke(path.token_id);
      return done;
    },
  };

  const isOperationId = (id: string): id is OperationId => Object.hasOwn(handlers, id);
  /**
   * The one place where a request becomes typed: the document's validator has just checked
   * that it has this operation's shape (and coerced and defaulted its parameters), which is
   * what the generated types say. TypeScript cannot follow an operation id picked at run time
   * through the handler table, hence the assertion.
   */
  const run = <K extends OperationId>(id: K, request: { path: Record<string, string>; query: Record<string, string>; body: unknown; caller: Caller }) =>
    (handlers[id] as (request: OperationRequest<K>) => Promise<OperationAnswer<K>>)(request as unknown as OperationRequest<K>) as Promise<{ status: 200 | 201; body: unknown } | { status: 204 }>;

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://admin.invalid');
    const instance = url.pathname;
    try {
      const path = url.pathname.slice(ADMIN_BASE.length) || '/';
      const candidates = operations.filter((op) => op.match(path));
      if (candidates.length === 0) throw new ApiProblem('not_found', `no admin API resource at ${instance}`);
      const operation = candidates.find((op) => op.method === req.method);
      if (!operation) {
        res.setHeader('Allow', candidates.map((op) => op.method).join(', '));
        throw new ApiProblem('not_found', `${req.method} is not supported on ${instance}`);
      }
      const id = operation.operationId;
      if (!isOperationId(id)) throw new ApiProblem('not_found', `${id} is not implemented by this server yet`);

      // Who is asking comes first: an anonymous caller learns nothing about the request's shape.
      const caller = await options.authenticate(req);
      for (const [name, value] of Object.entries(caller.headers ?? {})) res.setHeader(name, value);
      // The document marks what a script's token may not manage (x-session-only); checked
      // before the permission, so the refusal says what is really missing.
      if (operation.sessionOnly && caller.auth !== 'access_token') {
        throw new ApiProblem('forbidden', `${operation.operationId} is done from a signed-in session, not with a personal access token: a script's token may not manage personal tokens or connected apps`);
      }
      if (operation.permission && !caller.permissions.some((p) => p === operation.permission)) {
        throw new ApiProblem('forbidden', `this needs the "${operation.permission}" permission, which the admin role has`);
      }
      const request = { path: operation.match(path) ?? {}, query: queryOf(url), body: await readJson(req, operation), caller };
      const unstorable = whereUnstorable({ path: request.path, query: request.query, body: request.body });
      // PostgreSQL's text cannot hold U+0000, nor jsonb a lone surrogate: refused here, by name, rather than failing in the database.
      if (unstorable !== undefined) {
        throw new ApiProblem('validation_failed', 'text may not contain U+0000 or an unpaired surrogate', { errors: [{ path: unstorable, message: 'contains U+0000 or an unpaired surrogate (not well-formed Unicode)' }] });
      }
      const errors = operation.validate(request);
      if (errors.length > 0) throw new ApiProblem('validation_failed', 'see `errors` for each field that is not valid', { errors });

      const result = await run(id, request);
      if (result.status === 204) {
        res.writeHead(result.status, { 'Cache-Control': 'no-store' }).end();
      } else {
        res.writeHead(result.status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end(JSON.stringify(result.body));
      }
    } catch (error) {
      if (error instanceof ApiProblem) return error.send(res, instance);
      console.error('admin API failure', error);
      new ApiProblem('internal_error').send(res, instance);
    }
  };
}

/** Text the database can hold: no U+0000, and well-formed (no unpaired surrogate, which JSON can carry as an escape). */
const storable = (text: string) => !text.includes('\u0000') && !UNPAIRED_SURROGATE.test(text);
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The JSON pointer of the first string (or key) in `value` that the database cannot hold, if any. */
function whereUnstorable(value: unknown, pointer = ''): string | undefined {
  if (typeof value === 'string') return storable(value) ? undefined : pointer || '/';
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (!storable(key)) return at;
    const found = whereUnstorable(item, at);
    if (found !== undefined) return found;
  }
  return undefined;
}

function queryOf(url: URL): Record<string, string> {
  // No prototype: `__proto__` is a name like any other, refused by the schema, not swallowed.
  const query: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of url.searchParams) {
    // No parameter of the document is a list: a second value is a mistake (or a probe), not the one that counts.
    if (Object.hasOwn(query, name)) {
      throw new ApiProblem('validation_failed', `the query parameter "${name}" is given more than once`, { errors: [{ path: `/query/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`, message: 'is given more than once' }] });
    }
    query[name] = value;
  }
  return query;
}

async function readJson(req: IncomingMessage, operation: Operation): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ApiProblem('validation_failed', 'the body is too large', { errors: [{ path: '/body', message: `exceeds ${MAX_BODY_BYTES} bytes` }] });
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  const type = req.headers['content-type'] ?? '';
  if (operation.hasBody && !/^application\/json\b/i.test(type)) {
    throw new ApiProblem('validation_failed', 'send the body as application/json', { errors: [{ path: '/body', message: 'must be application/json' }] });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiProblem('validation_failed', 'the body is not valid JSON', { errors: [{ path: '/body', message: 'is not valid JSON' }] });
  }
}
