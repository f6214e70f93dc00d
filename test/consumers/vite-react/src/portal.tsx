// The element wrappers of grantkit/react/elements: props become properties, events are typed on… props.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { IntegrationList } from 'grantkit/react/elements';
import { adminFromFragment } from 'consumer-fixture';

const admin = adminFromFragment();

function Portal() {
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
