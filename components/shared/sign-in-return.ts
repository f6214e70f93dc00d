import type { GrantkitClient, UserClaims } from '../../src/index.js';

/**
 * Completes the redirect back from sign-in when this page carries an authorization
 * response, and puts the address back to where sign-in began. Resolves to the user when
 * a sign-in completed here, undefined otherwise; rejects with the client's typed error.
 */
export async function completeSignInIfReturning(sdk: GrantkitClient): Promise<UserClaims | Record<string, never> | undefined> {
  const params = new URL(location.href).searchParams;
  if (!params.has('state') && !params.has('error')) return undefined;
  const { returnTo, handledByOpener } = await sdk.handleRedirectCallback();
  if (handledByOpener) return undefined;
  history.replaceState(history.state, '', returnTo);
  return sdk.user ?? {};
}
