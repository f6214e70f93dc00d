'use client';
// <integration-list> through its React wrapper, with an admin client made in the browser only.
import { useEffect, useState } from 'react';
import { createAdminClient, type AdminClient } from 'grantkit/admin';
import { IntegrationList } from 'grantkit/react/elements';

export function Integrations() {
  const [admin, setAdmin] = useState<AdminClient>();
  const [selected, setSelected] = useState('');
  useEffect(() => {
    const fragment = new URLSearchParams(location.hash.slice(1));
    const token = fragment.get('token') ?? '';
    setAdmin(
      createAdminClient({
        baseUrl: fragment.get('base') ?? '',
        fetch(input, init) {
          const headers = new Headers(init?.headers);
          headers.set('authorization', `Bearer ${token}`);
          return fetch(input, { ...init, headers });
        },
      }),
    );
  }, []);
  return (
    <section>
      {admin && <IntegrationList admin={admin} onSelect={(event) => setSelected(event.detail.clientId)} />}
      <p id="selected" role="status">{selected && `Selected ${selected}`}</p>
    </section>
  );
}
