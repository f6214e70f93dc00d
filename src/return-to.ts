import { GrantkitError } from './errors.js';

/**
 * Resolves `returnTo` against the page and keeps only same-origin targets, as a path,
 * so that a crafted link can never turn the sign-in into an open redirect.
 */
export function sameOriginPath(returnTo: string | undefined): string {
  const here = new URL(location.href);
  if (returnTo === undefined) return `/${here.pathname.replace(/^\/+/, '')}${here.search}${here.hash}`;
  let target: URL;
  try {
    target = new URL(returnTo, here);
  } catch (cause) {
    throw new GrantkitError('config_invalid', `returnTo is not a URL: ${returnTo}`, { cause });
  }
  if (target.origin !== here.origin) {
    throw new GrantkitError('config_invalid', `returnTo must be on this site (${here.origin}), got ${target.origin}`);
  }
  // The origin check alone is not enough: `/.//evil.com` resolves on this origin to the path
  // `//evil.com`, which read back as a URL is another site. A path with one leading slash
  // can only name this origin, so that is what is handed back, by construction.
  return `/${target.pathname.replace(/^\/+/, '')}${target.search}${target.hash}`;
}
