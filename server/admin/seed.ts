import type { Queryable } from '../db/database.js';
import { insertConsent } from './consents.js';
import { saveIntegration } from './integrations.js';
import { hashSecret, newSecret, type StoredConsent, type StoredIntegration, type StoredScope } from './records.js';
import { associateScopes, insertScope } from './scopes.js';
import { insertKey } from './client-keys.js';
import { readPublicKey } from './public-key.js';
import { generateKeyPairSync } from 'node:crypto';

interface SeedData {
  scopes: StoredScope[];
  integrations: StoredIntegration[];
  consents: StoredConsent[];
}

/** Writes the demo's example data into an empty database. */
export async function seedDatabase(db: Queryable, now = Date.now()): Promise<void> {
  const data = seedData(now);
  for (const scope of data.scopes) await insertScope(db, scope);
  for (const integration of data.integrations) {
    await saveIntegration(db, integration);
    await associateScopes(db, integration.client_id, integration.scopes);
  }
  for (const consent of data.consents) await insertConsent(db, consent);
  // The secretless one's public key; its private half is thrown away, as only the app would hold it.
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key = await readPublicKey({ public_key: publicKey.export({ type: 'spki', format: 'pem' }).toString(), kid: 'ledger-2026-11' }, new Date(now - 40 * 60_000));
  await insertKey(db, LEDGER_SYNC, key);
}

const LEDGER_SYNC = 'gk_ledger_sync';

/** A few realistic integrations and scopes, so a new demo has something to show. */
function seedData(now: number): SeedData {
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  // The seeded secrets are random and never shown: rotate to see one, as in the admin consoles.
  const secret = () => hashSecret(newSecret('gks_'));
  return {
    scopes: [
      { name: 'projects:read', description: 'Read projects and their parts', service_urls: ['/api/projects', '/api/projects/*'], created_at: at(600), updated_at: at(600) },
      { name: 'projects:write', description: 'Create and change projects', service_urls: ['/api/projects', '/api/projects/*'], created_at: at(590), updated_at: at(590) },
      { name: 'reports:read', description: 'Download usage reports', service_urls: ['/api/reports', '/api/reports/*'], created_at: at(580), updated_at: at(580) },
    ],
    integrations: [
      {
        client_id: 'gk_erp_connector',
        client_name: 'ERP Connector',
        version: '1.0',
        description: 'Syncs bills of materials with the ERP system every hour.',
        kind: 'web',
        token_endpoint_auth_method: 'client_secret_basic',
        redirect_uris: ['https://erp.example.com/oauth/callback'],
        post_logout_redirect_uris: ['https://erp.example.com/signed-out'],
        grant_types: ['authorization_code', 'refresh_token'],
        access_token_lifetime: 3600,
        refresh_count: 10,
        audience: 'https://api.example.com',
        scopes: ['projects:read', 'projects:write'],
        status: 'active',
        secret: secret(),
        created_at: at(300),
        updated_at: at(300),
      },
      {
        client_id: 'gk_reporting_dashboard',
        client_name: 'Reporting Dashboard',
        version: '2.3',
        description: 'Single-page dashboard for the finance team.',
        kind: 'single_page',
        token_endpoint_auth_method: 'none',
        redirect_uris: ['https://reports.example.com/callback', 'http://127.0.0.1:5173/callback'],
        post_logout_redirect_uris: ['https://reports.example.com/'],
        grant_types: ['authorization_code', 'refresh_token'],
        access_token_lifetime: 900,
        refresh_count: null,
        scopes: ['reports:read'],
        status: 'active',
        created_at: at(200),
        updated_at: at(200),
      },
      {
        client_id: 'gk_nightly_sync',
        client_name: 'Nightly Sync',
        version: '1.0',
        description: 'Batch job that exports reports at night.',
        kind: 'service',
        token_endpoint_auth_method: 'client_secret_post',
        redirect_uris: [],
        post_logout_redirect_uris: [],
        grant_types: ['client_credentials'],
        access_token_lifetime: null,
        refresh_count: 0,
        scopes: ['reports:read'],
        status: 'inactive',
        secret: secret(),
        created_at: at(100),
        updated_at: at(100),
      },
      {
        client_id: 'gk_survey_desktop',
        client_name: 'Survey Desktop',
        version: '4.2',
        description: 'Desktop app for site surveys. Signs in through the system browser and takes the code back on its own scheme or a loopback port (RFC 8252).',
        kind: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: ['com.example.survey:/oauth/callback', 'http://127.0.0.1/callback'],
        post_logout_redirect_uris: ['com.example.survey:/oauth/signed-out'],
        grant_types: ['authorization_code', 'refresh_token'],
        access_token_lifetime: 900,
        refresh_count: null,
        scopes: ['projects:read'],
        status: 'active',
        created_at: at(70),
        updated_at: at(70),
      },
      {
        client_id: LEDGER_SYNC,
        client_name: 'Ledger Sync',
        version: '1.0',
        description: 'Posts project costs to the general ledger. Signs in with a key pair: no shared secret.',
        kind: 'service',
        token_endpoint_auth_method: 'private_key_jwt',
        redirect_uris: [],
        post_logout_redirect_uris: [],
        grant_types: ['client_credentials'],
        access_token_lifetime: 600,
        refresh_count: 0,
        scopes: ['projects:read'],
        status: 'active',
        created_at: at(50),
        updated_at: at(40),
      },
    ],
    // The consents behind the seeded sign-ins (server/oidc/seed-tokens.ts), so Connected apps has something to show.
    consents: [
      { account_id: 'ada', client_id: 'gk_erp_connector', scopes: ['openid', 'projects:read', 'projects:write'], granted_at: at(290), updated_at: at(290), last_used_at: at(30) },
      { account_id: 'vic', client_id: 'gk_reporting_dashboard', scopes: ['openid', 'reports:read'], granted_at: at(190), updated_at: at(190), last_used_at: null },
    ],
  };
}
