// The core client alone: static-token mode and sdk.fetch.
import { createClient, isGrantkitError } from 'grantkit';

// What the test passes in the fragment: a personal access token and the admin API's address.
const fragment = new URLSearchParams(location.hash.slice(1));
const token = fragment.get('token') ?? '';
const base = fragment.get('base') ?? '';
const out = document.querySelector('#me')!;
try {
  const sdk = await createClient({ token, allowedOrigins: [new URL(base).origin] });
  const response = await sdk.fetch(`${base}/me`);
  const me = (await response.json()) as { email?: string };
  out.textContent = `Signed in as ${me.email}`;
} catch (error) {
  out.textContent = isGrantkitError(error) ? `Failed: ${error.code}` : 'Failed';
}
