import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { GrantkitError } from '../src/index.js';
import { makeClient, resetBrowserState, setUpFake } from './support/session.js';

// returnTo must never take the user to another site, whatever the app or a crafted link
// passes: every value that comes back resolves to the page's own origin.
const sameOrigin = (value: string) => new URL(value, location.href).origin === location.origin;

describe('returnTo stays on this site (no open redirect)', () => {
  before(resetBrowserState);

  it('turns paths that resolve to "//host" on this origin into this-origin paths', async () => {
    const fake = await setUpFake();
    const sdk = await makeClient({ scope: 'openid' });
    const crafted: Array<[string, string]> = [
      ['/.//evil.com', '/evil.com'],
      ['/a/..//evil.com', '/evil.com'],
      ['/%2e//evil.com', '/evil.com'],
      [`${location.origin}//evil.com`, '/evil.com'],
      ['/./\\/evil.com/x?y#z', '/evil.com/x?y#z'],
    ];
    for (const [returnTo, expected] of crafted) {
      const { returnTo: back } = await sdk.handleRedirectCallback(await fake.authorize(await sdk.createAuthorizationUrl({ returnTo })));
      expect(back, returnTo).to.equal(expected);
      expect(sameOrigin(back), returnTo).to.equal(true);
    }
    // A backslash reads as a slash, so this one names another host: refused outright.
    const refused = await sdk.createAuthorizationUrl({ returnTo: '/\\evil.com' }).catch((error: unknown) => error);
    expect((refused as GrantkitError).code).to.equal('config_invalid');
  });

  it('returns a same-origin returnTo from the sign-in, for any input (fast-check)', async () => {
    const fake = await setUpFake();
    const sdk = await makeClient({ scope: 'openid' });
    const segment = fc.constantFrom('', '.', '..', '%2e', '%2E%2e', 'evil.com', '\\', '\\evil.com', 'a', '@evil.com', ':', '%2f', '%5c');
    const crafted = fc.oneof(
      fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`),
      fc.array(segment, { maxLength: 6 }).map((parts) => `${location.origin}/${parts.join('/')}`),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(crafted, async (returnTo) => {
        const url = await sdk.createAuthorizationUrl({ returnTo }).catch((error: unknown) => error);
        if (!(url instanceof URL)) {
          // Refused: only ever as a typed error.
          expect(url).to.be.instanceOf(GrantkitError);
          return;
        }
        const result = await sdk.handleRedirectCallback(await fake.authorize(url));
        expect(sameOrigin(result.returnTo), `${returnTo} → ${result.returnTo}`).to.equal(true);
        expect(result.returnTo.startsWith('//')).to.equal(false);
      }),
      { numRuns: 60, interruptAfterTimeLimit: 6_000 },
    );
  });
});
