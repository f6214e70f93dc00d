import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';
import { isAllowedRedirectUri } from '../../components/shared/formats.js';
import { AdminApiError, createAdminClient } from '../../src/admin/index.js';
import { createClient } from '../../src/index.js';

// Callback URLs as people paste them, checked by the elements and by the real reference
// server: the two must agree wherever it matters to a user. Bounded in time.

interface ReferenceInfo {
  baseUrl: string;
  origin: string;
  adminToken: string;
}

describe('fuzz: callback URLs, the elements and the reference server', () => {
  it('agree in the element and the server, which accepts only URLs a browser can parse and names the field it refuses', async () => {
    const info = (await executeServerCommand<ReferenceInfo, undefined>('reference-info'))!;
    const sdk = await createClient({ token: info.adminToken, allowedOrigins: [info.origin] });
    const admin = createAdminClient({ baseUrl: info.baseUrl, fetch: sdk.fetch });
    const { client_id } = await admin.createIntegration({
      client_name: `Callback fuzz ${Date.now()}`, version: '1', token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], redirect_uris: ['https://fuzz.example.com/cb'],
    });
    const scheme = fc.constantFrom('https://', 'http://', 'HTTPS://', 'https:', 'javascript:', 'data:', 'ftp://', '');
    const host = fc.oneof(
      fc.constantFrom('localhost', '127.0.0.1', '[::1]', 'example.com', 'localhost.evil.example', '127.0.0.1.nip.io', 'exämple.com', 'a b', ''),
      fc.domain(),
    );
    const port = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 99_999 }).map((p) => `:${p}`), fc.constantFrom(':', ':x'));
    const rest = fc.oneof(fc.constant('/cb'), fc.constant(''), fc.webPath(), fc.string({ maxLength: 20 }).map((s) => `/${s}`), fc.constantFrom('/cb#frag', '/cb?x=1', '/c b', '/cb\n', '/%zz', '/<x>'));
    const uri = fc.oneof(fc.tuple(scheme, host, port, rest).map((parts) => parts.join('')), fc.webUrl({ withFragments: true, withQueryParameters: true }));

    await fc.assert(
      fc.asyncProperty(uri, async (candidate) => {
        const elementSays = isAllowedRedirectUri(candidate);
        const serverSays = await admin.updateIntegration({ client_id }, { redirect_uris: [candidate] }).then(
          () => true,
          (error: unknown) => {
            // A refusal is a typed field error on this very URL, never a 5xx.
            expect(error).to.be.instanceOf(AdminApiError);
            const e = error as AdminApiError;
            expect([e.status, e.code]).to.deep.equal([400, 'validation_failed']);
            expect(e.errors.map((f) => f.path)).to.include('/body/redirect_uris/0');
            return false;
          },
        );
        expect(elementSays, `element and server differ on ${JSON.stringify(candidate)}`).to.equal(serverSays);
        if (serverSays) expect(URL.canParse(candidate), `the server took ${JSON.stringify(candidate)}, which is no URL`).to.equal(true);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 8_000 },
    );
    await admin.deleteIntegration({ client_id });
  });
});
