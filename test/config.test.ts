import { expect } from '@open-wc/testing';
import { createClient, GrantkitError, type ClientOptions } from '../src/index.js';
import { STRING_FORMATS } from '../src/admin/operations.js';

async function rejection(options: ClientOptions): Promise<GrantkitError> {
  try {
    await createClient(options);
  } catch (error) {
    return error as GrantkitError;
  }
  throw new Error('createClient accepted invalid options');
}

const base = { issuer: 'https://id.example.test', clientId: 'spa', redirectUri: 'https://app.example.test/callback' };

describe('one rule for plain-http loopback, in the SDK and in the admin API document', () => {
  it('takes an http redirect URI exactly when the document\'s RedirectUri does', async () => {
    // (Host case is left out: the SDK reads URLs through the URL parser, which lower-cases hosts.)
    const hosts = ['localhost', '127.0.0.1', '[::1]', 'app.localhost', 'localhost.example.test', '127.0.0.2', '0.0.0.0', 'localhost:8080', '127.0.0.1:5173', '[::1]:3000'];
    for (const host of hosts) {
      const uri = `http://${host}/callback`;
      const byDocument = STRING_FORMATS.WebRedirectUri.pattern.test(uri);
      const bySdk = await createClient({ ...base, redirectUri: uri, storage: 'memory' }).then(() => true, () => false);
      expect(bySdk, `${uri}: the SDK ${bySdk ? 'takes' : 'refuses'} it, the document ${byDocument ? 'takes' : 'refuses'} it`).to.equal(byDocument);
    }
  });
});

describe('createClient options', () => {
  const cases: Array<[string, ClientOptions, RegExp]> = [
    ['no client id', { ...base, clientId: '' }, /clientId/],
    ['no issuer nor endpoints', { clientId: 'spa', redirectUri: base.redirectUri }, /issuer or endpoints/],
    ['plain http to a remote issuer', { ...base, issuer: 'http://id.example.test' }, /https/],
    ['a redirect URI with a fragment', { ...base, redirectUri: 'https://app.example.test/cb#x' }, /fragment/],
    ['a relative redirect URI', { ...base, redirectUri: '/callback' }, /absolute URL/],
    ['an allowed origin with a path', { ...base, allowedOrigins: ['https://api.example.test/v1'] }, /bare origins/],
    ['a wildcard origin', { ...base, allowedOrigins: ['*'] }, /absolute URL/],
    ['an authorization parameter grantkit owns', { ...base, authorizationParams: { state: 'fixed' } }, /"state"/],
    ['an unknown storage', { ...base, storage: 'localStorage' as 'memory' }, /storage/],
    ['an empty static token', { token: ' ' }, /token/],
  ];
  for (const [name, options, message] of cases) {
    it(`refuses ${name} with config_invalid`, async () => {
      const error = await rejection(options);
      expect(error).to.be.instanceOf(GrantkitError);
      expect(error.code).to.equal('config_invalid');
      expect(error.message).to.match(message);
    });
  }

  it('accepts plain http for loopback development servers', async () => {
    const sdk = await createClient({ ...base, issuer: 'http://127.0.0.1:8080', redirectUri: 'http://localhost:3000/cb', storage: 'memory' });
    expect(sdk.isAuthenticated).to.equal(false);
    sdk.close();
  });
});
