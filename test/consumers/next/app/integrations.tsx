'use client';
// <integration-list> through its React wrapper, with an admin client made in the browser only.
import { useEffect, useState } from 'react';
import type { AdminClient } from 'grantkit/admin';
import { IntegrationList } from 'grantkit/react/elements';
import { adminFromFragment } from 'consumer-fixture';

export function Integrations() {
  const [admin, setAdmin] = useState<AdminClient>();
  const [selected, setSelected] = useState('');
  // In the browser only: the fragment is not there during the prerender.
  useEffect(() => setAdmin(adminFromFragment()), []);
  return (
    <section>
      {admin && <IntegrationList admin={admin} onSelect={(event) => setSelected(event.detail.clientId)} />}
      <p id="selected" role="status">{selected && `Selected ${selected}`}</p>
    </section>
  );
}
