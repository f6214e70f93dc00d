// grantkit's raw elements in Solid JSX: props set as properties, `on:<event>` listeners.
/// <reference types="grantkit/jsx/solid" />
import { createAdminClient } from 'grantkit/admin';

const admin = createAdminClient({ baseUrl: '/admin/v1' });
const seen: string[] = [];

export const good = (
  <div>
    <integration-list admin={admin} sort="name" on:grantkit-integration-select={(event) => seen.push(event.detail.clientId)} />
    <scope-manager clientId="gk_1" integrationHref="/admin/integrations/{client_id}" />
  </div>
);

export const bad = (
  <div>
    {/* @ts-expect-error: sort is newest, oldest or name */}
    <integration-list sort="largest" />
    {/* @ts-expect-error: the detail has clientId, not clientID */}
    <integration-list on:grantkit-integration-select={(event) => seen.push(event.detail.clientID)} />
  </div>
);
