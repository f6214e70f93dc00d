// The raw element in React 19 JSX, typed by grantkit/jsx/react: React sets `admin` as a property
// (the element has it) and listens to the event named after `on`.
/// <reference types="grantkit/jsx/react" />
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'grantkit/components/integration-list';
import { adminFromFragment } from 'consumer-fixture';

const admin = adminFromFragment();

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
