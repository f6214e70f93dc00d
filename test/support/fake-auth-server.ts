import { delay, http, HttpResponse, type HttpHandler } from 'msw';

// An authorization server in msw for the unit tests. It does what a real one does
// with the requests it gets (checks the PKCE verifier, rotates refresh tokens, refuses
// a reused one), so a test passes only if the client really sent the right thing.

export const ISSUER = 'https://id.example.test';
export const API = 'https://api.example.test';
export const OTHER = 'https://elsewhere.example.test';

function base64url(bytes: ArrayBuffer | Uint8Array): string {
  const array = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return btoa(String.fromCharCode(...array)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function jsonPart(value: unknown): string {
  return base64url(new TextEncoder().encode(JSON.stringify(value)));
}

export interface FakeOptions {
  /** Lifetime of issued access tokens, in seconds. */
  expiresIn?: number;
  /** Seconds the server's clock is ahead of the browser's. */
  clockAheadSeconds?: number;
  /** Whether discovery advertises RFC 9207 `iss`. */
  issSupported?: boolean;
  rotateRefreshTokens?: boolean;
  /** `code_challenge_methods_supported` to advertise; null leaves it out. */
  pkceMethods?: string[] | null;
  /** `dpop_signing_alg_values_supported` to advertise; null leaves it out. */
  dpopAlgs?: string[] | null;
  /** Pushed authorization requests (RFC 9126): not offered, offered, or required. */
  par?: 'none' | 'offered' | 'required';
  /** Whether discovery names a revocation endpoint. */
  revocation?: boolean;
  /** `revocation_endpoint_auth_methods_supported`; null publishes none. */
  revocationAuthMethods?: string[] | null;
}

interface PendingCode {
  challenge: string;
  redirectUri: string;
  clientId: string;
  nonce: string | null;
}

export class FakeAuthServer {
  readonly tokenRequests: URLSearchParams[] = [];
  /** The DPoP header of each token request, null when there was none. */
  readonly tokenProofs: Array<string | null> = [];
  /** Each pushed authorization request's parameters and DPoP header. */
  readonly pushed: Array<{ params: URLSearchParams; dpop: string | null }> = [];
  readonly revocations: URLSearchParams[] = [];
  readonly issuedAccessTokens: string[] = [];
  readonly apiRequests: Array<{ url: string; authorization: string | null; body: string }> = [];
  discoveryRequests = 0;
  /** Replaces the token endpoint's answer when set. */
  tokenOverride: ((params: URLSearchParams) => Response | Promise<Response | undefined> | undefined) | undefined;
  /** Replaces the nonce put in the next ID token. */
  nonceOverride: string | undefined;
  readonly options: Required<FakeOptions>;
  readonly #codes = new Map<string, PendingCode>();
  readonly #refreshTokens = new Map<string, { clientId: string; used: boolean }>();
  #serial = 0;

  constructor(options: FakeOptions = {}) {
    this.options = { expiresIn: 3600, clockAheadSeconds: 0, issSupported: true, rotateRefreshTokens: true, pkceMethods: ['S256'], dpopAlgs: null, par: 'none', revocation: true, revocationAuthMethods: null, ...options };
  }

  get refreshRequests(): number {
    return this.tokenRequests.filter((p) => p.get('grant_type') === 'refresh_token').length;
  }

  /** What the authorization endpoint would send back after the user signs in. */
  async authorize(authorizationUrl: URL, overrides: Record<string, string | null> = {}): Promise<string> {
    const requestUri = authorizationUrl.searchParams.get('request_uri');
    const p = requestUri === null ? authorizationUrl.searchParams : this.pushed[Number(requestUri.split(':').at(-1))]!.params;
    if (this.options.par === 'required' && requestUri === null) throw new Error('fake server: PAR required');
    if (p.get('code_challenge_method') !== 'S256') throw new Error('fake server: PKCE S256 required');
    const code = `code-${++this.#serial}`;
    this.#codes.set(code, {
      challenge: p.get('code_challenge')!,
      redirectUri: p.get('redirect_uri')!,
      clientId: p.get('client_id')!,
      nonce: p.get('nonce'),
    });
    const callback = new URL(p.get('redirect_uri')!);
    const params: Record<string, string | null> = { code, state: p.get('state'), iss: ISSUER, ...overrides };
    for (const [name, value] of Object.entries(params)) if (value !== null) callback.searchParams.set(name, value);
    return callback.href;
  }

  /** Issues a session directly, as if sign-in had happened: for tests that start signed in. */
  issueRefreshToken(clientId: string): string {
    const token = `rt-${++this.#serial}`;
    this.#refreshTokens.set(token, { clientId, used: false });
    return token;
  }

  handlers(): HttpHandler[] {
    const metadata = {
      issuer: ISSUER,
      authorization_endpoint: `${ISSUER}/authorize`,
      token_endpoint: `${ISSUER}/token`,
      ...(this.options.revocation ? { revocation_endpoint: `${ISSUER}/revoke` } : {}),
      ...(this.options.revocationAuthMethods ? { revocation_endpoint_auth_methods_supported: this.options.revocationAuthMethods } : {}),
      end_session_endpoint: `${ISSUER}/logout`,
      ...(this.options.pkceMethods === null ? {} : { code_challenge_methods_supported: this.options.pkceMethods }),
      response_types_supported: ['code'],
      ...(this.options.issSupported ? { authorization_response_iss_parameter_supported: true } : {}),
      ...(this.options.dpopAlgs === null ? {} : { dpop_signing_alg_values_supported: this.options.dpopAlgs }),
      ...(this.options.par === 'none' ? {} : { pushed_authorization_request_endpoint: `${ISSUER}/par` }),
      ...(this.options.par === 'required' ? { require_pushed_authorization_requests: true } : {}),
    };
    return [
      http.get(`${ISSUER}/.well-known/openid-configuration`, () => {
        this.discoveryRequests++;
        return HttpResponse.json(metadata);
      }),
      http.get(`${ISSUER}/.well-known/oauth-authorization-server`, () => {
        this.discoveryRequests++;
        return HttpResponse.json(metadata);
      }),
      http.post(`${ISSUER}/token`, async ({ request }) => {
        const params = new URLSearchParams(await request.text());
        this.tokenRequests.push(params);
        this.tokenProofs.push(request.headers.get('dpop'));
        const override = await this.tokenOverride?.(params);
        if (override) return override;
        const response = await this.#token(params);
        if (!request.headers.has('dpop') || !response.ok) return response;
        // A DPoP proof came with the request: the tokens are bound (RFC 9449 §5).
        return HttpResponse.json({ ...((await response.json()) as object), token_type: 'DPoP' });
      }),
      http.post(`${ISSUER}/par`, async ({ request }) => {
        const params = new URLSearchParams(await request.text());
        this.pushed.push({ params, dpop: request.headers.get('dpop') });
        return HttpResponse.json({ request_uri: `urn:ietf:params:oauth:request_uri:${this.pushed.length - 1}`, expires_in: 60 }, { status: 201 });
      }),
      http.post(`${ISSUER}/revoke`, async ({ request }) => {
        const params = new URLSearchParams(await request.text());
        this.revocations.push(params);
        this.#refreshTokens.delete(params.get('token')!);
        return new HttpResponse(null, { status: 200 });
      }),
      http.all(`${API}/*`, async ({ request }) => this.#api(request)),
      http.all(`${OTHER}/*`, async ({ request }) => this.#api(request)),
      http.all(`${location.origin}/api/*`, async ({ request }) => this.#api(request)),
      // Any other *.example.test host answers too, so a test sees where a request went.
      http.all(/^https:\/\/[a-z0-9.-]+\.example\.test\//, async ({ request }) => this.#api(request)),
    ];
  }

  async #api(request: Request): Promise<Response> {
    const authorization = request.headers.get('authorization');
    this.apiRequests.push({ url: request.url, authorization, body: await request.text() });
    const token = authorization?.replace(/^Bearer /, '');
    if (request.url.includes('/always-401') || (token && this.revokedAccessTokens.has(token))) {
      return new HttpResponse(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' } });
    }
    return HttpResponse.json({ ok: true });
  }

  /** Access tokens the API will answer 401 invalid_token for. */
  readonly revokedAccessTokens = new Set<string>();

  async #token(params: URLSearchParams): Promise<Response> {
    const error = (code: string, status = 400) => HttpResponse.json({ error: code, error_description: `fake: ${code}` }, { status });
    const clientId = params.get('client_id')!;
    if (params.get('grant_type') === 'authorization_code') {
      const pending = this.#codes.get(params.get('code')!);
      this.#codes.delete(params.get('code')!);
      if (!pending || pending.clientId !== clientId || pending.redirectUri !== params.get('redirect_uri')) return error('invalid_grant');
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(params.get('code_verifier') ?? ''));
      if (base64url(digest) !== pending.challenge) return error('invalid_grant');
      return HttpResponse.json(this.#tokens(clientId, pending.nonce));
    }
    if (params.get('grant_type') === 'refresh_token') {
      const token = params.get('refresh_token')!;
      const known = this.#refreshTokens.get(token);
      if (!known || known.used || known.clientId !== clientId) {
        // Reuse detection: a used token ends the whole session.
        this.#refreshTokens.clear();
        return error('invalid_grant');
      }
      if (this.options.rotateRefreshTokens) known.used = true;
      const body = this.#tokens(clientId, null);
      if (!this.options.rotateRefreshTokens) delete (body as { refresh_token?: string }).refresh_token;
      return HttpResponse.json(body);
    }
    return error('unsupported_grant_type');
  }

  #tokens(clientId: string, nonce: string | null): Record<string, unknown> {
    const n = ++this.#serial;
    const now = Math.floor(Date.now() / 1000) + this.options.clockAheadSeconds;
    const refreshToken = this.issueRefreshToken(clientId);
    this.issuedAccessTokens.push(`at-${n}`);
    const body: Record<string, unknown> = {
      access_token: `at-${n}`,
      token_type: 'Bearer',
      expires_in: this.options.expiresIn,
      refresh_token: refreshToken,
      scope: 'openid',
    };
    if (nonce !== null || this.nonceOverride) {
      const claims = { iss: ISSUER, aud: clientId, sub: 'alice', name: 'Alice', iat: now, exp: now + 600, nonce: this.nonceOverride ?? nonce };
      // oauth4webapi does not verify ID-token signatures on the code flow's direct
      // TLS response (OIDC Core §3.1.3.7), so any signature bytes do here.
      body.id_token = `${jsonPart({ alg: 'RS256', typ: 'JWT' })}.${jsonPart(claims)}.${base64url(new Uint8Array(32))}`;
    }
    return body;
  }
}

export function withDelay(ms: number, response: Response): () => Promise<Response> {
  return async () => {
    await delay(ms);
    return response;
  };
}
