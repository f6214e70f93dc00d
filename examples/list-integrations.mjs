// Lists the integrations of a grantkit admin API with a personal access token, from Node:
//   GRANTKIT_TOKEN=gkpat_… GRANTKIT_ADMIN_URL=https://id.example.com/admin/v1 node examples/list-integrations.mjs
import { createClient } from 'grantkit';
import { createAdminClient } from 'grantkit/admin';

const { GRANTKIT_ADMIN_URL: baseUrl, GRANTKIT_TOKEN: token } = process.env;
if (!baseUrl || !token) throw new Error('Set GRANTKIT_ADMIN_URL and GRANTKIT_TOKEN');
const sdk = await createClient({ token, allowedOrigins: [new URL(baseUrl).origin] });
const admin = createAdminClient({ baseUrl, fetch: sdk.fetch });
for await (const integration of admin.all('listIntegrations')) {
  console.log(`${integration.client_id}\t${integration.client_name} ${integration.version}\t${integration.status}`);
}
