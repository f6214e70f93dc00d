// Lists the integrations of a grantkit admin API with a personal access token, from Node:
//   GRANTKIT_TOKEN=gkpat_… GRANTKIT_ADMIN_URL=https://id.example.com/admin/v1 node examples/list-integrations.mjs
import { createClient } from 'grantkit';
import { createAdminClient } from 'grantkit/admin';

const baseUrl = process.env.GRANTKIT_ADMIN_URL;
const sdk = await createClient({ token: process.env.GRANTKIT_TOKEN, allowedOrigins: [new URL(baseUrl).origin] });
const admin = createAdminClient({ baseUrl, fetch: sdk.fetch });
for await (const integration of admin.all('listIntegrations')) {
  console.log(`${integration.client_id}\t${integration.client_name} ${integration.version}\t${integration.status}`);
}
