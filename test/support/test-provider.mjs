// A real oidc-provider for the end-to-end tests, configured as RFC 9700 asks of a
// server for browser apps: PKCE required, `iss` in authorization responses, rotating
// refresh tokens with reuse detection, revocation. It also serves a small protected
// API and keeps a log of what reached it, so tests can assert what the server saw.
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import { createDPoPVerifier, DPoPProofError } from '../../build/src/server/dpop.js';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

export async function startTestProvider({ port, appOrigin }) {
  const issuer = `http://localhost:${port}`;
  const callback = `${appOrigin}/test/e2e/callback.html`;
  const log = { token: [], revocation: [], api: [], par: [], authorize: [] };
  // The API asks for its own nonces, which tests rotate mid-session.
  const dpop = createDPoPVerifier();
  const spa = (client_id) => ({
    client_id,
    token_endpoint_auth_method: 'none',
    application_type: 'web',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [callback, `${appOrigin}/test/e2e/coop-callback.html`, `${appOrigin}/test/e2e/redirect-app.html`],
    post_logout_redirect_uris: [`${appOrigin}/test/e2e/callback.html`, `${appOrigin}/test/e2e/redirect-app.html?view=bye`],
  });

  const provider = new Provider(issuer, {
    // spa-dpop gets DPoP-bound tokens only, and must use the token endpoint's nonces.
    clients: [spa('spa'), spa('spa-short-lived'), { ...spa('spa-dpop'), dpop_bound_access_tokens: true }],
    jwks: { keys: [privateKey.export({ format: 'jwk' })].map((k) => ({ ...k, kid: 'test', use: 'sig', alg: 'RS256' })) },
    cookies: { keys: ['grantkit-test-cookie-key'] },
    pkce: { required: () => true },
    // SPAs read the profile from the ID token, as grantkit's `user` does.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: true },
      dPoP: { enabled: true, nonceSecret: randomBytes(32), requireNonce: (ctx) => ctx.oidc.client?.clientId === 'spa-dpop' },
    },
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, name: `User ${sub}`, email: `${sub}@example.test` }),
    }),
    // First-party apps: no consent screen, the grant is made on login.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile email offline_access');
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: () => true,
    clientBasedCORS: (_ctx, origin, client) => client.redirectUris.some((uri) => new URL(uri).origin === origin),
    ttl: {
      AccessToken: (_ctx, _token, client) => (client.clientId === 'spa-short-lived' ? 4 : 3600),
      IdToken: 3600,
      RefreshToken: 86400,
    },
  });
  provider.proxy = false;
  for (const event of ['grant.success', 'grant.error']) {
    provider.on(event, (ctx, error) => {
      log.token.push({
        event,
        grant_type: ctx.oidc.params?.grant_type,
        client_id: ctx.oidc.client?.clientId,
        error: error?.error,
      });
    });
  }
  // oidc-provider emits no event for a revocation, so watch the route instead.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route === 'revocation') {
      log.revocation.push({ client_id: ctx.oidc.client?.clientId, token_type_hint: ctx.oidc.params?.token_type_hint, status: ctx.status });
    }
    if (ctx.oidc?.route === 'pushed_authorization_request') log.par.push({ client_id: ctx.oidc.client?.clientId, status: ctx.status });
    // What reached the authorization endpoint through the browser's address bar.
    if (ctx.oidc?.route === 'authorization') log.authorize.push(Object.keys(ctx.query).sort());
  });
  const callbackHandler = provider.callback();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, issuer);
    if (url.pathname.startsWith('/api/')) return protectedApi(req, res, url);
    callbackHandler(req, res);
  });

  // A protected resource: accepts access tokens of this provider, records whether a
  // token arrived at all, and answers CORS for the test origin only.
  async function protectedApi(req, res, url) {
    const origin = req.headers.origin;
    if (origin === appOrigin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, dpop');
      res.setHeader('Access-Control-Expose-Headers', 'www-authenticate, dpop-nonce');
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') return res.writeHead(204).end();
    const authorization = req.headers.authorization ?? null;
    log.api.push({ host: req.headers.host, path: url.pathname, authorization, dpop: req.headers.dpop ?? null });
    const [, scheme, token] = /^(Bearer|DPoP) (.+)$/.exec(authorization ?? '') ?? [];
    const found = token ? await provider.AccessToken.find(token) : undefined;
    const refuse = (scheme, error, extra = {}) => {
      res.writeHead(401, { 'WWW-Authenticate': `${scheme} error="${error}"`, 'Content-Type': 'application/json', ...extra });
      res.end(JSON.stringify({ error }));
    };
    if (!found || found.isExpired) return refuse('Bearer', 'invalid_token');
    if (found.jkt) {
      // A DPoP-bound token presented as a bearer token is a copied token (RFC 9449 §7.2).
      if (scheme !== 'DPoP') return refuse('DPoP', 'invalid_token');
      try {
        await dpop.verify(req.headers.dpop, { method: req.method, url: new URL(url.pathname, issuer), accessToken: token, jkt: found.jkt });
      } catch (error) {
        if (!(error instanceof DPoPProofError)) throw error;
        return refuse('DPoP', error.error, error.error === 'use_dpop_nonce' ? { 'DPoP-Nonce': dpop.nonce() } : {});
      }
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ sub: found.accountId, client_id: found.clientId, ...(found.jkt ? { jkt: found.jkt } : {}) }));
  }

  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    log,
    rotateApiNonce: () => dpop.rotateNonce(),
    clearLog() {
      log.token.length = 0;
      log.revocation.length = 0;
      log.api.length = 0;
      log.par.length = 0;
      log.authorize.length = 0;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
