// grantkit's raw elements in React 19 JSX: props set as properties, `on<event>` listeners.
// (TypeScript checks no attribute whose name has a hyphen for being known, so a listener for an
// event the element does not fire is not an error; a listener's type is checked when it is known.)
/// <reference types="grantkit/jsx/react" />
import { createAdminClient } from 'grantkit/admin';
import { IntegrationList } from 'grantkit/react/elements';

const admin = createAdminClient({ baseUrl: '/admin/v1' });
const seen: string[] = [];

export const good = (
  <>
    <integration-list admin={admin} sort="name" status="active" id="list" ongrantkit-integration-select={(event) => seen.push(event.detail.clientId)} />
    <integration-details clientId="gk_1" ongrantkit-integration-deleted={(event) => seen.push(event.detail.clientId)} />
    <oauth-login issuer="https://id.example.com" clientId="spa" dpop="required" />
    <IntegrationList admin={admin} onSelect={(event) => seen.push(event.detail.clientId)} />
  </>
);

export const bad = (
  <>
    {/* @ts-expect-error: sort is newest, oldest or name */}
    <integration-list sort="largest" />
    {/* @ts-expect-error: admin is an AdminClient, not a string */}
    <integration-list admin="/admin/v1" />
    {/* @ts-expect-error: the detail has clientId, not clientID */}
    <integration-list ongrantkit-integration-select={(event) => seen.push(event.detail.clientID)} />
    {/* @ts-expect-error: a listener written for another detail does not fit */}
    <integration-list ongrantkit-integration-select={(event: CustomEvent<{ id: number }>) => seen.push(String(event.detail.id))} />
    {/* @ts-expect-error: dpop is auto or required */}
    <oauth-login dpop="yes" />
    {/* @ts-expect-error: the wrapper's detail has clientId, not id */}
    <IntegrationList onSelect={(event) => seen.push(event.detail.id)} />
  </>
);
