import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { GrantkitError } from '../src/index.js';
import { parseWwwAuthenticate } from '../src/www-authenticate.js';
import { makeClient, resetBrowserState, setUpFake } from './support/session.js';

// Property tests over hostile input, bounded in time so that `npm test` stays quick.
// A failure prints the smallest input fast-check found; paste it into a plain test.
const bounded = { numRuns: 150, interruptAfterTimeLimit: 8_000 };

describe('fuzz: the authorization response on the callback page', () => {
  before(resetBrowserState);

  it('answers any URL with a GrantkitError or a sign-in, and asks for tokens only for the state it sent', async () => {
    const fake = await setUpFake();
    const sdk = await makeClient({ scope: 'openid' });
    const paramName = fc.constantFrom('code', 'state', 'iss', 'error', 'error_description', 'error_uri', 'session_state', 'response', '');
    const text = fc.oneof(fc.string(), fc.constantFrom('https://id.example.test', '<script>alert(1)</script>', '%', '%E0%A4%A', '\u0000', 'a'.repeat(5000)));
    const scenario = fc.record({
      // Mostly the state this tab sent: that is where the most code runs. An unknown state
      // costs a second (the page first offers the response to a popup opener), so it is rare.
      state: fc.oneof({ weight: 6, arbitrary: fc.constant('sent') }, { weight: 3, arbitrary: fc.constant('none') }, { weight: 1, arbitrary: fc.string() }),
      params: fc.array(fc.tuple(paramName, text), { maxLength: 6 }),
      prefix: fc.oneof(fc.constant(`${location.origin}/callback`), fc.constantFrom('/callback', 'http://[', 'https://:0x', '//', 'javascript:'), fc.webUrl(), fc.string()),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async ({ state, params, prefix }) => {
        const sent = new URL(await sdk.createAuthorizationUrl()).searchParams.get('state')!;
        const search = new URLSearchParams(params.filter(([name]) => name !== 'state'));
        if (state === 'sent') search.set('state', sent);
        else if (state !== 'none') search.set('state', state);
        const before = fake.tokenRequests.length;
        const here = location.href;
        const outcome = await sdk.handleRedirectCallback(`${prefix}?${search}`).then(
          () => 'signed in',
          (error: unknown) => error,
        );
        if (outcome !== 'signed in') expect(outcome).to.be.instanceOf(GrantkitError);
        const asked = fake.tokenRequests.length - before;
        expect(asked).to.be.at.most(state === 'sent' ? 1 : 0);
        expect(location.href).to.equal(here);
      }),
      bounded,
    );
  });
});

describe('fuzz: WWW-Authenticate', () => {
  const token = fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,12}$/);
  const quoted = fc.string({ maxLength: 20 }).map((s) => ({ raw: `"${s.replace(/["\\]/g, '\\$&')}"`, value: s }));
  const bare = token.map((s) => ({ raw: s, value: s }));
  const challenge = fc.record({
    scheme: token,
    params: fc.uniqueArray(fc.tuple(token, fc.oneof(quoted, bare)), { selector: ([name]) => name.toLowerCase(), minLength: 1, maxLength: 4 }),
  });

  it('reads back every well-formed list of challenges it is given', () => {
    fc.assert(
      fc.property(fc.array(challenge, { minLength: 1, maxLength: 4 }), fc.constantFrom(', ', ',', ' ,  '), (challenges, comma) => {
        const header = challenges.map((c) => `${c.scheme} ${c.params.map(([n, v]) => `${n}=${v.raw}`).join(comma)}`).join(comma);
        const parsed = parseWwwAuthenticate(header);
        expect(parsed).to.deep.equal(
          challenges.map((c) => ({ scheme: c.scheme.toLowerCase(), params: Object.fromEntries(c.params.map(([n, v]) => [n.toLowerCase(), v.value])) })),
        );
      }),
      { ...bounded, numRuns: 500 },
    );
  });

  it('never throws on garbage, and returns only lower-cased schemes and names', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.constantFrom('"', '\\', '=', ',', ' ', 'Bearer', 'error', 'a'), { maxLength: 60 }).map((a) => a.join(''))), (header) => {
        for (const c of parseWwwAuthenticate(header)) {
          expect(c.scheme).to.equal(c.scheme.toLowerCase());
          for (const name of Object.keys(c.params)) expect(name).to.equal(name.toLowerCase());
        }
      }),
      { ...bounded, numRuns: 1000 },
    );
  });
});
