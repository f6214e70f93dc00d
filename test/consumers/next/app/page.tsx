// A Server Component: it renders grantkit's wrappers itself (they carry 'use client'), and the
// client components that use the hook and the admin client.
import { OAuthLogin } from 'grantkit/react/elements';
import { Account } from './account';
import { Integrations } from './integrations';

export default function Page() {
  return (
    <main>
      <h1>grantkit with Next.js</h1>
      <Account />
      <OAuthLogin id="login" issuer={process.env.NEXT_PUBLIC_GRANTKIT_ISSUER} clientId={process.env.NEXT_PUBLIC_GRANTKIT_CLIENT_ID} />
      <Integrations />
    </main>
  );
}
