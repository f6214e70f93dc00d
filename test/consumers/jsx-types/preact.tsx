// grantkit's raw elements in Preact JSX: props set as properties, `on<event>` listeners.
/// <reference types="grantkit/jsx/preact" />
import { createAdminClient } from 'grantkit/admin';

const admin = createAdminClient({ baseUrl: '/admin/v1' });
const seen: string[] = [];

export const good = (
  <div>
    <integration-list admin={admin} sort="oldest" ongrantkit-integration-select={(event) => seen.push(event.detail.clientId)} />
    <token-list clientId="gk_1" ongrantkit-tokens-revoked-all={(event) => seen.push(event.detail.clientId)} />
  </div>
);

export const bad = (
  <div>
    {/* @ts-expect-error: sort is newest, oldest or name */}
    <integration-list sort="largest" />
    {/* @ts-expect-error: the detail has clientId, not clientID */}
    <integration-list ongrantkit-integration-select={(event) => seen.push(event.detail.clientID)} />
  </div>
);
