import { expect } from '@open-wc/testing';
import { createStore, get } from 'idb-keyval';
import { http, HttpResponse } from 'msw';
import type { GrantkitError } from '../src/index.js';
import { FakeAuthServer, ISSUER } from './support/fake-auth-server.js';
import { worker } from './support/msw.js';
import { makeClient, resetBrowserState, setUpFake, signIn } from './support/session.js';

// DPoP against the msw server: the choices made before any request. The proofs
// themselves are checked by a real verifier in test/e2e/provider.e2e.test.ts.

const decode = (jwt: string): [Record<string, unknown>, Record<string, unknown>] => {
  const [header, payload] = jwt.split('.').slice(0, 2).map((part) => JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>);
  return [header!, payload!];
};

describe('DPoP choices', () => {
  beforeEach(resetBrowserState);

  it('with dpop: true, refuses a server that does not offer ES256 proofs before any redirect', async () => {
    await setUpFake(new FakeAuthServer({ dpopAlgs: ['EdDSA'] }));
    const sdk = await makeClient({ dpop: true });
    const error = (await sdk.createAuthorizationUrl().catch((e: GrantkitError) => e)) as GrantkitError;
    expect(error.code).to.equal('dpop_unsupported');
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('grantkit:tx:')), 'no sign-in was started').to.deep.equal([]);
  });

  it("with dpop: 'auto', binds when the server offers it and stays bearer when it does not", async () => {
    const offering = await setUpFake(new FakeAuthServer({ dpopAlgs: ['ES256'] }));
    const bound = await makeClient({ dpop: 'auto' });
    const url = await bound.createAuthorizationUrl();
    expect(url.searchParams.get('dpop_jkt')).to.match(/^[\w-]{43}$/);
    await bound.handleRedirectCallback(await offering.authorize(url));
    expect(bound.tokenType).to.equal('dpop');
    const [header, payload] = decode(offering.tokenProofs[0]!);
    expect(header).to.include({ typ: 'dpop+jwt', alg: 'ES256' });
    expect(payload).to.include({ htm: 'POST', htu: `${ISSUER}/token` });
    expect(payload.ath, 'no access token yet').to.equal(undefined);

    sessionStorage.clear(); // the cached metadata of the first server
    const plain = await setUpFake(new FakeAuthServer());
    const bearer = await makeClient({ dpop: 'auto' });
    const plainUrl = await bearer.createAuthorizationUrl();
    expect(plainUrl.searchParams.has('dpop_jkt')).to.equal(false);
    await signIn(plain, bearer);
    expect(plain.tokenProofs).to.deep.equal([null]);
    expect(bearer.tokenType).to.equal('bearer');
  });

  it('with dpop: true, refuses a bearer token issued in answer to a proof: no silent downgrade', async () => {
    const fake = await setUpFake(new FakeAuthServer({ dpopAlgs: ['ES256'] }));
    const sdk = await makeClient({ dpop: true, scope: 'api' });
    const url = await sdk.createAuthorizationUrl();
    const callback = await fake.authorize(url);
    fake.tokenOverride = () => HttpResponse.json({ access_token: 'plain', token_type: 'Bearer', expires_in: 60 });
    const error = (await sdk.handleRedirectCallback(callback).catch((e: GrantkitError) => e)) as GrantkitError;
    expect(error.code).to.equal('dpop_unsupported');
    expect(sdk.isAuthenticated).to.equal(false);
  });

  it('sends each proof with ath to an allowed origin, and none to others', async () => {
    const fake = await setUpFake(new FakeAuthServer({ dpopAlgs: ['ES256'] }));
    const sdk = await makeClient({ dpop: true, allowedOrigins: [location.origin] });
    await signIn(fake, sdk);
    const seen: Array<string | null> = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      seen.push(new Request(input, init).headers.get('dpop'));
      return original(input, init);
    };
    try {
      await sdk.fetch('/api/a');
      await sdk.fetch('https://elsewhere.example.test/b');
    } finally {
      window.fetch = original;
    }
    const [, payload] = decode(seen[0]!);
    expect(payload).to.include({ htm: 'GET', htu: `${location.origin}/api/a` });
    expect(payload.ath).to.match(/^[\w-]{43}$/);
    expect(seen[1]).to.equal(null);
    expect(fake.apiRequests.map((r) => r.authorization?.split(' ')[0] ?? null)).to.deep.equal(['DPoP', null]);
  });

  it('signs a proof again and sends once more when it was refused after waiting over a minute, as in a long browser queue; not otherwise', async () => {
    const fake = await setUpFake(new FakeAuthServer({ dpopAlgs: ['ES256'] }));
    const sdk = await makeClient({ dpop: true, allowedOrigins: [location.origin] });
    await signIn(fake, sdk);
    const proofs: string[] = [];
    const realNow = Date.now;
    const refused = () => new HttpResponse(null, { status: 401, headers: { 'WWW-Authenticate': 'DPoP error="invalid_dpop_proof", error_description="the proof is too old"' } });
    worker.use(
      http.get(`${location.origin}/api/queued`, ({ request }) => {
        proofs.push(request.headers.get('dpop')!);
        if (proofs.length > 1) return HttpResponse.json({ ok: true });
        // The request sat in the browser's queue for two minutes before it reached the server.
        Date.now = () => realNow() + 120_000;
        return refused();
      }),
      http.get(`${location.origin}/api/refused`, ({ request }) => {
        proofs.push(request.headers.get('dpop')!);
        return refused();
      }),
    );
    try {
      const response = await sdk.fetch('/api/queued');
      expect(response.status).to.equal(200);
      expect(proofs.length).to.equal(2);
      const [first, second] = proofs.map((p) => decode(p)[1]);
      expect(second!.jti).to.not.equal(first!.jti);
      expect((second!.iat as number) - (first!.iat as number)).to.be.at.least(119);
    } finally {
      Date.now = realNow;
    }
    proofs.length = 0;
    expect((await sdk.fetch('/api/refused')).status, 'a proof refused at once is refused for another reason: no second try').to.equal(401);
    expect(proofs.length).to.equal(1);
  });

  it('keeps one key per client across page loads, and removes it at sign-out even if this page never used it', async () => {
    const fake = await setUpFake(new FakeAuthServer({ dpopAlgs: ['ES256'], revocation: false }));
    const clientId = `dpop-${Date.now()}`;
    const first = await makeClient({ dpop: true, clientId });
    await signIn(fake, first);
    const stored = () => get<CryptoKeyPair>(`${ISSUER}/ ${clientId}`, createStore('grantkit-dpop', 'keys'));
    expect(await stored()).not.to.equal(undefined);
    first.close();
    // The next page load: signed in from storage, no request made yet, no key loaded.
    const reloaded = await makeClient({ dpop: true, clientId });
    expect(reloaded.tokenType).to.equal('dpop');
    await reloaded.logout();
    expect(await stored()).to.equal(undefined);
  });
});
