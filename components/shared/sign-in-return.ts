import type { GrantkitClient, UserClaims } from '../../src/index.js';
// The rule alone, not the core, which elements load only when they create a client.
import { isAuthorizationResponse } from '../../src/authorization-response.js';

/**
 * Completes the redirect back from sign-in when this page carries an authorization
 * response, and puts the address back to where sign-in began. Resolves to the user when
 * a sign-in completed here, undefined otherwise; rejects with the client's typed error.
 */
export async function completeSignInIfReturning(sdk: GrantkitClient): Promise<UserClaims | Record<string, never> | undefined> {
  if (!isAuthorizationResponse()) return undefined;
  const { handledByOpener, signedOut } = await sdk.handleRedirectCallback({ restoreReturnTo: true });
  // Back from logout (its state), or the popup's window: nobody signed in here.
  if (handledByOpener || signedOut) return undefined;
  return sdk.user ?? {};
}
