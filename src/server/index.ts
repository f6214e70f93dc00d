/**
 * grantkit/server: the resource-server kit. An API checks the access tokens a grantkit-compatible
 * authorization server issues, and what the console configured for them: the token's signature,
 * issuer, audience, client and DPoP binding, and that one of its scopes grants the service URL
 * asked for. Node 20+, on web-standard `Request` and `Response`, with node:http, Express and
 * Hono middleware.
 *
 * @module grantkit/server
 */
export { createResourceServer, type IntrospectionEndpoint, type IntrospectionResult, type Principal, type RequestLike, type ResourceServer, type ResourceServerOptions } from './resource-server.js';
export { ResourceServerError, type ResourceServerErrorCode } from './errors.js';
export { nonCanonicalPath, scopesGranting, serviceUrlMatches, type ScopeServiceUrls } from './service-urls.js';
export { protect, requestFromNode, sendRefusal, type AuthenticatedRequest, type NodeRequest, type NodeResponse } from './node.js';
export { protectHono, requestFromFetch, type HonoContext } from './fetch.js';
export { replaysInMemory, type NonceSource, type ReplayGuard } from './dpop.js';
