import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { loadOperations, schemaValidator } from '../admin/openapi.js';
import { api, refresh, signIn, start, type Running } from './support.js';

// The server keeps the promises of docs/admin-api.yaml: every operation exists, and what
// it answers matches the schemas the admin client's types are generated from.

const DOCUMENT = fileURLToPath(new URL('../../../docs/admin-api.yaml', import.meta.url));
const matches = schemaValidator(DOCUMENT);
let server: Running;
let call: ReturnType<typeof api>;

before(async () => {
  server = await start();
  call = api(server, (await signIn(server, 'ada@example.com', 'ada-demo')).access_token);
});
after(() => server.close());

function conforms(schema: string, value: unknown): void {
  assert.deepEqual(matches(schema, value), [], `${schema}: ${JSON.stringify(value).slice(0, 400)}`);
}

describe('the admin API keeps its document', () => {
  it('implements every operation the document lists', async () => {
    const missing: string[] = [];
    for (const op of loadOperations(DOCUMENT)) {
      const path = op.template.replace('{client_id}', 'gk_missing').replace('{scope_name}', 'missing').replace('{token_id}', 'pat_missingmissing');
      const res = await call(op.method, path, op.hasBody && op.bodyRequired ? {} : undefined);
      if (res.status === 404 && /not implemented/.test(res.body?.detail ?? '')) missing.push(op.operationId);
    }
    assert.deepEqual(missing, []);
  });

  it('answers with bodies that match the document', async () => {
    conforms('Me', (await call('GET', '/me')).body);
    conforms('IntegrationPage', (await call('GET', '/integrations?limit=2')).body);
    const created = await call('POST', '/integrations', {
      client_name: 'Contract', version: '1', token_endpoint_auth_method: 'client_secret_post', grant_types: ['client_credentials'], refresh_count: 0,
    });
    conforms('IntegrationWithSecret', created.body);
    const id = created.body!.client_id;
    conforms('Integration', (await call('GET', `/integrations/${id}`)).body);
    conforms('Integration', (await call('PATCH', `/integrations/${id}`, { description: 'changed' })).body);
    conforms('Integration', (await call('POST', `/integrations/${id}/deactivate`)).body);
    conforms('RotatedSecret', (await call('POST', `/integrations/${id}/secret`, { grace_period_seconds: 60 })).body);
    conforms('Integration', (await call('DELETE', `/integrations/${id}/secret/previous`)).body);
    conforms('Endpoints', (await call('GET', `/integrations/${id}/endpoints`)).body);
    conforms('ScopePage', (await call('GET', '/scopes')).body);
    conforms('Scope', (await call('POST', '/scopes', { name: 'contract:read' })).body);
    await call('PUT', `/integrations/${id}/scopes/contract:read`);
    const inUse = await call('DELETE', '/scopes/contract:read');
    assert.equal(inUse.body!.code, 'scope_in_use');
    conforms('Problem', inUse.body);
    conforms('TokenPage', (await call('GET', '/tokens')).body);
    const pat = await call('POST', '/personal-tokens', { name: 'contract', expires_in_days: 2 });
    conforms('PersonalTokenWithValue', pat.body);
    conforms('PersonalTokenWithValue', (await call('POST', `/personal-tokens/${pat.body!.id}/regenerate`)).body);
    conforms('PersonalTokenPage', (await call('GET', '/personal-tokens')).body);
    for (const problem of [await call('GET', '/integrations/gk_missing'), await call('POST', '/scopes', { nope: 1 }), await api(server, undefined)('GET', '/me')]) {
      conforms('Problem', problem.body);
    }
  });

  it('answers 404 for every resource that does not exist', async () => {
    const paths: Array<[string, string]> = [
      ['GET', '/integrations/gk_missing'], ['PATCH', '/integrations/gk_missing'], ['DELETE', '/integrations/gk_missing'],
      ['POST', '/integrations/gk_missing/activate'], ['POST', '/integrations/gk_missing/deactivate'], ['POST', '/integrations/gk_missing/secret'], ['DELETE', '/integrations/gk_missing/secret/previous'], ['DELETE', '/integrations/gk_missing/tokens'],
      ['GET', '/integrations/gk_missing/endpoints'], ['GET', '/integrations/gk_missing/scopes'], ['PUT', '/integrations/gk_missing/scopes/projects:read'],
      ['GET', '/scopes/missing'], ['PATCH', '/scopes/missing'], ['DELETE', '/scopes/missing'], ['DELETE', '/tokens/missing'],
      ['DELETE', '/personal-tokens/pat_missingmissing'], ['POST', '/personal-tokens/pat_missingmissing/regenerate'], ['GET', '/no-such-thing'],
    ];
    for (const [method, path] of paths) {
      const res = await call(method, path, method === 'PATCH' ? { description: 'x' } : undefined);
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.equal(res.body!.code, 'not_found');
    }
    assert.equal((await call('PUT', '/integrations')).status, 404);
  });
});

describe('refresh-token rotation with reuse detection', () => {
  it('a replayed refresh token ends the whole session', async () => {
    const session = await signIn(server, 'vic@example.com', 'vic-demo', {
      clientId: 'grantkit-demo', redirectUri: `${server.origin}/`, scope: 'openid offline_access', resource: server.adminAudience,
    });
    const first = await refresh(server, 'grantkit-demo', session.refresh_token!);
    assert.equal(first.status, 200);
    assert.notEqual(first.body.refresh_token, session.refresh_token, 'rotated');
    const replay = await refresh(server, 'grantkit-demo', session.refresh_token!);
    assert.equal(replay.body.error, 'invalid_grant');
    // The thief's replay revoked the family: the legitimate new token is dead too.
    assert.equal((await refresh(server, 'grantkit-demo', first.body.refresh_token)).body.error, 'invalid_grant');
  });
});
