import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';
import { isAllowedRedirectUri } from '../../components/shared/formats.js';
import { AdminApiError, createAdminClient, type IntegrationKind } from '../../src/admin/index.js';
import { createClient } from '../../src/index.js';

// Callback URLs as people paste them, checked by the elements and by the real reference
// server: the two must agree wherever it matters to a user. Bounded in time.

interface ReferenceInfo {
  baseUrl: string;
  origin: string;
  adminToken: string;
}

describe('fuzz: callback URLs, the elements and the reference server', () => {
  it('agree in the element and the server, for web and native apps, which accept only URLs a browser can parse and name the field they refuse', async () => {
    const info = (await executeServerCommand<ReferenceInfo, undefined>('reference-info'))!;
    const sdk = await createClient({ token: info.adminToken, allowedOrigins: [info.origin] });
    const admin = createAdminClient({ baseUrl: info.baseUrl, fetch: sdk.fetch });
    // One integration of each kind whose callbacks differ: a single-page app's are web URLs, a native app's (RFC 8252) are not.
    const kinds = ['single_page', 'native'] as const satisfies readonly IntegrationKind[];
    const ids = await Promise.all(kinds.map(async (kind) => (await admin.createIntegration({
      client_name: `Callback fuzz ${kind} ${Date.now()}`, version: '1', kind, token_endpoint_auth_method: 'none', grant_types: ['authorization_code'], redirect_uris: ['https://fuzz.example.com/cb'],
    })).client_id));
    const scheme = fc.constantFrom('https://', 'http://', 'HTTPS://', 'https:', 'javascript:', 'data:', 'ftp://', '', 'com.example.app:/', 'com.example.app://', 'com.example.app:', 'myapp://', 'file://', 'Com.Example-2.App:/', 'a.b:/');
    const host = fc.oneof(
      fc.constantFrom('localhost', '127.0.0.1', '[::1]', '127.0.0.2', '0x7f000001', '[::ffff:127.0.0.1]', 'app.localhost', 'example.com', 'localhost.evil.example', '127.0.0.1.nip.io', 'exämple.com', 'a b', ''),
      fc.domain(),
    );
    const port = fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 99_999 }).map((p) => `:${p}`), fc.constantFrom(':', ':x'));
    const rest = fc.oneof(fc.constant('/cb'), fc.constant(''), fc.webPath(), fc.string({ maxLength: 20 }).map((s) => `/${s}`), fc.constantFrom('/cb#frag', '/cb?x=1', '/c b', '/cb\n', '/%zz', '/<x>'));
    const uri = fc.oneof(fc.tuple(scheme, host, port, rest).map((parts) => parts.join('')), fc.webUrl({ withFragments: true, withQueryParameters: true }));

    await fc.assert(
      fc.asyncProperty(uri, fc.integer({ min: 0, max: kinds.length - 1 }), async (candidate, which) => {
        const kind = kinds[which]!;
        const elementSays = isAllowedRedirectUri(candidate, kind);
        const serverSays = await admin.updateIntegration({ client_id: ids[which]! }, { redirect_uris: [candidate] }).then(
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
        expect(elementSays, `element and server differ on ${JSON.stringify(candidate)} for a ${kind} app`).to.equal(serverSays);
        if (serverSays) expect(URL.canParse(candidate), `the server took ${JSON.stringify(candidate)}, which is no URL`).to.equal(true);
      }),
      { numRuns: 300, interruptAfterTimeLimit: 12_000 },
    );
    await Promise.all(ids.map((client_id) => admin.deleteIntegration({ client_id })));
  });
});
