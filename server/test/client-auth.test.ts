import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { start, type Running } from './support.js';

// Discovery is a promise to every client library that reads it: a method it names must be
// one an integration can be registered with. oidc-provider offers client_secret_jwt by
// default, which the admin API has no way to register, and HS256 for assertions, which
// would need a shared secret (issue #18).

const document = parse(readFileSync(new URL('../../../docs/admin-api.yaml', import.meta.url), 'utf8'));
const registrable: string[] = document.components.schemas.IntegrationCreate.properties.token_endpoint_auth_method.enum;
const keyAlgorithms: string[] = document.components.schemas.KeyAlgorithm.enum;

describe('discovery names only the client authentication methods an integration can have', () => {
  let server: Running;
  before(async () => {
    server = await start();
  });
  after(() => server.close());

  it('lists the methods of the document, and for private_key_jwt only the asymmetric algorithms a key can be registered for', async () => {
    const metadata = (await (await fetch(`${server.origin}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    assert.deepEqual([...(metadata.token_endpoint_auth_methods_supported as string[])].sort(), [...registrable].sort());
    assert.ok(!registrable.includes('client_secret_jwt'));
    assert.deepEqual([...(metadata.token_endpoint_auth_signing_alg_values_supported as string[])].sort(), [...keyAlgorithms].sort());
    assert.ok(!keyAlgorithms.some((alg) => alg.startsWith('HS')));
    // Revocation and introspection authenticate clients the same way.
    for (const endpoint of ['revocation', 'introspection']) {
      const listed = metadata[`${endpoint}_endpoint_auth_methods_supported`] as string[] | undefined;
      if (listed) assert.deepEqual([...listed].sort(), [...registrable].sort(), endpoint);
    }
  });
});
