import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { StrictMode, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { IntegrationDetails, IntegrationList } from '../../components/react-elements.js';
import { createAdminClient, type Integration } from '../../src/admin/index.js';
import { startWorker, worker } from '../support/msw.js';

// grantkit/react: the element wrappers under StrictMode, props as properties, events as typed props.

const BASE = 'https://id.example.test/admin/v1';
const integration = (id: string, name: string): Integration => ({
  client_id: id, client_name: name, version: '1.0', description: '', kind: 'web', token_endpoint_auth_method: 'client_secret_basic', client_type: 'confidential',
  redirect_uris: ['https://app.example.com/cb'], post_logout_redirect_uris: [], grant_types: ['authorization_code'], access_token_lifetime: 3600, refresh_count: null, scope: '',
  status: 'active', client_secret_last4: 'AbCd', client_secret_expires_at: 0, previous_secret_expires_at: null, created_at: '2026-11-01T10:00:00Z', updated_at: '2026-11-01T10:00:00Z',
});
const ITEMS = [integration('gk_one', 'First App'), integration('gk_two', 'Second App')];

window.addEventListener('error', (e) => {
  if (e.message?.includes('ResizeObserver loop')) e.stopImmediatePropagation();
}, true);

describe('grantkit/react/elements', () => {
  let root: Root;
  let host: HTMLDivElement;
  const admin = createAdminClient({ baseUrl: BASE });

  before(async () => {
    await startWorker();
  });

  beforeEach(() => {
    worker.resetHandlers(
      http.get(`${BASE}/me`, () => HttpResponse.json({ sub: 'ada', roles: ['admin'], permissions: ['integrations:read', 'integrations:write'], auth: 'access_token' })),
      http.get(`${BASE}/integrations`, () => HttpResponse.json({ items: ITEMS, next_cursor: null })),
      http.get(`${BASE}/integrations/:id`, ({ params }) => HttpResponse.json(ITEMS.find((i) => i.client_id === params.id))),
      http.get(`${BASE}/integrations/:id/endpoints`, () => HttpResponse.json({ issuer: 'https://id.example.test', authorization_endpoint: 'https://id.example.test/auth', token_endpoint: 'https://id.example.test/token' })),
    );
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });

  afterEach(() => {
    root.unmount();
    host.remove();
  });

  it('turns a selection in <IntegrationList> into React state that drives <IntegrationDetails>', async () => {
    const selections: string[] = [];
    function Portal() {
      const [selected, setSelected] = useState('');
      return (
        <>
          <IntegrationList
            admin={admin}
            onSelect={(e) => {
              selections.push(e.detail.clientId);
              setSelected(e.detail.clientId);
            }}
          />
          {selected && <IntegrationDetails admin={admin} clientId={selected} />}
        </>
      );
    }
    root.render(<StrictMode><Portal /></StrictMode>);
    const list = () => host.querySelector('integration-list')!;
    await waitUntil(() => list()?.shadowRoot?.querySelectorAll('[part=row]').length === 2, 'the list renders its rows');
    const second = [...list().shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=row]')].find((row) => row.textContent!.includes('Second App'))!;
    second.click();
    const details = () => host.querySelector('integration-details');
    await waitUntil(() => details()?.shadowRoot?.querySelector('[part~=header] h2')?.textContent?.includes('Second App'), 'the details show the selected integration');
    expect(selections).to.deep.equal(['gk_two'], 'one event, one call, even under StrictMode');
    expect(details()!.clientId).to.equal('gk_two');
  });
});
