// The core client alone: static-token mode and sdk.fetch.
import { createClient, isGrantkitError } from 'grantkit';
import { params } from './params';

const { token, base } = params();
const out = document.querySelector('#me')!;
try {
  const sdk = await createClient({ token, allowedOrigins: [new URL(base).origin] });
  const response = await sdk.fetch(`${base}/me`);
  const me = (await response.json()) as { email?: string };
  out.textContent = `Signed in as ${me.email}`;
} catch (error) {
  out.textContent = isGrantkitError(error) ? `Failed: ${error.code}` : 'Failed';
}
