// What only a sign-in runs: discovery, the authorization request (with PKCE, PAR and the
// transaction), the popup's wait, and the return with its checks and the code exchange.
// The client loads it with import() when a sign-in starts or comes back, so the page
// loads of a signed-in app, which only read, refresh and send tokens, do not pay for it.
export { startAuthorization } from './authorization-url.js';
export { completeOnce } from './authorization-return.js';
export { exchangeCode } from './callback.js';
export { resolveServer } from './discovery.js';
export { runPopup } from './popup.js';
