'use client';
// useAuth in a Client Component: prerendered as `loading`, hydrated, then signed out.
import { useAuth } from 'grantkit/react';

const options = {
  issuer: process.env.NEXT_PUBLIC_GRANTKIT_ISSUER ?? '',
  clientId: process.env.NEXT_PUBLIC_GRANTKIT_CLIENT_ID ?? '',
  redirectUri: typeof location === 'undefined' ? '' : `${location.origin}/next/`,
  scope: 'openid profile',
};

export function Account() {
  const auth = useAuth(options);
  if (auth.status === 'loading') return <p id="account">Signing in…</p>;
  if (auth.status === 'error') return <p id="account" role="alert">Sign-in failed ({auth.error?.code})</p>;
  if (!auth.isAuthenticated) return <button id="account" onClick={() => void auth.login()}>Sign in</button>;
  return <p id="account">Signed in as {String(auth.user?.email)}</p>;
}
