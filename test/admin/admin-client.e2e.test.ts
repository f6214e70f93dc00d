import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { AdminApiError, createAdminClient } from '../../src/admin/index.js';
import { createClient } from '../../src/index.js';

// The admin client against the real reference server (server/), through sdk.fetch.

interface ReferenceInfo {
  origin: string;
  baseUrl: string;
  adminToken: string;
  viewerToken: string;
}
const info = (await executeServerCommand<ReferenceInfo, undefined>('reference-info'))!;

async function adminAs(token: string) {
  const sdk = await createClient({ token, allowedOrigins: [info.origin] });
  return createAdminClient({ baseUrl: info.baseUrl, fetch: sdk.fetch });
}

describe('admin client against the reference server', () => {
  it('creates an integration, rotates its secret, and the real token endpoint agrees', async () => {
    const admin = await adminAs(info.adminToken);
    const created = await admin.createIntegration({
      client_name: `Browser E2E ${Date.now()}`, version: '1', token_endpoint_auth_method: 'client_secret_basic', grant_types: ['client_credentials'],
    });
    expect(created.client_secret).to.match(/^gks_/);
    const rotated = await admin.rotateIntegrationSecret({ client_id: created.client_id });
    // The integration's own server uses the secret (confidential clients do not call the
    // token endpoint from a browser): the test runner makes that request from Node.
    const tokenStatus = (secret: string) =>
      executeServerCommand<number, { clientId: string; secret: string }>('reference-client-credentials', { clientId: created.client_id, secret });
    expect(await tokenStatus(created.client_secret!)).to.equal(401);
    expect(await tokenStatus(rotated.client_secret)).to.equal(200);
    const read = await admin.getIntegration({ client_id: created.client_id });
    expect(read.client_secret_last4).to.equal(rotated.client_secret.slice(-4));
    expect(JSON.stringify(read)).not.to.contain(rotated.client_secret);
  });

  it('pages through every integration with the async iterator', async () => {
    const admin = await adminAs(info.adminToken);
    const seen = new Set<string>();
    for await (const integration of admin.all('listIntegrations', { limit: 2 })) seen.add(integration.client_id);
    expect(seen.has('gk_erp_connector')).to.equal(true);
    expect(seen.size).to.be.greaterThan(2);
  });

  it('reports validation, conflict and role refusals as typed errors', async () => {
    const admin = await adminAs(info.adminToken);
    const invalid = (await admin.createScope({ name: 'has space' }).catch((e: unknown) => e)) as AdminApiError;
    expect(invalid.code).to.equal('validation_failed');
    expect(invalid.fieldError('/body/name')).to.exist;
    const conflict = (await admin.deleteScope({ scope_name: 'projects:read' }).catch((e: unknown) => e)) as AdminApiError;
    expect(conflict.code).to.equal('scope_in_use');
    const viewer = await adminAs(info.viewerToken);
    expect((await viewer.getMe()).roles).to.deep.equal(['viewer']);
    const refused = (await viewer.createScope({ name: 'viewer-made' }).catch((e: unknown) => e)) as AdminApiError;
    expect([refused.code, refused.status]).to.deep.equal(['forbidden', 403]);
  });
});
