// What logout needs beyond forgetting the session here: the server's metadata, revoking at
// the server and the end-session URL. Loaded when the user signs out, not with the page.
export { resolveServer } from './discovery.js';
export { revokeTokens } from './revocation.js';
export { endSessionUrl } from './end-session.js';
