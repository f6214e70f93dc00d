// grantkit's raw elements in Solid JSX: `prop:<name>` sets a property (Solid lowercases a bare
// camelCase name on a custom element, so that form is refused), `on:<event>` listens.
/// <reference types="grantkit/jsx/solid" />
import { createAdminClient } from 'grantkit/admin';

const admin = createAdminClient({ baseUrl: '/admin/v1' });
const seen: string[] = [];

export const good = (
  <div>
    <integration-list admin={admin} sort="name" on:grantkit-integration-select={(event) => seen.push(event.detail.clientId)} />
    <scope-manager prop:clientId="gk_1" prop:integrationHref="/admin/integrations/{client_id}" />
    <integration-list prop:admin={admin} prop:clientType="public" />
  </div>
);

export const bad = (
  <div>
    {/* @ts-expect-error: sort is newest, oldest or name */}
    <integration-list sort="largest" />
    {/* @ts-expect-error: Solid would set clientid, which the element does not have */}
    <scope-manager clientId="gk_1" />
    {/* @ts-expect-error: the detail has clientId, not clientID */}
    <integration-list on:grantkit-integration-select={(event) => seen.push(event.detail.clientID)} />
  </div>
);
