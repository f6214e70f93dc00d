import type { KeyObject } from 'node:crypto';
import Provider, { errors, type Adapter, type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
// oidc-provider keeps its configuration private; this is its own accessor to it.
import { webOriginOf } from './http/security-headers.js';
import providerInternals from 'oidc-provider/lib/helpers/weak_cache.js';
import type { AccountDirectory } from './accounts.js';
import type { NonceSource } from '../src/server/index.js';
import type { AuthMethod } from './admin/records.js';
import type { KeyAlgorithm } from './admin/public-key.js';
import { renderPage } from './page-frame.js';

export interface ProviderOptions {
  issuer: string;
  /** Built-in clients, such as the demo app. */
  clients: ClientMetadata[];
  adapter: (name: string) => Adapter;
  /** Checks a presented client secret: the database keeps only hashes, so the provider cannot. */
  verifyClientSecret: (clientId: string, secret: string) => Promise<boolean>;
  /** The admin API's resource identifier: access tokens for it are JWTs with this audience. */
  adminAudience: string;
  /** The RSA key tokens are signed with. */
  signingKey: KeyObject;
  /** Keys that sign the provider's cookies. */
  cookieKeys: string[];
  /** 32 bytes that DPoP nonces are derived from; every process of one server must share it. */
  dpopNonceSecret: Buffer;
  /** Lifetime of admin API access tokens in seconds, whatever the client's own settings. Default 600. */
  adminTokenTtl?: number;
  /**
   * The only clients that may ask for the admin API (the first-party admin portals). Any
   * other client asking for it gets `invalid_target`: an integration an admin signs in to
   * must never be able to act as that admin.
   */
  adminClients: ReadonlySet<string>;
  /**
   * The scopes a user has allowed a third-party client so far (their consent). The built-in
   * clients are first-party and need none: they are granted what they ask for.
   */
  consentedScopes: (accountId: string, clientId: string) => Promise<ReadonlySet<string>>;
  /** The server's own clients: they skip consent, and their grant types alone decide on refresh tokens. */
  firstPartyClients: ReadonlySet<string>;
  /** Who can sign in, and what their ID tokens say about them. */
  accounts: AccountDirectory;
  /**
   * How clients may authenticate at the token endpoint: the methods an integration can be
   * registered with, and no others, so discovery advertises only what works.
   */
  clientAuthMethods: readonly AuthMethod[];
  /** The algorithms a private_key_jwt client may sign its assertions with (asymmetric ones only). */
  clientAssertionAlgorithms: readonly KeyAlgorithm[];
  /** The API an integration's tokens are for when it names none: its audience, or the server's API. */
  defaultResourceFor: (clientId: string) => Promise<string | undefined>;
  /** The resource server behind an indicator for this client, with the scopes the client may have there and its tokens' lifetime. */
  resourceServerFor: (indicator: string, clientId: string) => Promise<{ scope: string; accessTokenTTL?: number } | undefined>;
}

/** The scope an access token for the admin API carries; what the caller may do comes from their roles. */
export const ADMIN_API_SCOPE = 'grantkit:admin';

/** How far ahead a client assertion's `exp` may lie (RFC 7523 leaves it to the server). */
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;

/** The key id of the signing key in the JWKS. */
export const SIGNING_KEY_ID = 'grantkit-signing-key';

/** The claim of an admin API token that names its grant, so the API can check it is still alive. */
export const ADMIN_GRANT_CLAIM = 'gid';

/**
 * The scopes the server itself defines: OpenID Connect's, refresh tokens', and the admin
 * API's. An admin may not create a scope by one of these names (in any case): it would
 * read as something the server grants on its own terms.
 */
export const RESERVED_SCOPES: readonly string[] = ['openid', 'offline_access', 'profile', 'email', 'roles', ADMIN_API_SCOPE];

/** Scopes the demo accounts' claims are released under. */
const CLAIMS = { openid: ['sub'], profile: ['name'], email: ['email'], roles: ['roles'] };

/**
 * An oidc-provider configured as RFC 9700 asks of a server for browser apps: PKCE
 * required, `iss` in authorization responses, rotating refresh tokens with reuse
 * detection, revocation, CORS only for the origins of registered redirect URIs.
 */
export function createProvider(options: ProviderOptions): Provider {
  const builtIn = new Set(options.clients.map((c) => c.client_id));
  const jwk = { ...options.signingKey.export({ format: 'jwk' }), kid: SIGNING_KEY_ID, use: 'sig', alg: 'RS256' };

  const configuration: Configuration = {
    clients: options.clients,
    adapter: options.adapter,
    jwks: { keys: [jwk] as NonNullable<Configuration['jwks']>['keys'] },
    cookies: { keys: options.cookieKeys },
    pkce: { required: () => true },
    clientAuthMethods: [...options.clientAuthMethods],
    enabledJWA: { clientAuthSigningAlgValues: [...options.clientAssertionAlgorithms] },
    // oidc-provider has checked the signature, iss = sub = client_id, that aud names this server, exp, and
    // (after this) the jti against replays on every instance. What it leaves to the server:
    assertJwtClientAuthClaimsAndHeader: async (ctx, claims, header) => {
      // One audience only (draft-ietf-oauth-rfc7523bis): an assertion for several servers is good at each of them.
      // And only the issuer or the token endpoint, wherever it is sent: oidc-provider would also take the URL of
      // the endpoint at hand (introspection, revocation, PAR), which no other rule here names.
      if (typeof claims.aud !== 'string' || (claims.aud !== ctx.oidc.issuer && claims.aud !== ctx.oidc.urlFor('token'))) {
        throw new errors.InvalidClientAuth('the client assertion must name one audience (aud): this server\'s issuer identifier or its token endpoint');
      }
      // No extension a verifier must understand: "b64": false (RFC 7797) is not for JWTs (§7), and nothing else is used.
      if (header.crit !== undefined) throw new errors.InvalidClientAuth('the client assertion must have no "crit" header');
      // A short life: a client assertion is made per request, and one that lasts is a secret again.
      const exp = typeof claims.exp === 'number' ? claims.exp : 0;
      if (exp - Date.now() / 1000 > MAX_ASSERTION_LIFETIME_SECONDS) {
        throw new errors.InvalidClientAuth(`the client assertion must expire within ${MAX_ASSERTION_LIFETIME_SECONDS} seconds`);
      }
    },
    conformIdTokenClaims: false,
    // Authorization code only: no implicit or hybrid flows are offered (RFC 9700 §2.1.2).
    responseTypes: ['code'],
    claims: CLAIMS,
    scopes: [...RESERVED_SCOPES],
    features: {
      devInteractions: { enabled: false },
      // Only the client a token was issued to may revoke it (RFC 7009 §2.1).
      revocation: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      // Nonces are handed out and taken at the token endpoint, but asked for only by the admin
      // API (its verifier uses these same nonces: a client keeps one nonce per origin).
      dPoP: { enabled: true, nonceSecret: options.dpopNonceSecret, requireNonce: () => false },
      clientCredentials: { enabled: true },
      // Only the client a token was issued to may introspect it; anyone else is told
      // active:false (RFC 7662 §2.2, §4). An integration's `audience` does not make it that
      // resource server: it only says where its own tokens go, and any admin may set it to
      // any URL, so it proves nothing about who is asking.
      introspection: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      rpInitiatedLogout: { enabled: true, logoutSource: logoutPage },
      resourceIndicators: {
        enabled: true,
        // An integration's API scopes live on its resource server (RFC 8707): without a
        // resource, the provider would drop every scope that is not an OpenID Connect one.
        defaultResource: async (_ctx, client, oneOf) => oneOf ?? (client ? await options.defaultResourceFor(client.clientId) : undefined)!,
        useGrantedResource: () => true,
        getResourceServerInfo: async (_ctx, indicator, client) => {
          if (indicator === options.adminAudience && !(client && options.adminClients.has(client.clientId))) {
            throw new errors.InvalidTarget('the admin API is only for the admin portal clients of this server');
          }
          if (indicator !== options.adminAudience) {
            const server = client ? await options.resourceServerFor(indicator, client.clientId) : undefined;
            if (!server) throw new errors.InvalidTarget();
            return { audience: indicator, accessTokenFormat: 'opaque', ...server };
          }
          return {
            scope: ADMIN_API_SCOPE,
            audience: options.adminAudience,
            accessTokenTTL: options.adminTokenTtl ?? 600,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const account = options.accounts.find(sub);
      if (!account) return undefined;
      return {
        accountId: account.id,
        claims: async () => ({ sub: account.id, name: account.name, email: account.email, roles: account.roles }),
      };
    },
    // First-party clients (the built-in ones) are granted what they ask for at sign-in.
    // Third-party integrations get only what the user has consented to; anything more is
    // missing from the grant, and the provider's consent prompt asks for it.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const found = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      // A grant is only ever reused for the user and client it was made for.
      const grant =
        found && found.accountId === session.accountId && found.clientId === client.clientId
          ? found
          : new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      const consented = options.firstPartyClients.has(client.clientId) ? undefined : await options.consentedScopes(session.accountId, client.clientId);
      const allowed = (scope: string) => consented === undefined || consented.has(scope);
      const requested = ctx.oidc.requestParamScopes;
      grant.addOIDCScope([...requested].filter(allowed).join(' '));
      // Grant what was asked for, is allowed on each resource, and was consented to: nothing more.
      for (const [indicator, server] of Object.entries(ctx.oidc.resourceServers ?? {})) {
        const granted = String(server.scope ?? '').split(' ').filter((scope) => scope && requested.has(scope) && allowed(scope));
        if (granted.length > 0) grant.addResourceScope(indicator, granted.join(' '));
      }
      await grant.save();
      return grant;
    },
    // The admin API checks that the grant behind a token is still alive (JWTs are not
    // stored, so revoking them is not possible otherwise): revoking the refresh token,
    // signing out or ending the client ends the grant, and with it every admin token.
    extraTokenClaims: async (_ctx, token) =>
      token.kind === 'AccessToken' && token.resourceServer?.audience === options.adminAudience && token.grantId ? { [ADMIN_GRANT_CLAIM]: token.grantId } : undefined,
    // A third-party integration gets a refresh token only when the user allowed offline_access
    // on its consent page (which names it "keep access while you are away"); the server's own
    // clients get one as their grant types say.
    // (An integration with a refresh count of 0 is a client without the refresh_token grant.)
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && (options.firstPartyClients.has(client.clientId) || code.scopes.has('offline_access')),
    // An admin portal's grant never outlives the sign-in session, offline_access or not: "Sign
    // out everywhere" must end admin access. Other grants outlive it only with offline_access.
    expiresWithSession: async (ctx, code) => options.adminClients.has(ctx.oidc.client?.clientId ?? '') || !code.scopes.has('offline_access'),
    rotateRefreshToken: () => true,
    // Only the web origins of a browser app's callbacks. A native app is no web page and needs no CORS
    // (RFC 8252): its private-use scheme has the opaque origin "null", which every sandboxed frame and
    // data: page sends too, and its loopback callbacks any page on this machine's port 80 would share.
    clientBasedCORS: (_ctx, origin, client) => client.applicationType !== 'native' && (client.redirectUris?.some((uri) => webOriginOf(uri) === origin) ?? false),
    ttl: {
      // The resource server's lifetime rules: the admin API's is fixed, an integration's API's is the integration's.
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? 600,
      ClientCredentials: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? 600,
      IdToken: 3600,
      RefreshToken: 24 * 3600,
      Grant: 24 * 3600,
      Session: 24 * 3600,
      Interaction: 600,
      AuthorizationCode: 60,
    },
    renderError: async (ctx, out) => {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `Sign-in failed: ${out.error}${out.error_description ? ` — ${out.error_description}` : ''}`;
    },
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = false;
  // Koa takes the scheme from the socket: behind a TLS-terminating proxy, every URL the
  // provider builds (discovery, redirects, the htu it expects in a DPoP proof) said http:
  // beside an https issuer. The scheme is the issuer's; the host is pinned at the server's entry.
  const scheme = new URL(options.issuer).protocol.slice(0, -1);
  Object.defineProperty(provider.request, 'protocol', { get: () => scheme });
  requireEveryScopeToBeAllowed(provider);
  // Integrations' secrets are stored as hashes (and a rotated-out one may still be in its
  // grace period), so the comparison is the store's. oidc-provider awaits this method.
  const compare = provider.Client.prototype.compareClientSecret;
  provider.Client.prototype.compareClientSecret = function (this: InstanceType<Provider['Client']>, actual: string) {
    return builtIn.has(this.clientId) ? compare.call(this, actual) : options.verifyClientSecret(this.clientId, actual);
  };
  return provider;
}

async function logoutPage(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  // The confirmation page that RP-initiated logout shows: one button, posting the provider's own form.
  ctx.type = 'html';
  ctx.body = renderPage('Sign out', `  <h1>Sign out</h1>
  <p class="lead">You have signed out of the app. Sign out of this sign-in server as well, so that the next sign-in asks for your password again?</p>
  ${form}<button type="submit" form="op.logoutForm" name="logout" value="yes" class="primary">Sign out everywhere</button>
  <button type="submit" form="op.logoutForm" class="link">Stay signed in to the sign-in server</button>`);
}

/**
 * The provider checks a client's allowed scopes only for the scopes it was configured
 * with, and lets any other requested scope through into the token. Here scopes are
 * created at run time through the admin API, so its set of known scopes is told to know
 * every scope: each requested scope must then be one the client (the integration) is
 * associated with, or the request fails with invalid_scope. Iterating the set, for
 * discovery's scopes_supported, still yields only the configured ones.
 * (Checked against oidc-provider 9.13; the version is pinned.)
 */
function requireEveryScopeToBeAllowed(provider: Provider): void {
  const known = providerInternals(provider).configuration.scopes;
  known.has = (value: string) => typeof value === 'string' && value !== '';
}

/**
 * Tells the provider about a scope created through the admin API. The authorization
 * endpoint checks a client's allowed scopes only against scopes it knows (it does not go
 * through the set's `has`), so without this a registered but unassociated scope would be
 * silently left out instead of refused with invalid_scope.
 */
export function announceScope(provider: Provider, name: string): void {
  Set.prototype.add.call(providerInternals(provider).configuration.scopes, name);
}

/** The authorization server's DPoP nonces, for the resource servers on its origin. */
export function dpopNonces(provider: Provider): NonceSource {
  const nonces = providerInternals(provider).DPoPNonces;
  if (!nonces) throw new Error('features.dPoP.nonceSecret is not configured');
  return { current: () => nonces.nextChallenge(), accepts: (nonce) => nonces.checkChallenge(nonce) };
}

/**
 * Tells the provider a scope created through the admin API is gone, so that discovery's
 * scopes_supported no longer offers it. The server's own scopes are never forgotten.
 */
export function forgetScope(provider: Provider, name: string): void {
  if (RESERVED_SCOPES.includes(name)) return;
  Set.prototype.delete.call(providerInternals(provider).configuration.scopes, name);
}
