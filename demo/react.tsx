// The admin portal again, as a React app: the same elements through grantkit/react/elements'
// wrappers. Selection is React state; events arrive as typed `on…` props.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { GrantkitClient } from '../src/index.js';
import { GrantkitProvider, IntegrationDetails, IntegrationList, OAuthLogin, ScopeManager, TokenList } from '../components/react-elements.js';

function Portal() {
  const [sdk, setSdk] = useState<GrantkitClient>();
  const [signedIn, setSignedIn] = useState(false);
  const [selected, setSelected] = useState('');
  const [listVersion, setListVersion] = useState(0);

  const follow = (client: GrantkitClient) => {
    setSdk(client);
    setSignedIn(client.isAuthenticated);
    client.addEventListener('statechange', () => setSignedIn(client.isAuthenticated));
  };

  return (
    <GrantkitProvider
      issuer={location.origin}
      clientId="grantkit-demo-dpop"
      dpop="required"
      scope="openid profile email roles grantkit:admin"
      resource={`${location.origin}/admin/v1`}
      adminBaseUrl="/admin/v1"
      onReady={(e) => follow(e.detail.sdk)}
    >
      <header>
        <span className="brand">grantkit</span>
        <nav aria-label="Demo pages">
          <a href="/">App</a> <a href="/admin">Admin portal</a> <a href="/react" aria-current="page">React</a> <a href="/vue">Vue</a>
        </nav>
        <OAuthLogin endSession />
      </header>
      <main className="portal">
        {sdk && !signedIn && (
          <p className="card" id="signed-out-note">
            This page is a React app built from <code>grantkit/react/elements</code>. Sign in as Ada (<code>ada@example.com</code> / <code>ada-demo</code>) or Vic (
            <code>vic@example.com</code> / <code>vic-demo</code>).
          </p>
        )}
        {signedIn && (
          <>
            <div className="column">
              <section className="card" aria-labelledby="integrations-title">
                <div className="heading">
                  <h1 id="integrations-title">Integrations</h1>
                </div>
                <IntegrationList key={listVersion} onSelect={(e) => setSelected(e.detail.clientId)} />
              </section>
              <section className="card" aria-labelledby="scopes-title">
                <h2 id="scopes-title">{selected ? 'Scopes this integration may ask for' : 'Scopes'}</h2>
                <ScopeManager clientId={selected} />
              </section>
            </div>
            {selected && (
              <div className="column">
                <section className="card" aria-label="Integration details">
                  <IntegrationDetails
                    clientId={selected}
                    onUpdated={() => setListVersion((v) => v + 1)}
                    onStatusChanged={() => setListVersion((v) => v + 1)}
                    onDeleted={() => {
                      setSelected('');
                      setListVersion((v) => v + 1);
                    }}
                  />
                </section>
                <section className="card" aria-labelledby="tokens-title">
                  <h2 id="tokens-title">Issued tokens</h2>
                  <TokenList clientId={selected} />
                </section>
              </div>
            )}
          </>
        )}
      </main>
    </GrantkitProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Portal />
  </StrictMode>,
);
