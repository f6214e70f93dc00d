import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { start, type Running } from './support.js';

// Discovery is a promise to every client library that reads it: a method it names must be
// one an integration can be registered with. oidc-provider offers client_secret_jwt and
// private_key_jwt by default, which the admin API has no way to register (issue #18).

const document = parse(readFileSync(new URL('../../../docs/admin-api.yaml', import.meta.url), 'utf8'));
const registrable: string[] = document.components.schemas.IntegrationCreate.properties.token_endpoint_auth_method.enum;

describe('discovery names only the client authentication methods an integration can have', () => {
  let server: Running;
  before(async () => {
    server = await start();
  });
  after(() => server.close());

  it('lists the methods of the document, and no JWT method or its algorithms', async () => {
    const metadata = (await (await fetch(`${server.origin}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    assert.deepEqual([...(metadata.token_endpoint_auth_methods_supported as string[])].sort(), [...registrable].sort());
    assert.equal(metadata.token_endpoint_auth_signing_alg_values_supported, undefined, 'no algorithms for assertions nobody can send');
    // Revocation and introspection authenticate clients the same way.
    for (const endpoint of ['revocation', 'introspection']) {
      const listed = metadata[`${endpoint}_endpoint_auth_methods_supported`] as string[] | undefined;
      if (listed) assert.deepEqual([...listed].sort(), [...registrable].sort(), endpoint);
    }
  });
});
