// useAuth alone (grantkit/react): the sign-in button of an app's own.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useAuth } from 'grantkit/react';

const fragment = new URLSearchParams(location.hash.slice(1));
const options = { issuer: fragment.get('issuer') ?? '', clientId: fragment.get('client') ?? '', redirectUri: `${location.origin}${location.pathname}`, scope: 'openid profile' };

function Account() {
  const auth = useAuth(options);
  if (auth.status === 'loading') return <p>Signing in…</p>;
  if (auth.status === 'error') return <p role="alert">Sign-in failed ({auth.error?.code})</p>;
  if (!auth.isAuthenticated) return <button onClick={() => void auth.login()}>Sign in</button>;
  return <p>Signed in as {String(auth.user?.email)}</p>;
}

createRoot(document.querySelector('#root')!).render(
  <StrictMode>
    <Account />
  </StrictMode>,
);
