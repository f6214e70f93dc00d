// The element wrappers of grantkit/react/elements: props become properties, events are typed on… props.
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createAdminClient } from 'grantkit/admin';
import { IntegrationList } from 'grantkit/react/elements';
import { params } from './params';

function Portal() {
  const { token, base } = params();
  const admin = useMemo(
    () =>
      createAdminClient({
        baseUrl: base,
        fetch(input, init) {
          const headers = new Headers(init?.headers);
          headers.set('authorization', `Bearer ${token}`);
          return fetch(input, { ...init, headers });
        },
      }),
    [base, token],
  );
  const [selected, setSelected] = useState('');
  return (
    <main>
      <IntegrationList admin={admin} onSelect={(event) => setSelected(event.detail.clientId)} />
      <p id="selected" role="status">{selected && `Selected ${selected}`}</p>
    </main>
  );
}

createRoot(document.querySelector('#root')!).render(
  <StrictMode>
    <Portal />
  </StrictMode>,
);
