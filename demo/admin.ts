// The admin portal demo: grantkit elements against the reference server. The details pane
// is a small stand-in written here until <integration-details> exists.
import '../components/index.js';
import '../components/shared/locales/de.js';
import type { AdminClient, Integration, Me } from '../src/admin/index.js';
import type { GrantkitContext } from '../components/index.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const provider = $<HTMLElement & { issuer: string; resource: string; sdk?: GrantkitContext['sdk']; admin?: AdminClient }>('provider');
provider.issuer = location.origin;
provider.resource = `${location.origin}/admin/v1`;

let me: Me | undefined;

async function showSignedIn(): Promise<void> {
  const signedIn = provider.sdk?.isAuthenticated ?? false;
  $('signed-out-note').hidden = signedIn;
  $('integrations').hidden = !signedIn;
  $('personal').hidden = !signedIn;
  if (!signedIn) {
    $('details').hidden = true;
    me = undefined;
    return;
  }
  me = await provider.admin?.getMe().catch(() => undefined);
  $<HTMLButtonElement>('create').disabled = !(me?.permissions.includes('integrations:write') ?? false);
}

async function showDetails(clientId: string): Promise<void> {
  const admin = provider.admin;
  if (!admin) return;
  const integration: Integration = await admin.getIntegration({ client_id: clientId });
  $('details').hidden = false;
  $('details-name').textContent = `${integration.client_name} ${integration.version}`;
  $('details-client-id').textContent = integration.client_id;
  $('details-type').textContent = integration.client_type === 'public' ? 'Public (no secret)' : 'Confidential';
  $('details-status').textContent = integration.status === 'active' ? 'Active' : 'Inactive';
  $('details-secret').textContent = integration.client_secret_last4 ? `•••• ${integration.client_secret_last4}` : '—';
  const canWrite = me?.permissions.includes('integrations:write') ?? false;
  const rotate = $<HTMLButtonElement>('rotate');
  rotate.disabled = integration.client_type === 'public' || !canWrite;
  const note = $('rotate-note');
  note.hidden = !rotate.disabled;
  note.textContent = !canWrite ? 'You need the admin role to rotate secrets.' : 'Public integrations have no secret.';
  document.querySelector('token-list')!.clientId = integration.client_id;
  const dialog = document.querySelector('rotate-secret-dialog')!;
  dialog.clientId = integration.client_id;
  dialog.integrationName = `${integration.client_name} ${integration.version}`;
}

document.addEventListener('grantkit-integration-created', (e) => {
  void document.querySelector('integration-list')!.reload();
  void showDetails(e.detail.clientId);
});
$('create').addEventListener('click', () => void document.querySelector('create-integration-dialog')!.show());
document.addEventListener('grantkit-integration-select', (e) => void showDetails(e.detail.clientId));
document.addEventListener('grantkit-secret-rotated', (e) => void showDetails(e.detail.clientId));
$('rotate').addEventListener('click', () => void document.querySelector('rotate-secret-dialog')!.show());
document.addEventListener('grantkit-signin', () => void showSignedIn());
document.addEventListener('grantkit-signout', () => void showSignedIn());

// The provider creates its client asynchronously; render once it is there.
const ready = setInterval(() => {
  if (!provider.sdk) return;
  clearInterval(ready);
  provider.sdk.addEventListener('statechange', () => void showSignedIn());
  void showSignedIn();
}, 50);
