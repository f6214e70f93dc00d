// The internals of oidc-provider the reference server touches; see provider.ts.
declare module 'oidc-provider/lib/helpers/weak_cache.js' {
  export default function instance(provider: object): {
    configuration: { scopes: Set<string> };
    /** The DPoP nonce challenge of features.dPoP.nonceSecret (lib/helpers/challenge.js). */
    DPoPNonces?: { nextChallenge(): string; checkChallenge(nonce: string): boolean };
  };
}
