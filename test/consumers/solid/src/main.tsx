// <integration-list> in Solid JSX, typed by grantkit/jsx/solid: `prop:` sets a property (a bare
// camelCase name would be lowercased by Solid), `on:` listens to an event.
/// <reference types="grantkit/jsx/solid" />
import { createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import 'grantkit/components/integration-list';
import { adminFromFragment } from 'consumer-fixture';

const admin = adminFromFragment();

function App() {
  const [selected, setSelected] = createSignal('');
  return (
    <main>
      <integration-list prop:admin={admin} prop:clientType="public" on:grantkit-integration-select={(event) => setSelected(event.detail.clientId)} />
      <p id="selected" role="status">{selected() && `Selected ${selected()}`}</p>
    </main>
  );
}

render(() => <App />, document.querySelector('#app')!);
