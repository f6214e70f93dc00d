import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider, { type ClientMetadata, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { findAccount } from './accounts.js';

export interface ProviderOptions {
  issuer: string;
  clients: ClientMetadata[];
  /** Access-token lifetime in seconds, per client. */
  accessTokenTtl?: (clientId: string) => number;
}

/** Scopes the demo accounts' claims are released under. */
const CLAIMS = { openid: ['sub'], profile: ['name'], email: ['email'], roles: ['roles'] };

/**
 * An oidc-provider configured as RFC 9700 asks of a server for browser apps: PKCE
 * required, `iss` in authorization responses, rotating refresh tokens with reuse
 * detection, revocation, CORS only for the origins of registered redirect URIs.
 */
export function createProvider(options: ProviderOptions): Provider {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `key-${Date.now()}`, use: 'sig', alg: 'RS256' };

  const configuration: Configuration = {
    clients: options.clients,
    jwks: { keys: [jwk] as NonNullable<Configuration['jwks']>['keys'] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    conformIdTokenClaims: false,
    // Authorization code only: no implicit or hybrid flows are offered (RFC 9700 §2.1.2).
    responseTypes: ['code'],
    claims: CLAIMS,
    scopes: ['openid', 'offline_access', 'profile', 'email', 'roles'],
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      introspection: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource: logoutPage },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const account = findAccount(sub);
      if (!account) return undefined;
      return {
        accountId: account.id,
        claims: async () => ({ sub: account.id, name: account.name, email: account.email, roles: account.roles }),
      };
    },
    // The demo's clients are first-party: no consent screen, the grant is made at sign-in.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      const next = grant ?? new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      next.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      await next.save();
      return next;
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: () => true,
    clientBasedCORS: (_ctx, origin, client) => client.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
    ttl: {
      AccessToken: (_ctx, _token, client) => options.accessTokenTtl?.(client.clientId) ?? 600,
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
  return provider;
}

async function logoutPage(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  // The confirmation page that RP-initiated logout shows: one button, posting the provider's own form.
  ctx.type = 'html';
  ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign out — grantkit reference server</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><link rel="stylesheet" href="/login.css"></head><body><main class="card">
<p class="brand">grantkit</p><h1>Sign out</h1>
<p class="lead">You have signed out of the app. Sign out of this sign-in server as well, so that the next sign-in asks for your password again?</p>
${form}<button type="submit" form="op.logoutForm" name="logout" value="yes" class="primary">Sign out everywhere</button>
<button type="submit" form="op.logoutForm" class="link">Stay signed in to the sign-in server</button>
</main></body></html>`;
}
