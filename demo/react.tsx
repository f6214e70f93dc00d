// The admin portal again, as a React app: the same elements through grantkit/react/elements'
// wrappers. Selection is React state; events arrive as typed `on…` props.
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { GrantkitClient } from '../src/index.js';
import {
  ConnectedApps, CreateIntegrationDialog, GrantkitProvider, IntegrationDetails, IntegrationList, OAuthLogin, PersonalTokenList, ScopeManager, TokenList,
} from '../components/react-elements.js';

function Portal() {
  const [sdk, setSdk] = useState<GrantkitClient>();
  const [signedIn, setSignedIn] = useState(false);
  const [selected, setSelected] = useState('');
  const [listVersion, setListVersion] = useState(0);
  const [canCreate, setCanCreate] = useState(false);
  const create = useRef<HTMLElementTagNameMap['create-integration-dialog']>(null);
  const provider = useRef<HTMLElementTagNameMap['grantkit-provider']>(null);

  const follow = (client: GrantkitClient) => {
    setSdk(client);
    const update = () => {
      setSignedIn(client.isAuthenticated);
      // The provider's /me, which its elements use too: no second request.
      void provider.current?.me?.then((me) => setCanCreate(me.permissions.includes('integrations:write')), () => setCanCreate(false));
    };
    update();
    client.addEventListener('statechange', update);
  };

  return (
    <GrantkitProvider
      ref={provider}
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
                  <button className="primary" disabled={!canCreate} onClick={() => void create.current?.show()}>New integration…</button>
                </div>
                {!canCreate && <p className="note">Creating integrations needs the admin role.</p>}
                <IntegrationList key={listVersion} selected={selected} onSelect={(e) => setSelected(e.detail.clientId)} />
                <CreateIntegrationDialog
                  ref={create}
                  onCreated={(e) => {
                    setListVersion((v) => v + 1);
                    setSelected(e.detail.clientId);
                  }}
                />
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
            <section className="card" id="personal" aria-labelledby="personal-title">
              <h2 id="personal-title">Your personal access tokens</h2>
              <PersonalTokenList />
            </section>
            <section className="card" id="connected" aria-labelledby="connected-title">
              <h2 id="connected-title">Connected apps</h2>
              <p className="note">Integrations you allowed to act for you on their consent page.</p>
              <ConnectedApps />
            </section>
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
