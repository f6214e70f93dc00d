// The admin portal demo: only grantkit elements against the reference server, and the few
// lines that tell one element what another chose, and put the choice in the address.
import '../components/index.js';
import '../components/shared/locales/de.js';
import type { GrantkitClient } from '../src/index.js';
import { applyLanguage, chrome, initialLanguage } from './admin-chrome.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const provider = document.querySelector('grantkit-provider')!;
provider.issuer = location.origin;
provider.resource = `${location.origin}/admin/v1`;
// One registered callback for every address of the portal; the sign-in brings the user back
// to the address they signed in from (a deep link included).
provider.redirectUri = `${location.origin}/admin`;

const portal = document.querySelector<HTMLElement>('main.portal')!;
const list = document.querySelector('integration-list')!;
const details = document.querySelector('integration-details')!;
const tokens = document.querySelector('token-list')!;
const scopes = document.querySelector('scope-manager')!;
/** The layout in which the details replace the list (demo/admin.css says the same width). */
const phone = matchMedia('(max-width: 37.5rem)');

// Deep links: /admin/integrations/<client_id> is that integration. Choosing one adds a
// history entry, back and forward move between choices, and a reload shows the one in the
// address. Any router can do the same with the list's `selected` property and its
// cancelable grantkit-integration-select event.
const INTEGRATION_PATH = /^\/admin\/integrations\/([^/]+)\/?$/;

function clientIdInAddress(): string {
  const match = INTEGRATION_PATH.exec(location.pathname);
  if (!match) return '';
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return ''; // not percent-encoding that decodes: no integration has that id
  }
}

const addressOf = (clientId: string) => (clientId ? `/admin/integrations/${encodeURIComponent(clientId)}` : '/admin');

/**
 * Shows one integration, or none (the placeholder; on a phone, the list). `moveFocus`: the
 * user asked for it, so on a phone, where the list went away (or came back), focus follows.
 */
function show(clientId: string, address: 'push' | 'keep', moveFocus = address === 'push'): void {
  details.clientId = clientId;
  follow(clientId);
  portal.dataset.view = clientId ? 'detail' : 'list';
  if (address === 'push' && location.pathname !== addressOf(clientId)) history.pushState(null, '', addressOf(clientId));
  if (moveFocus && phone.matches) {
    if (clientId) details.focus();
    else $('integrations-title').focus();
  }
}

/** The elements around the details follow the integration they show (none: ''). */
function follow(clientId: string): void {
  list.selected = clientId;
  tokens.clientId = clientId;
  scopes.clientId = clientId;
  $('tokens-card').hidden = !clientId;
  $('scopes-title').textContent = chrome(clientId ? 'scopesOfIntegration' : 'scopes');
}

// The language switcher: <html lang> for the elements, which follow it, and the page's own words.
const language = $<HTMLSelectElement>('language');
language.value = initialLanguage();
applyLanguage(language.value);
language.addEventListener('change', () => {
  applyLanguage(language.value);
  follow(details.clientId);
});

/** The newest choice: an answer to an older one's question (back pressed twice while it was asked) changes nothing. */
let choices = 0;

/**
 * Shows another integration (or none) unless the details hold unsaved changes the user keeps.
 * Whatever the answer, the address ends up naming what is on screen.
 */
async function choose(clientId: string, address: 'push' | 'keep'): Promise<void> {
  const choice = ++choices;
  const discard = await details.confirmDiscard();
  if (choice !== choices) return;
  if (discard) show(clientId, address, true);
  if (location.pathname !== addressOf(details.clientId)) history.replaceState(null, '', addressOf(details.clientId));
}

async function showSession(sdk: GrantkitClient): Promise<void> {
  const signedIn = sdk.isAuthenticated;
  $('signed-out-note').hidden = signedIn;
  for (const id of ['left', 'selected', 'personal', 'connected']) $(id).hidden = !signedIn;
  if (!signedIn) return;
  show(clientIdInAddress(), 'keep');
  // The provider's /me, the one its elements use: no second request.
  const me = await provider.me?.catch(() => undefined);
  const canCreate = me?.permissions.includes('integrations:write') ?? false;
  for (const id of ['create', 'create-from-placeholder']) $<HTMLButtonElement>(id).disabled = !canCreate;
  $('create-note').hidden = canCreate;
}

provider.addEventListener('grantkit-ready', ({ detail: { sdk } }) => {
  sdk.addEventListener('statechange', () => void showSession(sdk));
  void showSession(sdk);
});

const openCreate = () => void document.querySelector('create-integration-dialog')!.show();
$('create').addEventListener('click', openCreate);
$('create-from-placeholder').addEventListener('click', openCreate);

// Unsaved changes in the details are not dropped silently: the selection waits for the answer.
document.addEventListener('grantkit-integration-select', (e) => {
  e.preventDefault();
  void choose(e.detail.clientId, 'push');
});
$('back').addEventListener('click', (e) => {
  // A new tab or window (Ctrl, Shift, middle button) is the link's own business.
  if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  void choose('', 'push');
});
// Kept editing after back or forward: choose() puts the address of what is still on screen back.
window.addEventListener('popstate', () => {
  const wanted = clientIdInAddress();
  if (wanted !== details.clientId) void choose(wanted, 'keep');
});

document.addEventListener('grantkit-integration-created', (e) => {
  void list.reload();
  show(e.detail.clientId, 'push');
});
document.addEventListener('grantkit-integration-updated', () => void list.reload());
document.addEventListener('grantkit-integration-status-changed', () => void list.reload());
document.addEventListener('grantkit-integration-deleted', () => {
  void list.reload();
  // The details say it was deleted; the address no longer names it, and nothing else shows it.
  history.replaceState(null, '', '/admin');
  follow('');
});
document.addEventListener('grantkit-scope-association-changed', () => void details.refresh());
