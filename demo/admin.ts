// The admin portal demo: only grantkit elements against the reference server, and the few
// lines that tell one element what another chose.
import '../components/index.js';
import '../components/shared/locales/de.js';
import type { GrantkitClient } from '../src/index.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const provider = document.querySelector('grantkit-provider')!;
provider.issuer = location.origin;
provider.resource = `${location.origin}/admin/v1`;

const list = document.querySelector('integration-list')!;
const details = document.querySelector('integration-details')!;
const tokens = document.querySelector('token-list')!;
const scopes = document.querySelector('scope-manager')!;

function select(clientId: string): void {
  list.selected = clientId;
  details.clientId = clientId;
  tokens.clientId = clientId;
  scopes.clientId = clientId;
  $('selected').hidden = false;
  $('tokens-card').hidden = false;
  $('scopes-title').textContent = 'Scopes this integration may ask for';
}

function deselect(): void {
  tokens.clientId = '';
  scopes.clientId = '';
  $('tokens-card').hidden = true;
  $('scopes-title').textContent = 'Scopes';
}

async function showSession(sdk: GrantkitClient): Promise<void> {
  const signedIn = sdk.isAuthenticated;
  $('signed-out-note').hidden = signedIn;
  for (const id of ['left', 'personal', 'connected']) $(id).hidden = !signedIn;
  if (!signedIn) {
    $('selected').hidden = true;
    return;
  }
  // The provider's /me, the one its elements use: no second request.
  const me = await provider.me?.catch(() => undefined);
  const canCreate = me?.permissions.includes('integrations:write') ?? false;
  $<HTMLButtonElement>('create').disabled = !canCreate;
  $('create-note').hidden = canCreate;
}

provider.addEventListener('grantkit-ready', ({ detail: { sdk } }) => {
  sdk.addEventListener('statechange', () => void showSession(sdk));
  void showSession(sdk);
});

$('create').addEventListener('click', () => void document.querySelector('create-integration-dialog')!.show());
// Unsaved changes in the details are not dropped silently: the selection waits for the answer.
document.addEventListener('grantkit-integration-select', (e) => {
  if (!details.hasUnsavedChanges) return select(e.detail.clientId);
  e.preventDefault();
  void details.confirmDiscard().then((discard) => discard && select(e.detail.clientId));
});
document.addEventListener('grantkit-integration-created', (e) => {
  void list.reload();
  select(e.detail.clientId);
});
document.addEventListener('grantkit-integration-updated', () => void list.reload());
document.addEventListener('grantkit-integration-status-changed', () => void list.reload());
document.addEventListener('grantkit-integration-deleted', () => {
  void list.reload();
  deselect();
});
document.addEventListener('grantkit-scope-association-changed', () => void details.refresh());
