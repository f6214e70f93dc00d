import type Provider from 'oidc-provider';
import type { Queryable } from '../db/database.js';

/**
 * Issues a few real tokens through the provider's own models when a fresh database is
 * seeded, so the token list of a new demo has something to show: a sign-in with
 * refreshes used, one whose access token has expired, and a client-credentials token.
 */
export async function seedTokens(provider: Provider, db: Queryable): Promise<void> {
  const signIn = async (clientId: string, accountId: string, scope: string, resource: string, accessTtl: number, refreshesUsed: number) => {
    const client = await provider.Client.find(clientId);
    if (!client) return;
    const grant = new provider.Grant({ clientId, accountId });
    grant.addOIDCScope('openid offline_access');
    grant.addResourceScope(resource, scope);
    const grantId = await grant.save();
    const resourceServer = new provider.ResourceServer(resource, { scope, audience: resource, accessTokenFormat: 'opaque' });
    await new provider.AccessToken({ accountId, client, grantId, gty: 'authorization_code', scope, resourceServer, expiresIn: accessTtl }).save();
    await new provider.RefreshToken({ accountId, client, grantId, gty: 'authorization_code', scope, resource, expiresIn: 14 * 24 * 3600 }).save();
    if (refreshesUsed > 0) await db.query('insert into refresh_counts (grant_id, used) values ($1, $2)', [grantId, refreshesUsed]);
  };
  await signIn('gk_erp_connector', 'ada', 'projects:read projects:write', 'https://api.example.com', 3600, 3);
  // Expired already: the list shows it as such (a negative lifetime is not allowed, so one second).
  await signIn('gk_reporting_dashboard', 'vic', 'reports:read', `${provider.issuer}/api`, 1, 0);
  const erp = await provider.Client.find('gk_erp_connector');
  if (erp) await new provider.ClientCredentials({ client: erp, scope: 'projects:read', expiresIn: 3600 }).save();
}
