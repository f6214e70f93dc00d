// The raw element in React 19 JSX, typed by grantkit/jsx/react: React sets `admin` as a property
// (the element has it) and listens to the event named after `on`.
/// <reference types="grantkit/jsx/react" />
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createAdminClient } from 'grantkit/admin';
import 'grantkit/components/integration-list';
import { params } from './params';

const { token, base } = params();
const admin = createAdminClient({
  baseUrl: base,
  fetch(input, init) {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  },
});

function Portal() {
  const [selected, setSelected] = useState('');
  return (
    <main>
      <integration-list admin={admin} sort="name" ongrantkit-integration-select={(event) => setSelected(event.detail.clientId)} />
      <p id="selected" role="status">{selected && `Selected ${selected}`}</p>
    </main>
  );
}

createRoot(document.querySelector('#root')!).render(
  <StrictMode>
    <Portal />
  </StrictMode>,
);
