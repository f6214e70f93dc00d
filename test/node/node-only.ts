// Type-checked by scripts.test.mjs with Node's types only (no DOM lib): what a script project
// sees of grantkit/admin's published types.
import { createAdminClient, type Integration } from 'grantkit/admin';

const admin = createAdminClient({
  baseUrl: 'https://id.example.com/admin/v1',
  fetch: (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', 'Bearer gkpat_x');
    return fetch(input, { ...init, headers });
  },
});
const names: string[] = [];
for await (const integration of admin.all('listIntegrations')) names.push((integration satisfies Integration).client_name);
export { names };
